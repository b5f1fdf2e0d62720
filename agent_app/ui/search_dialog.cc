#include "ui/search_dialog.h"

#include <wx/sizer.h>

namespace journeydesk::agent::ui {
namespace {

wxString Utf8(const std::string& text) { return wxString::FromUTF8(text.data(), text.size()); }

}  // namespace

SearchDialog::SearchDialog(wxWindow* parent, std::function<void(std::string, uint64_t)> search)
    : wxDialog(parent, wxID_ANY, "Find a customer", wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      search_(std::move(search)),
      debounce_(this) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* hint = new wxStaticText(this, wxID_ANY, "Name, email, phone, chat handle or customer id:");
  query_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
  query_->SetName("Customer search");
  matches_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(520, 260)));
  matches_->SetName("Matching customers");
  status_ = new wxStaticText(this, wxID_ANY, Utf8("Type at least 2 characters. ↑/↓ choose, Enter opens, Esc closes."));
  sizer->Add(hint, 0, wxALL, FromDIP(8));
  sizer->Add(query_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
  sizer->Add(matches_, 1, wxEXPAND | wxALL, FromDIP(8));
  sizer->Add(status_, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
  SetSizerAndFit(sizer);
  query_->Bind(wxEVT_TEXT, &SearchDialog::OnText, this);
  Bind(wxEVT_CHAR_HOOK, &SearchDialog::OnCharHook, this);
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
    const std::string query = query_->GetValue().utf8_string();
    if (query.size() < 2) return;
    status_->SetLabel(Utf8("Searching…"));
    search_(query, ++last_request_id_);
  });
  matches_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { Accept(); });
  query_->SetFocus();
}

void SearchDialog::OnText(wxCommandEvent&) { debounce_.StartOnce(150); }

bool SearchDialog::ShowResults(const SearchResults& results) {
  if (results.request_id != last_request_id_) return false;  // an older query
  matches_->Clear();
  match_ids_.clear();
  if (!results.error.empty()) {
    status_->SetLabel(Utf8(results.error));
    return true;
  }
  for (const v1::CustomerMatch& match : results.matches) {
    wxString line = Utf8(match.customer().display_name()) + Utf8("  —  ") + Utf8(match.customer().id());
    if (match.matched_field() != "name" && match.matched_field() != "id") {
      line += "  (" + Utf8(match.matched_field()) + ": " + Utf8(match.matched_value()) + ")";
    }
    matches_->Append(line);
    match_ids_.push_back(match.customer().id());
  }
  if (!match_ids_.empty()) matches_->SetSelection(0);
  status_->SetLabel(match_ids_.empty() ? wxString("No customer matches.")
                                       : wxString::Format("%zu match%s. Enter opens the highlighted one.",
                                                          match_ids_.size(), match_ids_.size() == 1 ? "" : "es"));
  return true;
}

void SearchDialog::OnCharHook(wxKeyEvent& event) {
  const int count = static_cast<int>(matches_->GetCount());
  int selection = matches_->GetSelection();
  switch (event.GetKeyCode()) {
    case WXK_DOWN:
      if (count > 0) matches_->SetSelection(selection < 0 ? 0 : std::min(selection + 1, count - 1));
      return;
    case WXK_UP:
      if (count > 0) matches_->SetSelection(selection <= 0 ? 0 : selection - 1);
      return;
    case WXK_RETURN:
    case WXK_NUMPAD_ENTER:
      Accept();
      return;
    default:
      event.Skip();
  }
}

void SearchDialog::Accept() {
  const int selection = matches_->GetSelection();
  if (selection < 0 || selection >= static_cast<int>(match_ids_.size())) {
    // Enter before the results arrived: search now instead of waiting for the pause.
    debounce_.Stop();
    const std::string query = query_->GetValue().utf8_string();
    if (query.size() >= 2) search_(query, ++last_request_id_);
    return;
  }
  chosen_ = match_ids_[selection];
  EndModal(wxID_OK);
}

}  // namespace journeydesk::agent::ui
