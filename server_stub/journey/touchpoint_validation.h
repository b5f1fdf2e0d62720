#pragma once
// Input rules for what callers send to journeyd: touchpoints (RecordTouchpoints) and
// customer profiles (UpsertCustomer). The api layer calls these before anything is stored,
// so a batch is refused whole with a message naming the field and the rule, e.g.
//   touchpoints[3].nps: must be between 0 and 10, got 11
//
// Errors: INVALID_ARGUMENT only; the first broken rule wins. Pure functions; thread-safe.

#include <string_view>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "journey/stage_resolver.h"
#include "journeydesk/v1/customer.pb.h"
#include "journeydesk/v1/touchpoint.pb.h"

namespace journeydesk::journey {

inline constexpr int kMaxTouchpointsPerBatch = 1000;
inline constexpr int kMaxTouchpointIdLength = 128;
inline constexpr int kMaxSummaryBytes = 4000;
inline constexpr int kMaxAttributes = 64;
inline constexpr int kMaxAttributeValueBytes = 1024;
inline constexpr int kMaxDisplayNameBytes = 200;
inline constexpr absl::Duration kMaxClockSkew = absl::Hours(24);

// Rules, each reported as "<field_prefix>.<field>: <rule>":
//   id           required; at most 128 characters; printable ASCII without spaces
//   customer_id / address
//                exactly one of them; customer_id as in ValidateCustomer's id rule,
//                address normalisable (see address.h)
//   channel      required; [a-z0-9_.-]{1,32}
//   kind         required; [a-z0-9_]{1,64}
//   occurred_at  required; a valid timestamp; not more than 24 h after `now`
//   stage        empty, or a stage of the map
//   direction, outcome, sentiment   a known enum value
//   nps          0–10 when set;  effort  1–7 when set
//   summary      at most 4,000 bytes of valid UTF-8
//   agent_id, contact_id   at most 128 characters, printable ASCII without spaces
//   attributes   at most 64; keys [a-z0-9_]{1,64}; values at most 1,024 bytes;
//                contract_end, when present, a date YYYY-MM-DD
// `field_prefix` is e.g. "touchpoints[3]"; empty gives bare field names.
absl::Status ValidateTouchpoint(const v1::Touchpoint& touchpoint, std::string_view field_prefix,
                                absl::Time now, const StageResolver& stages);

// Rules for UpsertCustomer:
//   id                 empty (journeyd assigns one) or [A-Za-z0-9_.:-]{1,64}
//   display_name       at most 200 bytes of valid UTF-8
//   emails, phones, chat_handles   each normalisable (see address.h)
//   lifecycle_state    a known enum value
//   attributes         as for touchpoints
absl::Status ValidateCustomer(const v1::Customer& customer, std::string_view field_prefix);

// Checks a YYYY-MM-DD date (a real calendar date) and returns midnight UTC of it.
absl::Status ParseContractEnd(std::string_view value, absl::Time* midnight_utc);

}  // namespace journeydesk::journey
