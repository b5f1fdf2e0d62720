#pragma once
// Test helper: drains a NotificationQueue until a notification of type T matches.

#include <deque>
#include <functional>
#include <optional>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "core/notification_queue.h"
#include "core/waking_queue.h"

namespace journeydesk::agent {

// Collects notifications until one of type T satisfies `match`, or the timeout. Others are
// dropped.
template <typename T>
std::optional<T> WaitFor(NotificationQueue& queue, std::function<bool(const T&)> match,
                         absl::Duration timeout = absl::Seconds(15)) {
  const absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    for (Notification& notification : queue.DrainAll()) {
      if (auto* value = std::get_if<T>(&notification); value && match(*value)) return std::move(*value);
    }
    absl::SleepFor(absl::Milliseconds(10));
  }
  return std::nullopt;
}

// Like WaitFor, but keeps what did not match, so a later wait still finds a notification
// that arrived early. Each match is taken once. Works on any WakingQueue (the agent
// window's, the supervisor window's, the plugin host's).
template <typename Item>
class RecorderOf {
 public:
  explicit RecorderOf(WakingQueue<Item>& queue) : queue_(queue) {}

  template <typename T>
  std::optional<T> WaitFor(std::function<bool(const T&)> match, absl::Duration timeout = absl::Seconds(20)) {
    const absl::Time deadline = absl::Now() + timeout;
    while (true) {
      for (Item& item : queue_.DrainAll()) seen_.push_back(std::move(item));
      for (auto it = seen_.begin(); it != seen_.end(); ++it) {
        if (auto* value = std::get_if<T>(&*it); value && match(*value)) {
          T found = std::move(*value);
          seen_.erase(it);
          return found;
        }
      }
      if (absl::Now() >= deadline) return std::nullopt;
      absl::SleepFor(absl::Milliseconds(10));
    }
  }

 private:
  WakingQueue<Item>& queue_;
  std::deque<Item> seen_;
};

using NotificationRecorder = RecorderOf<Notification>;

}  // namespace journeydesk::agent
