#include "ui/supervisor/staffing_advice_panel.h"

#include <algorithm>

#include <wx/sizer.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/supervisor/supervisor_format.h"
#include "ui/supervisor/supervisor_palette.h"

namespace journeydesk::agent::ui::supervisor_ui {

using agent::supervisor::ApplicableMove;
using agent::supervisor::FormatPercent;
using agent::supervisor::FormatWait;
using agent::supervisor::ServiceLevelStatus;

StaffingAdvicePanel::StaffingAdvicePanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  SetName("Staffing advice");
  auto* sizer = new wxBoxSizer(wxVERTICAL);

  auto* queues_label = new wxStaticText(this, wxID_ANY, "Staffing per queue (Erlang C)");
  queues_label->SetFont(queues_label->GetFont().Bold());
  queues_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  queues_->SetName("Staffing per queue");
  queues_->SetHelpText("Per queue: contacts per hour, handling time, agents assigned and agents needed for the target");
  queues_->AppendColumn("Queue", wxLIST_FORMAT_LEFT, FromDIP(80));
  queues_->AppendColumn("Contacts/h", wxLIST_FORMAT_RIGHT, FromDIP(90));
  queues_->AppendColumn("Handling", wxLIST_FORMAT_RIGHT, FromDIP(80));
  queues_->AppendColumn("Assigned", wxLIST_FORMAT_RIGHT, FromDIP(80));
  queues_->AppendColumn("Needed", wxLIST_FORMAT_RIGHT, FromDIP(70));
  queues_->AppendColumn("Expected level", wxLIST_FORMAT_RIGHT, FromDIP(110));

  auto* moves_label = new wxStaticText(this, wxID_ANY, "Advised moves");
  moves_label->SetFont(moves_label->GetFont().Bold());
  moves_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  moves_->SetName("Advised moves");
  moves_->SetHelpText("journeyd's advice: which agents to move between channels; Ctrl+Shift+A applies all of it");
  moves_->AppendColumn("Move", wxLIST_FORMAT_LEFT, FromDIP(380));
  moves_->AppendColumn("Agents", wxLIST_FORMAT_LEFT, FromDIP(130));
  // The sentence takes whatever width the agents column leaves.
  moves_->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
    moves_->SetColumnWidth(0, std::max(FromDIP(200), moves_->GetClientSize().x - moves_->GetColumnWidth(1) - FromDIP(4)));
    event.Skip();
  });

  apply_ = new wxButton(this, wxID_ANY, "&Apply advice   Ctrl+Shift+A");
  apply_->SetName("Apply staffing advice");
  apply_->SetHelpText("Moves the named agents between channels now (SetAgentChannels), then refreshes");
  move_ = new wxButton(this, wxID_ANY, wxString::FromUTF8("&Move agent…   Ctrl+G"));
  move_->SetName("Move agent");
  move_->SetHelpText("Choose an agent's channels and capacities by hand");
  apply_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { if (on_apply) on_apply(); });
  move_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { if (on_move_agent) on_move_agent(); });
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(apply_, 0, wxRIGHT, FromDIP(8));
  buttons->Add(move_, 0);

  outcome_ = new wxStaticText(this, wxID_ANY, "");
  outcome_->SetName("Last change");

  sizer->Add(queues_label, 0, wxBOTTOM, FromDIP(4));
  sizer->Add(queues_, 3, wxEXPAND | wxBOTTOM, FromDIP(10));
  sizer->Add(moves_label, 0, wxBOTTOM, FromDIP(4));
  sizer->Add(moves_, 2, wxEXPAND | wxBOTTOM, FromDIP(8));
  sizer->Add(buttons, 0, wxBOTTOM, FromDIP(6));
  sizer->Add(outcome_, 0, wxEXPAND);
  SetSizer(sizer);
  UpdateApplyButton();
}

void StaffingAdvicePanel::ShowAdvice(const agent::supervisor::QueueBoardViewModel& model) {
  queues_->Freeze();
  queues_->DeleteAllItems();
  for (const v1::QueueStaffing& q : model.advice().queues()) {
    const long row = queues_->InsertItem(queues_->GetItemCount(), Utf8(q.queue()));
    queues_->SetItem(row, 1, wxString::Format("%.0f", q.contacts_per_hour()));
    queues_->SetItem(row, 2, Utf8(FormatWait(q.average_handling_seconds())));
    queues_->SetItem(row, 3, wxString::Format("%d", q.agents_assigned()));
    queues_->SetItem(row, 4, q.real_time() ? wxString::Format("%d", q.agents_needed()) : wxString("deferred"));
    queues_->SetItem(row, 5, Utf8(q.has_expected_service_level() ? FormatPercent(q.expected_service_level()) : "—"));
    if (q.real_time() && q.agents_needed() > q.agents_assigned()) {
      queues_->SetItemTextColour(row, LevelColour(ServiceLevelStatus::kBreach).ChangeLightness(80));
    }
  }
  queues_->Thaw();

  moves_->Freeze();
  moves_->DeleteAllItems();
  for (const ApplicableMove& move : model.moves()) {
    std::string text = move.text;
    if (!move.problem.empty()) absl::StrAppend(&text, " — ", move.problem);
    const long row = moves_->InsertItem(moves_->GetItemCount(), Utf8(text));
    moves_->SetItem(row, 1, Utf8(absl::StrJoin(move.agent_ids, ", ")));
    if (!move.problem.empty()) moves_->SetItemTextColour(row, LevelColour(ServiceLevelStatus::kBreach));
  }
  if (model.moves().empty()) {
    moves_->InsertItem(0, Utf8(model.NoMovesReason()));
  }
  moves_->Thaw();
  has_requests_ = !model.MoveRequests().empty();
  UpdateApplyButton();
}

void StaffingAdvicePanel::ShowOutcome(const std::string& text, bool problem) {
  outcome_->SetForegroundColour(problem ? LevelColour(ServiceLevelStatus::kBreach) : BoardHeaderText());
  outcome_->SetLabel(Utf8(text));
  outcome_->Wrap(GetClientSize().x > 0 ? GetClientSize().x : FromDIP(500));
  Layout();
}

void StaffingAdvicePanel::SetApplying(bool applying) {
  applying_ = applying;
  UpdateApplyButton();
}

void StaffingAdvicePanel::UpdateApplyButton() { apply_->Enable(has_requests_ && !applying_); }

}  // namespace journeydesk::agent::ui::supervisor_ui
