#include "core/plugin_host/plugin_notification_queue.h"

#include <utility>

namespace journeydesk::agent::plugins {

void PluginNotificationQueue::OnView(const std::string& contact_id, const plugin::v1::WorkspaceView& view) {
  Push(PluginViewChanged{contact_id, view});
}

void PluginNotificationQueue::OnNotice(const std::string& contact_id, const std::string& text) {
  Push(PluginNotice{contact_id, text});
}

void PluginNotificationQueue::OnPluginStatus(const PluginStatus& status) { Push(PluginStatusChanged{status}); }

void PluginNotificationQueue::Push(PluginNotification notification) {
  std::function<void()> waker;
  {
    std::lock_guard lock(mutex_);
    const bool was_empty = pending_.empty();
    pending_.push_back(std::move(notification));
    if (was_empty) waker = waker_;
  }
  if (waker) waker();
}

std::vector<PluginNotification> PluginNotificationQueue::DrainAll() {
  std::lock_guard lock(mutex_);
  return std::exchange(pending_, {});
}

void PluginNotificationQueue::SetWaker(std::function<void()> waker) {
  std::lock_guard lock(mutex_);
  waker_ = std::move(waker);
}

}  // namespace journeydesk::agent::plugins
