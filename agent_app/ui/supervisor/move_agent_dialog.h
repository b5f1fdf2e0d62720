#pragma once
// "Move agent…": choose an agent and the channels it serves with a capacity each, or "every
// channel at its default capacity". Choosing a known agent fills in its current channels.
// OK checks the input (core/supervisor/channel_change_form.h) and, when it is wrong, says
// why under the fields and keeps the dialog open. Main thread only.

#include <string>
#include <vector>

#include <wx/checkbox.h>
#include <wx/combobox.h>
#include <wx/dialog.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "journeydesk/v1/contact_center.pb.h"

namespace journeydesk::agent::ui::supervisor_ui {

class MoveAgentDialog : public wxDialog {
 public:
  // `agents` fill the agent list and the channels when one is chosen; `channels` are the
  // channels the queues serve; `agent_id` is chosen at start when not empty.
  MoveAgentDialog(wxWindow* parent, std::vector<v1::AgentStatus> agents, std::vector<std::string> channels,
                  const std::string& agent_id);
  // Valid after ShowModal() returned wxID_OK.
  const v1::SetAgentChannelsRequest& request() const { return request_; }

 private:
  struct ChannelRow {
    std::string channel;
    wxCheckBox* serves = nullptr;
    wxTextCtrl* capacity = nullptr;
  };
  void FillFromAgent(const std::string& agent_id);
  void UpdateEnabled();
  void OnOk(wxCommandEvent& event);

  std::vector<v1::AgentStatus> agents_;
  std::vector<std::string> channels_;
  wxComboBox* agent_ = nullptr;
  wxCheckBox* defaults_ = nullptr;
  std::vector<ChannelRow> rows_;
  wxStaticText* error_ = nullptr;
  v1::SetAgentChannelsRequest request_;
};

}  // namespace journeydesk::agent::ui::supervisor_ui
