#include "ui/touchpoint_details.h"

#include <wx/sizer.h>

#include "ui/ui_palette.h"

namespace journeydesk::agent::ui {

TouchpointDetails::TouchpointDetails(wxWindow* parent, const wxString& hint) : wxPanel(parent, wxID_ANY) {
  SetName("Selected touchpoint");
  SetBackgroundColour(*wxWHITE);
  hint_ = new wxStaticText(this, wxID_ANY, hint);
  hint_->SetForegroundColour(MutedText());
  hint_->Wrap(FromDIP(210));
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(hint_, 0, wxALL, FromDIP(8));
  SetSizer(sizer);
}

void TouchpointDetails::ShowText(const wxString& text) {
  if (text_ == nullptr) {
    text_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize,
                           wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2);
    text_->SetName("Selected touchpoint text");
    GetSizer()->Add(text_, 1, wxEXPAND | wxLEFT, FromDIP(4));
  }
  text_->ChangeValue(text);
  if (hint_->IsShown()) {
    hint_->Hide();
    text_->Show();
    Layout();
  }
}

void TouchpointDetails::ShowHint() {
  if (hint_->IsShown()) return;
  if (text_ != nullptr) text_->Hide();
  hint_->Show();
  Layout();
}

}  // namespace journeydesk::agent::ui
