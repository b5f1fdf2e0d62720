#pragma once
// A short list of one-line rows, drawn by itself: the inbox's offers and the agent's contacts.
// One window and no child widgets: a wxListCtrl is a header window, a list window and GTK's
// header renderer, each created, sized and painted on the desktop's start.
//
// Each row: the channel as a small tag, the main text, and a detail right-aligned (the wait, the
// contact's state), on an optional background (the ringing flash). An empty list shows its
// empty text, muted. Keyboard: Up / Down / Home / End / Page keys move the selection (wxVListBox),
// Enter activates; mouse: click selects, double-click activates.
//
// Events: wxEVT_LISTBOX when the agent changes the selection (not when SetRows keeps it), and
// wxEVT_LISTBOX_DCLICK on activation (Enter or double-click), both with the row in GetInt().
// Main thread only.

#include <vector>

#include <wx/colour.h>
#include <wx/string.h>
#include <wx/vlbox.h>

namespace journeydesk::agent::ui {

class RowList : public wxVListBox {
 public:
  struct Row {
    wxString tag;     // the channel
    wxString text;    // the customer
    wxString detail;  // right-aligned: the wait, the state
    wxColour background;  // invalid: the list's own
  };

  RowList(wxWindow* parent, const wxString& name, const wxString& empty_text);

  // Replaces the rows; `selected` (or no selection when < 0 or out of range) is selected
  // without an event.
  void SetRows(std::vector<Row> rows, int selected);
  // Changes one row in place (the ticking wait, the flash); out of range is ignored.
  void SetDetail(size_t row, const wxString& detail);
  void SetRowBackground(size_t row, const wxColour& background);

  size_t RowCount() const { return rows_.size(); }

  // A list box's font and colours, asked of GTK once for all RowLists: wx builds a GTK tree
  // view to ask each time (every GetFont() or paint of a list without its own font).
  wxVisualAttributes GetDefaultAttributes() const override;

 private:
  void OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const override;
  void OnDrawBackground(wxDC& dc, const wxRect& rect, size_t n) const override;
  wxCoord OnMeasureItem(size_t n) const override;
  void OnPaintEmpty(wxPaintEvent& event);
  void OnKey(wxKeyEvent& event);

  std::vector<Row> rows_;
  wxString empty_text_;
  wxCoord row_height_ = 0;
  int tag_width_ = 0;  // the widest tag of the rows
};

}  // namespace journeydesk::agent::ui
