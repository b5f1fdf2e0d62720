#include "ui/plugin_workspace/plugin_manager_dialog.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace journeydesk::agent::ui {
namespace {

using plugins::PluginState;
using plugins::PluginStatus;

wxString Wx(const std::string& text) { return wxString::FromUTF8(text.data(), text.size()); }

std::string Join(const std::vector<std::string>& parts) {
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : ", ") + part;
  return joined;
}

enum Column { kName, kVersion, kState, kRuns, kChannels, kReason };

}  // namespace

PluginManagerDialog::PluginManagerDialog(wxWindow* parent, std::vector<PluginStatus> statuses)
    : wxDialog(parent, wxID_ANY, "Plugins", wxDefaultPosition, wxSize(860, 420),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      statuses_(std::move(statuses)) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  list_->SetName("Plugins");
  list_->InsertColumn(kName, "Plugin", wxLIST_FORMAT_LEFT, 150);
  list_->InsertColumn(kVersion, "Version", wxLIST_FORMAT_LEFT, 70);
  list_->InsertColumn(kState, "State", wxLIST_FORMAT_LEFT, 90);
  list_->InsertColumn(kRuns, "Runs", wxLIST_FORMAT_LEFT, 160);
  list_->InsertColumn(kChannels, "Channels", wxLIST_FORMAT_LEFT, 100);
  list_->InsertColumn(kReason, "Reason", wxLIST_FORMAT_LEFT, 270);
  sizer->Add(list_, 1, wxEXPAND | wxALL, 8);

  detail_ = new wxStaticText(this, wxID_ANY, "");
  detail_->SetName("Plugin details");
  sizer->Add(detail_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  enable_ = new wxButton(this, wxID_ANY, "&Enable");
  disable_ = new wxButton(this, wxID_ANY, "&Disable");
  buttons->Add(enable_, 0, wxRIGHT, 6);
  buttons->Add(disable_, 0, wxRIGHT, 6);
  move_ = new wxButton(this, wxID_ANY, "Run in &own process");
  buttons->Add(move_, 0, wxRIGHT, 6);
  buttons->AddStretchSpacer();
  buttons->Add(new wxButton(this, wxID_CLOSE, "&Close"));
  sizer->Add(buttons, 0, wxEXPAND | wxALL, 8);
  SetSizer(sizer);
  SetEscapeId(wxID_CLOSE);

  auto toggle = [this](bool enabled) {
    int row = Selected();
    if (row < 0 || !on_set_enabled) return;
    on_set_enabled(statuses_[row].id, enabled);
  };
  enable_->Bind(wxEVT_BUTTON, [toggle](wxCommandEvent&) { toggle(true); });
  disable_->Bind(wxEVT_BUTTON, [toggle](wxCommandEvent&) { toggle(false); });
  move_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    int row = Selected();
    if (row < 0 || !on_set_run_mode) return;
    const PluginStatus& status = statuses_[row];
    on_set_run_mode(status.id, status.mode == plugins::RunMode::kInProcess ? plugins::RunMode::kOwnProcess
                                                                          : plugins::RunMode::kInProcess);
  });
  list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { ShowSelected(); });
  list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { ShowSelected(); });
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); }, wxID_CLOSE);
  Refill();
}

void PluginManagerDialog::UpdateStatuses(const std::vector<PluginStatus>& statuses) {
  statuses_ = statuses;
  Refill();
}

void PluginManagerDialog::UpdateStatus(const PluginStatus& status) {
  for (PluginStatus& shown : statuses_) {
    if (shown.id == status.id && shown.dir == status.dir) {
      shown = status;
      Refill();
      return;
    }
  }
  statuses_.push_back(status);
  Refill();
}

int PluginManagerDialog::row_count() const { return list_->GetItemCount(); }

void PluginManagerDialog::Refill() {
  int selected = Selected();
  list_->DeleteAllItems();
  for (size_t i = 0; i < statuses_.size(); ++i) {
    const PluginStatus& status = statuses_[i];
    long row = list_->InsertItem(static_cast<long>(i), Wx(status.name.empty() ? status.id : status.name));
    list_->SetItem(row, kVersion, Wx(status.version));
    list_->SetItem(row, kState, Wx(plugins::PluginStateName(status.state)));
    std::string runs = plugins::RunModeName(status.mode);
    if (status.pid > 0) runs += " (pid " + std::to_string(status.pid) + ")";
    list_->SetItem(row, kRuns, Wx(runs));
    list_->SetItem(row, kChannels, Wx(Join(status.channels)));
    list_->SetItem(row, kReason, Wx(status.error));
    bool trouble = status.state == PluginState::kRefused || status.state == PluginState::kFailed;
    if (trouble) list_->SetItemTextColour(row, wxColour(200, 60, 25));
  }
  if (selected >= 0 && selected < list_->GetItemCount()) {
    list_->SetItemState(selected, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
  }
  ShowSelected();
}

int PluginManagerDialog::Selected() const {
  return static_cast<int>(list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED));
}

void PluginManagerDialog::ShowSelected() {
  int row = Selected();
  if (row < 0 || row >= static_cast<int>(statuses_.size())) {
    detail_->SetLabel("Select a plugin to see where it is and what it may read.");
    enable_->Disable();
    disable_->Disable();
    move_->Disable();
    return;
  }
  const PluginStatus& status = statuses_[row];
  std::string detail = status.id + " · ABI " + status.abi + " · " + status.dir;
  detail += "\nMay read: " + (status.permissions.empty() ? std::string("no customer data") : Join(status.permissions));
  if (status.restarts > 0) detail += "\nRestarted " + std::to_string(status.restarts) + " time(s) since the desktop started";
  if (!status.error.empty()) detail += "\n" + status.error;
  detail_->SetLabel(Wx(detail));
  detail_->Wrap(GetClientSize().GetWidth() - 16);
  const bool refused = status.state == PluginState::kRefused;
  enable_->Enable(!refused && (status.state == PluginState::kDisabled || status.state == PluginState::kFailed ||
                               status.state == PluginState::kStopped));
  disable_->Enable(!refused && status.state != PluginState::kDisabled);
  move_->SetLabel(status.mode == plugins::RunMode::kInProcess ? "Run in &own process" : "Run in the des&ktop");
  move_->Enable(!refused);
  Layout();
}

}  // namespace journeydesk::agent::ui
