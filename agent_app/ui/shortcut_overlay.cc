#include "ui/shortcut_overlay.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace journeydesk::agent::ui {
namespace {

// Appends the menu's items with an accelerator (and those of its submenus) to `shortcuts`.
void CollectShortcuts(const wxMenu& menu, const wxString& group, std::vector<Shortcut>& shortcuts) {
  for (const wxMenuItem* item : menu.GetMenuItems()) {
    if (item->IsSubMenu()) {
      CollectShortcuts(*item->GetSubMenu(), group, shortcuts);
      continue;
    }
    if (item->IsSeparator()) continue;
    const wxString accel = item->GetItemLabel().AfterFirst('\t');
    if (accel.empty()) continue;
    shortcuts.push_back({accel.utf8_string(), item->GetItemLabelText().utf8_string(), group.utf8_string()});
  }
}

}  // namespace

ShortcutOverlay::ShortcutOverlay(wxWindow* parent, const wxMenuBar& menus)
    : wxDialog(parent, wxID_ANY, "Keyboard shortcuts", wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
  SetName("Keyboard shortcuts");
  auto* list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(620, 520)),
                              wxLC_REPORT | wxLC_SINGLE_SEL);
  list->SetName("Shortcuts");
  list->InsertColumn(0, "Keys", wxLIST_FORMAT_LEFT, FromDIP(150));
  list->InsertColumn(1, "Action", wxLIST_FORMAT_LEFT, FromDIP(330));
  list->InsertColumn(2, "Menu", wxLIST_FORMAT_LEFT, FromDIP(110));
  for (size_t i = 0; i < menus.GetMenuCount(); ++i) {
    CollectShortcuts(*menus.GetMenu(i), wxMenuItem::GetLabelText(menus.GetMenuLabel(i)), shortcuts_);
  }
  for (const Shortcut& shortcut : shortcuts_) {
    const long row = list->InsertItem(list->GetItemCount(), wxString::FromUTF8(shortcut.keys));
    list->SetItem(row, 1, wxString::FromUTF8(shortcut.action));
    list->SetItem(row, 2, wxString::FromUTF8(shortcut.menu));
  }
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* hint = new wxStaticText(this, wxID_ANY,
                                "Tab moves between the inbox, the journey, next steps and the workspace. "
                                "Esc or F1 closes this list.");
  sizer->Add(hint, 0, wxALL, FromDIP(8));
  sizer->Add(list, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
  SetSizerAndFit(sizer);
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) {
    if (event.GetKeyCode() == WXK_ESCAPE || event.GetKeyCode() == WXK_F1) {
      EndModal(wxID_CANCEL);
      return;
    }
    event.Skip();
  });
  list->SetFocus();
}

}  // namespace journeydesk::agent::ui
