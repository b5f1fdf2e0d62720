#pragma once
// The contact policy: how often an action may be offered to one customer, across every
// channel, judged from the outcome touchpoints of earlier suggestions (features.h).
//
// An offer is an outcome touchpoint of the action (offered, accepted, declined or
// completed); several outcomes of one action in the same contact (same non-empty
// contact_id) are one offer. For one action, checked in this order:
//   declined recently   a decline within decline_suppression_days       → DECLINED_RECENTLY
//   already handled     an acceptance or completion within handled_suppression_days, and
//                       no evidence of the rules firing now is newer    → ALREADY_HANDLED
//   cool-down           the last offer within cooldown_hours            → CONTACT_POLICY
//   cap                 max_offers offers within per_days               → CONTACT_POLICY
// The customer policy caps offers of all selling actions together (max_offers/per_days,
// cooldown_hours). Pure functions.

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/types/span.h"
#include "journeydesk/v1/nba_rules.pb.h"
#include "journeydesk/v1/next_steps.pb.h"
#include "nba/features.h"
#include "nba/rule_set.h"

namespace journeydesk::nba {

struct PolicyVerdict {
  v1::SuppressionReason why = v1::SUPPRESSION_REASON_UNSPECIFIED;  // unspecified: allowed
  std::string text;  // for the agent, e.g. "declined 2 days ago (too expensive); …"
  bool allowed() const { return why == v1::SUPPRESSION_REASON_UNSPECIFIED; }
};

// `newest_evidence_us`: the newest evidence touchpoint of the rules firing now (0: none).
PolicyVerdict CheckActionPolicy(std::string_view action_id, const v1::ContactPolicy& policy,
                                absl::Span<const OutcomeRecord> outcomes, int64_t newest_evidence_us,
                                int64_t as_of_us);

// Offers of every selling action of `rules` together, against rules.proto().customer_policy().
PolicyVerdict CheckCustomerPolicy(const RuleSet& rules, absl::Span<const OutcomeRecord> outcomes,
                                  int64_t as_of_us);

}  // namespace journeydesk::nba
