#include "ui/supervisor/agents_by_state_list.h"

#include "absl/strings/str_cat.h"
#include "core/supervisor/supervisor_format.h"
#include "ui/supervisor/supervisor_palette.h"

namespace journeydesk::agent::ui::supervisor_ui {

using agent::supervisor::AgentGroupRows;
using agent::supervisor::FormatAgentState;
using agent::supervisor::FormatChannels;

AgentsByStateList::AgentsByStateList(wxWindow* parent)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_HRULES) {
  SetName("Agents by state");
  SetHelpText("Agents grouped by state with their channels and capacities; Ctrl+G moves the selected agent");
  AppendColumn("Agent", wxLIST_FORMAT_LEFT, FromDIP(120));
  AppendColumn("State", wxLIST_FORMAT_LEFT, FromDIP(230));
  AppendColumn("Channels (capacity)", wxLIST_FORMAT_LEFT, FromDIP(250));
  AppendColumn("Contacts", wxLIST_FORMAT_RIGHT, FromDIP(80));
  AppendColumn("Missed offers", wxLIST_FORMAT_RIGHT, FromDIP(110));
}

void AgentsByStateList::ShowAgents(const agent::supervisor::QueueBoardViewModel& model) {
  const std::string selected = SelectedAgentId();
  Freeze();
  DeleteAllItems();
  row_agent_ids_.clear();
  long select_row = -1;
  for (const AgentGroupRows& group : model.AgentsByState()) {
    if (group.agents.empty()) continue;
    const long heading = InsertItem(GetItemCount(), Utf8(absl::StrCat(ToString(group.group), " (", group.agents.size(), ")")));
    SetItemFont(heading, GetFont().Bold());
    SetItemBackgroundColour(heading, wxColour(238, 241, 246));
    row_agent_ids_.push_back("");
    for (const v1::AgentStatus& agent : group.agents) {
      const long row = InsertItem(GetItemCount(), Utf8("    " + agent.agent_id()));
      SetItem(row, 1, Utf8(FormatAgentState(agent)));
      SetItem(row, 2, Utf8(FormatChannels(agent)));
      SetItem(row, 3, wxString::Format("%d", agent.active_contacts()));
      SetItem(row, 4, wxString::Format("%d", agent.missed_offers()));
      if (!agent.connected()) SetItemTextColour(row, BoardHeaderText());
      row_agent_ids_.push_back(agent.agent_id());
      if (agent.agent_id() == selected) select_row = row;
    }
  }
  if (GetItemCount() == 0) {
    InsertItem(0, "No agents yet");
    row_agent_ids_.push_back("");
  }
  if (select_row >= 0) SetItemState(select_row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                    wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
  Thaw();
}

std::string AgentsByStateList::SelectedAgentId() const {
  const long row = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  if (row < 0 || static_cast<size_t>(row) >= row_agent_ids_.size()) return "";
  return row_agent_ids_[row];
}

}  // namespace journeydesk::agent::ui::supervisor_ui
