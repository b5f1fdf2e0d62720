#pragma once
// A write the desktop makes to journeyd that must not be lost while journeyd is unreachable:
// touchpoints (notes), a next-step outcome, or a contact's wrap-up. Each carries what makes
// its replay idempotent — touchpoint ids, the outcome touchpoint's id, the contact id (a
// repeated wrap-up with the same code is a no-op on journeyd) — so an interrupted replay
// doubles nothing.

#include <optional>
#include <string>
#include <variant>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "journeydesk/v1/contact_center.pb.h"
#include "journeydesk/v1/journey_service.pb.h"
#include "journeydesk/v1/next_steps.pb.h"
#include "journeydesk/v1/touchpoint.pb.h"

namespace journeydesk::agent {

// A contact's wrap-up, with the contact_completed touchpoint journeyd will record for it
// (WrapUpTouchpoint): CompleteContact names only the contact, so this is what lets the
// wrap-up be drawn on its customer's journey while it waits, across restarts too. Wrap-ups
// queued by builds that did not keep it have none: replayed the same, not drawn.
struct WrapUpWrite {
  v1::CompleteContactRequest request;
  std::optional<v1::Touchpoint> touchpoint;
};

using OutboxWrite = std::variant<v1::RecordTouchpointsRequest, v1::RecordActionOutcomeRequest, WrapUpWrite>;

// The stored name of the write's kind: "touchpoints", "action_outcome", "wrap_up".
std::string OutboxKind(const OutboxWrite& write);

// INVALID_ARGUMENT when the write could not be replayed idempotently (a touchpoint without
// id, an outcome without outcome_touchpoint_id, a wrap-up without contact or code).
absl::Status CheckReplayable(const OutboxWrite& write);

// The request journeyd is sent, serialized.
std::string SerializeOutboxWrite(const OutboxWrite& write);
// What the write keeps beside its request, serialized (a wrap-up's touchpoint); "" for none.
std::string SerializeOutboxTouchpoint(const OutboxWrite& write);
// From the two serializations above (`touchpoint_bytes` "" for none). DATA_LOSS for an
// unknown kind or bytes that do not parse.
absl::StatusOr<OutboxWrite> ParseOutboxWrite(const std::string& kind, const std::string& bytes,
                                             const std::string& touchpoint_bytes);

// A short description for the status bar: "wrap-up of K-000012", "2 touchpoints", ….
std::string DescribeOutboxWrite(const OutboxWrite& write);

}  // namespace journeydesk::agent
