#pragma once
// The supervisor client's notifications on their way to the UI. Same contract as
// core/notification_queue.h (kept separate so the agent window's variant stays as it is):
// worker threads Push, the main thread DrainAll()s; the waker runs on the pushing thread when
// the queue goes from empty to non-empty, and the UI makes it schedule a drain on its own
// thread (wxEvtHandler::CallAfter).

#include <functional>
#include <mutex>
#include <vector>

#include "core/supervisor/supervisor_notifications.h"

namespace journeydesk::agent::supervisor {

// Thread-safe.
class SupervisorNotificationQueue {
 public:
  void Push(SupervisorNotification notification);
  std::vector<SupervisorNotification> DrainAll();
  // `waker` may be empty (then the UI polls). Clear it before the object it calls goes away.
  void SetWaker(std::function<void()> waker);

 private:
  std::mutex mutex_;
  std::vector<SupervisorNotification> pending_;
  std::function<void()> waker_;
};

}  // namespace journeydesk::agent::supervisor
