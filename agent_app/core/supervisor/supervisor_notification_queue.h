#pragma once
// The supervisor client's notifications on their way to the UI. Same contract as
// core/notification_queue.h (kept separate so the agent window's variant stays as it is):
// worker threads Push, the main thread DrainAll()s; the waker runs on the pushing thread when
// the queue goes from empty to non-empty, and the UI makes it schedule a drain on its own
// thread (wxEvtHandler::CallAfter).

#include <functional>
#include <vector>

#include "core/supervisor/supervisor_notifications.h"
#include "core/waking_queue.h"

namespace journeydesk::agent::supervisor {

// Thread-safe.
class SupervisorNotificationQueue : public WakingQueue<SupervisorNotification> {};

}  // namespace journeydesk::agent::supervisor
