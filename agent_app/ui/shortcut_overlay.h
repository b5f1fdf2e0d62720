#pragma once
// The F1 help overlay: every keyboard shortcut of the window, read from its menu bar (the one
// place shortcuts are defined), grouped by menu. Esc or F1 closes it. Main thread only.

#include <wx/dialog.h>
#include <wx/menu.h>

namespace journeydesk::agent::ui {

class ShortcutOverlay : public wxDialog {
 public:
  ShortcutOverlay(wxWindow* parent, const wxMenuBar& menus);
};

}  // namespace journeydesk::agent::ui
