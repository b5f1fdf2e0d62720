#pragma once
// Customer search (Ctrl+K), keyboard only: type, Up/Down through the matches, Enter opens,
// Escape closes. Queries go out through `search` after a short pause in typing; results come
// back through ShowResults (the frame forwards SearchResults notifications). Main thread only.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <wx/dialog.h>
#include <wx/listbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timer.h>

#include "core/notification_queue.h"

namespace journeydesk::agent::ui {

class SearchDialog : public wxDialog {
 public:
  SearchDialog(wxWindow* parent, std::function<void(std::string query, uint64_t request_id)> search);
  // Lists the results of the newest query; false (nothing changed) for an older query's.
  bool ShowResults(const SearchResults& results);
  // The chosen customer's id after ShowModal() returned wxID_OK.
  const std::string& chosen_customer_id() const { return chosen_; }

 private:
  void OnText(wxCommandEvent& event);
  void OnCharHook(wxKeyEvent& event);
  void Accept();

  std::function<void(std::string, uint64_t)> search_;
  wxTextCtrl* query_;
  wxListBox* matches_;
  wxStaticText* status_;
  wxTimer debounce_;
  uint64_t last_request_id_ = 0;
  std::vector<std::string> match_ids_;
  std::string chosen_;
};

}  // namespace journeydesk::agent::ui
