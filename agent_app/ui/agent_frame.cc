#include "ui/agent_frame.h"

#include <algorithm>
#include <cstdio>

#include <wx/bitmap.h>
#include <wx/dcbuffer.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/gdicmn.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/statusbr.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "core/pending_touchpoints.h"
#include "core/proto_time.h"
#include "core/startup_trace.h"
#include "ui/agent_frame_ids.h"
#include "ui/announce.h"
#include "ui/contact_inbox_panel.h"
#include "ui/contact_workspace_panel.h"
#include "ui/journey_canvas.h"
#include "ui/next_steps_panel.h"
#include "ui/plugin_workspace/plugin_workspace_panel.h"
#include "ui/supervisor/supervisor_frame.h"
#include "ui/search_dialog.h"
#include "ui/shortcut_overlay.h"
#include "ui/timeline_list.h"
#include "ui/touchpoint_details.h"
#include "ui/ui_palette.h"
#include "ui/window_screenshot.h"

namespace journeydesk::agent::ui {
namespace {

wxString Utf8(const std::string& text) { return wxString::FromUTF8(text.data(), text.size()); }

// Most of the screen, at most 1600 × 1000: inbox, journey and workspace side by side.
wxSize InitialSize() {
  const wxRect screen = wxGetClientDisplayRect();
  return wxSize(std::min(1600, std::max(1024, screen.width - 40)), std::min(1000, std::max(700, screen.height - 40)));
}

std::string Pretty(const std::string& code) {
  std::string out = code;
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  return out;
}

std::string HumanDuration(absl::Duration d) {
  if (d < absl::Hours(1)) return absl::StrCat(absl::ToInt64Minutes(d), " min");
  if (d < absl::Hours(48)) return absl::StrCat(absl::ToInt64Hours(d), " h");
  return absl::StrCat(absl::ToInt64Hours(d) / 24, " days");
}

}  // namespace

// The live signals as coloured pills, most urgent first. Painted; main thread only.
class BadgeBar : public wxPanel {
 public:
  explicit BadgeBar(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName("Live signals");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(wxSize(-1, FromDIP(30)));
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) { Paint(); });
  }
  void SetBadges(std::vector<Badge> badges) {
    badges_ = std::move(badges);
    wxString tip;
    for (const Badge& badge : badges_) tip += Utf8(badge.text) + "\n";
    SetToolTip(tip.Trim());
    Refresh();
  }

 private:
  void Paint() {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetParent()->GetBackgroundColour()));
    dc.Clear();
    dc.SetFont(GetFont());
    int x = FromDIP(12);
    const int height = GetClientSize().y - FromDIP(6);
    if (badges_.empty()) {
      dc.SetTextForeground(MutedText());
      dc.DrawText("No live signals", x, FromDIP(7));
      return;
    }
    for (const Badge& badge : badges_) {
      const wxString text = Utf8(badge.text);
      const wxSize extent = dc.GetTextExtent(text);
      const int width = extent.x + FromDIP(16);
      if (x + width > GetClientSize().x) break;
      const wxColour colour = ToneColour(badge.tone);
      dc.SetPen(wxPen(colour));
      dc.SetBrush(wxBrush(colour.ChangeLightness(180)));
      dc.DrawRoundedRectangle(x, FromDIP(3), width, height, height / 2.0);
      dc.SetTextForeground(colour.ChangeLightness(60));
      dc.DrawText(text, x + FromDIP(8), FromDIP(3) + (height - extent.y) / 2);
      x += width + FromDIP(8);
    }
  }
  std::vector<Badge> badges_;
};

AgentFrame::AgentFrame(AgentFrameOptions options)
    : wxFrame(nullptr, wxID_ANY, "JourneyDesk", wxDefaultPosition, InitialSize()),
      options_(std::move(options)),
      core_(std::move(options_.core)),
      refresh_timer_(this, kIdRefreshTimer),
      exit_timer_(this, kIdExitTimer),
      screenshot_timer_(this, kIdScreenshotTimer),
      plugin_start_timer_(this, kIdPluginStartTimer) {
  SetName("JourneyDesk");
  // The core first (unless main() started it before the toolkit): the journey is on its way
  // while the window is being built.
  if (!core_) {
    DeskCoreOptions core_options;
    core_options.session = options_.session;
    core_options.store_path = options_.store_path;
    core_options.customer_id = options_.customer_id;
    core_ = std::make_unique<DeskCore>(std::move(core_options));
  }
  queue_ = &core_->queue();
  client_ = &core_->journeys();
  contacts_ = &core_->contacts();
  store_error_ = core_->store_error();
  if (LocalStore* store = core_->store()) {
    if (auto pending = store->PendingCount(); pending.ok()) outbox_pending_ = *pending;
  }
  requested_customer_ = core_->requested_customer();
  queue_->SetWaker([this] { CallAfter(&AgentFrame::DrainNotifications); });

  BuildMenus();
  BuildLayout();
  StartPlugins();
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { EnsurePluginsStarted(); }, kIdPluginStartTimer);
  plugin_start_timer_.StartOnce(3000);

  Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
    if (!customer_id_.empty()) client_->LoadJourney(customer_id_);
  }, kIdRefreshTimer);
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { Close(true); }, kIdExitTimer);
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { SaveScreenshot(); }, kIdScreenshotTimer);
  if (options_.available_at_start && !options_.screenshot_path.empty()) screenshot_timer_.StartOnce(30000);
  if (options_.exit_after_ms > 0) exit_timer_.StartOnce(options_.exit_after_ms);

  UpdateStatusFields();
  if (!options_.customer_id.empty()) OpenCustomer(options_.customer_id);
  // What the core received while the toolkit started and the window was built (typically the
  // journey asked for on the command line) is shown now, so the window's first paint already
  // has it instead of a second paint one event-loop turn later.
  DrainNotifications();
  CallAfter([this] { Workspace(); });  // runs once the first paint is done
}

AgentFrame::~AgentFrame() {
  queue_->SetWaker({});
  StopPlugins();
  core_->Stop();
}

void AgentFrame::BuildMenus() {
  auto* file = new wxMenu;
  file->Append(kIdSearch, wxString::FromUTF8("&Find customer…\tCtrl+K"), "Search customers by name, email, phone or id");
  file->Append(kIdReload, "&Reload journey\tF5");
  file->AppendSeparator();
  file->Append(wxID_EXIT, "&Quit\tCtrl+Q");
  auto* agent = new wxMenu;
  agent->Append(kIdAvailable, "Go &available\tF3");
  agent->Append(kIdAway, wxString::FromUTF8("Go a&way…\tShift+F3"));
  agent->AppendSeparator();
  agent->Append(kIdAcceptOffer, "&Accept offer\tF6");
  agent->Append(kIdDeclineOffer, "&Decline offer\tF7");
  agent->AppendSeparator();
  agent->Append(kIdHold, "&Hold / resume\tF8");
  agent->Append(kIdSend, "&Send message\tCtrl+Return");
  agent->Append(kIdTransfer, wxString::FromUTF8("&Transfer…\tCtrl+Shift+T"));
  agent->Append(kIdNote, wxString::FromUTF8("Add &note…\tCtrl+Shift+N"));
  agent->Append(kIdWrapUp, wxString::FromUTF8("&Wrap up…\tCtrl+Shift+W"));
  agent->AppendSeparator();
  agent->Append(kIdPlugins, wxString::FromUTF8("Channel &plugins…\tCtrl+Shift+P"));
  auto* steps = new wxMenu;
  steps->Append(kIdStepAccept, "&Accept the next step\tCtrl+Y");
  steps->Append(kIdStepDecline, wxString::FromUTF8("&Decline the next step…\tCtrl+Shift+Y"));
  steps->Append(kIdStepWhy, "&Why? (reasons and evidence)\tCtrl+E");
  steps->Append(kIdStepSuppressed, "Show &suppressed alternatives\tCtrl+Shift+E");
  auto* view = new wxMenu;
  view->AppendRadioItem(kIdZoomAll, "&Whole journey\tCtrl+0");
  view->AppendRadioItem(kIdZoom1, "Last &24 hours\tCtrl+1");
  view->AppendRadioItem(kIdZoom7, "Last &7 days\tCtrl+2");
  view->AppendRadioItem(kIdZoom30, "Last &30 days\tCtrl+3");
  view->AppendRadioItem(kIdZoom90, "Last &90 days\tCtrl+4");
  view->AppendSeparator();
  view->Append(kIdFocusInbox, "&Offers\tCtrl+I");
  view->Append(kIdFocusContacts, "My &contacts\tCtrl+Shift+I");
  view->Append(kIdFocusCanvas, "Journey &map\tCtrl+M", "Arrow keys walk the touchpoints");
  view->Append(kIdFocusTimeline, "&Timeline\tCtrl+T");
  view->Append(kIdFocusSteps, "&Next steps\tCtrl+J");
  view->Append(kIdFocusComposer, "&Composer\tCtrl+L");
  view->AppendSeparator();
  view->Append(kIdSupervisor, wxString::FromUTF8("&Supervisor window…\tCtrl+Shift+S"),
               "Queues, agents and staffing (supervisor token)");
  auto* help = new wxMenu;
  help->Append(kIdShortcuts, "&Keyboard shortcuts\tF1");
  auto* bar = new wxMenuBar;
  bar->Append(file, "&File");
  // Mnemonics stay clear of the channel plugins' Alt+letter actions (Alt+A answer, Alt+H hold).
  bar->Append(agent, "A&gent");
  bar->Append(steps, "&Next steps");
  bar->Append(view, "&View");
  bar->Append(help, "Hel&p");
  SetMenuBar(bar);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { OnSearch(); }, kIdSearch);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) {
    if (!customer_id_.empty()) client_->LoadJourney(customer_id_);
  }, kIdReload);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(true); }, wxID_EXIT);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { SetZoomDays(0); }, kIdZoomAll);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { SetZoomDays(1); }, kIdZoom1);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { SetZoomDays(7); }, kIdZoom7);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { SetZoomDays(30); }, kIdZoom30);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { SetZoomDays(90); }, kIdZoom90);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { canvas_->SetFocus(); }, kIdFocusCanvas);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { timeline_->SetFocus(); }, kIdFocusTimeline);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { ShowShortcuts(); }, kIdShortcuts);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { OpenPluginManager(); }, kIdPlugins);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) {
    supervisor_ui::OpenSupervisorWindow(this, options_.session);
  }, kIdSupervisor);
}

void AgentFrame::BuildLayout() {
  auto* root = new wxPanel(this);
  root->SetBackgroundColour(wxColour(250, 251, 253));
  auto* columns = new wxSplitterWindow(root, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
  inbox_panel_ = new ContactInboxPanel(columns, &inbox_);
  auto* rest = new wxSplitterWindow(columns, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
  wxWindow* centre = BuildCentre(rest);
  auto* right = new wxSplitterWindow(rest, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
  next_steps_ = new NextStepsPanel(right);
  // With a customer to open, the panel's first content is their next steps being fetched.
  if (options_.customer_id.empty()) next_steps_->ShowNoCustomer();
  // The active contact's workspace: its channel plugin's when it has one, else the generic one.
  workspace_area_ = new wxPanel(right);
  workspace_area_->SetName("Contact workspace area");
  plugin_panel_ = new PluginWorkspacePanel(workspace_area_);
  plugin_panel_->Hide();
  auto* area_sizer = new wxBoxSizer(wxVERTICAL);  // the generic workspace joins it in Workspace()
  area_sizer->Add(plugin_panel_, 1, wxEXPAND);
  workspace_area_->SetSizer(area_sizer);
  right->SetMinimumPaneSize(FromDIP(160));
  right->SetSashGravity(0.4);
  right->SplitHorizontally(next_steps_, workspace_area_, FromDIP(330));
  // Once the window has its real size: two fifths for next steps, the rest for the workspace.
  CallAfter([right] { right->SetSashPosition(right->GetClientSize().y * 2 / 5); });
  rest->SetMinimumPaneSize(FromDIP(300));
  rest->SetSashGravity(1.0);
  rest->SplitVertically(centre, right, -FromDIP(420));
  columns->SetMinimumPaneSize(FromDIP(200));
  columns->SetSashGravity(0.0);
  columns->SplitVertically(inbox_panel_, rest, FromDIP(290));
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(columns, 1, wxEXPAND);
  root->SetSizer(sizer);

  CreateStatusBar(3);
  const int widths[] = {-2, -2, -3};
  GetStatusBar()->SetStatusWidths(3, widths);
  BindContactPanels();
}

ContactWorkspacePanel& AgentFrame::Workspace() {
  if (workspace_ != nullptr) return *workspace_;
  workspace_ = new ContactWorkspacePanel(workspace_area_);
  workspace_->on_send = [this](const std::string& id, const std::string& text) { contacts_->SendMessage(id, text); };
  workspace_->on_hold = [this](const std::string& id, bool hold) {
    if (hold) {
      contacts_->Hold(id);
    } else {
      contacts_->Resume(id);
    }
  };
  workspace_->on_transfer = [this](const std::string& id) { Transfer(id); };
  workspace_->on_note = [this](const std::string& id) { AddNote(id); };
  workspace_->on_wrap_up = [this](const std::string& id) { WrapUp(id); };
  workspace_->Show(!plugin_panel_->IsShown());
  workspace_area_->GetSizer()->Insert(0, workspace_, 1, wxEXPAND);
  workspace_area_->Layout();
  // Tab order as built before: the workspace ahead of the plugin panel.
  workspace_->MoveBeforeInTabOrder(plugin_panel_);
  ShowActiveContact();
  return *workspace_;
}

wxWindow* AgentFrame::BuildCentre(wxWindow* parent) {
  auto* centre = new wxPanel(parent);
  centre->SetBackgroundColour(wxColour(250, 251, 253));
  auto* sizer = new wxBoxSizer(wxVERTICAL);

  banner_ = new wxPanel(centre);
  banner_->SetBackgroundColour(BannerBackground());
  banner_text_ = new wxStaticText(banner_, wxID_ANY, "");
  banner_text_->SetFont(banner_text_->GetFont().Bold());
  banner_text_->SetName("Offline banner");
  auto* banner_sizer = new wxBoxSizer(wxHORIZONTAL);
  banner_sizer->Add(banner_text_, 1, wxALL, FromDIP(8));
  banner_->SetSizer(banner_sizer);
  banner_->Hide();

  customer_name_ = new wxStaticText(centre, wxID_ANY, "No customer");
  customer_name_->SetFont(customer_name_->GetFont().Scaled(1.5f).Bold());
  customer_facts_ = new wxStaticText(centre, wxID_ANY, "Press Ctrl+K to find a customer; offers pop up their journey.");
  customer_facts_->SetForegroundColour(MutedText());
  badges_ = new BadgeBar(centre);

  auto* splitter = new wxSplitterWindow(centre, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                        wxSP_LIVE_UPDATE | wxSP_3DSASH);
  canvas_ = new JourneyCanvas(splitter);
  auto* below = new wxPanel(splitter);
  timeline_ = new TimelineList(below);
  details_ = new TouchpointDetails(
      below, "Select a touchpoint on the map (click, or arrow keys after Ctrl+M) or in the timeline to see it here.");
  // Both share the width; neither may claim it all with its best size.
  timeline_->SetMinSize(FromDIP(wxSize(240, -1)));
  details_->SetMinSize(FromDIP(wxSize(220, -1)));
  auto* below_sizer = new wxBoxSizer(wxHORIZONTAL);
  below_sizer->Add(timeline_, 3, wxEXPAND);
  below_sizer->Add(details_, 2, wxEXPAND | wxLEFT, FromDIP(4));
  below->SetSizer(below_sizer);
  splitter->SetMinimumPaneSize(FromDIP(140));
  splitter->SetSashGravity(0.62);
  splitter->SplitHorizontally(canvas_, below, -FromDIP(250));

  sizer->Add(banner_, 0, wxEXPAND);
  sizer->Add(customer_name_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
  sizer->Add(customer_facts_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
  sizer->Add(badges_, 0, wxEXPAND | wxTOP | wxBOTTOM, FromDIP(6));
  sizer->Add(splitter, 1, wxEXPAND);
  centre->SetSizer(sizer);

  canvas_->on_select = [this](int index) {
    timeline_->SelectTimelineIndex(index);
    ShowDetails(index);
  };
  canvas_->on_painted = [this] { OnCanvasPainted(); };
  timeline_->on_select = [this](int index) {
    canvas_->Select(index);
    ShowDetails(index);
  };
  return centre;
}

void AgentFrame::OpenCustomer(const std::string& customer_id, const std::string& contact_id,
                              const std::string& channel) {
  const bool same = customer_id == customer_id_;
  customer_id_ = customer_id;
  shown_for_contact_ = contact_id;
  shown_for_channel_ = channel;
  RequestNextSteps();
  if (same && journey_) return;  // already on screen and followed live
  notice_ = absl::StrCat("loading ", customer_id, "…");
  UpdateStatusFields();
  if (requested_customer_ == customer_id) return;  // on its way already
  requested_customer_ = customer_id;
  client_->LoadJourney(customer_id);
  client_->Watch(customer_id);
}

void AgentFrame::DrainNotifications() {
  for (Notification& notification : queue_->DrainAll()) {
    std::visit([this](auto&& value) { Handle(std::move(value)); }, std::move(notification));
  }
}

void AgentFrame::Handle(ConnectionChanged&& change) {
  const bool back_online = change.state == ConnectionState::kConnected && connection_ != ConnectionState::kConnected;
  connection_ = change.state;
  connection_detail_ = change.detail;
  if (back_online && journey_from_cache_ && !customer_id_.empty()) client_->LoadJourney(customer_id_);
  UpdateBanner();
  UpdateStatusFields();
}

void AgentFrame::Handle(SessionReady&& ready) {
  options_.session.agent_id = ready.agent_id;
  options_.session.role = ready.role;
  if (plugin_requests_) plugin_requests_->SetAgentId(ready.agent_id);
  agent_label_ = ready.agent_id.empty() ? ready.role : absl::StrCat(ready.agent_id, " (", ready.role, ")");
  UpdateStatusFields();
}

void AgentFrame::Handle(JourneyLoaded&& loaded) {
  if (loaded.journey.customer().id() != customer_id_) return;  // the agent moved on
  journey_from_cache_ = loaded.from_cache;
  fetched_at_ = loaded.fetched_at;
  notice_.clear();
  on_screen_.SetJourney(std::make_shared<const v1::Journey>(std::move(loaded.journey)), !loaded.from_cache);
  ShowJourney(on_screen_.shown());
  UpdateBanner();
}

void AgentFrame::Handle(JourneyFailed&& failed) {
  if (failed.customer_id == requested_customer_) requested_customer_.clear();  // opening it again retries
  if (failed.customer_id != customer_id_) return;
  notice_ = failed.message;
  if (!journey_) canvas_->SetEmptyText(Utf8(failed.message));
  UpdateStatusFields();
}

void AgentFrame::Handle(SearchResults&& results) {
  if (search_dialog_ == nullptr || !search_dialog_->ShowResults(results)) return;
  // The matches by id only: what the agent typed (a name, a phone number) stays off the output.
  if (!results.error.empty()) {
    Announce("search failed: ", results.error);
    return;
  }
  std::vector<std::string> ids;
  for (const v1::CustomerMatch& match : results.matches) ids.push_back(match.customer().id());
  Announce("search matched ", ids.size(), ":", ids.empty() ? "" : " ", absl::StrJoin(ids, " "));
}

void AgentFrame::Handle(TouchpointArrived&& arrived) {
  if (!journey_ || arrived.customer_id != customer_id_) return;
  // Show the mark at once (journeyd's copy replaces a pending one of the same id); the stage
  // figures and signals follow with the refresh.
  if (!on_screen_.AddArrived(arrived.touchpoint)) return;
  notice_ = absl::StrCat("new: ", Pretty(arrived.touchpoint.kind()), " on ", arrived.touchpoint.channel());
  Announce("new touchpoint ", arrived.touchpoint.kind(), " ", arrived.touchpoint.id(), " on ", customer_id_);
  ShowJourney(on_screen_.shown());
  refresh_timer_.StartOnce(400);
}

void AgentFrame::Handle(WatchResumed&& resumed) {
  if (resumed.customer_id == customer_id_) client_->LoadJourney(customer_id_);
}

void AgentFrame::Handle(OutboxChanged&& outbox) {
  outbox_pending_ = outbox.pending;
  if (!outbox.rejected.empty()) notice_ = absl::StrCat("journeyd refused a queued write: ", outbox.rejected);
  // The agent's own notes and outcomes are on the journey at once, drawn as pending; a
  // contact whose wrap-up waits says so in the inbox.
  inbox_.SetWaitingWrites(outbox.waiting_touchpoints);
  on_screen_.SetWaiting(std::move(outbox.waiting_touchpoints));
  if (journey_ && on_screen_.shown() != journey_) ShowJourney(on_screen_.shown());
  RefreshInbox();
  UpdateStatusFields();
}

void AgentFrame::ShowJourney(std::shared_ptr<const v1::Journey> journey) {
  journey_ = std::move(journey);
  canvas_->SetJourney(journey_);
  timeline_->SetModel(canvas_->model());
  UpdateHeader();
  UpdateStatusFields();
}

void AgentFrame::UpdateHeader() {
  if (!journey_) return;
  const v1::Customer& customer = journey_->customer();
  const wxString name = Utf8(customer.display_name().empty() ? customer.id() : customer.display_name());
  customer_name_->SetLabel(name);
  SetTitle(wxString::FromUTF8("JourneyDesk — ") + name);

  std::vector<std::string> facts = {customer.id()};
  if (auto plan = customer.attributes().find("plan"); plan != customer.attributes().end()) {
    facts.push_back(absl::StrCat("plan ", plan->second));
  }
  if (auto end = customer.attributes().find("contract_end"); end != customer.attributes().end()) {
    facts.push_back(absl::StrCat("contract ends ", end->second));
  }
  for (const v1::StageView& stage : journey_->stages()) {
    if (stage.id() == journey_->current_stage()) {
      facts.push_back(absl::StrCat("now in ", stage.name(), " for ",
                                   HumanDuration(absl::Seconds(journey_->metrics().time_in_current_stage().seconds()))));
    }
  }
  const v1::JourneyMetrics& metrics = journey_->metrics();
  if (metrics.nps().has_score()) {
    facts.push_back(absl::StrFormat("NPS %+.0f (%d response%s, target %.0f)", metrics.nps().score(),
                                    metrics.nps().responses(), metrics.nps().responses() == 1 ? "" : "s",
                                    kNpsTarget));
  }
  if (metrics.has_average_effort()) facts.push_back(absl::StrFormat("effort %.1f/7", metrics.average_effort()));
  facts.push_back(absl::StrCat(metrics.contacts_last_30_days(), " contacts in 30 days"));
  if (metrics.repeat_contacts_7d() > 0) facts.push_back(absl::StrCat(metrics.repeat_contacts_7d(), " repeat"));
  if (metrics.open_issues() > 0) facts.push_back(absl::StrCat(metrics.open_issues(), " open issues"));
  customer_facts_->SetLabel(Utf8(absl::StrJoin(facts, "  ·  ")));
  badges_->SetBadges(canvas_->model() ? canvas_->model()->badges() : std::vector<Badge>());
  ShowDetails(std::nullopt);
  customer_name_->GetParent()->Layout();
}

void AgentFrame::UpdateBanner() {
  const bool offline = journey_ && journey_from_cache_;
  if (offline) {
    const std::string as_of = absl::StrCat(
        "offline — journey as of ", absl::FormatTime("%H:%M", fetched_at_, absl::LocalTimeZone()), " (",
        absl::FormatTime("%d %b", fetched_at_, absl::LocalTimeZone()), ")");
    // Short enough for the centre column; the tooltip says the rest.
    banner_text_->SetLabel(Utf8(absl::StrCat(as_of, " · changes are sent when journeyd is back")));
    banner_text_->SetToolTip(
        "journeyd is unreachable: this is the copy of the journey kept on this computer. Notes, "
        "outcomes and wrap-ups wait in the outbox and are sent, once each, when journeyd is back.");
    if (!banner_->IsShown()) Announce(as_of, " for ", customer_id_);  // the banner went up, saying this
  }
  if (banner_->IsShown() != offline) {
    banner_->Show(offline);
    banner_->GetParent()->Layout();
  }
}

void AgentFrame::UpdateStatusFields() {
  std::string connection;
  switch (connection_) {
    case ConnectionState::kConnecting: connection = absl::StrCat("Connecting to ", options_.session.server, "…"); break;
    case ConnectionState::kConnected: connection = absl::StrCat("● Connected to ", options_.session.server); break;
    case ConnectionState::kReconnecting: connection = "Reconnecting…"; break;
    case ConnectionState::kOffline: connection = absl::StrCat("Offline — retrying ", options_.session.server); break;
  }
  if (connection_ != ConnectionState::kConnected && !connection_detail_.empty()) {
    absl::StrAppend(&connection, " (", connection_detail_, ")");
  }
  SetStatusText(Utf8(connection), 0);
  std::string agent = agent_label_.empty() ? std::string("signing in…") : absl::StrCat("Agent ", agent_label_);
  switch (inbox_.agent().state()) {
    case v1::AVAILABLE: absl::StrAppend(&agent, " · available"); break;
    case v1::AWAY: absl::StrAppend(&agent, " · away (", inbox_.agent().away_reason(), ")"); break;
    case v1::OFFLINE: absl::StrAppend(&agent, " · offline for contacts"); break;
    default: break;
  }
  if (!inbox_.offers().empty()) absl::StrAppend(&agent, " · ", inbox_.offers().size(), " ringing");
  SetStatusText(Utf8(agent), 1);
  std::string info = notice_;
  if (info.empty() && canvas_->model()) {
    const JourneyMapViewModel& model = *canvas_->model();
    info = absl::StrCat("showing ", model.visible_timeline().size(), " of ", model.total_touchpoints(), " touchpoints");
    if (zoom_days_ > 0) absl::StrAppend(&info, " (last ", zoom_days_, zoom_days_ == 1 ? " day)" : " days)");
  }
  if (outbox_pending_ > 0) absl::StrAppend(&info, info.empty() ? "" : " · ", outbox_pending_, " waiting to send");
  if (!store_error_.empty()) absl::StrAppend(&info, info.empty() ? "" : " · ", store_error_);
  SetStatusText(Utf8(info), 2);
}

void AgentFrame::ShowDetails(std::optional<int> timeline_index) {
  if (!journey_ || !timeline_index || *timeline_index >= journey_->timeline_size()) {
    details_->ShowHint();
    return;
  }
  const v1::Touchpoint& tp = journey_->timeline(*timeline_index);
  std::string text = absl::StrCat(IsPendingTouchpoint(tp) ? absl::StrCat(kPendingText, "\n") : std::string(),
      Pretty(tp.kind()), " on ", tp.channel(), "\n",
      absl::FormatTime("%A %d %B %Y, %H:%M", FromProto(tp.occurred_at()), absl::LocalTimeZone()), "\n",
      "stage: ", tp.stage().empty() ? "none" : Pretty(tp.stage()), tp.stage_derived() ? " (from its kind)" : "", "\n");
  if (!tp.summary().empty()) absl::StrAppend(&text, "\n", tp.summary(), "\n\n");
  if (tp.outcome() != v1::OUTCOME_UNSPECIFIED) {
    absl::StrAppend(&text, "outcome: ", Pretty(absl::AsciiStrToLower(v1::Outcome_Name(tp.outcome()).substr(8))), "\n");
  }
  if (tp.sentiment() != v1::SENTIMENT_UNSPECIFIED) {
    absl::StrAppend(&text, "sentiment: ", absl::AsciiStrToLower(v1::Sentiment_Name(tp.sentiment()).substr(10)), "\n");
  }
  if (tp.has_nps()) absl::StrAppend(&text, "NPS response: ", tp.nps(), "\n");
  if (tp.has_effort()) absl::StrAppend(&text, "effort: ", tp.effort(), "/7\n");
  if (!tp.agent_id().empty()) absl::StrAppend(&text, "agent: ", tp.agent_id(), "\n");
  if (!tp.contact_id().empty()) absl::StrAppend(&text, "contact: ", tp.contact_id(), "\n");
  for (const auto& [key, value] : tp.attributes()) {
    if (key != kPendingAttribute) absl::StrAppend(&text, key, ": ", value, "\n");
  }
  absl::StrAppend(&text, "id: ", tp.id());
  details_->ShowText(Utf8(text));
}

void AgentFrame::SetZoomDays(int days) {
  zoom_days_ = days;
  TimeWindow window;
  if (days > 0) {
    const absl::Time end = journey_ && journey_->has_as_of() ? FromProto(journey_->as_of()) : absl::Now();
    window.from = end - absl::Hours(24 * days);
  }
  canvas_->SetTimeWindow(window);
  timeline_->SetModel(canvas_->model());
  UpdateStatusFields();
}

void AgentFrame::ShowShortcuts() {
  ShortcutOverlay overlay(this, *GetMenuBar());
  std::vector<std::string> rows;
  for (const Shortcut& shortcut : overlay.shortcuts()) rows.push_back(absl::StrCat(shortcut.keys, " ", shortcut.action));
  Announce("shortcuts listed (", rows.size(), "): ", absl::StrJoin(rows, "; "));
  overlay.ShowModal();
}

void AgentFrame::OnSearch() {
  SearchDialog dialog(this, [this](std::string query, uint64_t id) { client_->Search(std::move(query), id); });
  search_dialog_ = &dialog;
  const int answer = dialog.ShowModal();
  search_dialog_ = nullptr;
  if (answer == wxID_OK && !dialog.chosen_customer_id().empty()) OpenCustomer(dialog.chosen_customer_id());
}

void AgentFrame::OnCanvasPainted() {
  if (!journey_) return;
  // Announced once per customer and again whenever the painted journey changed size.
  const std::string painted = absl::StrCat(customer_id_, "/", journey_->timeline_size());
  if (announced_customer_ == painted) return;
  const bool first_paint = announced_customer_.rfind(customer_id_ + "/", 0) != 0;
  if (announced_customer_.empty()) MarkStartup("journey-painted");
  announced_customer_ = painted;
  // Per stage, the marks painted (what the agent sees), for scripts to check.
  std::string stages;
  if (const JourneyMapViewModel* model = canvas_->model()) {
    for (const StageColumn& column : model->columns()) {
      absl::StrAppend(&stages, " ", column.stage_id.empty() ? "none" : column.stage_id, "=", column.shown_touchpoints);
    }
  }
  Announce("showing ", customer_id_, " (", journey_->timeline_size(), " touchpoints",
           journey_from_cache_ ? ", offline copy" : "", ") stages:", stages);
  // An agent waiting for contacts is pictured with the first offer's screen pop (or, if none
  // comes, by the fallback timer set at start).
  const bool wait_for_offer = options_.available_at_start && shown_for_contact_.empty();
  if (first_paint && !wait_for_offer && !options_.screenshot_path.empty() && !screenshot_taken_) {
    screenshot_timer_.StartOnce(500);
  }
}

void AgentFrame::SaveScreenshot() {
  if (screenshot_taken_) return;
  screenshot_taken_ = true;
  const bool saved = SaveWindowScreenshot(*this, options_.screenshot_path);
  Announce(saved ? "screenshot saved to " : "could not save screenshot to ", options_.screenshot_path);
}

}  // namespace journeydesk::agent::ui
