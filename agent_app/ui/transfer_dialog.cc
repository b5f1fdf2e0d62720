#include "ui/transfer_dialog.h"

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace journeydesk::agent::ui {
namespace {

wxString Utf8(const std::string& text) { return wxString::FromUTF8(text.data(), text.size()); }

}  // namespace

TransferDialog::TransferDialog(wxWindow* parent, const std::string& contact_id, const std::string& default_queue)
    : wxDialog(parent, wxID_ANY, "Transfer contact"), contact_id_(contact_id) {
  SetName("Transfer contact");
  const int gap = FromDIP(8);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  to_queue_ = new wxRadioButton(this, wxID_ANY, "To a &queue (waits there at its original position)",
                                wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
  to_agent_ = new wxRadioButton(this, wxID_ANY, "To an &agent who is available now");
  target_ = new wxTextCtrl(this, wxID_ANY, Utf8(default_queue), wxDefaultPosition, FromDIP(wxSize(320, -1)));
  target_->SetName("Transfer target: queue name or agent id");
  note_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(320, 60)), wxTE_MULTILINE);
  note_->SetName("Note for whoever takes it");
  sizer->Add(to_queue_, 0, wxLEFT | wxRIGHT | wxTOP, gap);
  sizer->Add(to_agent_, 0, wxLEFT | wxRIGHT | wxTOP, gap);
  sizer->Add(new wxStaticText(this, wxID_ANY, "&Queue name or agent id"), 0, wxLEFT | wxRIGHT | wxTOP, gap);
  sizer->Add(target_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
  sizer->Add(new wxStaticText(this, wxID_ANY, "&Note"), 0, wxLEFT | wxRIGHT | wxTOP, gap);
  sizer->Add(note_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
  sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, gap);
  SetSizerAndFit(sizer);
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnOk(); }, wxID_OK);
  target_->SetFocus();
  target_->SelectAll();
}

void TransferDialog::OnOk() {
  if (target_->GetValue().Trim().Trim(false).IsEmpty()) {
    wxMessageBox(to_queue_->GetValue() ? "Name the queue to transfer to." : "Give the id of the agent to transfer to.",
                 "Transfer contact", wxOK | wxICON_INFORMATION, this);
    return;
  }
  EndModal(wxID_OK);
}

v1::TransferContactRequest TransferDialog::request() const {
  v1::TransferContactRequest request;
  request.set_contact_id(contact_id_);
  const std::string target = target_->GetValue().Trim().Trim(false).utf8_string();
  if (to_queue_->GetValue()) {
    request.set_queue(target);
  } else {
    request.set_agent_id(target);
  }
  request.set_note(note_->GetValue().Trim().utf8_string());
  return request;
}

}  // namespace journeydesk::agent::ui
