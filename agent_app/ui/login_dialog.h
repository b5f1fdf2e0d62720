#pragma once
// Asks for journeyd's address and the token file when the command line did not give them.
// The token file is checked (readable by its owner only) before the dialog closes.

#include <wx/dialog.h>
#include <wx/filepicker.h>
#include <wx/textctrl.h>

#include "core/session.h"

namespace journeydesk::agent::ui {

class LoginDialog : public wxDialog {
 public:
  LoginDialog(wxWindow* parent, const wxString& server, const wxString& token_file);
  // Valid after ShowModal() returned wxID_OK.
  const Session& session() const { return session_; }

 private:
  void OnOk(wxCommandEvent& event);

  wxTextCtrl* server_;
  wxFilePickerCtrl* token_file_;
  Session session_;
};

}  // namespace journeydesk::agent::ui
