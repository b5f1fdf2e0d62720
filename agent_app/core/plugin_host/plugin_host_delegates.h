#pragma once
// What the plugin host needs from the desktop. The host never talks to journeyd itself: a
// plugin's requests (send a message, record a touchpoint, hold, resume, transfer, complete)
// go to PluginHostRequests, which the desktop wires to its ContactCenter / JourneyService
// clients; views, notices and plugin states go to PluginHostObserver, which the desktop
// forwards to its UI queue.
//
// Thread: both are called on whichever thread called into PluginHost, after the host has
// released its lock (so they may call back into PluginHost). They must not block long.

#include <string>

#include "core/plugin_host/plugin_state.h"
#include "journeydesk/plugin/v1/plugin.pb.h"

namespace journeydesk::agent::plugins {

class PluginHostRequests {
 public:
  virtual ~PluginHostRequests() = default;
  // `request` concerns `contact_id` (a contact the host gave this plugin) on `channel`. When
  // it fails, the desktop calls PluginHost::ReportRequestFailed so the plugin can say so.
  virtual void OnHostRequest(const std::string& plugin_id, const std::string& contact_id,
                             const std::string& channel, const plugin::v1::HostRequest& request) = 0;
};

class PluginHostObserver {
 public:
  virtual ~PluginHostObserver() = default;
  // The workspace of `contact_id` changed; view.contact_id() == contact_id.
  virtual void OnView(const std::string& contact_id, const plugin::v1::WorkspaceView& view) = 0;
  // Something the agent must be told about this contact (a plugin crashed and was restarted,
  // it failed to handle an action, it was turned off). The text says what to do next.
  virtual void OnNotice(const std::string& contact_id, const std::string& text) = 0;
  // A plugin changed state (for the plugin manager dialog).
  virtual void OnPluginStatus(const PluginStatus& status) = 0;
};

}  // namespace journeydesk::agent::plugins
