#include "nba/contact_policy.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "common/absl_string_view.h"
#include "journey/timestamps.h"

namespace journeydesk::nba {
namespace {

using journey::kMicrosPerDay;
using journey::kMicrosPerHour;

std::string Ago(int64_t at_us, int64_t as_of_us) {
  const int64_t diff = as_of_us - at_us;
  if (diff < kMicrosPerHour) return "less than an hour ago";
  if (diff < kMicrosPerDay) return absl::StrCat(diff / kMicrosPerHour, " h ago");
  const int64_t days = diff / kMicrosPerDay;
  return days == 1 ? "yesterday" : absl::StrCat(days, " days ago");
}

// Outcomes that are new offers (not a second outcome of the same contact), in order.
template <typename Matches>
std::vector<const OutcomeRecord*> Offers(absl::Span<const OutcomeRecord> outcomes, Matches&& matches) {
  std::vector<const OutcomeRecord*> offers;
  for (const OutcomeRecord& record : outcomes) {
    if (!matches(record)) continue;
    bool same_contact = false;
    if (!record.contact_id.empty()) {
      for (const OutcomeRecord* earlier : offers) {
        same_contact = same_contact ||
                       (earlier->contact_id == record.contact_id && earlier->action_id == record.action_id);
      }
    }
    if (!same_contact) offers.push_back(&record);
  }
  return offers;
}

// `subject` prefixes the text ("selling actions offered …"); empty: "offered …".
PolicyVerdict CheckOffers(const std::vector<const OutcomeRecord*>& offers, const v1::ContactPolicy& policy,
                          std::string_view subject, int64_t as_of_us) {
  if (offers.empty()) return {};
  const std::string what = subject.empty() ? "offered" : absl::StrCat(ToAbsl(subject), " offered");
  // The latest outcome of the latest offer's contact counts as when it was last offered.
  const int64_t last_us = offers.back()->at_us;
  if (policy.cooldown_hours() > 0 && as_of_us - last_us < policy.cooldown_hours() * kMicrosPerHour) {
    return {v1::SUPPRESSED_CONTACT_POLICY,
            absl::StrCat(what, " ", Ago(last_us, as_of_us), "; cool-down of ",
                         policy.cooldown_hours(), " h between offers")};
  }
  if (policy.max_offers() > 0) {
    const int64_t window_us = policy.per_days() * kMicrosPerDay;
    int in_window = 0;
    for (const OutcomeRecord* offer : offers) in_window += as_of_us - offer->at_us < window_us;
    if (in_window >= policy.max_offers()) {
      return {v1::SUPPRESSED_CONTACT_POLICY,
              absl::StrCat(what, " ", in_window, in_window == 1 ? " time" : " times",
                           " in the last ", policy.per_days(), " days (at most ", policy.max_offers(), ")")};
    }
  }
  return {};
}

}  // namespace

PolicyVerdict CheckActionPolicy(std::string_view action_id, const v1::ContactPolicy& policy,
                                absl::Span<const OutcomeRecord> outcomes, int64_t newest_evidence_us,
                                int64_t as_of_us) {
  const OutcomeRecord* last_decline = nullptr;
  const OutcomeRecord* last_handled = nullptr;
  for (const OutcomeRecord& record : outcomes) {
    if (record.action_id != action_id) continue;
    if (record.outcome == v1::ACTION_DECLINED) last_decline = &record;
    if (record.outcome == v1::ACTION_ACCEPTED || record.outcome == v1::ACTION_COMPLETED) last_handled = &record;
  }
  if (last_decline != nullptr && policy.decline_suppression_days() > 0 &&
      as_of_us - last_decline->at_us < policy.decline_suppression_days() * kMicrosPerDay) {
    std::string text = absl::StrCat("declined ", Ago(last_decline->at_us, as_of_us));
    if (!last_decline->reason.empty()) absl::StrAppend(&text, " (", ToAbsl(last_decline->reason), ")");
    absl::StrAppend(&text, "; not offered again for ", policy.decline_suppression_days(),
                    " days after a decline");
    return {v1::SUPPRESSED_DECLINED_RECENTLY, std::move(text)};
  }
  if (last_handled != nullptr && policy.handled_suppression_days() > 0 &&
      as_of_us - last_handled->at_us < policy.handled_suppression_days() * kMicrosPerDay &&
      newest_evidence_us <= last_handled->at_us) {
    return {v1::SUPPRESSED_ALREADY_HANDLED,
            absl::StrCat(last_handled->outcome == v1::ACTION_ACCEPTED ? "accepted " : "completed ",
                         Ago(last_handled->at_us, as_of_us), "; nothing new has happened since")};
  }
  const std::vector<const OutcomeRecord*> offers =
      Offers(outcomes, [&](const OutcomeRecord& record) { return record.action_id == action_id; });
  return CheckOffers(offers, policy, "", as_of_us);
}

PolicyVerdict CheckCustomerPolicy(const RuleSet& rules, absl::Span<const OutcomeRecord> outcomes,
                                  int64_t as_of_us) {
  const v1::ContactPolicy& policy = rules.proto().customer_policy();
  if (policy.max_offers() == 0 && policy.cooldown_hours() == 0) return {};
  const std::vector<const OutcomeRecord*> offers = Offers(outcomes, [&](const OutcomeRecord& record) {
    const int action = rules.ActionIndex(record.action_id);
    return action >= 0 && rules.actions()[static_cast<size_t>(action)].selling;
  });
  return CheckOffers(offers, policy, "selling actions", as_of_us);
}

}  // namespace journeydesk::nba
