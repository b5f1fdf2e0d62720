// The agent window's channel plugins: every contact the agent holds is handed to the plugin
// of its channel (PluginHost, on its own worker thread), the plugin's workspace replaces the
// generic one for that contact, its requests are carried out by PluginRequestRouter, and a
// crashed or failed plugin leaves the contact where it was — with the generic workspace
// until the plugin is back. Main thread only, except what runs on the plugin worker.
#include <cstdio>

#include <wx/sizer.h>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "core/desk_plugins/plugin_contact_mapping.h"
#include "core/plugin_host/plugin_discovery.h"
#include "core/plugin_host/plugin_settings.h"
#include "ui/agent_frame.h"
#include "ui/announce.h"
#include "ui/contact_workspace_panel.h"
#include "ui/plugin_workspace/plugin_manager_dialog.h"
#include "ui/plugin_workspace/plugin_workspace_panel.h"

namespace journeydesk::agent::ui {
namespace {

// A choice in Plugins… that failed (or could not be saved); the new status itself reaches
// the dialog through the host's observer. Any thread.
void ReportPluginChoice(const absl::Status& status) {
  if (status.ok()) return;
  std::fprintf(stderr, "journeydesk: plugin settings: %s\n", std::string(status.message()).c_str());
}

}  // namespace

void AgentFrame::StartPlugins() {
  if (!options_.plugins) return;
  plugin_requests_ = std::make_unique<PluginRequestRouter>(contacts_, client_, options_.session.agent_id);
  plugin_queue_ = std::make_unique<plugins::PluginNotificationQueue>();
  plugins::PluginHostOptions host_options;
  host_options.roots = {plugins::BundledPluginRoot()};
  if (const auto user_root = plugins::UserPluginRoot(); !user_root.empty()) host_options.roots.push_back(user_root);
  // The agent's plugin choices live beside the local store (--data-file moves both).
  host_options.settings_file = options_.store_path.empty() ? plugins::DefaultPluginSettingsPath()
                                                           : options_.store_path.parent_path() / "plugins.conf";
  plugin_host_ = std::make_unique<plugins::PluginHost>(host_options, plugin_requests_.get(), plugin_queue_.get());
  plugin_requests_->SetHost(plugin_host_.get());
  plugin_worker_ = std::make_unique<plugins::PluginHostWorker>();
  plugin_queue_->SetWaker([this] { CallAfter(&AgentFrame::DrainPluginNotifications); });
  plugin_panel_->on_action = [this](const plugin::v1::ActionInvoked& action) {
    plugins::PluginHost* host = plugin_host_.get();
    plugin_worker_->Post([host, action] { host->InvokeAction(action).IgnoreError(); });
  };
}

void AgentFrame::EnsurePluginsStarted() {
  // Not at once: starting plugin processes competes with the first journey for the CPU.
  if (!plugin_host_ || plugins_started_) return;
  plugins_started_ = true;
  plugins::PluginHost* host = plugin_host_.get();
  plugin_worker_->Post([host] { host->Start(); });
}

void AgentFrame::StopPlugins() {
  if (!plugin_host_) return;
  plugin_queue_->SetWaker({});
  plugin_worker_.reset();  // runs what was posted, then joins
  plugin_host_.reset();    // Shutdown to every plugin, ends their processes
  plugin_requests_.reset();
  plugin_queue_.reset();
}

void AgentFrame::SyncPluginContacts() {
  if (!plugin_host_) return;
  if (!inbox_.contacts().empty()) EnsurePluginsStarted();
  plugins::PluginHost* host = plugin_host_.get();
  for (const v1::Contact& contact : inbox_.contacts()) {
    auto known = plugin_contacts_.find(contact.contact_id());
    if (known == plugin_contacts_.end()) {
      plugin_contacts_[contact.contact_id()] = contact.version();
      plugin_requests_->RememberContact(contact, inbox_.wrap_up_recording());
      const v1::Journey* journey = journey_ && journey_->customer().id() == contact.customer_id() ? journey_.get() : nullptr;
      plugin::v1::ContactAssigned assigned = ToContactAssigned(
          contact, options_.session.agent_id, inbox_.CustomerName(contact.customer_id()), journey, inbox_.wrap_up_codes());
      plugin_worker_->Post([host, assigned] { host->AssignContact(assigned).IgnoreError(); });
    } else if (known->second != contact.version()) {
      known->second = contact.version();
      plugin::v1::Contact updated = ToPluginContact(contact);
      plugin_worker_->Post([host, updated] { host->UpdateContact(updated).IgnoreError(); });
    }
  }
  for (auto it = plugin_contacts_.begin(); it != plugin_contacts_.end();) {
    if (inbox_.FindContact(it->first) != nullptr) {
      ++it;
      continue;
    }
    const std::string contact_id = it->first;
    plugin_worker_->Post([host, contact_id] { host->CloseContact(contact_id).IgnoreError(); });
    plugin_requests_->ForgetContact(contact_id);
    plugin_views_.erase(contact_id);
    it = plugin_contacts_.erase(it);
  }
}

void AgentFrame::PostCustomerMessageToPlugin(const std::string& contact_id, const v1::ContactMessage& message) {
  if (!plugin_host_ || !plugin_contacts_.contains(contact_id)) return;
  plugins::PluginHost* host = plugin_host_.get();
  plugin::v1::Message converted = ToPluginMessage(message);
  plugin_worker_->Post([host, contact_id, converted] { host->PostCustomerMessage(contact_id, converted).IgnoreError(); });
}

void AgentFrame::ReportFailureToPlugin(const std::string& contact_id, const std::string& request,
                                       const std::string& message) {
  if (!plugin_host_ || !plugin_contacts_.contains(contact_id)) return;
  plugins::PluginHost* host = plugin_host_.get();
  plugin_worker_->Post([host, contact_id, request, message] {
    host->ReportRequestFailed(contact_id, request, message).IgnoreError();
  });
}

void AgentFrame::DrainPluginNotifications() {
  if (!plugin_queue_) return;
  for (plugins::PluginNotification& notification : plugin_queue_->DrainAll()) {
    if (auto* changed = std::get_if<plugins::PluginViewChanged>(&notification)) {
      if (!plugin_contacts_.contains(changed->contact_id)) continue;  // closed meanwhile
      const bool first = !plugin_views_.contains(changed->contact_id);
      plugin_views_[changed->contact_id] = std::move(changed->view);
      if (changed->contact_id == active_contact_id_) ShowWorkspace();
      if (first) {
        Announce("plugin workspace for ", changed->contact_id, ": ", plugin_views_[changed->contact_id].header().title());
      }
    } else if (auto* notice = std::get_if<plugins::PluginNotice>(&notification)) {
      Announce("plugin notice for ", notice->contact_id, ": ", notice->text);
      if (notice->contact_id == active_contact_id_) {
        plugin_panel_->SetHostNotice(notice->text, true);
        Workspace().SetNotice(notice->text, true);
      }
    } else if (auto* status = std::get_if<plugins::PluginStatusChanged>(&notification)) {
      const plugins::PluginState state = status->status.state;
      Announce("plugin ", status->status.id, " ", plugins::PluginStateName(state), status->status.error.empty() ? "" : ": ",
               status->status.error);
      if (state == plugins::PluginState::kFailed || state == plugins::PluginState::kDisabled ||
          state == plugins::PluginState::kStopped) {
        // Its contacts stay with the agent, in the generic workspace.
        for (auto it = plugin_views_.begin(); it != plugin_views_.end();) {
          const v1::Contact* contact = inbox_.FindContact(it->first);
          const bool of_plugin = contact != nullptr &&
                                 std::find(status->status.channels.begin(), status->status.channels.end(),
                                           contact->channel()) != status->status.channels.end();
          it = of_plugin ? plugin_views_.erase(it) : std::next(it);
        }
        ShowWorkspace();
      }
      if (plugin_manager_ != nullptr) plugin_manager_->UpdateStatus(status->status);
    }
  }
}

void AgentFrame::ShowWorkspace() {
  auto view = plugin_views_.find(active_contact_id_);
  const bool plugin = plugin_host_ && !active_contact_id_.empty() && view != plugin_views_.end();
  if (plugin) plugin_panel_->ShowView(view->second);
  if (plugin_panel_->IsShown() != plugin || Workspace().IsShown() == plugin) {
    plugin_panel_->Show(plugin);
    Workspace().Show(!plugin);
    workspace_area_->Layout();
  }
}

bool AgentFrame::ForwardToPluginWorkspace(const std::vector<std::string>& shortcuts) {
  if (!plugin_panel_->IsShown()) return false;
  for (const plugin::v1::Action& action : plugin_panel_->view().actions()) {
    const std::string shortcut = absl::AsciiStrToLower(action.shortcut());
    if (std::find(shortcuts.begin(), shortcuts.end(), shortcut) != shortcuts.end()) {
      return plugin_panel_->InvokeAction(action.id());
    }
  }
  return false;
}

bool AgentFrame::FocusPluginComposer() {
  if (!plugin_panel_->IsShown()) return false;
  wxWindow* composer = plugin_panel_->FindWindow("Composer");
  if (composer == nullptr || !composer->IsEnabled()) return false;
  composer->SetFocus();
  return true;
}

void AgentFrame::OpenPluginManager() {
  if (!plugin_host_) return;
  PluginManagerDialog dialog(this, plugin_host_->Statuses());
  plugins::PluginHost* host = plugin_host_.get();
  dialog.on_set_enabled = [this, host](const std::string& id, bool enabled) {
    plugin_worker_->Post([host, id, enabled] { ReportPluginChoice(host->SetEnabled(id, enabled)); });
  };
  dialog.on_set_run_mode = [this, host](const std::string& id, plugins::RunMode mode) {
    plugin_worker_->Post([host, id, mode] { ReportPluginChoice(host->SetRunMode(id, mode)); });
  };
  plugin_manager_ = &dialog;
  dialog.ShowModal();
  plugin_manager_ = nullptr;
}

}  // namespace journeydesk::agent::ui
