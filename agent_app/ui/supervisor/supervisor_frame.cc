#include "ui/supervisor/supervisor_frame.h"

#include <cstdio>
#include <variant>

#include <wx/accel.h>
#include <wx/cshelp.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/menu.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/statusbr.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "core/desk_channel.h"
#include "ui/supervisor/agents_by_state_list.h"
#include "ui/supervisor/move_agent_dialog.h"
#include "ui/supervisor/queue_board_panel.h"
#include "ui/supervisor/staffing_advice_panel.h"
#include "ui/supervisor/supervisor_palette.h"
#include "ui/window_screenshot.h"

namespace journeydesk::agent::ui::supervisor_ui {
namespace {

using namespace agent::supervisor;

enum {
  kIdRefresh = wxID_HIGHEST + 400,
  kIdApplyAdvice,
  kIdMoveAgent,
  kIdFocusBoard,
  kIdFocusAgents,
  kIdFocusAdvice,
  kIdScreenshotTimer,
};

std::string Plural(size_t count, const std::string& one, const std::string& many) {
  return absl::StrCat(count, " ", count == 1 ? one : many);
}

}  // namespace

SupervisorFrame::SupervisorFrame(wxWindow* parent, const Session& session, SupervisorWindowOptions options)
    : wxFrame(parent, wxID_ANY, "JourneyDesk Supervisor", wxDefaultPosition, wxSize(1500, 900)),
      session_(session),
      options_(std::move(options)),
      screenshot_timer_(this, kIdScreenshotTimer) {
  SetName("JourneyDesk supervisor");
  // wx keeps SetHelpText() only when a help provider exists; the board's sentences for screen
  // readers live there. Installed once for the whole application, never replaced.
  if (wxHelpProvider::Get() == nullptr) wxHelpProvider::Set(new wxSimpleHelpProvider);
  BuildMenus();
  BuildLayout();

  SupervisorClientOptions client_options;
  client_options.server = session_.server;
  client_options.token = session_.token;
  client_options.credentials = DeskCredentials(session_);
  client_options.tls_ca_file = session_.tls_ca_file;
  client_ = std::make_unique<SupervisorClient>(client_options, &queue_);
  queue_.SetWaker([this] { CallAfter(&SupervisorFrame::DrainNotifications); });
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { SaveScreenshot(); }, kIdScreenshotTimer);
  UpdateHeader();
  UpdateStatusBar();
  client_->Start();
}

SupervisorFrame::~SupervisorFrame() {
  queue_.SetWaker({});
  client_->Stop();
}

void SupervisorFrame::BuildMenus() {
  auto* actions = new wxMenu;
  actions->Append(kIdRefresh, "&Refresh\tCtrl+R", "Fetch agents and staffing advice now");
  actions->Append(kIdApplyAdvice, "&Apply staffing advice\tCtrl+Shift+A", "Move the advised agents between channels");
  actions->Append(kIdMoveAgent, wxString::FromUTF8("&Move agent…\tCtrl+G"), "Set an agent's channels and capacities");
  actions->AppendSeparator();
  actions->Append(wxID_CLOSE, "&Close window\tCtrl+W");
  auto* view = new wxMenu;
  view->Append(kIdFocusBoard, "&Queue board\tCtrl+1", "Arrow keys read each queue");
  view->Append(kIdFocusAgents, "&Agents\tCtrl+2");
  view->Append(kIdFocusAdvice, "&Staffing advice\tCtrl+3");
  auto* bar = new wxMenuBar;
  bar->Append(actions, "&Supervisor");
  bar->Append(view, "&View");
  SetMenuBar(bar);
  wxAcceleratorEntry escape(wxACCEL_NORMAL, WXK_ESCAPE, wxID_CLOSE);
  SetAcceleratorTable(wxAcceleratorTable(1, &escape));

  Bind(wxEVT_MENU, [this](wxCommandEvent&) { OnRefresh(); }, kIdRefresh);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { OnApplyAdvice(); }, kIdApplyAdvice);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { OnMoveAgent(); }, kIdMoveAgent);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { board_->SetFocus(); }, kIdFocusBoard);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { agents_->SetFocus(); }, kIdFocusAgents);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { advice_->SetFocus(); }, kIdFocusAdvice);
}

void SupervisorFrame::BuildLayout() {
  auto* root = new wxPanel(this);
  root->SetBackgroundColour(wxColour(246, 247, 250));
  auto* sizer = new wxBoxSizer(wxVERTICAL);

  banner_ = new wxStaticText(root, wxID_ANY, "");
  banner_->SetName("Problem");
  banner_->SetForegroundColour(*wxWHITE);
  banner_->SetBackgroundColour(LevelColour(ServiceLevelStatus::kBreach));
  banner_->SetFont(banner_->GetFont().Bold());
  banner_->Hide();

  auto* title = new wxStaticText(root, wxID_ANY, "Queue board");
  title->SetFont(title->GetFont().Scaled(1.4f).Bold());
  summary_ = new wxStaticText(root, wxID_ANY, "");
  summary_->SetForegroundColour(BoardHeaderText());
  summary_->SetName("Summary");
  auto* header = new wxBoxSizer(wxHORIZONTAL);
  header->Add(title, 0, wxALIGN_BOTTOM | wxRIGHT, FromDIP(16));
  header->Add(summary_, 1, wxALIGN_BOTTOM | wxBOTTOM, FromDIP(2));

  board_ = new QueueBoardPanel(root, &model_);
  auto* board_frame = new wxBoxSizer(wxVERTICAL);
  board_frame->Add(board_, 1, wxEXPAND | wxALL, 1);

  auto* agents_label = new wxStaticText(root, wxID_ANY, "Agents by state");
  agents_label->SetFont(agents_label->GetFont().Scaled(1.15f).Bold());
  agents_ = new AgentsByStateList(root);
  auto* agents_column = new wxBoxSizer(wxVERTICAL);
  agents_column->Add(agents_label, 0, wxBOTTOM, FromDIP(6));
  agents_column->Add(agents_, 1, wxEXPAND);

  auto* advice_label = new wxStaticText(root, wxID_ANY, "Staffing advice");
  advice_label->SetFont(advice_label->GetFont().Scaled(1.15f).Bold());
  advice_ = new StaffingAdvicePanel(root);
  advice_->on_apply = [this] { OnApplyAdvice(); };
  advice_->on_move_agent = [this] { OnMoveAgent(); };
  auto* advice_column = new wxBoxSizer(wxVERTICAL);
  advice_column->Add(advice_label, 0, wxBOTTOM, FromDIP(6));
  advice_column->Add(advice_, 1, wxEXPAND);

  auto* lower = new wxBoxSizer(wxHORIZONTAL);
  lower->Add(agents_column, 11, wxEXPAND | wxRIGHT, FromDIP(16));
  lower->Add(advice_column, 9, wxEXPAND);

  sizer->Add(banner_, 0, wxEXPAND);
  sizer->Add(header, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(16));
  sizer->Add(board_frame, 0, wxEXPAND | wxALL, FromDIP(16));
  sizer->Add(lower, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(16));
  root->SetSizer(sizer);

  CreateStatusBar(3);
  const int widths[] = {-1, -1, -2};
  SetStatusWidths(3, widths);
  // Tab order follows reading order: board, agents, advice (its lists and buttons).
  agents_->MoveAfterInTabOrder(board_);
  advice_->MoveAfterInTabOrder(agents_);
}

void SupervisorFrame::DrainNotifications() {
  for (SupervisorNotification& notification : queue_.DrainAll()) {
    std::visit([this](auto&& value) { Handle(std::move(value)); }, std::move(notification));
  }
  UpdateHeader();
  UpdateStatusBar();
  MaybeRunAction();
  MaybeScheduleScreenshot();
}

void SupervisorFrame::Handle(SupervisorConnectionChanged&& change) {
  connection_ = change.state;
  connection_detail_ = change.detail;
}

void SupervisorFrame::Handle(SupervisorSignedIn&& signed_in) {
  signed_in_as_ = signed_in.agent_id.empty() ? signed_in.role : absl::StrCat(signed_in.agent_id, " (", signed_in.role, ")");
  if (signed_in.may_supervise) return;
  banner_->SetLabel(Utf8("  " + signed_in.message));
  banner_->Show();
  banner_->GetParent()->Layout();
  std::printf("journeydesk: supervisor window refused: %s\n", signed_in.message.c_str());
  std::fflush(stdout);
}

void SupervisorFrame::Handle(BoardReceived&& board) {
  model_.ApplyBoard(board.board);
  have_board_ = true;
  board_->ModelChanged();
}

void SupervisorFrame::Handle(AgentsReceived&& agents) {
  model_.ApplyAgents(std::move(agents.agents));
  have_agents_ = true;
  agents_->ShowAgents(model_);
  advice_->ShowAdvice(model_);
}

void SupervisorFrame::Handle(AdviceReceived&& advice) {
  model_.ApplyAdvice(std::move(advice.advice));
  have_advice_ = true;
  advice_->ShowAdvice(model_);
}

void SupervisorFrame::Handle(ChannelsChanged&& changed) {
  if (changed.request_id == pending_request_id_) {
    pending_request_id_ = 0;
    advice_->SetApplying(false);
  }
  std::vector<std::string> moved;
  for (const v1::AgentStatus& agent : changed.changed) moved.push_back(agent.agent_id());
  std::string text = moved.empty() ? "" : absl::StrCat("Changed the channels of ", absl::StrJoin(moved, ", "), ".");
  if (!changed.failures.empty()) {
    absl::StrAppend(&text, text.empty() ? "" : " ", "Not changed: ", absl::StrJoin(changed.failures, "; "),
                    ". Check the agent and channels (Ctrl+G) and try again.");
  }
  advice_->ShowOutcome(text, !changed.failures.empty());
  SetStatusText(Utf8(text), 2);
  std::printf("journeydesk: supervisor applied %zu channel change(s), %zu refused\n", changed.changed.size(),
              changed.failures.size());
  std::fflush(stdout);
}

void SupervisorFrame::Handle(SupervisorCallFailed&& failed) {
  advice_->ShowOutcome(failed.message, true);
  SetStatusText(Utf8(failed.message), 2);
}

void SupervisorFrame::OnRefresh() {
  client_->Refresh();
  SetStatusText(wxString::FromUTF8("Refreshing agents and advice…"), 2);
}

void SupervisorFrame::OnApplyAdvice() {
  if (pending_request_id_ != 0) {
    SetStatusText("A change is still under way; wait for its outcome", 2);
    return;
  }
  std::vector<v1::SetAgentChannelsRequest> requests = model_.MoveRequests();
  if (requests.empty()) {
    const std::string why = model_.NoMovesReason();
    advice_->ShowOutcome(why, false);
    SetStatusText(Utf8(why), 2);
    return;
  }
  pending_request_id_ = next_request_id_++;
  advice_->SetApplying(true);
  const std::string text = absl::StrCat("Applying the advice: ", Plural(requests.size(), "agent", "agents"), "…");
  advice_->ShowOutcome(text, false);
  SetStatusText(Utf8(text), 2);
  client_->ChangeChannels(std::move(requests), pending_request_id_);
}

void SupervisorFrame::OnMoveAgent() {
  MoveAgentDialog dialog(this, model_.agents(), model_.Channels(), agents_->SelectedAgentId());
  if (dialog.ShowModal() != wxID_OK) return;
  const uint64_t id = next_request_id_++;
  const std::string text = absl::StrCat("Changing the channels of ", dialog.request().agent_id(), "…");
  advice_->ShowOutcome(text, false);
  SetStatusText(Utf8(text), 2);
  client_->ChangeChannels({dialog.request()}, id);
}

void SupervisorFrame::UpdateHeader() {
  if (!have_board_) {
    summary_->SetLabel(wxString::FromUTF8("waiting for journeyd…"));
    return;
  }
  int breaches = 0;
  for (const QueueRow& row : model_.queues()) breaches += row.level == ServiceLevelStatus::kBreach;
  std::string text = absl::StrCat(Plural(model_.queues().size(), "queue", "queues"), " · ",
                                  model_.total_waiting(), " waiting · ", Plural(model_.agents().size(), "agent", "agents"));
  if (breaches > 0) absl::StrAppend(&text, " · ", Plural(breaches, "queue", "queues"), " in breach");
  if (model_.board_at()) {
    absl::StrAppend(&text, " · as of ", absl::FormatTime("%H:%M:%S", *model_.board_at(), absl::LocalTimeZone()));
  }
  summary_->SetLabel(Utf8(text));
}

void SupervisorFrame::UpdateStatusBar() {
  std::string connection = ToString(connection_);
  if (!connection_detail_.empty() && connection_ != ConnectionState::kConnected) {
    absl::StrAppend(&connection, ": ", connection_detail_);
  }
  SetStatusText(Utf8(connection), 0);
  SetStatusText(Utf8(signed_in_as_.empty() ? session_.server : absl::StrCat(signed_in_as_, " @ ", session_.server)), 1);
  if (!announced_ && have_board_ && have_agents_) {
    announced_ = true;
    std::printf("journeydesk: supervisor showing %zu queues (%d waiting), %zu agents\n", model_.queues().size(),
                model_.total_waiting(), model_.agents().size());
    std::fflush(stdout);
  }
}

void SupervisorFrame::MaybeRunAction() {
  if (options_.action != "apply-advice" || action_started_ || !have_board_ || !have_agents_) return;
  if (model_.MoveRequests().empty()) return;  // the next advice may name one
  if (!options_.screenshot_path.empty() && !screenshot_saved_) return;  // the advice on screen first
  action_started_ = true;
  // The same path as Ctrl+Shift+A.
  wxQueueEvent(this, new wxCommandEvent(wxEVT_MENU, kIdApplyAdvice));
}

void SupervisorFrame::MaybeScheduleScreenshot() {
  if (options_.screenshot_path.empty() || screenshot_scheduled_) return;
  if (!have_board_ || !have_agents_ || !have_advice_) return;
  // With an action, the advice it will apply is what the screenshot shows.
  if (!options_.action.empty() && model_.MoveRequests().empty()) return;
  screenshot_scheduled_ = true;
  screenshot_timer_.StartOnce(700);  // GTK lays out the new rows a moment after they are set
}

void SupervisorFrame::SaveScreenshot() {
  Raise();
  const bool saved = SaveWindowScreenshot(*this, options_.screenshot_path);
  std::printf("journeydesk: supervisor %s %s\n", saved ? "screenshot saved to" : "could not save screenshot to",
              options_.screenshot_path.c_str());
  std::fflush(stdout);
  screenshot_saved_ = true;
  MaybeRunAction();
}

SupervisorFrame* OpenSupervisorWindow(wxWindow* parent, const Session& session, SupervisorWindowOptions options) {
  auto* frame = new SupervisorFrame(parent, session, std::move(options));
  frame->Show();
  frame->Raise();
  return frame;
}

}  // namespace journeydesk::agent::ui::supervisor_ui
