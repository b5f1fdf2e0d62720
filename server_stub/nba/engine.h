#pragma once
// The next-best-action engine: rules fire on a customer's journey facts, fitting actions
// are gated (consent, open complaint, contact policy) and ranked, and the best become
// suggestions, each explained by its reasons; the rest are listed as suppressed with why.
//
// Arbitration, per action that at least one rule fired for:
//   1. without profiling consent, only service categories (service recovery, effort
//      reduction, close the loop, payment, onboarding, information)  → else NO_CONSENT
//   2. no selling (retention, win back, upsell) while an issue is open  → OPEN_COMPLAINT
//   3. the action's contact policy, then (selling) the customer policy  → see contact_policy.h
//   4. priority: score = propensity × value × lever, where propensity is the action's
//      logistic model over the features with profiling consent (1 without consent or
//      without a model) and lever = the action's lever × the largest lever of its fired rules
//   5. highest score first (ties: action id); the first max_suggestions are suggested, the
//      rest suppressed as LOWER_PRIORITY.
// Deterministic: the same facts give the same response; the request's channel changes only
// channel_hint. Reasons carry the ids of their evidence touchpoints (from the signals and
// features the rule tested), which are always touchpoints of this customer.

#include <string_view>

#include "journeydesk/v1/next_steps.pb.h"
#include "nba/features.h"
#include "nba/rule_set.h"

namespace journeydesk::nba {

inline constexpr int kDefaultMaxSuggestions = 3;
inline constexpr int kMaxSuggestionsLimit = 10;
inline constexpr std::string_view kNoConsentNote = "without profiling consent only service actions are offered";

struct SuggestOptions {
  std::string_view channel;                      // the contact's channel; only picks channel_hint
  int max_suggestions = kDefaultMaxSuggestions;  // 1..kMaxSuggestionsLimit
};

// Writes the response into `out` (cleared first), e.g. an arena-allocated RPC response.
void Suggest(const RuleSet& rules, const JourneyFacts& facts, const SuggestOptions& options,
             v1::SuggestNextStepsResponse* out);

// Facts and suggestions in one call.
v1::SuggestNextStepsResponse Suggest(const RuleSet& rules, const NbaInput& input,
                                     const SuggestOptions& options);

// 1 / (1 + e^(−(intercept + Σ weight × feature))), unknown features counting 0.
double Propensity(const CompiledAction& action, const JourneyFacts& facts);

}  // namespace journeydesk::nba
