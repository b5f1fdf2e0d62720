#pragma once
// The touchpoint journeyd records on the customer's journey when it completes a contact
// (server_stub/service/contact_center_steps.cc), as the desktop can tell it before journeyd
// has the wrap-up: a wrap-up waiting in the outbox is drawn where journeyd will draw it, and
// journeyd's copy (same id) takes its place. CompleteContact names only the contact; the
// customer, channel and queue come from the contact the desktop holds.

#include <optional>
#include <string>
#include <vector>

#include "journeydesk/v1/contact_center.pb.h"
#include "journeydesk/v1/touchpoint.pb.h"

namespace journeydesk::agent {

// The kind of the touchpoint journeyd records when a contact is completed.
inline constexpr char kContactCompletedKind[] = "contact_completed";

// How journeyd records a wrap-up, as the agent stream's start told it (AgentStarted).
struct WrapUpRecording {
  std::vector<v1::WrapUpCode> codes;  // each code's outcome
  // The stage of contact_completed touchpoints ("" : none); absent when journeyd did not say
  // (a journeyd from before AgentStarted.contact_completed_stage).
  std::optional<std::string> stage;
};

// "<contact_id>.completed", kind contact_completed, on the contact's customer, channel, queue
// and agent, internal, the notes as summary, the wrap_up_code attribute and that code's
// outcome. Its stage is the contact's (Contact.stage: journeyd files all of a contact's steps
// there); for a contact without one (queued by an older journeyd), the one journeyd said for
// the kind, with stage_derived set (also when it is empty: journeyd will record it without a
// stage); without journeyd's word it has none and is drawn like a note. No occurred_at:
// journeyd records it when it completes the contact.
v1::Touchpoint WrapUpTouchpoint(const v1::Contact& contact, const v1::CompleteContactRequest& request,
                                const WrapUpRecording& recording);

}  // namespace journeydesk::agent
