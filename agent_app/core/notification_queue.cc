#include "core/notification_queue.h"

namespace journeydesk::agent {

void NotificationQueue::Push(Notification notification) {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    const bool was_empty = pending_.empty();
    pending_.push_back(std::move(notification));
    if (was_empty) wake = waker_;
  }
  if (wake) wake();
}

std::vector<Notification> NotificationQueue::DrainAll() {
  std::lock_guard lock(mutex_);
  std::vector<Notification> out;
  out.swap(pending_);
  return out;
}

void NotificationQueue::SetWaker(std::function<void()> waker) {
  std::lock_guard lock(mutex_);
  waker_ = std::move(waker);
}

}  // namespace journeydesk::agent
