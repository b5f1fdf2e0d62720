#pragma once
// A write the desktop makes to journeyd that must not be lost while journeyd is unreachable:
// touchpoints (notes), a next-step outcome, or a contact's wrap-up. Each carries what makes
// its replay idempotent — touchpoint ids, the outcome touchpoint's id, the contact id (a
// repeated wrap-up with the same code is a no-op on journeyd) — so an interrupted replay
// doubles nothing.

#include <string>
#include <variant>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "journeydesk/v1/contact_center.pb.h"
#include "journeydesk/v1/journey_service.pb.h"
#include "journeydesk/v1/next_steps.pb.h"

namespace journeydesk::agent {

using OutboxWrite = std::variant<v1::RecordTouchpointsRequest, v1::RecordActionOutcomeRequest,
                                 v1::CompleteContactRequest>;

// The stored name of the write's kind: "touchpoints", "action_outcome", "wrap_up".
std::string OutboxKind(const OutboxWrite& write);

// INVALID_ARGUMENT when the write could not be replayed idempotently (a touchpoint without
// id, an outcome without outcome_touchpoint_id, a wrap-up without contact or code).
absl::Status CheckReplayable(const OutboxWrite& write);

std::string SerializeOutboxWrite(const OutboxWrite& write);
// DATA_LOSS for an unknown kind or bytes that do not parse.
absl::StatusOr<OutboxWrite> ParseOutboxWrite(const std::string& kind, const std::string& bytes);

// A short description for the status bar: "wrap-up of K-000012", "2 touchpoints", ….
std::string DescribeOutboxWrite(const OutboxWrite& write);

}  // namespace journeydesk::agent
