#include "core/pending_touchpoints.h"

#include "absl/strings/str_cat.h"
#include "core/proto_time.h"

namespace journeydesk::agent {
namespace {

// journeyd's names (nba::OutcomeKind); the desktop does not link journeyd's code.
const char* OutcomeKind(v1::ActionOutcome outcome) {
  switch (outcome) {
    case v1::ACTION_OFFERED: return "nba_offered";
    case v1::ACTION_ACCEPTED: return "nba_accepted";
    case v1::ACTION_DECLINED: return "nba_declined";
    case v1::ACTION_COMPLETED: return "nba_completed";
    default: return "nba_outcome";
  }
}

const char* OutcomeVerb(v1::ActionOutcome outcome) {
  switch (outcome) {
    case v1::ACTION_OFFERED: return "offered";
    case v1::ACTION_ACCEPTED: return "accepted";
    case v1::ACTION_DECLINED: return "declined";
    case v1::ACTION_COMPLETED: return "completed";
    default: return "recorded";
  }
}

v1::Touchpoint FromOutcome(const v1::RecordActionOutcomeRequest& outcome) {
  v1::Touchpoint tp;
  tp.set_id(outcome.outcome_touchpoint_id());
  tp.set_customer_id(outcome.customer_id());
  tp.set_channel(outcome.channel());
  tp.set_kind(OutcomeKind(outcome.outcome()));
  tp.set_direction(v1::DIRECTION_INTERNAL);
  tp.set_contact_id(outcome.contact_id());
  tp.set_stage(outcome.stage());
  std::string action = outcome.action_id();
  if (action.empty()) action = outcome.suggestion_id().substr(0, outcome.suggestion_id().find('@'));
  std::string summary = absl::StrCat(OutcomeVerb(outcome.outcome()), " next step \"", action, "\"");
  if (!outcome.decline_reason().empty()) absl::StrAppend(&summary, ": ", outcome.decline_reason());
  tp.set_summary(std::move(summary));
  return tp;
}

}  // namespace

bool IsPendingTouchpoint(const v1::Touchpoint& touchpoint) {
  return touchpoint.attributes().contains(kPendingAttribute);
}

std::vector<v1::Touchpoint> PendingTouchpoints(const std::vector<OutboxEntry>& entries) {
  std::vector<v1::Touchpoint> pending;
  for (const OutboxEntry& entry : entries) {
    const size_t first = pending.size();
    if (const auto* touchpoints = std::get_if<v1::RecordTouchpointsRequest>(&entry.write)) {
      for (const v1::Touchpoint& tp : touchpoints->touchpoints()) pending.push_back(tp);
    } else if (const auto* outcome = std::get_if<v1::RecordActionOutcomeRequest>(&entry.write)) {
      pending.push_back(FromOutcome(*outcome));
    } else if (const auto* wrap_up = std::get_if<WrapUpWrite>(&entry.write); wrap_up && wrap_up->touchpoint) {
      pending.push_back(*wrap_up->touchpoint);
    }
    for (size_t i = first; i < pending.size(); ++i) {
      if (!pending[i].has_occurred_at()) *pending[i].mutable_occurred_at() = ToProto(entry.queued_at);
      (*pending[i].mutable_attributes())[kPendingAttribute] = "1";
    }
  }
  return pending;
}

}  // namespace journeydesk::agent
