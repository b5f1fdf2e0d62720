#pragma once
// The touchpoint an agent's note becomes: written on a contact, for whoever helps the
// customer next. No wx.

#include <string>

#include "absl/time/time.h"
#include "journeydesk/v1/contact_center.pb.h"
#include "journeydesk/v1/journey_service.pb.h"

namespace journeydesk::agent {

// An `agent_note` on the contact's customer, on the contact's channel, internal, at `now`,
// with `text` as its summary. It is filed in `stage` — the stage the customer is in on the
// agent's screen — so that the note sits beside what it is about and its pending mark (drawn
// in that stage while journeyd is away) does not move when journeyd's copy arrives. An empty
// `stage` leaves it to journeyd's stage map.
v1::RecordTouchpointsRequest AgentNoteRequest(const v1::Contact& contact, const std::string& text,
                                              const std::string& stage, absl::Time now);

}  // namespace journeydesk::agent
