#include "ui/wrap_up_dialog.h"

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "absl/strings/str_cat.h"

namespace journeydesk::agent::ui {
namespace {

wxString Utf8(const std::string& text) { return wxString::FromUTF8(text.data(), text.size()); }

}  // namespace

WrapUpDialog::WrapUpDialog(wxWindow* parent, const std::string& contact_title, std::vector<v1::WrapUpCode> codes)
    : wxDialog(parent, wxID_ANY, "Wrap up", wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      codes_(std::move(codes)) {
  SetName("Wrap up");
  const int gap = FromDIP(8);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(new wxStaticText(this, wxID_ANY, Utf8(absl::StrCat("Wrap up ", contact_title))), 0, wxALL, gap);
  auto* code_label = new wxStaticText(this, wxID_ANY, "&Outcome");
  list_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(360, 150)));
  list_->SetName("Wrap-up code");
  for (const v1::WrapUpCode& code : codes_) list_->Append(Utf8(code.name().empty() ? code.code() : code.name()));
  if (!codes_.empty()) list_->SetSelection(0);
  auto* notes_label = new wxStaticText(this, wxID_ANY, "&Notes (on the customer's journey)");
  notes_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(360, 90)), wxTE_MULTILINE | wxTE_WORDWRAP);
  notes_->SetName("Wrap-up notes");
  sizer->Add(code_label, 0, wxLEFT | wxRIGHT, gap);
  sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
  sizer->Add(notes_label, 0, wxLEFT | wxRIGHT, gap);
  sizer->Add(notes_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
  sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, gap);
  SetSizerAndFit(sizer);
  if (auto* ok = FindWindow(wxID_OK)) static_cast<wxButton*>(ok)->SetLabel("&Complete");

  list_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { notes_->SetFocus(); });
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) {
    const bool enter = event.GetKeyCode() == WXK_RETURN || event.GetKeyCode() == WXK_NUMPAD_ENTER;
    if (enter && event.ControlDown()) {
      OnOk();
      return;
    }
    if (enter && FindFocus() == list_) {
      notes_->SetFocus();
      return;
    }
    event.Skip();
  });
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnOk(); }, wxID_OK);
  list_->SetFocus();
}

void WrapUpDialog::OnOk() {
  if (list_->GetSelection() == wxNOT_FOUND) {
    wxMessageBox("Choose how the contact ended: the wrap-up needs an outcome.", "Wrap up", wxOK | wxICON_INFORMATION, this);
    return;
  }
  EndModal(wxID_OK);
}

std::string WrapUpDialog::code() const {
  const int index = list_->GetSelection();
  return index == wxNOT_FOUND ? std::string() : codes_[index].code();
}

std::string WrapUpDialog::notes() const { return notes_->GetValue().Trim().Trim(false).utf8_string(); }

}  // namespace journeydesk::agent::ui
