#include "nba/text_template.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/absl_string_view.h"

namespace journeydesk::nba {

std::string FormatFeature(const JourneyFacts& facts, Feature feature) {
  if (!facts.known(feature)) return "unknown";
  const double value = facts.value(feature);
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    return absl::StrCat(static_cast<int64_t>(value));
  }
  return absl::StrFormat("%.1f", value);
}

absl::StatusOr<TextTemplate> TextTemplate::Parse(std::string_view text) {
  TextTemplate result;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t open = text.find('{', pos);
    if (open == std::string_view::npos) {
      result.parts_.push_back({Kind::kText, std::string(text.substr(pos)), 0});
      break;
    }
    if (open > pos) result.parts_.push_back({Kind::kText, std::string(text.substr(pos, open - pos)), 0});
    const size_t close = text.find('}', open);
    if (close == std::string_view::npos) {
      return absl::InvalidArgumentError(absl::StrCat(
          "unclosed placeholder \"", ToAbsl(text.substr(open, 24)),
          "\"; placeholders are {signal:CODE}, {feature:NAME}, {stage}, {recovery_policy}, {attribute:KEY}"));
    }
    const std::string_view body = text.substr(open + 1, close - open - 1);
    const size_t colon = body.find(':');
    const std::string_view name = body.substr(0, colon);
    const std::string_view arg = colon == std::string_view::npos ? std::string_view() : body.substr(colon + 1);
    if (body == "stage") {
      result.parts_.push_back({Kind::kStage, "", 0});
    } else if (body == "recovery_policy") {
      result.parts_.push_back({Kind::kRecoveryPolicy, "", 0});
    } else if (name == "signal" && !arg.empty()) {
      std::optional<Signal> signal = SignalByCode(arg);
      if (!signal) {
        return absl::InvalidArgumentError(absl::StrCat("unknown signal \"", ToAbsl(arg), "\" in {",
                                                       ToAbsl(body), "}"));
      }
      result.parts_.push_back({Kind::kSignal, "", static_cast<int>(*signal)});
    } else if (name == "feature" && !arg.empty()) {
      std::optional<Feature> feature = FeatureByName(arg);
      if (!feature) {
        return absl::InvalidArgumentError(absl::StrCat("unknown feature \"", ToAbsl(arg), "\" in {",
                                                       ToAbsl(body), "}"));
      }
      result.parts_.push_back({Kind::kFeature, "", static_cast<int>(*feature)});
    } else if (name == "attribute" && !arg.empty()) {
      result.parts_.push_back({Kind::kAttribute, std::string(arg), 0});
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          "unknown placeholder {", ToAbsl(body),
          "}; use {signal:CODE}, {feature:NAME}, {stage}, {recovery_policy} or {attribute:KEY}"));
    }
    pos = close + 1;
  }
  return result;
}

std::string TextTemplate::Render(const JourneyFacts& facts) const {
  std::string out;
  for (const Part& part : parts_) {
    switch (part.kind) {
      case Kind::kText:
        out += part.text;
        break;
      case Kind::kSignal:
        if (const v1::LiveSignal* signal = facts.signal(static_cast<Signal>(part.id))) out += signal->text();
        break;
      case Kind::kFeature:
        out += FormatFeature(facts, static_cast<Feature>(part.id));
        break;
      case Kind::kStage:
        out += facts.current_stage_name();
        break;
      case Kind::kRecoveryPolicy:
        out += facts.recovery_policy();
        break;
      case Kind::kAttribute: {
        const auto& attributes = facts.customer().attributes();
        if (auto it = attributes.find(part.text); it != attributes.end()) out += it->second;
        break;
      }
    }
  }
  return out;
}

std::vector<Signal> TextTemplate::Signals() const {
  std::vector<Signal> signals;
  for (const Part& part : parts_) {
    if (part.kind == Kind::kSignal) signals.push_back(static_cast<Signal>(part.id));
  }
  return signals;
}

}  // namespace journeydesk::nba
