#pragma once
// What the desktop's own waiting writes will add to customers' journeys, so the journey on
// screen shows them at once instead of when journeyd has them: a queued note (touchpoints)
// as itself, a queued next-step outcome as the `nba_<outcome>` touchpoint journeyd will
// record under its outcome_touchpoint_id, a queued wrap-up as the `contact_completed`
// touchpoint kept with it (wrap_up_touchpoint.h; a wrap-up queued by an older build has none
// and is not drawn). Each carries kPendingAttribute, which only the desktop sets and
// journeyd never sees (these copies are for the screen; the outbox keeps its own).

#include <vector>

#include "core/local_store.h"
#include "journeydesk/v1/touchpoint.pb.h"

namespace journeydesk::agent {

inline constexpr char kPendingAttribute[] = "journeydesk.pending";
// What the canvas's tooltip, the timeline and the details say about a pending touchpoint.
inline constexpr char kPendingText[] = "pending — will be sent when journeyd is back";

// True for a touchpoint drawn from the outbox, not (yet) from journeyd.
bool IsPendingTouchpoint(const v1::Touchpoint& touchpoint);

// The touchpoints `entries` (oldest first) will record, in that order, each marked pending;
// a touchpoint without a time gets its entry's queued_at.
std::vector<v1::Touchpoint> PendingTouchpoints(const std::vector<OutboxEntry>& entries);

}  // namespace journeydesk::agent
