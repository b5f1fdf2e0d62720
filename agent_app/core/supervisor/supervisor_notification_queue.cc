#include "core/supervisor/supervisor_notification_queue.h"

namespace journeydesk::agent::supervisor {

void SupervisorNotificationQueue::Push(SupervisorNotification notification) {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    const bool was_empty = pending_.empty();
    pending_.push_back(std::move(notification));
    if (was_empty) wake = waker_;
  }
  if (wake) wake();
}

std::vector<SupervisorNotification> SupervisorNotificationQueue::DrainAll() {
  std::lock_guard lock(mutex_);
  std::vector<SupervisorNotification> out;
  out.swap(pending_);
  return out;
}

void SupervisorNotificationQueue::SetWaker(std::function<void()> waker) {
  std::lock_guard lock(mutex_);
  waker_ = std::move(waker);
}

}  // namespace journeydesk::agent::supervisor
