#pragma once
// The agents list of the supervisor window: agents grouped by state ("On contacts",
// "Available", "Away", "Offline" — a bold heading row with the count before each group),
// each with its state, channels and capacities, open contacts and missed offers. Main thread
// only.

#include <string>
#include <vector>

#include <wx/listctrl.h>

#include "core/supervisor/queue_board_view_model.h"

namespace journeydesk::agent::ui::supervisor_ui {

class AgentsByStateList : public wxListCtrl {
 public:
  explicit AgentsByStateList(wxWindow* parent);
  // Rebuilds the rows from `model`, keeping the selected agent selected.
  void ShowAgents(const agent::supervisor::QueueBoardViewModel& model);
  // The agent on the selected row; "" for none or a heading row.
  std::string SelectedAgentId() const;

 private:
  std::vector<std::string> row_agent_ids_;  // "" for heading rows
};

}  // namespace journeydesk::agent::ui::supervisor_ui
