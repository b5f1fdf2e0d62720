#pragma once
// The F1 help overlay: every keyboard shortcut of the window, read from its menu bar (the one
// place shortcuts are defined), grouped by menu. Esc or F1 closes it. Main thread only.

#include <string>
#include <vector>

#include <wx/dialog.h>
#include <wx/menu.h>

namespace journeydesk::agent::ui {

// One row of the overlay: the keys, what they do, and the menu the action is in.
struct Shortcut {
  std::string keys;
  std::string action;
  std::string menu;
};

class ShortcutOverlay : public wxDialog {
 public:
  ShortcutOverlay(wxWindow* parent, const wxMenuBar& menus);
  // The rows listed, in menu order.
  const std::vector<Shortcut>& shortcuts() const { return shortcuts_; }

 private:
  std::vector<Shortcut> shortcuts_;
};

}  // namespace journeydesk::agent::ui
