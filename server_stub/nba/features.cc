#include "nba/features.h"

#include <algorithm>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/absl_string_view.h"
#include "journey/journey_metrics.h"
#include "journey/live_signals.h"
#include "journey/timestamps.h"
#include "journey/touchpoint_validation.h"

namespace journeydesk::nba {
namespace {

using journey::kMicrosPerDay;
using journey::StagedTouchpoint;

constexpr int64_t kRateCardWindowUs = 14 * kMicrosPerDay;
constexpr int64_t kPromoterWindowUs = 90 * kMicrosPerDay;
constexpr int64_t kDeclineWindowUs = 90 * kMicrosPerDay;
constexpr size_t kMaxSummaryInText = 120;

constexpr std::array<std::string_view, kFeatureCount> kFeatureNames = {
    "open_issues",          "current_stage_open_issues", "contacts_30d",
    "repeat_contacts_7d",   "channel_switches_24h",      "average_effort",
    "nps_last",             "days_since_nps_last",       "nps_score",
    "days_to_contract_end", "rate_card_views_14d",       "days_since_last_activity",
    "days_in_current_stage", "failed_payments",          "total_touchpoints",
    "tenure_days",          "channels_used",             "declines_90d",
    "marketing_consent"};

constexpr std::array<std::string_view, kSignalCount> kSignalCodes = {
    "open_complaint", "payment_failed",   "incomplete_onboarding", "recent_detractor",
    "channel_switch", "repeat_contacts",  "rate_card_viewed",      "lapsed",
    "stage_failure",  "promoter"};

int64_t WholeDays(int64_t from_us, int64_t to_us) {
  const int64_t diff = to_us - from_us;
  return diff >= 0 ? diff / kMicrosPerDay : -((-diff + kMicrosPerDay - 1) / kMicrosPerDay);
}

int64_t DayNumber(int64_t us) { return us / kMicrosPerDay - (us % kMicrosPerDay < 0 ? 1 : 0); }

std::string Ago(int64_t at_us, int64_t as_of_us) {
  const int64_t days = WholeDays(at_us, as_of_us);
  if (days <= 0) return "today";
  if (days == 1) return "yesterday";
  return absl::StrCat(days, " days ago");
}

std::string Describe(const v1::Touchpoint& touchpoint) {
  std::string_view summary = touchpoint.summary();
  if (summary.empty()) return absl::StrCat(touchpoint.kind(), " on ", touchpoint.channel());
  if (summary.size() <= kMaxSummaryInText) return std::string(summary);
  size_t cut = kMaxSummaryInText;
  while (cut > 0 && (static_cast<unsigned char>(summary[cut]) & 0xC0) == 0x80) --cut;
  return absl::StrCat(ToAbsl(summary.substr(0, cut)), "…");
}

bool IsOutcomeKind(std::string_view kind) { return absl::StartsWith(ToAbsl(kind), "nba_"); }

std::string_view AttributeOr(const v1::Touchpoint& touchpoint, std::string_view key) {
  auto it = touchpoint.attributes().find(std::string(key));
  if (it == touchpoint.attributes().end()) return {};
  return it->second;
}

}  // namespace

std::string_view FeatureName(Feature feature) { return kFeatureNames[static_cast<size_t>(feature)]; }
std::string_view SignalCode(Signal signal) { return kSignalCodes[static_cast<size_t>(signal)]; }

std::optional<Feature> FeatureByName(std::string_view name) {
  for (size_t i = 0; i < kFeatureNames.size(); ++i) {
    if (kFeatureNames[i] == name) return static_cast<Feature>(i);
  }
  return std::nullopt;
}

std::optional<Signal> SignalByCode(std::string_view code) {
  for (size_t i = 0; i < kSignalCodes.size(); ++i) {
    if (kSignalCodes[i] == code) return static_cast<Signal>(i);
  }
  return std::nullopt;
}

std::string_view OutcomeKind(v1::ActionOutcome outcome) {
  switch (outcome) {
    case v1::ACTION_OFFERED: return "nba_offered";
    case v1::ACTION_ACCEPTED: return "nba_accepted";
    case v1::ACTION_DECLINED: return "nba_declined";
    case v1::ACTION_COMPLETED: return "nba_completed";
    default: return "";
  }
}

v1::ActionOutcome OutcomeOfKind(std::string_view kind) {
  if (kind == "nba_offered") return v1::ACTION_OFFERED;
  if (kind == "nba_accepted") return v1::ACTION_ACCEPTED;
  if (kind == "nba_declined") return v1::ACTION_DECLINED;
  if (kind == "nba_completed") return v1::ACTION_COMPLETED;
  return v1::ACTION_OUTCOME_UNSPECIFIED;
}

void JourneyFacts::Set(Feature f, double value, const StagedTouchpoint* evidence) {
  values_[Index(f)] = value;
  known_[Index(f)] = true;
  if (evidence != nullptr) {
    evidence_[Index(f)] = evidence->touchpoint;
    evidence_at_us_[Index(f)] = evidence->at_us;
  }
}

void JourneyFacts::AddOwnSignal(Signal s, std::string text,
                                const std::vector<const StagedTouchpoint*>& evidence) {
  v1::LiveSignal* signal = signals_.Add();
  signal->set_code(std::string(SignalCode(s)));
  signal->set_text(std::move(text));
  int64_t latest_us = 0;
  for (const StagedTouchpoint* entry : evidence) {
    signal->add_evidence_touchpoint_ids(entry->touchpoint->id());
    latest_us = std::max(latest_us, entry->at_us);
  }
  if (!evidence.empty()) journey::SetTimestampFromMicros(latest_us, signal->mutable_occurred_at());
  signals_by_id_[static_cast<size_t>(s)] = signal;
  signal_at_us_[static_cast<size_t>(s)] = latest_us;
}

JourneyFacts::JourneyFacts(const NbaInput& input)
    : customer_(&input.customer), as_of_us_(journey::TimeToMicros(input.as_of)) {
  std::vector<StagedTouchpoint> staged;
  if (input.indexed != nullptr) {
    const absl::Span<const StagedTouchpoint> up_to = input.indexed->UpTo(input.as_of);
    staged.assign(up_to.begin(), up_to.end());
  } else {
    staged = journey::IndexTouchpoints(input.oldest_first, input.stages, input.as_of);
  }
  // Outcome touchpoints out: they are the engine's bookkeeping, not the customer's journey.
  size_t kept = 0;
  for (const StagedTouchpoint& entry : staged) {
    const v1::Touchpoint& tp = *entry.touchpoint;
    if (!input.left_out_ids.empty() &&
        std::find(input.left_out_ids.begin(), input.left_out_ids.end(), tp.id()) != input.left_out_ids.end()) {
      continue;
    }
    if (IsOutcomeKind(tp.kind())) {
      const v1::ActionOutcome outcome = OutcomeOfKind(tp.kind());
      const std::string_view action_id = AttributeOr(tp, kActionIdAttribute);
      if (outcome != v1::ACTION_OUTCOME_UNSPECIFIED && !action_id.empty()) {
        outcomes_.push_back(OutcomeRecord{&tp, entry.at_us, outcome, action_id,
                                          AttributeOr(tp, kReasonAttribute), tp.contact_id()});
      }
      continue;
    }
    staged[kept++] = entry;
  }
  staged.resize(kept);

  const int stage_count = std::min(input.stages.stage_count(), input.map.stages_size());
  const std::vector<int> open_issues = journey::FindOpenIssues(staged, stage_count);
  v1::JourneyMetrics metrics;
  journey::ComputeJourneyMetrics(staged, as_of_us_, &metrics);
  const int current = journey::CurrentStageIndex(staged);
  if (current >= 0 && current < stage_count) {
    const v1::StageDefinition& stage = input.map.stages(current);
    current_stage_id_ = stage.id();
    current_stage_name_ = stage.name();
    recovery_policy_ = stage.recovery_policy();
  }

  journey::LiveSignalInput signal_input;
  signal_input.customer = customer_;
  signal_input.oldest_first = staged;
  signal_input.open_issues = open_issues;
  signal_input.as_of_us = as_of_us_;
  signal_input.onboarding_stage = input.stages.StageIndex("onboarding");
  journey::DetectLiveSignals(signal_input, &signals_);
  for (const v1::LiveSignal& signal : signals_) {
    if (std::optional<Signal> id = SignalByCode(signal.code())) {
      signals_by_id_[static_cast<size_t>(*id)] = &signal;
      signal_at_us_[static_cast<size_t>(*id)] =
          signal.has_occurred_at() ? journey::TimestampMicros(signal.occurred_at()) : 0;
    }
  }

  // stage_failure: open issues at the current stage.
  std::vector<const StagedTouchpoint*> stage_issues;
  for (int position : open_issues) {
    const StagedTouchpoint& entry = staged[static_cast<size_t>(position)];
    if (current >= 0 && entry.stage == current) stage_issues.push_back(&entry);
  }
  if (!stage_issues.empty()) {
    const size_t n = stage_issues.size();
    AddOwnSignal(Signal::kStageFailure,
                 absl::StrCat(n, n == 1 ? " open issue" : " open issues", " at ",
                              current_stage_name_, ": ", Describe(*stage_issues.back()->touchpoint),
                              " (", Ago(stage_issues.back()->at_us, as_of_us_), ")"),
                 stage_issues);
  }

  // One pass for the rest, newest first where "latest" matters.
  const StagedTouchpoint* latest_nps = nullptr;
  const StagedTouchpoint* contract_end_source = nullptr;
  const StagedTouchpoint* latest_activity = nullptr;
  int rate_card_views = 0;
  int failed_payments = 0;
  bool payment_settled = false;
  std::vector<std::string_view> channels;
  for (size_t i = staged.size(); i > 0; --i) {
    const StagedTouchpoint& entry = staged[i - 1];
    const v1::Touchpoint& tp = *entry.touchpoint;
    if (latest_nps == nullptr && tp.has_nps()) latest_nps = &entry;
    if (contract_end_source == nullptr && tp.attributes_size() > 0 &&
        tp.attributes().contains("contract_end")) {
      contract_end_source = &entry;
    }
    if (latest_activity == nullptr && tp.direction() != v1::DIRECTION_INTERNAL) latest_activity = &entry;
    if ((entry.Is(journey::kRateCardView) || entry.Is(journey::kPricePageView)) &&
        as_of_us_ - entry.at_us < kRateCardWindowUs) {
      ++rate_card_views;
    }
    if (entry.Is(journey::kPaymentSucceeded)) payment_settled = true;
    if (!payment_settled && entry.Is(journey::kPaymentFailed)) ++failed_payments;
    if (std::find(channels.begin(), channels.end(), std::string_view(tp.channel())) == channels.end()) {
      channels.push_back(tp.channel());
    }
  }

  if (latest_nps != nullptr) {
    Set(Feature::kNpsLast, latest_nps->touchpoint->nps(), latest_nps);
    Set(Feature::kDaysSinceNpsLast, static_cast<double>(WholeDays(latest_nps->at_us, as_of_us_)), latest_nps);
    const int nps = latest_nps->touchpoint->nps();
    if (nps >= 9 && as_of_us_ - latest_nps->at_us < kPromoterWindowUs) {
      const int64_t days = WholeDays(latest_nps->at_us, as_of_us_);
      AddOwnSignal(Signal::kPromoter,
                   absl::StrCat("gave NPS ", nps, days > 1 ? ", " : " ", Ago(latest_nps->at_us, as_of_us_)),
                   {latest_nps});
    }
  }
  if (metrics.nps().has_score()) Set(Feature::kNpsScore, metrics.nps().score());

  const std::string* contract_end = nullptr;
  if (auto it = customer_->attributes().find("contract_end"); it != customer_->attributes().end()) {
    contract_end = &it->second;
    contract_end_source = nullptr;  // the customer's own attribute wins; no touchpoint shows it
  } else if (contract_end_source != nullptr) {
    contract_end = &contract_end_source->touchpoint->attributes().at("contract_end");
  }
  absl::Time contract_end_day;
  if (contract_end != nullptr && journey::ParseContractEnd(*contract_end, &contract_end_day).ok()) {
    Set(Feature::kDaysToContractEnd,
        static_cast<double>(DayNumber(journey::TimeToMicros(contract_end_day)) - DayNumber(as_of_us_)),
        contract_end_source);
  }

  Set(Feature::kOpenIssues, static_cast<double>(open_issues.size()));
  Set(Feature::kCurrentStageOpenIssues, static_cast<double>(stage_issues.size()));
  Set(Feature::kContacts30d, metrics.contacts_last_30_days());
  Set(Feature::kRepeatContacts7d, metrics.repeat_contacts_7d());
  Set(Feature::kChannelSwitches24h, metrics.channel_switches_24h());
  if (metrics.has_average_effort()) Set(Feature::kAverageEffort, metrics.average_effort());
  Set(Feature::kRateCardViews14d, rate_card_views);
  if (latest_activity != nullptr) {
    Set(Feature::kDaysSinceLastActivity,
        static_cast<double>(WholeDays(latest_activity->at_us, as_of_us_)), latest_activity);
  }
  if (current >= 0) {
    Set(Feature::kDaysInCurrentStage,
        static_cast<double>(metrics.time_in_current_stage().seconds() / 86'400));
  }
  Set(Feature::kFailedPayments, failed_payments);
  Set(Feature::kTotalTouchpoints, static_cast<double>(staged.size()));
  int64_t first_us = staged.empty() ? as_of_us_ : staged.front().at_us;
  if (customer_->has_created_at()) {
    first_us = std::min(first_us, journey::TimestampMicros(customer_->created_at()));
  }
  if (!staged.empty() || customer_->has_created_at()) {
    Set(Feature::kTenureDays, static_cast<double>(std::max<int64_t>(0, WholeDays(first_us, as_of_us_))));
  }
  Set(Feature::kChannelsUsed, static_cast<double>(channels.size()));
  int declines = 0;
  for (const OutcomeRecord& record : outcomes_) {
    if (record.outcome == v1::ACTION_DECLINED && as_of_us_ - record.at_us < kDeclineWindowUs) ++declines;
  }
  Set(Feature::kDeclines90d, declines);
  Set(Feature::kMarketingConsent, customer_->consent().marketing() ? 1 : 0);
}

}  // namespace journeydesk::nba
