#include "core/plugin_host/plugin_host.h"

#include <stdlib.h>
#include <unistd.h>

#include <system_error>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/plugin_host/in_process_runner.h"
#include "core/plugin_host/plugin_discovery.h"
#include "core/plugin_host/permissions.h"
#include "spdlog/spdlog.h"

namespace journeydesk::agent::plugins {
namespace {

namespace fs = std::filesystem;
namespace pb = plugin::v1;

int64_t NowUnixMs() { return absl::ToUnixMillis(absl::Now()); }

// A private folder (0700) for the plugin processes' sockets, short enough for sun_path.
fs::path MakeSocketDir() {
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  std::string base = runtime != nullptr && *runtime != '\0' ? runtime : "/tmp";
  std::string pattern = base + "/jd-plugins-XXXXXX";
  if (pattern.size() > 80) pattern = "/tmp/jd-plugins-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) return {};
  return pattern;
}

}  // namespace

PluginHost::PluginHost(PluginHostOptions options, PluginHostRequests* requests, PluginHostObserver* observer)
    : options_(std::move(options)), requests_(requests), observer_(observer) {
  if (options_.process.socket_dir.empty()) {
    owned_socket_dir_ = MakeSocketDir();
    options_.process.socket_dir = owned_socket_dir_.string();
  }
  if (options_.process.host_process_path.empty()) {
    options_.process.host_process_path = DefaultHostProcessPath().string();
  }
}

PluginHost::~PluginHost() {
  Shutdown();
  if (!owned_socket_dir_.empty()) {
    std::error_code error;
    fs::remove_all(owned_socket_dir_, error);
  }
}

void PluginHost::Start() {
  Outbox out;
  {
    std::lock_guard lock(mutex_);
    if (!options_.settings_file.empty()) {
      absl::StatusOr<PluginSettings> saved = ReadPluginSettings(options_.settings_file);
      if (saved.ok()) {
        settings_ = std::move(*saved);
        options_.disabled.insert(settings_.disabled.begin(), settings_.disabled.end());
        for (const auto& [id, mode] : settings_.run_mode) options_.run_mode[id] = mode;
      } else {
        settings_error_ = std::string(saved.status().message());
        spdlog::warn("plugin settings ignored: {}", settings_error_);
      }
    }
    Discover(out);
    for (auto& plugin : plugins_) {
      if (plugin->status.state != PluginState::kDiscovered) continue;
      if (options_.disabled.count(plugin->status.id)) {
        SetState(*plugin, PluginState::kDisabled, "turned off in the settings", out);
        continue;
      }
      StartPlugin(*plugin, out);
    }
  }
  Dispatch(out);
}

void PluginHost::Discover(Outbox& out) {
  std::map<std::string, std::string> ids;       // id → dir
  std::map<std::string, std::string> channels;  // channel → id
  for (const fs::path& dir : DiscoverPluginDirs(options_.roots)) {
    auto plugin = std::make_unique<Plugin>();
    plugin->dir = dir;
    plugin->status.id = dir.filename().string();
    plugin->status.name = plugin->status.id;
    plugin->status.dir = dir.string();
    auto manifest = ReadManifest(dir);
    if (!manifest.ok()) {
      plugin->status.state = PluginState::kRefused;
      plugin->status.error = std::string(manifest.status().message());
      AddPlugin(std::move(plugin), out);
      continue;
    }
    const auto& fields = manifest->fields;
    PluginStatus& status = plugin->status;
    status.id = fields.id();
    status.name = fields.name();
    status.version = fields.version();
    status.abi = fields.abi();
    status.channels.assign(fields.channels().begin(), fields.channels().end());
    status.permissions.assign(fields.permissions().begin(), fields.permissions().end());
    auto mode = options_.run_mode.find(fields.id());
    status.mode = mode != options_.run_mode.end() ? mode->second : options_.default_mode;
    plugin->manifest = std::move(*manifest);

    std::string clash;
    if (ids.count(status.id)) {
      clash = absl::StrCat("another plugin with id \"", status.id, "\" is already loaded from ", ids[status.id]);
    }
    for (const std::string& channel : status.channels) {
      if (clash.empty() && channels.count(channel)) {
        clash = absl::StrCat("channel \"", channel, "\" is already served by plugin \"", channels[channel], "\"");
      }
    }
    if (!clash.empty()) {
      status.state = PluginState::kRefused;
      status.error = clash;
    } else {
      ids[status.id] = status.dir;
      for (const std::string& channel : status.channels) channels[channel] = status.id;
    }
    AddPlugin(std::move(plugin), out);
  }
}

void PluginHost::AddPlugin(std::unique_ptr<Plugin> plugin, Outbox& out) {
  plugin->index = plugins_.size();
  {
    std::lock_guard lock(snapshot_mutex_);
    snapshot_.push_back(plugin->status);
  }
  out.statuses.push_back(plugin->status);
  plugins_.push_back(std::move(plugin));
}

void PluginHost::Publish(const Plugin& plugin, Outbox& out) {
  {
    std::lock_guard lock(snapshot_mutex_);
    snapshot_[plugin.index] = plugin.status;
  }
  out.statuses.push_back(plugin.status);
}

void PluginHost::StartPlugin(Plugin& plugin, Outbox& out) {
  SetState(plugin, PluginState::kStarting, "", out);
  if (!plugin.runner) plugin.runner = MakeRunner(plugin);
  absl::Status started = plugin.runner->Start();
  if (!started.ok()) {
    // A plugin that does not fit (manifest, entry symbol, ABI, id, permissions) is refused;
    // anything else (its create() said no, the process did not come up) failed to start.
    bool refused = absl::IsFailedPrecondition(started) || absl::IsPermissionDenied(started) ||
                   absl::IsInvalidArgument(started);
    SetState(plugin, refused ? PluginState::kRefused : PluginState::kFailed, std::string(started.message()), out);
    return;
  }
  plugin.status.pid = plugin.runner->pid();
  SetState(plugin, PluginState::kRunning, "", out);
  RestoreContacts(plugin, out);
}

std::unique_ptr<PluginRunner> PluginHost::MakeRunner(const Plugin& plugin) const {
  std::string config;
  if (auto it = options_.config.find(plugin.status.id); it != options_.config.end()) config = it->second;
  if (plugin.status.mode == RunMode::kInProcess) return std::make_unique<InProcessRunner>(*plugin.manifest, config);
  return std::make_unique<OutOfProcessRunner>(*plugin.manifest, config, options_.process);
}

PluginHost::Plugin* PluginHost::FindById(const std::string& plugin_id) {
  for (auto& plugin : plugins_) {
    if (plugin->status.id == plugin_id && plugin->status.state != PluginState::kRefused) return plugin.get();
  }
  for (auto& plugin : plugins_) {
    if (plugin->status.id == plugin_id) return plugin.get();
  }
  return nullptr;
}

absl::Status PluginHost::SaveSettings(const Plugin& plugin) {
  if (options_.settings_file.empty()) return absl::OkStatus();
  absl::Status saved = WritePluginSettings(options_.settings_file, settings_);
  if (saved.ok()) return saved;
  return absl::Status(saved.code(), absl::StrCat(NameOf(plugin), " was changed for this run only: ", saved.message()));
}

std::string PluginHost::settings_error() const {
  std::lock_guard lock(mutex_);
  return settings_error_;
}

void PluginHost::SetState(Plugin& plugin, PluginState state, std::string error, Outbox& out) {
  // The transitions are the documented machine; an unexpected edge is a bug in this class,
  // so it is applied anyway but recorded in the error string for the dialog.
  absl::Status allowed = CheckTransition(plugin.status.state, state);
  plugin.status.state = state;
  if (!error.empty() || state == PluginState::kRunning || state == PluginState::kStarting) {
    plugin.status.error = std::move(error);
  }
  if (!allowed.ok()) plugin.status.error = absl::StrCat(plugin.status.error, " [", allowed.message(), "]");
  if (state != PluginState::kRunning) plugin.status.pid = 0;
  Publish(plugin, out);
}

std::string PluginHost::NameOf(const Plugin& plugin) const {
  return absl::StrCat("The ", plugin.status.name, " plugin");
}

PluginHost::Plugin* PluginHost::FindByChannel(const std::string& channel) {
  for (auto& plugin : plugins_) {
    if (plugin->status.state == PluginState::kRefused) continue;
    for (const std::string& served : plugin->status.channels) {
      if (served == channel) return plugin.get();
    }
  }
  return nullptr;
}

std::optional<std::string> PluginHost::PluginForChannel(const std::string& channel) const {
  std::lock_guard lock(mutex_);
  auto* plugin = const_cast<PluginHost*>(this)->FindByChannel(channel);
  if (plugin == nullptr) return std::nullopt;
  return plugin->status.id;
}

absl::Status PluginHost::Deliver(Plugin& plugin, const std::string& contact_id, pb::HostEvent event, bool may_restart,
                                 Outbox& out) {
  if (plugin.status.state != PluginState::kRunning) {
    return absl::UnavailableError(absl::StrCat(NameOf(plugin), " is ", PluginStateName(plugin.status.state),
                                               plugin.status.error.empty() ? "" : ": ", plugin.status.error));
  }
  event.set_now_unix_ms(NowUnixMs());
  FilterEvent(event, plugin.manifest->permissions);
  absl::StatusOr<std::string> answer = plugin.runner->Deliver(event.SerializeAsString());
  if (answer.ok()) {
    ApplyResponse(plugin, contact_id, *answer, out);
    return absl::OkStatus();
  }
  if (absl::IsAborted(answer.status())) {
    plugin.status.error = std::string(answer.status().message());
    Publish(plugin, out);
    std::string text = absl::StrCat(NameOf(plugin), " could not do that: ", answer.status().message(),
                                     ". Nothing was sent; try again or handle the contact without the plugin.");
    if (!contact_id.empty()) out.notices.emplace_back(contact_id, text);
    return absl::AbortedError(text);
  }
  if (absl::IsFailedPrecondition(answer.status())) return answer.status();
  // Crash or hang: contained in its own process.
  std::string reason = absl::StrCat(NameOf(plugin), " ", answer.status().message());
  if (may_restart) {
    Restart(plugin, reason, out);
  } else {
    SetState(plugin, PluginState::kFailed, reason, out);
  }
  return absl::UnavailableError(absl::StrCat(
      reason, ". Your contact is still here; what you did last was not carried out — please do it again."));
}

void PluginHost::ApplyResponse(Plugin& plugin, const std::string& contact_id, const std::string& bytes, Outbox& out) {
  if (bytes.empty()) return;
  pb::PluginResponse response;
  if (!response.ParseFromString(bytes)) {
    plugin.status.error = "answered with bytes that are not a PluginResponse";
    Publish(plugin, out);
    return;
  }
  auto entry = contacts_.find(contact_id);
  if (response.has_view() && entry != contacts_.end()) {
    pb::WorkspaceView view = std::move(*response.mutable_view());
    view.set_contact_id(contact_id);
    entry->second.last_view = view;
    out.views.emplace_back(contact_id, std::move(view));
  }
  if (entry == contacts_.end()) return;  // requests only for contacts the host gave it
  for (pb::HostRequest& request : *response.mutable_requests()) {
    out.requests.push_back({plugin.status.id, contact_id, entry->second.assigned.contact().channel(), std::move(request)});
  }
}

void PluginHost::Restart(Plugin& plugin, const std::string& reason, Outbox& out) {
  const absl::Time now = absl::Now();
  while (!plugin.restart_times.empty() && now - plugin.restart_times.front() > options_.restart_window) {
    plugin.restart_times.pop_front();
  }
  plugin.runner->Stop();
  if (static_cast<int>(plugin.restart_times.size()) >= options_.max_restarts) {
    std::string error = absl::StrCat(reason, "; it failed ", plugin.restart_times.size() + 1, " times within ",
                                     absl::FormatDuration(options_.restart_window),
                                     " and was turned off. Its contacts stay with you; turn it on again in Plugins…");
    SetState(plugin, PluginState::kFailed, error, out);
    for (const auto& [contact_id, entry] : contacts_) {
      if (entry.plugin_id == plugin.status.id) out.notices.emplace_back(contact_id, error);
    }
    return;
  }
  plugin.restart_times.push_back(now);
  ++plugin.status.restarts;
  SetState(plugin, PluginState::kRestarting, reason, out);
  absl::Status started = plugin.runner->Start();
  if (!started.ok()) {
    SetState(plugin, PluginState::kFailed, absl::StrCat(reason, "; restarting it failed: ", started.message()), out);
    return;
  }
  plugin.status.pid = plugin.runner->pid();
  SetState(plugin, PluginState::kRunning, reason, out);
  for (const auto& [contact_id, entry] : contacts_) {
    if (entry.plugin_id == plugin.status.id) {
      out.notices.emplace_back(contact_id, absl::StrCat(reason, ". It was restarted and your contact is still here; "
                                                                "what you did last was not carried out — please do it again."));
    }
  }
  RestoreContacts(plugin, out);
}

void PluginHost::RestoreContacts(Plugin& plugin, Outbox& out) {
  std::vector<std::string> mine;
  for (auto& [contact_id, entry] : contacts_) {
    if (entry.plugin_id == plugin.status.id) mine.push_back(contact_id);
  }
  for (const std::string& contact_id : mine) {
    if (plugin.status.state != PluginState::kRunning) return;
    pb::HostEvent event;
    *event.mutable_contact_assigned() = contacts_[contact_id].assigned;
    event.mutable_contact_assigned()->set_restored(true);
    (void)Deliver(plugin, contact_id, std::move(event), /*may_restart=*/false, out);
  }
}

absl::Status PluginHost::DeliverToContact(const std::string& contact_id, pb::HostEvent event, Outbox& out) {
  auto entry = contacts_.find(contact_id);
  if (entry == contacts_.end()) {
    return absl::NotFoundError(absl::StrCat("contact ", contact_id, " was not given to a plugin"));
  }
  for (auto& plugin : plugins_) {
    if (plugin->status.id == entry->second.plugin_id && plugin->manifest) {
      return Deliver(*plugin, contact_id, std::move(event), /*may_restart=*/true, out);
    }
  }
  return absl::NotFoundError(absl::StrCat("no plugin \"", entry->second.plugin_id, "\""));
}

absl::Status PluginHost::AssignContact(const pb::ContactAssigned& assigned) {
  Outbox out;
  absl::Status status;
  {
    std::lock_guard lock(mutex_);
    const std::string& contact_id = assigned.contact().contact_id();
    Plugin* plugin = FindByChannel(assigned.contact().channel());
    if (contact_id.empty()) {
      status = absl::InvalidArgumentError("a contact without contact_id");
    } else if (plugin == nullptr) {
      status = absl::NotFoundError(absl::StrCat("no plugin serves the ", assigned.contact().channel(),
                                                " channel: install one, or handle the contact without a workspace"));
    } else {
      ContactEntry& entry = contacts_[contact_id];
      entry.plugin_id = plugin->status.id;
      entry.assigned = assigned;
      entry.assigned.set_restored(false);
      pb::HostEvent event;
      *event.mutable_contact_assigned() = entry.assigned;
      status = Deliver(*plugin, contact_id, std::move(event), true, out);
    }
  }
  Dispatch(out);
  return status;
}

absl::Status PluginHost::UpdateContact(const pb::Contact& contact) {
  Outbox out;
  absl::Status status;
  {
    std::lock_guard lock(mutex_);
    auto entry = contacts_.find(contact.contact_id());
    if (entry != contacts_.end()) *entry->second.assigned.mutable_contact() = contact;
    pb::HostEvent event;
    *event.mutable_contact_updated()->mutable_contact() = contact;
    status = DeliverToContact(contact.contact_id(), std::move(event), out);
  }
  Dispatch(out);
  return status;
}

absl::Status PluginHost::PostCustomerMessage(const std::string& contact_id, const pb::Message& message) {
  Outbox out;
  absl::Status status;
  {
    std::lock_guard lock(mutex_);
    auto entry = contacts_.find(contact_id);
    if (entry != contacts_.end()) *entry->second.assigned.mutable_contact()->add_messages() = message;
    pb::HostEvent event;
    event.mutable_customer_message()->set_contact_id(contact_id);
    *event.mutable_customer_message()->mutable_message() = message;
    status = DeliverToContact(contact_id, std::move(event), out);
  }
  Dispatch(out);
  return status;
}

absl::Status PluginHost::PostCustomerActivity(const std::string& contact_id, pb::Activity activity) {
  Outbox out;
  absl::Status status;
  {
    std::lock_guard lock(mutex_);
    pb::HostEvent event;
    event.mutable_customer_activity()->set_contact_id(contact_id);
    event.mutable_customer_activity()->set_activity(activity);
    status = DeliverToContact(contact_id, std::move(event), out);
  }
  Dispatch(out);
  return status;
}

absl::Status PluginHost::InvokeAction(const pb::ActionInvoked& action) {
  Outbox out;
  absl::Status status;
  {
    std::lock_guard lock(mutex_);
    pb::HostEvent event;
    *event.mutable_action_invoked() = action;
    status = DeliverToContact(action.contact_id(), std::move(event), out);
  }
  Dispatch(out);
  return status;
}

absl::Status PluginHost::ReportRequestFailed(const std::string& contact_id, const std::string& request,
                                             const std::string& message) {
  Outbox out;
  absl::Status status;
  {
    std::lock_guard lock(mutex_);
    pb::HostEvent event;
    auto* failed = event.mutable_request_failed();
    failed->set_contact_id(contact_id);
    failed->set_request(request);
    failed->set_message(message);
    status = DeliverToContact(contact_id, std::move(event), out);
  }
  Dispatch(out);
  return status;
}

absl::Status PluginHost::CloseContact(const std::string& contact_id) {
  Outbox out;
  absl::Status status;
  {
    std::lock_guard lock(mutex_);
    pb::HostEvent event;
    event.mutable_contact_closed()->set_contact_id(contact_id);
    status = DeliverToContact(contact_id, std::move(event), out);
    contacts_.erase(contact_id);
  }
  Dispatch(out);
  return status;
}

void PluginHost::StopPlugin(Plugin& plugin, Outbox& out) {
  if (plugin.status.state == PluginState::kRunning) {
    pb::HostEvent event;
    event.mutable_shutdown();
    (void)Deliver(plugin, "", std::move(event), false, out);
  }
  if (plugin.runner) plugin.runner->Stop();
}

absl::Status PluginHost::ChangePlugin(const std::string& plugin_id,
                                      const std::function<void(Plugin&, Outbox&)>& change) {
  Outbox out;
  absl::Status status;
  {
    std::lock_guard lock(mutex_);
    Plugin* plugin = FindById(plugin_id);
    if (plugin == nullptr) {
      status = absl::NotFoundError(absl::StrCat("no plugin \"", plugin_id, "\""));
    } else if (plugin->status.state == PluginState::kRefused) {
      status = absl::FailedPreconditionError(absl::StrCat(NameOf(*plugin), " was refused: ", plugin->status.error));
    } else {
      change(*plugin, out);
      status = SaveSettings(*plugin);
    }
  }
  Dispatch(out);
  return status;
}

absl::Status PluginHost::SetEnabled(const std::string& plugin_id, bool enabled) {
  return ChangePlugin(plugin_id, [&](Plugin& plugin, Outbox& out) {
    const PluginState state = plugin.status.state;
    const bool is_off = state == PluginState::kDisabled;
    if (enabled && (is_off || state == PluginState::kFailed || state == PluginState::kStopped)) {
      plugin.restart_times.clear();
      StartPlugin(plugin, out);
    } else if (!enabled && !is_off) {
      StopPlugin(plugin, out);
      SetState(plugin, PluginState::kDisabled, "turned off", out);
    }
    if (enabled) {
      options_.disabled.erase(plugin_id);
      settings_.disabled.erase(plugin_id);
    } else {
      options_.disabled.insert(plugin_id);
      settings_.disabled.insert(plugin_id);
    }
  });
}

absl::Status PluginHost::SetRunMode(const std::string& plugin_id, RunMode mode) {
  return ChangePlugin(plugin_id, [&](Plugin& plugin, Outbox& out) {
    options_.run_mode[plugin_id] = mode;
    settings_.run_mode[plugin_id] = mode;
    if (plugin.status.mode == mode) return;
    const bool running = plugin.status.state == PluginState::kRunning;
    StopPlugin(plugin, out);
    plugin.runner.reset();
    plugin.status.mode = mode;
    if (running) {
      StartPlugin(plugin, out);  // in its new place, with its contacts
    } else {
      Publish(plugin, out);
    }
  });
}

void PluginHost::Shutdown() {
  Outbox out;
  {
    std::lock_guard lock(mutex_);
    if (shut_down_) return;
    shut_down_ = true;
    for (auto& plugin : plugins_) {
      if (plugin->status.state != PluginState::kRunning) continue;
      StopPlugin(*plugin, out);
      if (plugin->status.state == PluginState::kRunning) SetState(*plugin, PluginState::kStopped, "", out);
    }
  }
  // Delegates are not told about shutdown: the desktop is going away.
}

std::vector<PluginStatus> PluginHost::Statuses() const {
  std::lock_guard lock(snapshot_mutex_);
  return snapshot_;
}

std::optional<pb::WorkspaceView> PluginHost::LastView(const std::string& contact_id) const {
  std::lock_guard lock(mutex_);
  auto entry = contacts_.find(contact_id);
  if (entry == contacts_.end()) return std::nullopt;
  return entry->second.last_view;
}

void PluginHost::Dispatch(Outbox& out) {
  if (observer_ != nullptr) {
    for (const PluginStatus& status : out.statuses) observer_->OnPluginStatus(status);
    for (const auto& [contact_id, view] : out.views) observer_->OnView(contact_id, view);
    for (const auto& [contact_id, text] : out.notices) observer_->OnNotice(contact_id, text);
  }
  if (requests_ != nullptr) {
    for (const auto& request : out.requests) {
      requests_->OnHostRequest(request.plugin_id, request.contact_id, request.channel, request.request);
    }
  }
}

}  // namespace journeydesk::agent::plugins
