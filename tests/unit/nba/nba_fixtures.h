#pragma once
// Journeys for next-best-action tests: touchpoints placed in days before a fixed as_of,
// the default stage map, and helpers to read a response.

#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "absl/time/time.h"
#include "journey/default_stage_map.h"
#include "journey/stage_resolver.h"
#include "nba/engine.h"
#include "nba/rules_loader.h"

namespace journeydesk::nba::testing_support {

// 2025-06-15T12:00:00Z.
inline const absl::Time kAsOf = absl::FromCivil(absl::CivilSecond(2025, 6, 15, 12, 0, 0), absl::UTCTimeZone());

inline absl::Time DaysBefore(double days) { return kAsOf - absl::Seconds(std::llround(days * 86400)); }

struct Tp {
  std::string id;
  double days_before;
  std::string channel;
  std::string kind;
  v1::Direction direction = v1::DIRECTION_INBOUND;
  v1::Outcome outcome = v1::OUTCOME_UNSPECIFIED;
  int nps = -1;  // -1: no response
  std::string contract_end;  // attribute, when set
};

inline v1::Touchpoint Make(const Tp& spec) {
  v1::Touchpoint touchpoint;
  touchpoint.set_id(spec.id);
  touchpoint.set_customer_id("C-0001");
  touchpoint.set_channel(spec.channel);
  touchpoint.set_kind(spec.kind);
  touchpoint.mutable_occurred_at()->set_seconds(absl::ToUnixSeconds(DaysBefore(spec.days_before)));
  touchpoint.set_direction(spec.direction);
  touchpoint.set_outcome(spec.outcome);
  if (spec.nps >= 0) touchpoint.set_nps(spec.nps);
  if (!spec.contract_end.empty()) (*touchpoint.mutable_attributes())["contract_end"] = spec.contract_end;
  return touchpoint;
}

// An outcome touchpoint of an earlier suggestion, as RecordActionOutcome stores it.
inline v1::Touchpoint Outcome(const std::string& id, double days_before, const std::string& action_id,
                              v1::ActionOutcome outcome, const std::string& channel = "phone",
                              const std::string& contact_id = "", const std::string& reason = "") {
  v1::Touchpoint touchpoint = Make({id, days_before, channel, std::string(OutcomeKind(outcome)),
                                    v1::DIRECTION_INTERNAL});
  (*touchpoint.mutable_attributes())["action_id"] = action_id;
  if (!reason.empty()) (*touchpoint.mutable_attributes())["reason"] = reason;
  touchpoint.set_contact_id(contact_id);
  return touchpoint;
}

inline std::vector<v1::Touchpoint> MakeAll(const std::vector<Tp>& specs) {
  std::vector<v1::Touchpoint> touchpoints;
  for (const Tp& spec : specs) touchpoints.push_back(Make(spec));
  return touchpoints;
}

// The default stage map and rules, a consenting active customer, and a runner.
class NbaTest : public ::testing::Test {
 protected:
  NbaTest() : map_(*journey::LoadDefaultStageMap()), stages_(map_) {
    absl::StatusOr<RuleSetPtr> rules = LoadDefaultRules(&map_);
    EXPECT_TRUE(rules.ok()) << rules.status();
    if (rules.ok()) default_rules_ = *rules;
    customer_.set_id("C-0001");
    customer_.set_display_name("Anna Jansen");
    customer_.set_lifecycle_state(v1::LIFECYCLE_ACTIVE);
    customer_.mutable_consent()->set_profiling(true);
    (*customer_.mutable_attributes())["plan"] = "Mobile 20GB";
    customer_.mutable_created_at()->set_seconds(absl::ToUnixSeconds(DaysBefore(400)));
  }

  RuleSetPtr Rules(std::string_view text) {
    absl::StatusOr<RuleSetPtr> rules = ParseRulesText(text, "test.textproto", &map_);
    EXPECT_TRUE(rules.ok()) << rules.status();
    return rules.ok() ? *rules : default_rules_;
  }

  v1::SuggestNextStepsResponse Run(const std::vector<v1::Touchpoint>& touchpoints, const RuleSet* rules = nullptr,
                                   std::string_view channel = "phone", int max_suggestions = 10) {
    SuggestOptions options;
    options.channel = channel;
    options.max_suggestions = max_suggestions;
    return Suggest(rules != nullptr ? *rules : *default_rules_,
                   NbaInput{customer_, touchpoints, map_, stages_, kAsOf}, options);
  }

  static std::vector<std::string> Suggested(const v1::SuggestNextStepsResponse& response) {
    std::vector<std::string> ids;
    for (const v1::Suggestion& suggestion : response.suggestions()) ids.push_back(suggestion.action_id());
    return ids;
  }
  static std::string Top(const v1::SuggestNextStepsResponse& response) {
    return response.suggestions_size() > 0 ? response.suggestions(0).action_id() : "(none)";
  }
  static const v1::Suggestion* Find(const v1::SuggestNextStepsResponse& response, std::string_view action_id) {
    for (const v1::Suggestion& suggestion : response.suggestions()) {
      if (suggestion.action_id() == action_id) return &suggestion;
    }
    return nullptr;
  }
  static const v1::SuppressedAction* FindSuppressed(const v1::SuggestNextStepsResponse& response,
                                                    std::string_view action_id) {
    for (const v1::SuppressedAction& suppressed : response.suppressed()) {
      if (suppressed.action_id() == action_id) return &suppressed;
    }
    return nullptr;
  }
  static bool Mentions(const v1::SuggestNextStepsResponse& response, std::string_view action_id) {
    return Find(response, action_id) != nullptr || FindSuppressed(response, action_id) != nullptr;
  }
  static std::vector<std::string> RuleIds(const v1::Suggestion& suggestion) {
    std::vector<std::string> ids;
    for (const v1::Reason& reason : suggestion.reasons()) ids.push_back(reason.rule_id());
    return ids;
  }

  v1::StageMap map_;
  journey::StageResolver stages_;
  RuleSetPtr default_rules_;
  v1::Customer customer_;
};

}  // namespace journeydesk::nba::testing_support
