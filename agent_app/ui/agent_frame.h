#pragma once
// The agent's main window: the contact inbox (left); the customer header with live-signal
// badges, the journey canvas and the timeline with the selected touchpoint (centre); the
// next steps and the active contact's workspace (right); a status bar with the connection,
// the agent and what waits in the outbox. Owns the core (LocalStore, JourneyClient,
// ContactCenterClient on one gRPC channel) and drains its notification queue on the main
// thread (posted with CallAfter). Every action has a menu entry with its shortcut; F1 lists
// them. Main thread only.
//
// For scripts and tests it prints one line per event on stdout ("journeydesk: offer K for
// C", "journeydesk: showing C (N touchpoints)", … — docs/agent-desktop.md lists them).

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <wx/frame.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/timer.h>

#include "core/contact_center_client.h"
#include "core/contact_inbox.h"
#include "core/desk_core.h"
#include "core/desk_plugins/plugin_request_router.h"
#include "core/plugin_host/plugin_host.h"
#include "core/plugin_host/plugin_host_worker.h"
#include "core/plugin_host/plugin_notification_queue.h"
#include "core/journey_client.h"
#include "core/journey_on_screen.h"
#include "core/local_store.h"
#include "core/notification_queue.h"
#include "core/session.h"

namespace journeydesk::agent::ui {

class BadgeBar;
class ContactInboxPanel;
class ContactWorkspacePanel;
class JourneyCanvas;
class NextStepsPanel;
class TouchpointDetails;
class PluginManagerDialog;
class PluginWorkspacePanel;
class SearchDialog;
class TimelineList;

struct AgentFrameOptions {
  Session session;
  std::string customer_id;             // shown at start when set
  std::filesystem::path store_path;    // default: LocalStore::DefaultPath()
  std::string screenshot_path;         // save a PNG of the window once the journey is painted
                                       // (with available_at_start: the first offer's screen pop)
  int exit_after_ms = 0;               // close by itself after this long (scripts, tests)
  bool available_at_start = false;     // go AVAILABLE as soon as the contact stream is up
  bool plugins = true;                 // channel plugins give contacts their workspaces
  // Started before the toolkit (for customer_id, store_path, session); null: the frame
  // starts it.
  std::unique_ptr<DeskCore> core;
};

class AgentFrame : public wxFrame {
 public:
  explicit AgentFrame(AgentFrameOptions options);
  ~AgentFrame() override;

  // Opens a customer's journey and follows it live. `contact_id`/`channel`: the contact it is
  // shown for (next steps get that context), empty when looked up by hand.
  void OpenCustomer(const std::string& customer_id, const std::string& contact_id = "",
                    const std::string& channel = "");

 private:
  // --- agent_frame.cc: window, journey ---
  void BuildMenus();
  void BuildLayout();
  wxWindow* BuildCentre(wxWindow* parent);
  void DrainNotifications();
  void Handle(ConnectionChanged&& change);
  void Handle(SessionReady&& ready);
  void Handle(JourneyLoaded&& loaded);
  void Handle(JourneyFailed&& failed);
  void Handle(SearchResults&& results);
  void Handle(TouchpointArrived&& arrived);
  void Handle(WatchResumed&& resumed);
  void Handle(OutboxChanged&& outbox);
  void ShowJourney(std::shared_ptr<const v1::Journey> journey);
  void UpdateHeader();
  void UpdateBanner();
  void UpdateStatusFields();
  void ShowDetails(std::optional<int> timeline_index);
  // The stage `customer_id` is in on screen, where the agent's notes and next-step outcomes are
  // filed; "" (journeyd's stage map decides) when their journey is not the one shown.
  std::string StageOnScreen(const std::string& customer_id) const;
  void SetZoomDays(int days);
  void OnSearch();
  void OnCanvasPainted();
  void SaveScreenshot();
  void ShowShortcuts();

  // --- agent_frame_contacts.cc: inbox, workspace, next steps ---
  void BindContactPanels();
  // The generic contact workspace, built on first use: the event loop's first idle turn
  // after the window's first paint, or earlier if a contact needs it. At start it is empty
  // (no contact yet), so the journey is painted without waiting for its ~10 controls.
  ContactWorkspacePanel& Workspace();
  void Handle(SuggestionsLoaded&& loaded);
  void Handle(SuggestionsFailed&& failed);
  void Handle(AgentStreamStarted&& started);
  void Handle(AgentStreamLost&& lost);
  void Handle(OfferArrived&& arrived);
  void Handle(ContactChanged&& changed);
  void Handle(CustomerMessageArrived&& message);
  void Handle(AgentNoticeArrived&& notice);
  void Handle(AgentStatusChanged&& status);
  void Handle(ContactCommandFailed&& failed);
  void RequestNextSteps();
  void RecordOutcome(const v1::Suggestion& suggestion, v1::ActionOutcome outcome, const std::string& reason);
  void AcceptOffer(const std::string& contact_id);
  void DeclineOffer(const std::string& contact_id);
  void SetActiveContact(const std::string& contact_id);
  void ShowActiveContact();
  void WrapUp(const std::string& contact_id);
  void Transfer(const std::string& contact_id);
  void AddNote(const std::string& contact_id);
  void GoAway();
  void RefreshInbox();
  // The agent is working a contact that is not yet wrapped up: offers ring but do not take
  // the screen away from it.
  bool BusyWithContact() const;

  // --- agent_frame_plugins.cc: channel plugins ---
  void StartPlugins();
  void EnsurePluginsStarted();  // on the first contact, or a few seconds after start
  void StopPlugins();
  void DrainPluginNotifications();
  // After any inbox change: hands new contacts to their channel's plugin, sends changes,
  // closes what left the agent's hands.
  void SyncPluginContacts();
  void PostCustomerMessageToPlugin(const std::string& contact_id, const v1::ContactMessage& message);
  void ReportFailureToPlugin(const std::string& contact_id, const std::string& request, const std::string& message);
  // Shows the plugin's workspace for the active contact when it has one, else the generic one.
  void ShowWorkspace();
  void OpenPluginManager();
  // A frame shortcut that a shown plugin workspace also binds (e.g. Ctrl+Enter sends an
  // email): invokes the plugin's action instead. `shortcuts` in lower case. False if none.
  bool ForwardToPluginWorkspace(const std::vector<std::string>& shortcuts);
  // Ctrl+L with a plugin workspace shown: its composer. False if there is none.
  bool FocusPluginComposer();

  AgentFrameOptions options_;
  std::unique_ptr<DeskCore> core_;
  NotificationQueue* queue_ = nullptr;          // core_'s
  JourneyClient* client_ = nullptr;             // core_'s
  ContactCenterClient* contacts_ = nullptr;     // core_'s
  std::string store_error_;

  wxPanel* banner_ = nullptr;
  wxStaticText* banner_text_ = nullptr;
  wxStaticText* customer_name_ = nullptr;
  wxStaticText* customer_facts_ = nullptr;
  BadgeBar* badges_ = nullptr;
  JourneyCanvas* canvas_ = nullptr;
  TimelineList* timeline_ = nullptr;
  TouchpointDetails* details_ = nullptr;
  ContactInboxPanel* inbox_panel_ = nullptr;
  NextStepsPanel* next_steps_ = nullptr;
  ContactWorkspacePanel* workspace_ = nullptr;
  PluginWorkspacePanel* plugin_panel_ = nullptr;
  wxPanel* workspace_area_ = nullptr;  // holds whichever of the two is shown
  SearchDialog* search_dialog_ = nullptr;  // while open
  wxTimer refresh_timer_;
  wxTimer exit_timer_;
  wxTimer screenshot_timer_;  // GTK lays out a newly shown banner a moment after the paint

  std::string customer_id_;
  std::string requested_customer_;  // the last customer whose journey was asked for
  std::string shown_for_contact_;  // the contact the journey is shown for, if any
  std::string shown_for_channel_;
  JourneyOnScreen on_screen_;  // journeyd's journey + the outbox's writes not yet in it
  std::shared_ptr<const v1::Journey> journey_;  // on screen: on_screen_.shown()
  bool journey_from_cache_ = false;
  absl::Time fetched_at_;
  int zoom_days_ = 0;
  ConnectionState connection_ = ConnectionState::kConnecting;
  std::string connection_detail_;
  std::string agent_label_;
  std::string notice_;
  int outbox_pending_ = 0;
  std::string announced_customer_;
  bool screenshot_taken_ = false;

  ContactInbox inbox_;
  std::string active_contact_id_;
  bool stream_up_ = false;
  bool went_available_ = false;

  // Channel plugins (absent when options_.plugins is false). Destroyed in the order the
  // host needs: waker cleared, worker joined, host shut down, then the queue.
  std::unique_ptr<PluginRequestRouter> plugin_requests_;
  std::unique_ptr<plugins::PluginNotificationQueue> plugin_queue_;
  std::unique_ptr<plugins::PluginHost> plugin_host_;
  std::unique_ptr<plugins::PluginHostWorker> plugin_worker_;
  std::map<std::string, int64_t> plugin_contacts_;  // handed to a plugin → last version sent
  std::map<std::string, plugin::v1::WorkspaceView> plugin_views_;
  PluginManagerDialog* plugin_manager_ = nullptr;  // while open
  bool plugins_started_ = false;
  wxTimer plugin_start_timer_;
};

}  // namespace journeydesk::agent::ui
