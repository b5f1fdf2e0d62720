// The C++ side of the plugin SDK (header-only): write one class deriving from ChannelPlugin,
// override the hooks you need, and export it with
//
//   JD_CHANNEL_PLUGIN(MyPlugin, "my-plugin-id", "customer.name")
//
// in exactly one .cc file. The macro defines the ABI's entry symbol; every call through it
// is wrapped so that no exception ever reaches the host: a throw becomes JD_PLUGIN_ERROR with
// the exception's message, and the host tells the agent.
//
// Needs the generated C++ of journeydesk/plugin/v1/plugin.proto (journeydesk_add_plugin()
// from find_package(JourneyDeskPluginSDK) generates it into the plugin's own target).
#pragma once

#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <utility>

#include "journeydesk/plugin/v1/plugin.pb.h"
#include "journeydesk/plugin_sdk/jd_channel_plugin.h"

namespace journeydesk::plugin_sdk {

namespace pb = ::journeydesk::plugin::v1;

// Base class of a plugin instance. The host calls one hook at a time (never concurrently).
// Each hook gets the response to fill: set out.mutable_view() to show something, add
// requests with the helpers below. Throwing is allowed (and reported); crashing is not.
class ChannelPlugin {
 public:
  virtual ~ChannelPlugin() = default;

  // Called once after construction with the host's settings for this plugin (may be empty).
  // Return false with *error set to refuse to start.
  virtual bool Configure(std::string_view config, std::string* error) { return true; }

  // Dispatches to the hooks below; override only to see every event raw.
  virtual void Handle(const pb::HostEvent& event, pb::PluginResponse& out) {
    now_unix_ms_ = event.now_unix_ms();
    switch (event.event_case()) {
      case pb::HostEvent::kContactAssigned: OnContactAssigned(event.contact_assigned(), out); break;
      case pb::HostEvent::kContactUpdated: OnContactUpdated(event.contact_updated(), out); break;
      case pb::HostEvent::kCustomerMessage: OnCustomerMessage(event.customer_message(), out); break;
      case pb::HostEvent::kActionInvoked: OnAction(event.action_invoked(), out); break;
      case pb::HostEvent::kCustomerActivity: OnCustomerActivity(event.customer_activity(), out); break;
      case pb::HostEvent::kRequestFailed: OnRequestFailed(event.request_failed(), out); break;
      case pb::HostEvent::kContactClosed: OnContactClosed(event.contact_closed(), out); break;
      case pb::HostEvent::kShutdown: OnShutdown(); break;
      case pb::HostEvent::EVENT_NOT_SET: break;  // a newer host's event: ignore
    }
  }

  virtual void OnContactAssigned(const pb::ContactAssigned& event, pb::PluginResponse& out) {}
  virtual void OnContactUpdated(const pb::ContactUpdated& event, pb::PluginResponse& out) {}
  virtual void OnCustomerMessage(const pb::CustomerMessage& event, pb::PluginResponse& out) {}
  virtual void OnCustomerActivity(const pb::CustomerActivity& event, pb::PluginResponse& out) {}
  virtual void OnAction(const pb::ActionInvoked& event, pb::PluginResponse& out) {}
  virtual void OnRequestFailed(const pb::RequestFailed& event, pb::PluginResponse& out) {}
  virtual void OnContactClosed(const pb::ContactClosed& event, pb::PluginResponse& out) {}
  virtual void OnShutdown() {}

 protected:
  // The host's clock at the current event (Unix ms).
  int64_t now_unix_ms() const { return now_unix_ms_; }

  // level: 0 debug, 1 info, 2 warning, 3 error.
  void Log(int level, const std::string& message) const {
    if (host_ != nullptr && host_->log != nullptr) host_->log(host_->context, level, message.c_str());
  }

  static void SendMessage(pb::PluginResponse& out, std::string text, std::string subject = {}) {
    auto* send = out.add_requests()->mutable_send_message();
    send->set_text(std::move(text));
    send->set_subject(std::move(subject));
  }
  static pb::RecordTouchpoint* RecordTouchpoint(pb::PluginResponse& out, std::string kind,
                                                std::string summary) {
    auto* touchpoint = out.add_requests()->mutable_record_touchpoint();
    touchpoint->set_kind(std::move(kind));
    touchpoint->set_summary(std::move(summary));
    return touchpoint;
  }
  static void Hold(pb::PluginResponse& out) { out.add_requests()->mutable_hold(); }
  static void Resume(pb::PluginResponse& out) { out.add_requests()->mutable_resume(); }
  static void TransferToQueue(pb::PluginResponse& out, std::string queue) {
    out.add_requests()->mutable_transfer()->set_queue(std::move(queue));
  }
  static void Complete(pb::PluginResponse& out, std::string wrap_up_code, std::string notes) {
    auto* complete = out.add_requests()->mutable_complete();
    complete->set_wrap_up_code(std::move(wrap_up_code));
    complete->set_notes(std::move(notes));
  }
  // Adds an action button to a view.
  static pb::Action* AddAction(pb::WorkspaceView& view, std::string id, std::string label,
                               std::string shortcut = {}, bool enabled = true) {
    pb::Action* action = view.add_actions();
    action->set_id(std::move(id));
    action->set_label(std::move(label));
    action->set_shortcut(std::move(shortcut));
    action->set_enabled(enabled);
    return action;
  }
  // The value of input `id` in an action's form values ("" when absent).
  static std::string Value(const pb::ActionInvoked& event, const std::string& id) {
    auto it = event.values().find(id);
    return it == event.values().end() ? std::string() : it->second;
  }

 private:
  template <typename T>
  friend struct detail_access;
  const jd_plugin_host_api* host_ = nullptr;
  int64_t now_unix_ms_ = 0;
};

template <typename T>
struct detail_access {
  static void AttachHost(ChannelPlugin& plugin, const jd_plugin_host_api* host) { plugin.host_ = host; }
};

namespace detail {

inline void ReportError(const jd_plugin_sink* sink, const char* message) {
  if (sink != nullptr && sink->error != nullptr) sink->error(sink->context, message);
}

// Runs `body`, turning any exception into JD_PLUGIN_ERROR reported through `sink`.
template <typename Body>
int Guarded(const jd_plugin_sink* sink, const char* what, Body&& body) noexcept {
  try {
    return body();
  } catch (const std::exception& e) {
    std::string message = std::string(what) + ": " + e.what();
    ReportError(sink, message.c_str());
  } catch (...) {
    std::string message = std::string(what) + ": unknown exception";
    ReportError(sink, message.c_str());
  }
  return JD_PLUGIN_ERROR;
}

template <typename Plugin>
void* Create(const jd_plugin_host_api* host, const uint8_t* config, size_t config_size,
             const jd_plugin_sink* sink) noexcept {
  void* created = nullptr;
  Guarded(sink, "plugin failed to start", [&] {
    auto* plugin = new Plugin();
    detail_access<Plugin>::AttachHost(*plugin, host);
    std::string error;
    std::string_view config_text(reinterpret_cast<const char*>(config), config_size);
    if (!plugin->Configure(config_text, &error)) {
      delete plugin;
      std::string message = "plugin refused its configuration: " + error;
      ReportError(sink, message.c_str());
      return JD_PLUGIN_ERROR;
    }
    created = static_cast<ChannelPlugin*>(plugin);
    return JD_PLUGIN_OK;
  });
  return created;
}

inline int HandleEvent(void* instance, const uint8_t* event, size_t event_size,
                       const jd_plugin_sink* sink) noexcept {
  return Guarded(sink, "plugin failed to handle the event", [&] {
    pb::HostEvent parsed;
    if (!parsed.ParseFromArray(event, static_cast<int>(event_size))) {
      ReportError(sink, "plugin could not parse the host's event");
      return JD_PLUGIN_ERROR;
    }
    pb::PluginResponse response;
    static_cast<ChannelPlugin*>(instance)->Handle(parsed, response);
    std::string bytes = response.SerializeAsString();
    if (sink != nullptr && sink->write != nullptr) {
      sink->write(sink->context, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    }
    return JD_PLUGIN_OK;
  });
}

inline void Destroy(void* instance) noexcept {
  try {
    delete static_cast<ChannelPlugin*>(instance);
  } catch (...) {
  }
}

template <typename Plugin>
jd_channel_plugin Describe(const char* id, const char* permissions) {
  jd_channel_plugin plugin{};
  plugin.struct_size = sizeof(jd_channel_plugin);
  plugin.abi_major = JD_PLUGIN_ABI_MAJOR;
  plugin.abi_minor = JD_PLUGIN_ABI_MINOR;
  plugin.plugin_id = id;
  plugin.permissions = permissions;
  plugin.create = &Create<Plugin>;
  plugin.handle_event = &HandleEvent;
  plugin.destroy = &Destroy;
  return plugin;
}

}  // namespace detail
}  // namespace journeydesk::plugin_sdk

// Defines the plugin's one exported entry symbol. Use once, at namespace scope.
#define JD_CHANNEL_PLUGIN(PluginClass, plugin_id, permissions)                              \
  extern "C" JD_PLUGIN_EXPORT const jd_channel_plugin* JD_CHANNEL_PLUGIN_ENTRY(void) {       \
    static const jd_channel_plugin descriptor =                                              \
        ::journeydesk::plugin_sdk::detail::Describe<PluginClass>(plugin_id, permissions);    \
    return &descriptor;                                                                      \
  }
