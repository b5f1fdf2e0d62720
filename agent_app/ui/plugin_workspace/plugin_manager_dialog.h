#pragma once
// Plugins…: every channel plugin the desktop found, with its version, state, where it runs
// (in the desktop or its own process), restarts, and the reason when it was refused or
// failed; Enable / Disable and "Run in own process" / "Run in the desktop" for the selected
// one — kept between runs by the host's settings file. Shows PluginStatus snapshots; changes
// go out through on_set_enabled / on_set_run_mode (the desktop calls PluginHost::SetEnabled /
// SetRunMode on its worker thread and feeds the resulting statuses back with UpdateStatus).
// Main thread only.

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
  std::function<void(const std::string& plugin_id, plugins::RunMode mode)> on_set_run_mode;

 private:
  void Refill();
  void ShowSelected();
  int Selected() const;

  std::vector<plugins::PluginStatus> statuses_;
  wxListCtrl* list_;
  wxStaticText* detail_;
  wxButton* enable_;
  wxButton* disable_;
  wxButton* move_;  // to the other run mode
};

}  // namespace journeydesk::agent::ui
