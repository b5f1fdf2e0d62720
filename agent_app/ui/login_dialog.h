#pragma once
// Asks for journeyd's address, the token file and — for TLS — the CA file when the command
// line did not give them. Session::Create checks them before the dialog closes: the token
// file readable by its owner only, the CA file a PEM certificate, and no plain text to a
// non-loopback address unless `allow_insecure_remote` (the command line's flag).

#include <wx/dialog.h>
#include <wx/filepicker.h>
#include <wx/textctrl.h>

#include "core/session.h"

namespace journeydesk::agent::ui {

class LoginDialog : public wxDialog {
 public:
  LoginDialog(wxWindow* parent, const wxString& server, const wxString& token_file, const wxString& tls_ca = {},
              bool allow_insecure_remote = false);
  // Valid after ShowModal() returned wxID_OK.
  const Session& session() const { return session_; }

 private:
  void OnOk(wxCommandEvent& event);

  wxTextCtrl* server_;
  wxFilePickerCtrl* token_file_;
  wxFilePickerCtrl* tls_ca_;
  bool allow_insecure_remote_;
  Session session_;
};

}  // namespace journeydesk::agent::ui
