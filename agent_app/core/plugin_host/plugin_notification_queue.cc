#include "core/plugin_host/plugin_notification_queue.h"

#include <utility>

namespace journeydesk::agent::plugins {

void PluginNotificationQueue::OnView(const std::string& contact_id, const plugin::v1::WorkspaceView& view) {
  queue_.Push(PluginViewChanged{contact_id, view});
}

void PluginNotificationQueue::OnNotice(const std::string& contact_id, const std::string& text) {
  queue_.Push(PluginNotice{contact_id, text});
}

void PluginNotificationQueue::OnPluginStatus(const PluginStatus& status) { queue_.Push(PluginStatusChanged{status}); }

}  // namespace journeydesk::agent::plugins
