#pragma once
// How the supervisor window writes figures: waits, percentages, agents' channels and states.

#include <string>

#include "journeydesk/v1/contact_center.pb.h"

namespace journeydesk::agent::supervisor {

// Seconds as "0:42", "12:05" (m:ss) under an hour, "1 h 04" (h mm) from an hour, "—" below 0.
std::string FormatWait(double seconds);
// A fraction 0–1 as "62 %" (rounded).
std::string FormatPercent(double fraction);
// "phone ×1, chat ×3" (effective channels); "(defaults)" appended when the agent has no
// settings of its own; "none" when empty.
std::string FormatChannels(const v1::AgentStatus& agent);
// "available", "away (break)", "offline", plus ", not connected" without an open stream.
std::string FormatAgentState(const v1::AgentStatus& agent);

}  // namespace journeydesk::agent::supervisor
