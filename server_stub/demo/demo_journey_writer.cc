#include "demo/demo_journey_writer.h"

#include <algorithm>
#include <array>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "demo/demo_texts.h"

namespace journeydesk::demo {
namespace {

constexpr int kAgentCount = 40;

const std::array<const char*, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string MonthName(absl::Time t) {
  return kMonthNames[absl::ToCivilMonth(t, absl::UTCTimeZone()).month() - 1];
}

std::string Money(int cents) { return absl::StrFormat("%d.%02d", cents / 100, cents % 100); }

bool IsNegativeKind(std::string_view kind) {
  for (std::string_view k : {"payment_failed", "delivery_failed", "activation_failed",
                             "bill_shock", "complaint", "fault_reported", "cancellation_request"}) {
    if (kind == k) return true;
  }
  return false;
}

bool IsPositiveKind(std::string_view kind) {
  for (std::string_view k : {"activation", "onboarding_completed", "complaint_resolved",
                             "renewal", "reactivation", "device_delivered", "technician_visit"}) {
    if (kind == k) return true;
  }
  return false;
}

void SetTimestamp(absl::Time t, google::protobuf::Timestamp* out) {
  out->set_seconds(absl::ToUnixSeconds(t));
  out->set_nanos(0);
}

absl::Time TimeOf(const v1::Touchpoint& touchpoint) {
  return absl::FromUnixSeconds(touchpoint.occurred_at().seconds());
}

}  // namespace

std::string FormatDate(absl::Time t) { return absl::FormatTime("%Y-%m-%d", t, absl::UTCTimeZone()); }

absl::Time AddMonths(absl::Time t, int months) {
  const absl::TimeZone utc = absl::UTCTimeZone();
  const absl::CivilSecond cs = absl::ToCivilSecond(t, utc);
  const absl::CivilSecond moved(cs.year(), cs.month() + months, std::min(cs.day(), 28), cs.hour(),
                                cs.minute(), cs.second());
  return absl::FromCivil(moved, utc);
}

JourneyWriter::JourneyWriter(std::string customer_id, int customer_index, absl::Time now,
                             DemoRandom* rng)
    : customer_id_(std::move(customer_id)),
      customer_index_(customer_index),
      now_(absl::FromUnixSeconds(absl::ToUnixSeconds(now))),
      rng_(rng) {}

void JourneyWriter::SetVar(std::string name, std::string value) {
  for (auto& [existing, old_value] : vars_) {
    if (existing == name) {
      old_value = std::move(value);
      return;
    }
  }
  vars_.emplace_back(std::move(name), std::move(value));
}

std::string JourneyWriter::Summary(std::string_view template_key, absl::Time at,
                                   const TemplateVars& extra) {
  const auto& templates = SummaryTemplates(template_key);
  const std::string text = templates.empty() ? std::string(template_key) : rng_->Pick(templates);
  TemplateVars vars = extra;  // extra first: it wins over the defaults below
  vars.insert(vars.end(), vars_.begin(), vars_.end());
  vars.emplace_back("month", MonthName(at));
  vars.emplace_back("amount", Money(fee_cents_ + static_cast<int>(rng_->Uniform(0, 900))));
  vars.emplace_back("gb", absl::StrFormat("%d.%d", rng_->Uniform(0, 9), rng_->Uniform(0, 9)));
  vars.emplace_back("ref", absl::StrFormat("F-%06d", rng_->Uniform(100000, 999999)));
  // FillTemplate replaces the first value given for a name; later duplicates are no-ops.
  std::string filled(text);
  for (const auto& var : vars) filled = FillTemplate(filled, {var});
  return filled;
}

v1::Touchpoint* JourneyWriter::Add(std::string_view kind, std::string_view channel,
                                   v1::Direction direction, absl::Time at,
                                   std::string_view template_key, const TemplateVars& extra) {
  at = absl::FromUnixSeconds(absl::ToUnixSeconds(at));
  if (at > now_) return nullptr;
  Entry& entry = entries_.emplace_back();
  entry.sequence = static_cast<int>(entries_.size());
  v1::Touchpoint& touchpoint = entry.touchpoint;
  touchpoint.set_customer_id(customer_id_);
  touchpoint.set_channel(std::string(channel));
  touchpoint.set_kind(std::string(kind));
  SetTimestamp(at, touchpoint.mutable_occurred_at());
  touchpoint.set_direction(direction);
  touchpoint.set_summary(Summary(template_key, at, extra));
  if (IsNegativeKind(kind)) {
    touchpoint.set_sentiment(v1::SENTIMENT_NEGATIVE);
  } else if (IsPositiveKind(kind)) {
    touchpoint.set_sentiment(v1::SENTIMENT_POSITIVE);
  } else if (direction == v1::DIRECTION_INBOUND) {
    touchpoint.set_sentiment(v1::SENTIMENT_NEUTRAL);
  }
  return &touchpoint;
}

v1::Touchpoint* JourneyWriter::AddFiller(std::string_view kind, std::string_view channel,
                                         v1::Direction direction, absl::Time at,
                                         std::string_view template_key) {
  v1::Touchpoint* touchpoint = Add(kind, channel, direction, at, template_key);
  if (touchpoint != nullptr) entries_.back().filler = true;
  return touchpoint;
}

void JourneyWriter::Assist(v1::Touchpoint* touchpoint, v1::Outcome outcome) {
  if (touchpoint == nullptr) return;
  touchpoint->set_agent_id(absl::StrFormat("agent-%02d", rng_->Uniform(1, kAgentCount)));
  touchpoint->set_contact_id(absl::StrFormat("K-%06d-%03d", customer_index_ + 1, ++contact_count_));
  touchpoint->set_outcome(outcome);
  if (outcome == v1::OUTCOME_UNRESOLVED || outcome == v1::OUTCOME_ESCALATED) {
    touchpoint->set_sentiment(v1::SENTIMENT_NEGATIVE);
  }
}

v1::Touchpoint* JourneyWriter::AddNps(std::string_view channel, absl::Time at, int nps, int effort,
                                      std::string_view survey, std::string_view template_key) {
  const std::string_view band =
      !template_key.empty() ? template_key
                            : (nps >= 9 ? "nps.promoter" : (nps >= 7 ? "nps.passive" : "nps.detractor"));
  v1::Touchpoint* touchpoint = Add("nps_response", channel, v1::DIRECTION_INBOUND, at, band,
                                   {{"nps", absl::StrCat(nps)}});
  if (touchpoint == nullptr) return nullptr;
  touchpoint->set_nps(nps);
  if (effort > 0) touchpoint->set_effort(effort);
  touchpoint->set_sentiment(nps >= 9   ? v1::SENTIMENT_POSITIVE
                            : nps >= 7 ? v1::SENTIMENT_NEUTRAL
                                       : v1::SENTIMENT_NEGATIVE);
  (*touchpoint->mutable_attributes())["survey"] = std::string(survey);
  return touchpoint;
}

absl::Time JourneyWriter::OnDay(absl::Time day, int from_hour, int to_hour) {
  const absl::TimeZone utc = absl::UTCTimeZone();
  const absl::Time midnight = absl::FromCivil(absl::ToCivilDay(day, utc), utc);
  return midnight + absl::Seconds(rng_->Uniform(from_hour * 3600, to_hour * 3600 - 1));
}

absl::Time JourneyWriter::Between(absl::Time from, absl::Time to) {
  const int64_t span = absl::ToInt64Seconds(to - from);
  if (span <= 0) return from;
  return from + absl::Seconds(rng_->Uniform(0, span - 1));
}

std::vector<v1::Touchpoint> JourneyWriter::Finish(int max_touchpoints) {
  std::vector<Entry*> kept;
  for (Entry& entry : entries_) kept.push_back(&entry);
  std::vector<size_t> filler_positions;
  for (size_t i = 0; i < kept.size(); ++i) {
    if (kept[i]->filler) filler_positions.push_back(i);
  }
  size_t excess = kept.size() > static_cast<size_t>(max_touchpoints)
                      ? kept.size() - static_cast<size_t>(max_touchpoints)
                      : 0;
  while (excess > 0 && !filler_positions.empty()) {
    const size_t pick = static_cast<size_t>(
        rng_->Uniform(0, static_cast<int64_t>(filler_positions.size()) - 1));
    kept[filler_positions[pick]] = nullptr;
    filler_positions.erase(filler_positions.begin() + static_cast<std::ptrdiff_t>(pick));
    --excess;
  }
  kept.erase(std::remove(kept.begin(), kept.end(), nullptr), kept.end());
  std::stable_sort(kept.begin(), kept.end(), [](const Entry* a, const Entry* b) {
    return TimeOf(a->touchpoint) < TimeOf(b->touchpoint);
  });

  std::vector<v1::Touchpoint> touchpoints;
  touchpoints.reserve(kept.size());
  for (Entry* entry : kept) {
    entry->touchpoint.set_id(
        absl::StrFormat("demo-%s-%04d", customer_id_, static_cast<int>(touchpoints.size()) + 1));
    touchpoints.push_back(std::move(entry->touchpoint));
  }
  entries_.clear();
  return touchpoints;
}

}  // namespace journeydesk::demo
