#pragma once
// The staffing advice of the supervisor window: per queue the measured load, agents assigned
// and Erlang C agents needed; journeyd's moves in its own words with the agents it names;
// "Apply advice" (Ctrl+Shift+A) and "Move agent…" (Ctrl+G) buttons; and the outcome of the
// last change. The buttons only call back; the frame does the work. Main thread only.

#include <functional>
#include <string>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/stattext.h>

#include "core/supervisor/queue_board_view_model.h"

namespace journeydesk::agent::ui::supervisor_ui {

class StaffingAdvicePanel : public wxPanel {
 public:
  explicit StaffingAdvicePanel(wxWindow* parent);
  void ShowAdvice(const agent::supervisor::QueueBoardViewModel& model);
  // The outcome line under the buttons; `problem` shows it in the breach colour.
  void ShowOutcome(const std::string& text, bool problem);
  // While a change is under way the Apply button is disabled.
  void SetApplying(bool applying);

  std::function<void()> on_apply;
  std::function<void()> on_move_agent;

 private:
  void UpdateApplyButton();

  wxListCtrl* queues_ = nullptr;
  wxListCtrl* moves_ = nullptr;
  wxButton* apply_ = nullptr;
  wxButton* move_ = nullptr;
  wxStaticText* outcome_ = nullptr;
  bool applying_ = false;
  bool has_requests_ = false;
};

}  // namespace journeydesk::agent::ui::supervisor_ui
