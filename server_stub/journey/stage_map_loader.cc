#include "journey/stage_map_loader.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/text_format.h"
#include "common/absl_string_view.h"
#include "common/proto_config_file.h"
#include "journey/default_stage_map.h"

namespace journeydesk::journey {
namespace {

// Keeps the first error the text format parser reports, as "<source>:<line>:<column>: <reason>".
bool IsLowerIdentifier(std::string_view value, size_t max_length) {
  if (value.empty() || value.size() > max_length) return false;
  for (char c : value) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

bool IsIdentifierChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The 1-based line of the `occurrence`-th (from 0) `key: "value"` (text format) or
// `"key": "value"` (JSON) in `text`; 0 when not found.
int FindLineOf(std::string_view text, std::string_view key, std::string_view value,
               int occurrence = 0) {
  if (text.empty() || value.empty()) return 0;
  const std::string quoted = absl::StrCat("\"", ToAbsl(value), "\"");
  for (size_t pos = text.find(quoted); pos != std::string_view::npos;
       pos = text.find(quoted, pos + 1)) {
    size_t j = pos;
    auto skip_space_back = [&] {
      while (j > 0 && (text[j - 1] == ' ' || text[j - 1] == '\t')) --j;
    };
    skip_space_back();
    if (j == 0 || text[j - 1] != ':') continue;
    --j;
    skip_space_back();
    if (j > 0 && text[j - 1] == '"') --j;  // JSON key
    if (j < key.size() || text.substr(j - key.size(), key.size()) != key) continue;
    const size_t key_start = j - key.size();
    if (key_start > 0 && IsIdentifierChar(text[key_start - 1])) continue;  // e.g. default_stage
    if (occurrence-- > 0) continue;
    int line = 1;
    for (size_t i = 0; i < pos; ++i) line += text[i] == '\n';
    return line;
  }
  return 0;
}

// "<source>:<line>: " or "<source>: " when the line is unknown.
std::string Where(std::string_view source, int line) {
  const absl::string_view source_name = ToAbsl(source);
  if (line > 0) return absl::StrCat(source_name, ":", line, ": ");
  return absl::StrCat(source_name, ": ");
}

absl::StatusOr<v1::StageMap> ValidatedOrError(v1::StageMap map, std::string_view source_name,
                                              std::string_view text) {
  absl::Status status = ValidateStageMap(map, source_name, text);
  if (!status.ok()) return status;
  return map;
}

}  // namespace

absl::Status ValidateStageMap(const v1::StageMap& map, std::string_view source_name,
                              std::string_view source_text) {
  if (map.stages_size() == 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        Where(source_name, 0),
        "the stage map has no stages; add at least one `stages { id: ... name: ... "
        "recovery_policy: ... kinds: ... }`"));
  }
  absl::flat_hash_map<absl::string_view, int> stage_by_id;
  absl::flat_hash_map<absl::string_view, absl::string_view> stage_by_kind;
  for (int i = 0; i < map.stages_size(); ++i) {
    const v1::StageDefinition& stage = map.stages(i);
    const int line = FindLineOf(source_text, "id", stage.id());
    const std::string where = Where(source_name, line);
    if (!IsLowerIdentifier(stage.id(), 64)) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, "stage #", i + 1, ": id \"", stage.id(),
          "\" must be 1 to 64 characters of a-z, 0-9 and _"));
    }
    const std::string stage_label = absl::StrCat("stage \"", stage.id(), "\": ");
    auto [it, inserted] = stage_by_id.try_emplace(stage.id(), i);
    if (!inserted) {
      // The first `id: "x"` is the earlier stage; point at the second one.
      const int dup_line = FindLineOf(source_text, "id", stage.id(), /*occurrence=*/1);
      return absl::InvalidArgumentError(absl::StrCat(
          Where(source_name, dup_line), stage_label, "id is already used by stage #",
          it->second + 1, "; stage ids must be unique"));
    }
    if (stage.name().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, stage_label, "name is required (agents see it on the journey map)"));
    }
    if (stage.recovery_policy().empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, stage_label,
          "recovery_policy is required (what an agent does when the service failed at this stage)"));
    }
    for (const std::string& kind : stage.kinds()) {
      if (!IsLowerIdentifier(kind, 64)) {
        return absl::InvalidArgumentError(absl::StrCat(
            where, stage_label, "kind \"", kind, "\" must be 1 to 64 characters of a-z, 0-9 and _"));
      }
      auto [kind_it, kind_inserted] = stage_by_kind.try_emplace(kind, stage.id());
      if (!kind_inserted) {
        return absl::InvalidArgumentError(absl::StrCat(
            where, stage_label, "kind \"", kind, "\" is already mapped to stage \"",
            kind_it->second, "\""));
      }
    }
  }
  if (!map.default_stage().empty() && !stage_by_id.contains(map.default_stage())) {
    std::vector<absl::string_view> ids;
    ids.reserve(map.stages_size());
    for (const v1::StageDefinition& stage : map.stages()) ids.push_back(stage.id());
    return absl::InvalidArgumentError(absl::StrCat(
        Where(source_name, FindLineOf(source_text, "default_stage", map.default_stage())),
        "default_stage \"", map.default_stage(), "\" is not a stage of this map; use one of: ",
        absl::StrJoin(ids, ", ")));
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::StageMap> ParseStageMapText(std::string_view text, std::string_view source) {
  v1::StageMap map;
  if (absl::Status parsed = ParseTextConfig(text, source, "stage map", &map); !parsed.ok()) return parsed;
  return ValidatedOrError(std::move(map), source, text);
}

absl::StatusOr<v1::StageMap> ParseStageMapJson(std::string_view text, std::string_view source) {
  v1::StageMap map;
  if (absl::Status parsed = ParseJsonConfig(text, source, "stage map", &map); !parsed.ok()) return parsed;
  return ValidatedOrError(std::move(map), source, text);
}

absl::StatusOr<v1::StageMap> LoadStageMapFile(const std::string& path) {
  absl::StatusOr<ConfigFormat> format = ConfigFormatOf(path, "stage map");
  if (!format.ok()) return format.status();
  absl::StatusOr<std::string> text = ReadConfigFile(path, "stage map");
  if (!text.ok()) return text.status();
  return *format == ConfigFormat::kJson ? ParseStageMapJson(*text, path) : ParseStageMapText(*text, path);
}

absl::StatusOr<v1::StageMap> LoadDefaultStageMap() {
  return ParseStageMapText(DefaultStageMapText(), kDefaultStageMapSource);
}

}  // namespace journeydesk::journey
