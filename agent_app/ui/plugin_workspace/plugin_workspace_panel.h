#pragma once
// The channel workspace of the active contact, rendered from its plugin's declarative
// WorkspaceView: header with badge and timer, notices, fields, transcript with the
// customer's status, a composer with templates, choices (wrap-up codes, transfer targets)
// and action buttons with their keyboard shortcuts (a "keypad" group as a 3×4 grid). Every
// plugin's workspace looks and behaves alike because this one class draws them all.
//
// Pressing an action (button, shortcut, Enter in a one-line composer) calls on_action with
// the contact, the action id and every input's value; the desktop hands that to
// PluginHost::InvokeAction on its worker thread. What the agent typed is kept across views
// of the same contact unless the plugin bumps the input's revision.
//
// Main thread only. Owns no plugin or host object.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include <wx/panel.h>
#include <wx/timer.h>

#include "journeydesk/plugin/v1/plugin.pb.h"

class wxBoxSizer;
class wxChoice;
class wxStaticText;
class wxTextCtrl;
class wxButton;

namespace journeydesk::agent::ui {

class PluginWorkspacePanel : public wxPanel {
 public:
  explicit PluginWorkspacePanel(wxWindow* parent);
  ~PluginWorkspacePanel() override;

  // Shows `view` in place of what was shown.
  void ShowView(const plugin::v1::WorkspaceView& view);
  // No contact: a centred line of text instead of a workspace.
  void ShowEmpty(const std::string& text);
  // A line from the desktop above the plugin's notices (a plugin restarted, an action not
  // carried out); cleared by the next ShowView of another contact.
  void SetHostNotice(const std::string& text, bool problem);

  // The inputs' current values by id (composer, editable fields, choices).
  std::map<std::string, std::string> FormValues() const;
  // Presses action `action_id` as the agent would (false when absent or disabled).
  bool InvokeAction(const std::string& action_id);
  const std::string& contact_id() const { return view_.contact_id(); }
  const plugin::v1::WorkspaceView& view() const { return view_; }

  std::function<void(const plugin::v1::ActionInvoked& action)> on_action;

 private:
  struct Input {
    wxTextCtrl* text = nullptr;
    wxChoice* choice = nullptr;
    std::vector<std::string> option_ids;  // for choices
    int revision = 0;
  };

  void Rebuild(const std::map<std::string, std::string>& kept);
  void AddHeader(wxBoxSizer* sizer);
  void AddNotices(wxBoxSizer* sizer);
  void AddFields(wxBoxSizer* sizer, const std::map<std::string, std::string>& kept);
  void AddTranscript(wxBoxSizer* sizer);
  void AddComposer(wxBoxSizer* sizer, const std::map<std::string, std::string>& kept);
  void AddChoices(wxBoxSizer* sizer, const std::map<std::string, std::string>& kept);
  void AddActions(wxBoxSizer* sizer);
  void InstallShortcuts();
  void UpdateTimer();

  plugin::v1::WorkspaceView view_;
  std::string host_notice_;
  bool host_notice_problem_ = false;
  std::map<std::string, Input> inputs_;
  std::map<int, std::string> action_by_window_id_;
  wxStaticText* timer_label_ = nullptr;
  wxTimer clock_;
};

// "m:ss" below an hour, "h:mm:ss" above.
std::string FormatElapsed(int64_t elapsed_ms);

}  // namespace journeydesk::agent::ui
