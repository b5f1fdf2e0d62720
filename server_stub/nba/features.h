#pragma once
// What the next-best-action engine knows about a customer at `as_of`: named numeric
// features, live signals (the journey layer's, plus two of the engine's own) and the
// outcomes of earlier suggestions. Built once per request, in one pass over the
// touchpoints, from the same journey-layer functions GetJourney uses (IndexTouchpoints,
// FindOpenIssues, ComputeJourneyMetrics, DetectLiveSignals), so a feature means exactly
// what the journey view shows. Pure; no I/O.
//
// Features (unknown when there is nothing to measure; see docs/next-steps.md):
//   open_issues, current_stage_open_issues, contacts_30d, repeat_contacts_7d,
//   channel_switches_24h, average_effort, nps_last, days_since_nps_last, nps_score,
//   days_to_contract_end, rate_card_views_14d, days_since_last_activity,
//   days_in_current_stage, failed_payments, total_touchpoints, tenure_days,
//   channels_used, declines_90d, marketing_consent
// Signals: open_complaint, payment_failed, incomplete_onboarding, recent_detractor,
//   channel_switch, repeat_contacts, rate_card_viewed, lapsed (journey/live_signals.h), and
//   stage_failure   an open issue at the current stage (evidence: those issues)
//   promoter        the latest NPS response of the last 90 days is 9–10
// Outcome touchpoints (kinds nba_offered, nba_accepted, nba_declined, nba_completed) are
// the engine's own bookkeeping: they feed the contact policy and no feature or signal.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "absl/types/span.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "journey/indexed_touchpoints.h"
#include "journey/stage_resolver.h"
#include "journey/staged_touchpoints.h"
#include "journeydesk/v1/customer.pb.h"
#include "journeydesk/v1/journey.pb.h"
#include "journeydesk/v1/next_steps.pb.h"
#include "journeydesk/v1/stage_map.pb.h"
#include "journeydesk/v1/touchpoint.pb.h"

namespace journeydesk::nba {

enum class Feature : int {
  kOpenIssues,
  kCurrentStageOpenIssues,
  kContacts30d,
  kRepeatContacts7d,
  kChannelSwitches24h,
  kAverageEffort,
  kNpsLast,
  kDaysSinceNpsLast,
  kNpsScore,
  kDaysToContractEnd,
  kRateCardViews14d,
  kDaysSinceLastActivity,
  kDaysInCurrentStage,
  kFailedPayments,
  kTotalTouchpoints,
  kTenureDays,
  kChannelsUsed,
  kDeclines90d,
  kMarketingConsent,
  kCount
};
inline constexpr int kFeatureCount = static_cast<int>(Feature::kCount);

enum class Signal : int {
  kOpenComplaint,
  kPaymentFailed,
  kIncompleteOnboarding,
  kRecentDetractor,
  kChannelSwitch,
  kRepeatContacts,
  kRateCardViewed,
  kLapsed,
  kStageFailure,
  kPromoter,
  kCount
};
inline constexpr int kSignalCount = static_cast<int>(Signal::kCount);

std::string_view FeatureName(Feature feature);
std::string_view SignalCode(Signal signal);
std::optional<Feature> FeatureByName(std::string_view name);
std::optional<Signal> SignalByCode(std::string_view code);

// Outcome touchpoint kinds, one per v1::ActionOutcome.
inline constexpr std::string_view kOutcomeKindPrefix = "nba_";
std::string_view OutcomeKind(v1::ActionOutcome outcome);          // "nba_declined", …
v1::ActionOutcome OutcomeOfKind(std::string_view kind);           // UNSPECIFIED if none
// Attribute keys on outcome touchpoints.
inline constexpr std::string_view kActionIdAttribute = "action_id";
inline constexpr std::string_view kReasonAttribute = "reason";
inline constexpr std::string_view kSuggestionIdAttribute = "suggestion_id";
inline constexpr std::string_view kCategoryAttribute = "category";

// One recorded outcome of an earlier suggestion.
struct OutcomeRecord {
  const v1::Touchpoint* touchpoint;  // not owned
  int64_t at_us;
  v1::ActionOutcome outcome;
  std::string_view action_id;        // points into the touchpoint
  std::string_view reason;
  std::string_view contact_id;
};

// What the engine reads. Touchpoints after as_of are left out of everything.
struct NbaInput {
  const v1::Customer& customer;
  const std::vector<v1::Touchpoint>& oldest_first;  // as the store returns them
  const v1::StageMap& map;
  const journey::StageResolver& stages;             // built from `map`
  absl::Time as_of;
  // Touchpoints to leave out, by id (e.g. "the journey before this batch"); usually empty.
  absl::Span<const std::string> left_out_ids = {};
  // The same touchpoints already indexed (the journey cache's); when set, read instead of
  // `oldest_first`, which may then be empty. Must be built with `stages`.
  const journey::IndexedTouchpoints* indexed = nullptr;
};

class JourneyFacts {
 public:
  // `input`'s customer and touchpoints must outlive the facts (they are pointed into).
  explicit JourneyFacts(const NbaInput& input);
  JourneyFacts(const JourneyFacts&) = delete;
  JourneyFacts& operator=(const JourneyFacts&) = delete;

  const v1::Customer& customer() const { return *customer_; }
  int64_t as_of_us() const { return as_of_us_; }
  bool profiling_consent() const { return customer_->consent().profiling(); }

  bool known(Feature f) const { return known_[Index(f)]; }
  double value(Feature f) const { return values_[Index(f)]; }
  // The touchpoint a feature was read from, when it came from one (contract end, NPS).
  const v1::Touchpoint* evidence(Feature f) const { return evidence_[Index(f)]; }
  int64_t evidence_at_us(Feature f) const { return evidence_at_us_[Index(f)]; }

  // The signal, or nullptr when absent.
  const v1::LiveSignal* signal(Signal s) const { return signals_by_id_[static_cast<size_t>(s)]; }
  // occurred_at of the signal's newest evidence in unix µs (0 without evidence).
  int64_t signal_at_us(Signal s) const { return signal_at_us_[static_cast<size_t>(s)]; }

  // The current stage (id and name empty when no touchpoint has a stage).
  const std::string& current_stage_id() const { return current_stage_id_; }
  const std::string& current_stage_name() const { return current_stage_name_; }
  const std::string& recovery_policy() const { return recovery_policy_; }

  // Outcome touchpoints, oldest first.
  const std::vector<OutcomeRecord>& outcomes() const { return outcomes_; }

 private:
  static size_t Index(Feature f) { return static_cast<size_t>(f); }
  void Set(Feature f, double value, const journey::StagedTouchpoint* evidence = nullptr);
  void AddOwnSignal(Signal s, std::string text, const std::vector<const journey::StagedTouchpoint*>& evidence);

  const v1::Customer* customer_;
  int64_t as_of_us_;
  std::array<double, kFeatureCount> values_{};
  std::array<bool, kFeatureCount> known_{};
  std::array<const v1::Touchpoint*, kFeatureCount> evidence_{};
  std::array<int64_t, kFeatureCount> evidence_at_us_{};
  google::protobuf::RepeatedPtrField<v1::LiveSignal> signals_;
  std::array<const v1::LiveSignal*, kSignalCount> signals_by_id_{};
  std::array<int64_t, kSignalCount> signal_at_us_{};
  std::string current_stage_id_;
  std::string current_stage_name_;
  std::string recovery_policy_;
  std::vector<OutcomeRecord> outcomes_;
};

}  // namespace journeydesk::nba
