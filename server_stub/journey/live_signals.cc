#include "journey/live_signals.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/time.h"
#include "common/absl_string_view.h"
#include "journey/journey_metrics.h"
#include "journey/timestamps.h"
#include "journey/touchpoint_validation.h"

namespace journeydesk::journey {
namespace {

constexpr int64_t kRateCardWindowUs = 14 * kMicrosPerDay;
constexpr int64_t kDetractorWindowUs = 30 * kMicrosPerDay;
constexpr int64_t kRecentContactUs = 7 * kMicrosPerDay;
constexpr int64_t kOnboardingStallUs = 3 * kMicrosPerDay;
constexpr int64_t kLapseUs = 90 * kMicrosPerDay;
constexpr size_t kMaxSummaryInSignal = 120;
constexpr size_t kMaxEvidence = 20;

using Signals = google::protobuf::RepeatedPtrField<v1::LiveSignal>;

int64_t WholeDays(int64_t from_us, int64_t to_us) { return (to_us - from_us) / kMicrosPerDay; }

std::string Ago(int64_t at_us, int64_t as_of_us) {
  const int64_t days = WholeDays(at_us, as_of_us);
  if (days <= 0) return "today";
  if (days == 1) return "yesterday";
  return absl::StrCat(days, " days ago");
}

std::string Ordinal(int n) {
  const int tens = n % 100;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    switch (n % 10) {
      case 1: suffix = "st"; break;
      case 2: suffix = "nd"; break;
      case 3: suffix = "rd"; break;
      default: break;
    }
  }
  return absl::StrCat(n, suffix);
}

// At most kMaxSummaryInSignal bytes, cut on a UTF-8 character boundary.
std::string ShortSummary(std::string_view summary) {
  if (summary.size() <= kMaxSummaryInSignal) return std::string(summary);
  size_t cut = kMaxSummaryInSignal;
  while (cut > 0 && (static_cast<unsigned char>(summary[cut]) & 0xC0) == 0x80) --cut;
  return absl::StrCat(ToAbsl(summary.substr(0, cut)), "…");
}

std::string Describe(const StagedTouchpoint& entry, int64_t as_of_us) {
  const v1::Touchpoint& touchpoint = *entry.touchpoint;
  if (!touchpoint.summary().empty()) return ShortSummary(touchpoint.summary());
  return absl::StrCat(absl::StrReplaceAll(touchpoint.kind(), {{"_", " "}}), " on ",
                      touchpoint.channel(), " ", Ago(entry.at_us, as_of_us));
}

v1::LiveSignal* AddSignal(Signals* signals, std::string_view code, std::string text,
                          const std::vector<const StagedTouchpoint*>& evidence) {
  v1::LiveSignal* signal = signals->Add();
  signal->set_code(std::string(code));
  signal->set_text(std::move(text));
  const size_t first = evidence.size() > kMaxEvidence ? evidence.size() - kMaxEvidence : 0;
  int64_t latest_us = 0;
  for (size_t i = first; i < evidence.size(); ++i) {
    signal->add_evidence_touchpoint_ids(evidence[i]->touchpoint->id());
    latest_us = i == first ? evidence[i]->at_us : std::max(latest_us, evidence[i]->at_us);
  }
  if (!evidence.empty()) SetTimestampFromMicros(latest_us, signal->mutable_occurred_at());
  return signal;
}

void OpenComplaint(const LiveSignalInput& in, Signals* signals) {
  if (in.open_issues.empty()) return;
  std::vector<const StagedTouchpoint*> evidence;
  evidence.reserve(in.open_issues.size());
  for (int position : in.open_issues) evidence.push_back(&in.oldest_first[position]);
  const size_t n = evidence.size();
  AddSignal(signals, "open_complaint",
            absl::StrCat(n, n == 1 ? " open issue: " : " open issues: ",
                         Describe(*evidence.back(), in.as_of_us)),
            evidence);
}

void PaymentFailed(const LiveSignalInput& in, Signals* signals) {
  std::vector<const StagedTouchpoint*> failed;
  for (const StagedTouchpoint& entry : in.oldest_first) {
    if (entry.Is(kPaymentFailed)) {
      failed.push_back(&entry);
    } else if (entry.Is(kPaymentSucceeded)) {
      failed.clear();
    }
  }
  if (failed.empty()) return;
  std::string text = absl::StrCat("payment failed ", Ago(failed.back()->at_us, in.as_of_us));
  if (failed.size() > 1) absl::StrAppend(&text, " (", failed.size(), " failed attempts)");
  absl::StrAppend(&text, "; no successful payment since");
  AddSignal(signals, "payment_failed", std::move(text), failed);
}

void IncompleteOnboarding(const LiveSignalInput& in, Signals* signals) {
  const StagedTouchpoint* activation_failed = nullptr;
  const StagedTouchpoint* delivery_failed = nullptr;
  std::vector<const StagedTouchpoint*> onboarding;
  bool completed = false;
  for (const StagedTouchpoint& entry : in.oldest_first) {
    if (entry.Is(kActivationFailed)) activation_failed = &entry;
    if (entry.Is(kDeliveryFailed)) delivery_failed = &entry;
    if (entry.Is(kOnboardingDone)) {
      completed = true;
      activation_failed = nullptr;
      delivery_failed = nullptr;
    }
    if (entry.Is(kDelivered)) delivery_failed = nullptr;
    if (in.onboarding_stage >= 0 && entry.stage == in.onboarding_stage) onboarding.push_back(&entry);
  }
  if (activation_failed != nullptr || delivery_failed != nullptr) {
    std::vector<const StagedTouchpoint*> evidence;
    std::string text;
    if (delivery_failed != nullptr) {
      evidence.push_back(delivery_failed);
      text = absl::StrCat("delivery failed ", Ago(delivery_failed->at_us, in.as_of_us),
                          " and nothing was delivered since");
    }
    if (activation_failed != nullptr) {
      evidence.push_back(activation_failed);
      absl::StrAppend(&text, text.empty() ? "" : "; ", "activation failed ",
                      Ago(activation_failed->at_us, in.as_of_us), " and has not succeeded since");
    }
    if (evidence.size() == 2 && StagedBefore(*evidence[1], *evidence[0])) std::swap(evidence[0], evidence[1]);
    AddSignal(signals, "incomplete_onboarding", std::move(text), evidence);
    return;
  }
  if (completed || onboarding.empty()) return;
  if (in.as_of_us - onboarding.back()->at_us <= kOnboardingStallUs) return;
  AddSignal(signals, "incomplete_onboarding",
            absl::StrCat("onboarding started ", Ago(onboarding.front()->at_us, in.as_of_us),
                         " and is not completed; last step ",
                         Ago(onboarding.back()->at_us, in.as_of_us)),
            onboarding);
}

void RecentDetractor(const LiveSignalInput& in, Signals* signals) {
  for (size_t i = in.oldest_first.size(); i > 0; --i) {
    const StagedTouchpoint& entry = in.oldest_first[i - 1];
    if (in.as_of_us - entry.at_us >= kDetractorWindowUs) return;
    const v1::Touchpoint& touchpoint = *entry.touchpoint;
    if (!touchpoint.has_nps() || touchpoint.nps() > 6) continue;
    const int64_t days = WholeDays(entry.at_us, in.as_of_us);
    AddSignal(signals, "recent_detractor",
              absl::StrCat("gave NPS ", touchpoint.nps(), days > 1 ? ", " : " ",
                           Ago(entry.at_us, in.as_of_us)),
              {&entry});
    return;
  }
}

// Contacts (see journey_metrics.h), oldest first.
std::vector<const StagedTouchpoint*> Contacts(const LiveSignalInput& in) {
  std::vector<const StagedTouchpoint*> contacts;
  for (const StagedTouchpoint& entry : in.oldest_first) {
    if (entry.Is(kContact)) contacts.push_back(&entry);
  }
  return contacts;
}

void ChannelSwitch(const LiveSignalInput& in, const std::vector<const StagedTouchpoint*>& contacts,
                   Signals* signals) {
  for (size_t i = contacts.size(); i > 1; --i) {
    const StagedTouchpoint& current = *contacts[i - 1];
    const StagedTouchpoint& previous = *contacts[i - 2];
    if (in.as_of_us - current.at_us >= kContactWindowUs) return;
    if (current.at_us - previous.at_us > kChannelSwitchUs) continue;
    if (current.touchpoint->channel() == previous.touchpoint->channel()) continue;
    AddSignal(signals, "channel_switch",
              absl::StrCat("switched from ", previous.touchpoint->channel(), " to ",
                           current.touchpoint->channel(), " within 24 h, ",
                           Ago(current.at_us, in.as_of_us)),
              {&previous, &current});
    return;
  }
}

void RepeatContacts(const LiveSignalInput& in, const std::vector<const StagedTouchpoint*>& contacts,
                    Signals* signals) {
  size_t first = contacts.size();
  while (first > 0 && in.as_of_us - contacts[first - 1]->at_us < kRecentContactUs) --first;
  const size_t n = contacts.size() - first;
  if (n < 2) return;
  AddSignal(signals, "repeat_contacts",
            absl::StrCat(Ordinal(static_cast<int>(n)), " contact in 7 days"),
            std::vector<const StagedTouchpoint*>(contacts.begin() + static_cast<long>(first),
                                                 contacts.end()));
}

// "; contract ends in 40 days" / "; contract ended 3 days ago", or empty.
std::string ContractEndNote(const LiveSignalInput& in) {
  const std::string* value = nullptr;
  auto it = in.customer->attributes().find("contract_end");
  if (it != in.customer->attributes().end()) value = &it->second;
  for (size_t i = in.oldest_first.size(); value == nullptr && i > 0; --i) {
    const auto& attributes = in.oldest_first[i - 1].touchpoint->attributes();
    auto found = attributes.find("contract_end");
    if (found != attributes.end()) value = &found->second;
  }
  absl::Time contract_end;
  if (value == nullptr || !ParseContractEnd(*value, &contract_end).ok()) return "";
  const int64_t as_of_day = in.as_of_us / kMicrosPerDay - (in.as_of_us % kMicrosPerDay < 0);
  const int64_t days = TimeToMicros(contract_end) / kMicrosPerDay - as_of_day;
  if (days > 1) return absl::StrCat("; contract ends in ", days, " days");
  if (days == 1) return "; contract ends tomorrow";
  if (days == 0) return "; contract ends today";
  if (days == -1) return "; contract ended yesterday";
  return absl::StrCat("; contract ended ", -days, " days ago");
}

void RateCardViewed(const LiveSignalInput& in, Signals* signals) {
  std::vector<const StagedTouchpoint*> views;
  for (size_t i = in.oldest_first.size(); i > 0; --i) {
    const StagedTouchpoint& entry = in.oldest_first[i - 1];
    if (in.as_of_us - entry.at_us >= kRateCardWindowUs) break;
    if (entry.Is(kRateCardView) || entry.Is(kPricePageView)) views.push_back(&entry);
  }
  if (views.empty()) return;
  std::reverse(views.begin(), views.end());
  const StagedTouchpoint& latest = *views.back();
  const char* what = latest.Is(kRateCardView) ? "the rate card" : "the price page";
  std::string text =
      views.size() == 1
          ? absl::StrCat("viewed ", what, " ", Ago(latest.at_us, in.as_of_us))
          : absl::StrCat("viewed ", what, " ", views.size(), " times in 14 days, the last time ",
                         Ago(latest.at_us, in.as_of_us));
  absl::StrAppend(&text, ContractEndNote(in));
  AddSignal(signals, "rate_card_viewed", std::move(text), views);
}

void Lapsed(const LiveSignalInput& in, Signals* signals) {
  const v1::LifecycleState state = in.customer->lifecycle_state();
  if (state == v1::LIFECYCLE_CLOSED) return;
  const bool is_lapsed = state == v1::LIFECYCLE_LAPSED;
  if (in.oldest_first.empty()) {
    if (is_lapsed) AddSignal(signals, "lapsed", "lapsed customer", {});
    return;
  }
  const StagedTouchpoint& latest = in.oldest_first.back();
  const int64_t quiet_us = in.as_of_us - latest.at_us;
  if (quiet_us >= kLapseUs) {
    AddSignal(signals, "lapsed",
              absl::StrCat(is_lapsed ? "lapsed customer; " : "", "no contact for ",
                           WholeDays(latest.at_us, in.as_of_us), " days"),
              {&latest});
  } else if (is_lapsed) {
    AddSignal(signals, "lapsed",
              absl::StrCat("lapsed customer; last contact ", Ago(latest.at_us, in.as_of_us)),
              {&latest});
  }
}

}  // namespace

void DetectLiveSignals(const LiveSignalInput& in, Signals* signals) {
  OpenComplaint(in, signals);
  PaymentFailed(in, signals);
  IncompleteOnboarding(in, signals);
  RecentDetractor(in, signals);
  const std::vector<const StagedTouchpoint*> contacts = Contacts(in);
  ChannelSwitch(in, contacts, signals);
  RepeatContacts(in, contacts, signals);
  RateCardViewed(in, signals);
  Lapsed(in, signals);
}

}  // namespace journeydesk::journey
