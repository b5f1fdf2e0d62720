#pragma once
// Plugins…: every channel plugin the desktop found, with its version, state, where it runs
// (in the desktop or its own process), restarts, and the reason when it was refused or
// failed; Enable / Disable for the selected one. Shows PluginStatus snapshots; changes go
// out through on_set_enabled (the desktop calls PluginHost::SetEnabled on its worker thread
// and feeds the resulting statuses back with UpdateStatuses). Main thread only.

#include <functional>
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "core/plugin_host/plugin_state.h"

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace journeydesk::agent::ui {

class PluginManagerDialog : public wxDialog {
 public:
  PluginManagerDialog(wxWindow* parent, std::vector<plugins::PluginStatus> statuses);

  // Replaces the list (or the one row of a status whose id is already shown).
  void UpdateStatuses(const std::vector<plugins::PluginStatus>& statuses);
  void UpdateStatus(const plugins::PluginStatus& status);
  int row_count() const;

  std::function<void(const std::string& plugin_id, bool enabled)> on_set_enabled;

 private:
  void Refill();
  void ShowSelected();
  int Selected() const;

  std::vector<plugins::PluginStatus> statuses_;
  wxListCtrl* list_;
  wxStaticText* detail_;
  wxButton* enable_;
  wxButton* disable_;
};

}  // namespace journeydesk::agent::ui
