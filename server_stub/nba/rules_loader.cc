#include "nba/rules_loader.h"

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/absl_string_view.h"
#include "common/proto_config_file.h"
#include "google/protobuf/text_format.h"

namespace journeydesk::nba {
namespace {

using google::protobuf::TextFormat;

// Exact field locations recorded by the text format parser.
class TextLocator final : public SourceLocator {
 public:
  explicit TextLocator(const TextFormat::ParseInfoTree& tree) : tree_(tree) {}
  int Line(std::initializer_list<Step> path) const override {
    const TextFormat::ParseInfoTree* tree = &tree_;
    const google::protobuf::Descriptor* descriptor = v1::NbaRules::descriptor();
    int line = 0;
    for (const Step& step : path) {
      const google::protobuf::FieldDescriptor* field = descriptor->FindFieldByName(step.field);
      if (field == nullptr || tree == nullptr) return line;
      if (field->is_repeated() != (step.index >= 0)) return line;
      const TextFormat::ParseLocation location = tree->GetLocation(field, step.index);
      if (location.line < 0) return line;
      line = location.line + 1;
      if (field->message_type() == nullptr) return line;
      tree = tree->GetTreeForNested(field, step.index);
      descriptor = field->message_type();
    }
    return line;
  }

 private:
  const TextFormat::ParseInfoTree& tree_;
};

// JSON: protobuf records no locations, so the line of the item's `"id": "<id>"` is used.
class JsonLocator final : public SourceLocator {
 public:
  JsonLocator(std::string_view text, const v1::NbaRules& rules) : text_(text), rules_(rules) {}
  int Line(std::initializer_list<Step> path) const override {
    if (path.size() == 0) return 0;
    const Step& first = *path.begin();
    std::string_view id;
    if (std::string_view(first.field) == "actions" && first.index >= 0 && first.index < rules_.actions_size()) {
      id = rules_.actions(first.index).id();
    } else if (std::string_view(first.field) == "rules" && first.index >= 0 && first.index < rules_.rules_size()) {
      id = rules_.rules(first.index).id();
    }
    if (id.empty()) return 0;
    const std::string needle = absl::StrCat("\"", ToAbsl(id), "\"");
    for (size_t pos = text_.find(needle); pos != std::string_view::npos; pos = text_.find(needle, pos + 1)) {
      size_t j = pos;
      while (j > 0 && (text_[j - 1] == ' ' || text_[j - 1] == '\t')) --j;
      if (j == 0 || text_[j - 1] != ':') continue;
      --j;
      while (j > 0 && (text_[j - 1] == ' ' || text_[j - 1] == '\t')) --j;
      if (j < 4 || text_.substr(j - 4, 4) != "\"id\"") continue;
      int line = 1;
      for (size_t i = 0; i < pos; ++i) line += text_[i] == '\n';
      return line;
    }
    return 0;
  }

 private:
  std::string_view text_;
  const v1::NbaRules& rules_;
};

}  // namespace

absl::StatusOr<RuleSetPtr> ParseRulesText(std::string_view text, std::string_view source,
                                          const v1::StageMap* stage_map) {
  v1::NbaRules rules;
  TextFormat::ParseInfoTree tree;
  if (absl::Status parsed = ParseTextConfig(text, source, "rules file", &rules, &tree); !parsed.ok()) {
    return parsed;
  }
  return RuleSet::Compile(std::move(rules), source, TextLocator(tree), stage_map);
}

absl::StatusOr<RuleSetPtr> ParseRulesJson(std::string_view text, std::string_view source,
                                          const v1::StageMap* stage_map) {
  v1::NbaRules rules;
  if (absl::Status parsed = ParseJsonConfig(text, source, "rules file", &rules); !parsed.ok()) return parsed;
  return RuleSet::Compile(rules, source, JsonLocator(text, rules), stage_map);
}

absl::StatusOr<RuleSetPtr> LoadRulesFile(const std::string& path, const v1::StageMap* stage_map) {
  absl::StatusOr<ConfigFormat> format = ConfigFormatOf(path, "rules file");
  if (!format.ok()) return format.status();
  absl::StatusOr<std::string> text = ReadConfigFile(path, "rules file");
  if (!text.ok()) return text.status();
  return *format == ConfigFormat::kJson ? ParseRulesJson(*text, path, stage_map)
                                        : ParseRulesText(*text, path, stage_map);
}

absl::StatusOr<RuleSetPtr> LoadDefaultRules(const v1::StageMap* stage_map) {
  return ParseRulesText(DefaultRulesText(), kDefaultRulesSource, stage_map);
}

}  // namespace journeydesk::nba
