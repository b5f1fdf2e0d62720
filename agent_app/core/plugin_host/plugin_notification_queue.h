#pragma once
// The plugin host's news on its way to the UI, same contract as core/notification_queue.h:
// PluginNotificationQueue is the PluginHostObserver the desktop gives PluginHost; whatever
// thread the host runs on Pushes, the main thread DrainAll()s. The waker runs on the pushing
// thread when the queue goes from empty to non-empty; the UI makes it schedule a drain on
// its own thread (wxEvtHandler::CallAfter). No wx here.

#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "core/plugin_host/plugin_host_delegates.h"
#include "core/waking_queue.h"

namespace journeydesk::agent::plugins {

struct PluginViewChanged {
  std::string contact_id;
  plugin::v1::WorkspaceView view;
};
struct PluginNotice {
  std::string contact_id;
  std::string text;
};
struct PluginStatusChanged {
  PluginStatus status;
};
using PluginNotification = std::variant<PluginViewChanged, PluginNotice, PluginStatusChanged>;

// Thread-safe.
class PluginNotificationQueue : public PluginHostObserver {
 public:
  void OnView(const std::string& contact_id, const plugin::v1::WorkspaceView& view) override;
  void OnNotice(const std::string& contact_id, const std::string& text) override;
  void OnPluginStatus(const PluginStatus& status) override;

  std::vector<PluginNotification> DrainAll() { return queue_.DrainAll(); }
  // `waker` may be empty (then the UI polls). Clear it before the object it calls goes away.
  void SetWaker(std::function<void()> waker) { queue_.SetWaker(std::move(waker)); }

 private:
  WakingQueue<PluginNotification> queue_;
};

}  // namespace journeydesk::agent::plugins
