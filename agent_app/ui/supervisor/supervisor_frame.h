#pragma once
// The supervisor window: the live queue board (service-level colours, trend per queue), the
// agents by state with their channels, and the staffing advice with one-click Apply and a
// "Move agent…" dialog. Owns its SupervisorClient and drains its notifications on the main
// thread (CallAfter). Keys: Ctrl+R refresh, Ctrl+Shift+A apply the advice, Ctrl+G move an
// agent, Ctrl+1/2/3 focus board / agents / advice, Esc or Ctrl+W close. Main thread only.

#include <cstdint>
#include <memory>
#include <string>

#include <wx/frame.h>
#include <wx/stattext.h>
#include <wx/timer.h>

#include "core/session.h"
#include "core/supervisor/queue_board_view_model.h"
#include "core/supervisor/supervisor_client.h"
#include "core/supervisor/supervisor_notification_queue.h"

namespace journeydesk::agent::ui::supervisor_ui {

class AgentsByStateList;
class QueueBoardPanel;
class StaffingAdvicePanel;

struct SupervisorWindowOptions {
  // Save a PNG of the window once the board, agents and advice are shown (with `action`:
  // once the advice names a move, just before it is applied); prints
  // "journeydesk: supervisor screenshot saved to PATH".
  std::string screenshot_path;
  // For scripts and GUI tests: "apply-advice" applies the advice exactly as Ctrl+Shift+A does
  // as soon as it names a move. "" for none. Every change prints
  // "journeydesk: supervisor applied N channel change(s), M refused" on stdout.
  std::string action;
};

class SupervisorFrame : public wxFrame {
 public:
  // `parent` may be null (then this is a top-level window of its own); when the parent
  // closes, this window goes with it.
  SupervisorFrame(wxWindow* parent, const Session& session, SupervisorWindowOptions options);
  ~SupervisorFrame() override;

 private:
  void BuildMenus();
  void BuildLayout();
  void DrainNotifications();
  void Handle(agent::supervisor::SupervisorConnectionChanged&& change);
  void Handle(agent::supervisor::SupervisorSignedIn&& signed_in);
  void Handle(agent::supervisor::BoardReceived&& board);
  void Handle(agent::supervisor::AgentsReceived&& agents);
  void Handle(agent::supervisor::AdviceReceived&& advice);
  void Handle(agent::supervisor::ChannelsChanged&& changed);
  void Handle(agent::supervisor::SupervisorCallFailed&& failed);
  void OnRefresh();
  void OnApplyAdvice();
  void OnMoveAgent();
  void UpdateHeader();
  void UpdateStatusBar();
  void MaybeRunAction();
  void MaybeScheduleScreenshot();
  void SaveScreenshot();

  Session session_;
  SupervisorWindowOptions options_;
  agent::supervisor::SupervisorNotificationQueue queue_;
  agent::supervisor::QueueBoardViewModel model_;
  std::unique_ptr<agent::supervisor::SupervisorClient> client_;

  wxStaticText* summary_ = nullptr;
  wxStaticText* banner_ = nullptr;
  QueueBoardPanel* board_ = nullptr;
  AgentsByStateList* agents_ = nullptr;
  StaffingAdvicePanel* advice_ = nullptr;
  wxTimer screenshot_timer_;

  ConnectionState connection_ = ConnectionState::kConnecting;
  std::string connection_detail_;
  std::string signed_in_as_;
  uint64_t next_request_id_ = 1;
  uint64_t pending_request_id_ = 0;  // the change under way, 0 for none
  bool have_board_ = false;
  bool have_agents_ = false;
  bool have_advice_ = false;
  bool action_started_ = false;
  bool announced_ = false;
  bool screenshot_scheduled_ = false;
  bool screenshot_saved_ = false;
};

// The entry point for the main window and main(): opens (and shows) a supervisor window
// signed in with `session`'s server and token. wx owns the frame (it is destroyed when
// closed or with its parent); the pointer is for raising it later. Main thread only.
SupervisorFrame* OpenSupervisorWindow(wxWindow* parent, const Session& session,
                                      SupervisorWindowOptions options = {});

}  // namespace journeydesk::agent::ui::supervisor_ui
