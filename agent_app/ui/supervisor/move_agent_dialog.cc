#include "ui/supervisor/move_agent_dialog.h"

#include <cstdio>

#include <wx/button.h>
#include <wx/sizer.h>

#include "core/supervisor/channel_change_form.h"
#include "ui/supervisor/supervisor_palette.h"

namespace journeydesk::agent::ui::supervisor_ui {

using agent::supervisor::BuildChannelChange;
using agent::supervisor::ChannelChoice;
using agent::supervisor::ServiceLevelStatus;

MoveAgentDialog::MoveAgentDialog(wxWindow* parent, std::vector<v1::AgentStatus> agents,
                                 std::vector<std::string> channels, const std::string& agent_id)
    : wxDialog(parent, wxID_ANY, "Move agent", wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      agents_(std::move(agents)),
      channels_(std::move(channels)) {
  SetName("Move agent");
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* agent_label = new wxStaticText(this, wxID_ANY, "&Agent");
  wxArrayString ids;
  for (const v1::AgentStatus& agent : agents_) ids.Add(Utf8(agent.agent_id()));
  agent_ = new wxComboBox(this, wxID_ANY, Utf8(agent_id), wxDefaultPosition, wxSize(FromDIP(260), -1), ids);
  agent_->SetName("Agent");
  agent_->SetHelpText("The agent to move: choose one or type an agent id");
  sizer->Add(agent_label, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
  sizer->Add(agent_, 0, wxEXPAND | wxALL, FromDIP(12));

  defaults_ = new wxCheckBox(this, wxID_ANY, "Every channel at its &default capacity");
  defaults_->SetName("Every channel at its default capacity");
  sizer->Add(defaults_, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));

  auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(16));
  grid->Add(new wxStaticText(this, wxID_ANY, "Serves channel"));
  grid->Add(new wxStaticText(this, wxID_ANY, wxString::FromUTF8("Capacity (contacts at once, 1–100)")));
  for (const std::string& channel : channels_) {
    ChannelRow row{channel, new wxCheckBox(this, wxID_ANY, Utf8(channel)), new wxTextCtrl(this, wxID_ANY, "1")};
    row.serves->SetName(Utf8("Serves " + channel));
    row.capacity->SetName(Utf8("Capacity for " + channel));
    row.capacity->SetHelpText(Utf8("How many " + channel + " contacts the agent handles at once, 1 to 100"));
    row.serves->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { UpdateEnabled(); });
    grid->Add(row.serves, 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(row.capacity, 0, wxEXPAND);
    rows_.push_back(row);
  }
  grid->AddGrowableCol(1);
  sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));

  error_ = new wxStaticText(this, wxID_ANY, "");
  error_->SetForegroundColour(LevelColour(ServiceLevelStatus::kBreach));
  error_->SetName("Problem");
  sizer->Add(error_, 0, wxEXPAND | wxALL, FromDIP(12));

  auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
  if (auto* ok = FindWindow(wxID_OK)) ok->SetLabel("&Change channels");
  sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(12));
  SetSizerAndFit(sizer);

  agent_->Bind(wxEVT_COMBOBOX, [this](wxCommandEvent&) { FillFromAgent(agent_->GetValue().utf8_string()); });
  defaults_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { UpdateEnabled(); });
  Bind(wxEVT_BUTTON, &MoveAgentDialog::OnOk, this, wxID_OK);
  FillFromAgent(agent_id);
  agent_->SetFocus();
}

void MoveAgentDialog::FillFromAgent(const std::string& agent_id) {
  for (const v1::AgentStatus& agent : agents_) {
    if (agent.agent_id() != agent_id) continue;
    defaults_->SetValue(agent.default_channels());
    for (ChannelRow& row : rows_) {
      row.serves->SetValue(false);
      for (const v1::ChannelCapacity& channel : agent.channels()) {
        if (channel.channel() != row.channel) continue;
        row.serves->SetValue(true);
        row.capacity->SetValue(wxString::Format("%d", channel.capacity()));
      }
    }
  }
  UpdateEnabled();
}

void MoveAgentDialog::UpdateEnabled() {
  const bool own = !defaults_->GetValue();
  for (ChannelRow& row : rows_) {
    row.serves->Enable(own);
    row.capacity->Enable(own && row.serves->GetValue());
  }
}

void MoveAgentDialog::OnOk(wxCommandEvent&) {
  std::vector<ChannelChoice> choices;
  for (const ChannelRow& row : rows_) {
    choices.push_back({row.channel, row.serves->GetValue(), row.capacity->GetValue().utf8_string()});
  }
  auto request = BuildChannelChange(agent_->GetValue().utf8_string(), defaults_->GetValue(), choices, channels_);
  if (!request.ok()) {
    // Also on stdout, where scripts and the GUI test read what the window says.
    std::printf("journeydesk: supervisor move agent: %s\n", std::string(request.status().message()).c_str());
    std::fflush(stdout);
    error_->SetLabel(Utf8(std::string(request.status().message())));
    error_->Wrap(GetClientSize().x - FromDIP(24));
    Layout();
    Fit();
    // Put the caret where the problem is.
    const std::string message(request.status().message());
    if (message.rfind("Agent", 0) == 0) agent_->SetFocus();
    for (const ChannelRow& row : rows_) {
      if (message.find("Capacity for " + row.channel + ":") != std::string::npos) row.capacity->SetFocus();
    }
    return;
  }
  request_ = *std::move(request);
  EndModal(wxID_OK);
}

}  // namespace journeydesk::agent::ui::supervisor_ui
