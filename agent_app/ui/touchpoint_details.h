#pragma once
// The selected touchpoint's details, below the canvas beside the timeline: read-only text the
// agent can select and copy (an order number, a contact id). Until a touchpoint is selected it
// shows a hint, and the text view (a GtkTextView: about 5 ms of the desktop's start, measured
// with tests/bench/desktop_bench) is built only then. Main thread only.

#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace journeydesk::agent::ui {

class TouchpointDetails : public wxPanel {
 public:
  TouchpointDetails(wxWindow* parent, const wxString& hint);

  // Shows `text` (building the text view the first time).
  void ShowText(const wxString& text);
  // Back to the hint (no touchpoint selected).
  void ShowHint();

 private:
  wxStaticText* hint_;
  wxTextCtrl* text_ = nullptr;  // built on the first ShowText
};

}  // namespace journeydesk::agent::ui
