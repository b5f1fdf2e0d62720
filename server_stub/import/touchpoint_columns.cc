#include "import/touchpoint_columns.h"

#include <set>
#include "absl/strings/string_view.h"
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"

namespace journeydesk::import {
namespace {

constexpr absl::string_view kAttributePrefix = "attr.";

template <typename Enum>
struct EnumName {
  absl::string_view name;
  Enum value;
};

const std::vector<std::pair<absl::string_view, int>>& KnownColumns() {
  static const auto* columns = new std::vector<std::pair<absl::string_view, int>>{
      {"id", 0},         {"customer_id", 1}, {"address", 2},   {"channel", 3},
      {"kind", 4},       {"occurred_at", 5}, {"stage", 6},     {"direction", 7},
      {"summary", 8},    {"outcome", 9},     {"sentiment", 10}, {"agent_id", 11},
      {"contact_id", 12}, {"nps", 13},       {"effort", 14},
  };
  return *columns;
}

std::string KnownColumnList() {
  std::vector<absl::string_view> names;
  for (const auto& [name, field] : KnownColumns()) names.push_back(name);
  return absl::StrCat(absl::StrJoin(names, ", "), " and attr.<key>");
}

absl::Status BadValue(const std::string& column, absl::string_view problem, const std::string& value) {
  return absl::InvalidArgumentError(absl::StrCat("column \"", column, "\": ", problem, ": \"", value, "\""));
}

// Parses `value` as one of `names` (case-insensitive; the enum's full name also works).
template <typename Enum>
absl::StatusOr<Enum> ParseEnum(const std::string& column, const std::string& value,
                               absl::string_view prefix, const std::vector<EnumName<Enum>>& names) {
  std::string lower = absl::AsciiStrToLower(value);
  if (absl::StartsWith(lower, prefix)) lower.erase(0, prefix.size());
  std::vector<absl::string_view> allowed;
  for (const auto& entry : names) {
    if (lower == entry.name) return entry.value;
    allowed.push_back(entry.name);
  }
  return BadValue(column, absl::StrCat("expected ", absl::StrJoin(allowed, ", ")), value);
}

absl::StatusOr<int> ParseInt(const std::string& column, const std::string& value, int min, int max) {
  int number = 0;
  if (!absl::SimpleAtoi(value, &number)) return BadValue(column, "not a number", value);
  if (number < min || number > max) {
    return BadValue(column, absl::StrCat("out of range ", min, "-", max), value);
  }
  return number;
}

}  // namespace

absl::StatusOr<TouchpointColumns> TouchpointColumns::FromHeader(const std::vector<std::string>& header) {
  TouchpointColumns result;
  std::set<std::string> seen;
  for (const std::string& raw : header) {
    const std::string name(absl::StripAsciiWhitespace(raw));
    if (name.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "line 1: column ", result.columns_.size() + 1, " has no name; the header must name every column"));
    }
    if (!seen.insert(name).second) {
      return absl::InvalidArgumentError(absl::StrCat("line 1: column \"", name, "\" appears twice"));
    }
    if (absl::StartsWith(name, kAttributePrefix)) {
      const std::string key = name.substr(kAttributePrefix.size());
      if (key.empty()) {
        return absl::InvalidArgumentError("line 1: column \"attr.\" needs a key, e.g. \"attr.campaign\"");
      }
      result.columns_.push_back({name, Field::kAttribute, key});
      continue;
    }
    bool known = false;
    for (const auto& [known_name, field] : KnownColumns()) {
      if (name == known_name) {
        result.columns_.push_back({name, static_cast<Field>(field), ""});
        known = true;
        break;
      }
    }
    if (!known) {
      return absl::InvalidArgumentError(absl::StrCat("line 1: unknown column \"", name,
                                                     "\"; the columns are ", KnownColumnList()));
    }
  }
  return result;
}

absl::Status TouchpointColumns::SetField(const Column& column, const std::string& value,
                                         v1::Touchpoint& out) {
  switch (column.field) {
    case Field::kId: out.set_id(value); break;
    case Field::kCustomerId: out.set_customer_id(value); break;
    case Field::kAddress: out.set_address(value); break;
    case Field::kChannel: out.set_channel(value); break;
    case Field::kKind: out.set_kind(value); break;
    case Field::kStage: out.set_stage(value); break;
    case Field::kSummary: out.set_summary(value); break;
    case Field::kAgentId: out.set_agent_id(value); break;
    case Field::kContactId: out.set_contact_id(value); break;
    case Field::kAttribute: (*out.mutable_attributes())[column.attribute_key] = value; break;
    case Field::kOccurredAt: {
      absl::Time t;
      std::string error;
      if (!absl::ParseTime(absl::RFC3339_full, value, &t, &error)) {
        return BadValue(column.name, "not an RFC 3339 time such as 2026-03-14T09:30:00Z", value);
      }
      const absl::Duration since_epoch = t - absl::UnixEpoch();
      const int64_t seconds = absl::ToInt64Seconds(since_epoch);
      out.mutable_occurred_at()->set_seconds(seconds);
      out.mutable_occurred_at()->set_nanos(
          static_cast<int32_t>(absl::ToInt64Nanoseconds(since_epoch - absl::Seconds(seconds))));
      break;
    }
    case Field::kDirection: {
      auto direction = ParseEnum<v1::Direction>(column.name, value, "direction_",
                                                {{"inbound", v1::DIRECTION_INBOUND},
                                                 {"outbound", v1::DIRECTION_OUTBOUND},
                                                 {"internal", v1::DIRECTION_INTERNAL}});
      if (!direction.ok()) return direction.status();
      out.set_direction(*direction);
      break;
    }
    case Field::kOutcome: {
      auto outcome = ParseEnum<v1::Outcome>(column.name, value, "outcome_",
                                            {{"resolved", v1::OUTCOME_RESOLVED},
                                             {"unresolved", v1::OUTCOME_UNRESOLVED},
                                             {"escalated", v1::OUTCOME_ESCALATED}});
      if (!outcome.ok()) return outcome.status();
      out.set_outcome(*outcome);
      break;
    }
    case Field::kSentiment: {
      auto sentiment = ParseEnum<v1::Sentiment>(column.name, value, "sentiment_",
                                                {{"negative", v1::SENTIMENT_NEGATIVE},
                                                 {"neutral", v1::SENTIMENT_NEUTRAL},
                                                 {"positive", v1::SENTIMENT_POSITIVE}});
      if (!sentiment.ok()) return sentiment.status();
      out.set_sentiment(*sentiment);
      break;
    }
    case Field::kNps: {
      auto nps = ParseInt(column.name, value, 0, 10);
      if (!nps.ok()) return nps.status();
      out.set_nps(*nps);
      break;
    }
    case Field::kEffort: {
      auto effort = ParseInt(column.name, value, 1, 7);
      if (!effort.ok()) return effort.status();
      out.set_effort(*effort);
      break;
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::Touchpoint> TouchpointColumns::ToTouchpoint(const std::vector<std::string>& fields) const {
  if (fields.size() != columns_.size()) {
    return absl::InvalidArgumentError(absl::StrCat("expected ", columns_.size(),
                                                   " fields as in the header, found ", fields.size()));
  }
  v1::Touchpoint touchpoint;
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (fields[i].empty()) continue;
    if (absl::Status status = SetField(columns_[i], fields[i], touchpoint); !status.ok()) return status;
  }
  if (absl::Status status = ValidateImportedTouchpoint(touchpoint); !status.ok()) return status;
  return touchpoint;
}

absl::Status ValidateImportedTouchpoint(const v1::Touchpoint& touchpoint) {
  if (touchpoint.kind().empty()) {
    return absl::InvalidArgumentError("kind is missing; every touchpoint needs one, e.g. \"call_inbound\"");
  }
  if (touchpoint.customer_id().empty() && touchpoint.address().empty()) {
    return absl::InvalidArgumentError("customer_id and address are both missing; give one of them");
  }
  if (touchpoint.has_nps() && (touchpoint.nps() < 0 || touchpoint.nps() > 10)) {
    return absl::InvalidArgumentError(absl::StrCat("nps out of range 0-10: ", touchpoint.nps()));
  }
  if (touchpoint.has_effort() && (touchpoint.effort() < 1 || touchpoint.effort() > 7)) {
    return absl::InvalidArgumentError(absl::StrCat("effort out of range 1-7: ", touchpoint.effort()));
  }
  return absl::OkStatus();
}

}  // namespace journeydesk::import
