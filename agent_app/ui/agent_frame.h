#pragma once
// The agent's main window: the customer header with live-signal badges, the journey canvas
// with the timeline and the selected touchpoint beside it, and a status bar with the
// connection state. Owns the core (LocalStore, JourneyClient) and drains its notification
// queue on the main thread (posted with CallAfter). Main thread only.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <wx/frame.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timer.h>

#include "core/journey_client.h"
#include "core/local_store.h"
#include "core/notification_queue.h"
#include "core/session.h"

namespace journeydesk::agent::ui {

class BadgeBar;
class JourneyCanvas;
class SearchDialog;
class TimelineList;

struct AgentFrameOptions {
  Session session;
  std::string customer_id;             // shown at start when set
  std::filesystem::path store_path;    // default: LocalStore::DefaultPath()
  std::string screenshot_path;         // save a PNG of the window once the journey is painted
  int exit_after_ms = 0;               // close by itself after this long (scripts, tests)
};

class AgentFrame : public wxFrame {
 public:
  explicit AgentFrame(AgentFrameOptions options);
  ~AgentFrame() override;

  // Opens a customer's journey and follows it live.
  void OpenCustomer(const std::string& customer_id);

 private:
  void BuildMenus();
  void BuildLayout();
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
  void SetZoomDays(int days);  // 0: the whole journey
  void OnSearch();
  void OnCanvasPainted();
  void SaveScreenshot();

  AgentFrameOptions options_;
  NotificationQueue queue_;
  std::unique_ptr<LocalStore> store_;
  std::unique_ptr<JourneyClient> client_;
  std::string store_error_;

  wxPanel* banner_ = nullptr;
  wxStaticText* banner_text_ = nullptr;
  wxStaticText* customer_name_ = nullptr;
  wxStaticText* customer_facts_ = nullptr;
  BadgeBar* badges_ = nullptr;
  JourneyCanvas* canvas_ = nullptr;
  TimelineList* timeline_ = nullptr;
  wxTextCtrl* details_ = nullptr;
  SearchDialog* search_dialog_ = nullptr;  // while open
  wxTimer refresh_timer_;
  wxTimer exit_timer_;
  wxTimer screenshot_timer_;  // GTK lays out a newly shown banner a moment after the paint

  std::string customer_id_;
  std::shared_ptr<const v1::Journey> journey_;
  bool journey_from_cache_ = false;
  absl::Time fetched_at_;
  int zoom_days_ = 0;
  ConnectionState connection_ = ConnectionState::kConnecting;
  std::string connection_detail_;
  std::string agent_label_;
  std::string notice_;
  int outbox_pending_ = 0;
  std::string announced_customer_;
};

}  // namespace journeydesk::agent::ui
