#include "ui/login_dialog.h"

#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace journeydesk::agent::ui {

LoginDialog::LoginDialog(wxWindow* parent, const wxString& server, const wxString& token_file,
                         const wxString& tls_ca, bool allow_insecure_remote)
    : wxDialog(parent, wxID_ANY, "Sign in to JourneyDesk"), allow_insecure_remote_(allow_insecure_remote) {
  auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 8)));
  grid->AddGrowableCol(1);
  server_ = new wxTextCtrl(this, wxID_ANY, server.empty() ? wxString("127.0.0.1:50051") : server);
  server_->SetName("Server address");
  token_file_ = new wxFilePickerCtrl(this, wxID_ANY, token_file, "Choose your token file", "*",
                                     wxDefaultPosition, FromDIP(wxSize(360, -1)),
                                     wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
  token_file_->SetName("Token file");
  tls_ca_ = new wxFilePickerCtrl(this, wxID_ANY, tls_ca, "Choose journeyd's CA certificate (PEM)",
                                 "PEM certificates (*.pem;*.crt)|*.pem;*.crt|All files|*", wxDefaultPosition,
                                 FromDIP(wxSize(360, -1)), wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
  tls_ca_->SetName("TLS CA file");
  grid->Add(new wxStaticText(this, wxID_ANY, "&Server (host:port):"), 0, wxALIGN_CENTER_VERTICAL);
  grid->Add(server_, 1, wxEXPAND);
  grid->Add(new wxStaticText(this, wxID_ANY, "&Token file:"), 0, wxALIGN_CENTER_VERTICAL);
  grid->Add(token_file_, 1, wxEXPAND);
  grid->Add(new wxStaticText(this, wxID_ANY, "TLS &CA file:"), 0, wxALIGN_CENTER_VERTICAL);
  grid->Add(tls_ca_, 1, wxEXPAND);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(grid, 1, wxEXPAND | wxALL, FromDIP(12));
  sizer->Add(new wxStaticText(this, wxID_ANY,
                              "Your administrator gives you the token file (jdctl token create).\n"
                              "Keep it readable by you only: chmod 600 FILE.\n"
                              "Give the TLS CA file for any journeyd not on this computer."),
             0, wxLEFT | wxRIGHT, FromDIP(12));
  sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(12));
  SetSizerAndFit(sizer);
  Bind(wxEVT_BUTTON, &LoginDialog::OnOk, this, wxID_OK);
}

void LoginDialog::OnOk(wxCommandEvent&) {
  auto session = Session::Create(server_->GetValue().utf8_string(), token_file_->GetPath().utf8_string(),
                                 {.tls_ca_file = tls_ca_->GetPath().utf8_string(),
                                  .allow_insecure_remote = allow_insecure_remote_});
  if (!session.ok()) {
    wxMessageBox(wxString::FromUTF8(std::string(session.status().message())), "Cannot sign in",
                 wxOK | wxICON_WARNING, this);
    return;
  }
  session_ = *std::move(session);
  EndModal(wxID_OK);
}

}  // namespace journeydesk::agent::ui
