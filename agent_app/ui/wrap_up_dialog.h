#pragma once
// The wrap-up: one of the configured codes (journeyd's list, shown by name) and notes. Enter
// in the list moves to the notes; Ctrl+Enter or OK finishes; nothing is sent without a code.
// Main thread only.

#include <string>
#include <vector>

#include <wx/dialog.h>
#include <wx/listbox.h>
#include <wx/textctrl.h>

#include "journeydesk/v1/contact_center.pb.h"

namespace journeydesk::agent::ui {

class WrapUpDialog : public wxDialog {
 public:
  WrapUpDialog(wxWindow* parent, const std::string& contact_title, std::vector<v1::WrapUpCode> codes);
  // After ShowModal() == wxID_OK.
  std::string code() const;
  std::string notes() const;

 private:
  void OnOk();

  std::vector<v1::WrapUpCode> codes_;
  wxListBox* list_;
  wxTextCtrl* notes_;
};

}  // namespace journeydesk::agent::ui
