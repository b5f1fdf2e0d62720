#pragma once
// PluginHost: finds the channel plugins, checks them, runs each in the desktop's process or
// in its own plugin host process, routes a contact's events to the plugin of its channel and
// hands back views and requests. Crash and hang containment (own process): the failing call
// returns UNAVAILABLE, the plugin's process is restarted, every contact it had is given back
// to it (ContactAssigned with restored = true) and the agent is told; after `max_restarts`
// within `restart_window` the plugin is turned off (failed) and its contacts stay with the
// agent, without a plugin workspace.
//
// Thread-safe. Calls block for up to the call budget (longer while a plugin restarts), so
// the desktop makes them from a worker thread (PluginHostWorker), never from the UI thread.

#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "core/plugin_host/out_of_process_runner.h"
#include "core/plugin_host/plugin_host_delegates.h"
#include "core/plugin_host/plugin_manifest.h"
#include "core/plugin_host/plugin_runner.h"
#include "core/plugin_host/plugin_settings.h"
#include "core/plugin_host/plugin_state.h"

namespace journeydesk::agent::plugins {

struct PluginHostOptions {
  // Plugin directories in order of precedence (bundled first, then the user's): a plugin id
  // or a channel seen again later is refused.
  std::vector<std::filesystem::path> roots;
  RunMode default_mode = RunMode::kOwnProcess;
  std::map<std::string, RunMode> run_mode;         // per plugin id, overrides default_mode
  std::set<std::string> disabled;                  // plugin ids not to start
  std::map<std::string, std::string> config;       // per plugin id, handed to create()
  // The agent's choices kept between runs (plugin_settings.h): read by Start() on top of
  // run_mode / disabled above, rewritten by SetEnabled and SetRunMode. Empty: nothing kept.
  std::filesystem::path settings_file;
  OutOfProcessOptions process;                     // socket_dir: made (0700) when empty
  int max_restarts = 3;
  absl::Duration restart_window = absl::Minutes(5);
};

class PluginHost {
 public:
  // `requests` and `observer` are not owned and must outlive the host.
  PluginHost(PluginHostOptions options, PluginHostRequests* requests, PluginHostObserver* observer);
  ~PluginHost();  // Shutdown()
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  // Reads the settings file, discovers, checks and starts the plugins. Problems are per
  // plugin (its status), never an error of the host; an unreadable settings file is
  // logged and ignored (settings_error() says why).
  void Start();
  std::string settings_error() const;
  // Every plugin's status as of its last change, in discovery order. Never waits for a
  // plugin: it reads a snapshot kept under its own lock, not the host's, so the UI thread
  // may call it while another thread's call is stuck behind a hung plugin.
  std::vector<PluginStatus> Statuses() const;
  // Turns a plugin off (its contacts stay; it gets Shutdown) or on again (it gets back the
  // contacts of its channels). NOT_FOUND for an unknown id; FAILED_PRECONDITION for a
  // refused plugin. The choice is saved to the settings file; when saving fails the plugin
  // is switched for this run only and the error says so.
  absl::Status SetEnabled(const std::string& plugin_id, bool enabled);
  // Moves a plugin into the desktop's process or its own. A running plugin is restarted in
  // the new place (restarting → running) and gets its contacts back; otherwise the mode
  // applies when it next starts. Saved like SetEnabled; same errors.
  absl::Status SetRunMode(const std::string& plugin_id, RunMode mode);

  // A contact came into the agent's hands: remembered (so it survives plugin restarts) and
  // delivered to the plugin of its channel. NOT_FOUND when no plugin serves the channel;
  // UNAVAILABLE when the plugin is not running or was just restarted.
  absl::Status AssignContact(const plugin::v1::ContactAssigned& assigned);
  absl::Status UpdateContact(const plugin::v1::Contact& contact);
  absl::Status PostCustomerMessage(const std::string& contact_id, const plugin::v1::Message& message);
  absl::Status PostCustomerActivity(const std::string& contact_id, plugin::v1::Activity activity);
  // The agent pressed an action; ABORTED with the plugin's reason when it could not handle it.
  absl::Status InvokeAction(const plugin::v1::ActionInvoked& action);
  absl::Status ReportRequestFailed(const std::string& contact_id, const std::string& request,
                                   const std::string& message);
  // The contact left the agent's hands; the plugin forgets it.
  absl::Status CloseContact(const std::string& contact_id);
  // Shutdown to every running plugin, then stops them. Idempotent.
  void Shutdown();

  std::optional<plugin::v1::WorkspaceView> LastView(const std::string& contact_id) const;
  // The plugin serving `channel`, if any.
  std::optional<std::string> PluginForChannel(const std::string& channel) const;

 private:
  struct Plugin {
    std::filesystem::path dir;
    std::optional<Manifest> manifest;
    PluginStatus status;
    std::unique_ptr<PluginRunner> runner;
    std::deque<absl::Time> restart_times;
    size_t index = 0;  // into plugins_ and snapshot_
  };
  struct ContactEntry {
    std::string plugin_id;
    plugin::v1::ContactAssigned assigned;  // kept current, unfiltered
    std::optional<plugin::v1::WorkspaceView> last_view;
  };
  // What a call produced, handed to the delegates after the lock is released.
  struct Outbox {
    std::vector<std::pair<std::string, plugin::v1::WorkspaceView>> views;
    std::vector<std::pair<std::string, std::string>> notices;
    std::vector<PluginStatus> statuses;
    struct Request {
      std::string plugin_id, contact_id, channel;
      plugin::v1::HostRequest request;
    };
    std::vector<Request> requests;
  };

  void Discover(Outbox& out);
  void AddPlugin(std::unique_ptr<Plugin> plugin, Outbox& out);
  // Copies the plugin's status into the snapshot and the outbox; every change of a status
  // goes through here (mutex_ held).
  void Publish(const Plugin& plugin, Outbox& out);
  void StartPlugin(Plugin& plugin, Outbox& out);
  std::unique_ptr<PluginRunner> MakeRunner(const Plugin& plugin) const;
  Plugin* FindById(const std::string& plugin_id);
  // Runs `change` under the lock on the plugin the manager may turn on or off or move (it
  // exists and was not refused), saves the settings, then delivers what it queued.
  absl::Status ChangePlugin(const std::string& plugin_id, const std::function<void(Plugin&, Outbox&)>& change);
  // Tells a running plugin to shut down, then stops its runner; the state is the caller's to
  // set (mutex_ held).
  void StopPlugin(Plugin& plugin, Outbox& out);
  // Writes settings_ to options_.settings_file (mutex_ held); OK when there is no file.
  absl::Status SaveSettings(const Plugin& plugin);
  void SetState(Plugin& plugin, PluginState state, std::string error, Outbox& out);
  absl::Status DeliverToContact(const std::string& contact_id, plugin::v1::HostEvent event, Outbox& out);
  absl::Status Deliver(Plugin& plugin, const std::string& contact_id, plugin::v1::HostEvent event,
                       bool may_restart, Outbox& out);
  void ApplyResponse(Plugin& plugin, const std::string& contact_id, const std::string& bytes, Outbox& out);
  void Restart(Plugin& plugin, const std::string& reason, Outbox& out);
  void RestoreContacts(Plugin& plugin, Outbox& out);
  std::string NameOf(const Plugin& plugin) const;
  Plugin* FindByChannel(const std::string& channel);
  void Dispatch(Outbox& out);

  PluginHostOptions options_;
  PluginHostRequests* requests_;
  PluginHostObserver* observer_;
  std::filesystem::path owned_socket_dir_;

  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Plugin>> plugins_;
  std::map<std::string, ContactEntry> contacts_;
  bool shut_down_ = false;
  PluginSettings settings_;     // what the settings file holds
  std::string settings_error_;  // why it could not be read

  // Lock order: mutex_, then snapshot_mutex_ (never the other way; Statuses() takes only this one).
  mutable std::mutex snapshot_mutex_;
  std::vector<PluginStatus> snapshot_;
};

}  // namespace journeydesk::agent::plugins
