#include "ui/row_list.h"

#include <algorithm>
#include <utility>

#include <wx/control.h>
#include <wx/dcclient.h>

#include "ui/ui_palette.h"

namespace journeydesk::agent::ui {
namespace {

const wxColour kSelectedFocused(207, 226, 252);
const wxColour kSelected(226, 234, 245);
const wxColour kTagFill(234, 238, 244);

}  // namespace

RowList::RowList(wxWindow* parent, const wxString& name, const wxString& empty_text) : empty_text_(empty_text) {
  // Created here rather than by the base's constructor, so that wx asks our
  // GetDefaultAttributes (asked of GTK once) while creating the window.
  Create(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_THEME, name);
  row_height_ = GetCharHeight() + FromDIP(12);
  SetBackgroundColour(*wxWHITE);
  Bind(wxEVT_PAINT, &RowList::OnPaintEmpty, this);
  Bind(wxEVT_KEY_DOWN, &RowList::OnKey, this);
  // The selection's shade follows the focus.
  Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& event) {
    RefreshAll();
    event.Skip();
  });
  Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& event) {
    RefreshAll();
    event.Skip();
  });
}

wxVisualAttributes RowList::GetDefaultAttributes() const {
  // Kept for the process's life (never destroyed after the toolkit is gone).
  static const auto* const attributes = new wxVisualAttributes(wxVListBox::GetClassDefaultAttributes());
  return *attributes;
}

void RowList::SetRows(std::vector<Row> rows, int selected) {
  rows_ = std::move(rows);
  // One width for every tag, so that the main texts line up.
  tag_width_ = 0;
  for (const Row& row : rows_) {
    if (!row.tag.empty()) tag_width_ = std::max(tag_width_, GetTextExtent(row.tag).x);
  }
  SetItemCount(rows_.size());
  SetSelection(selected >= 0 && selected < static_cast<int>(rows_.size()) ? selected : wxNOT_FOUND);
  RefreshAll();
}

void RowList::SetDetail(size_t row, const wxString& detail) {
  if (row >= rows_.size() || rows_[row].detail == detail) return;
  rows_[row].detail = detail;
  RefreshRow(row);
}

void RowList::SetRowBackground(size_t row, const wxColour& background) {
  if (row >= rows_.size()) return;
  rows_[row].background = background;
  RefreshRow(row);
}

wxCoord RowList::OnMeasureItem(size_t) const { return row_height_; }

void RowList::OnDrawBackground(wxDC& dc, const wxRect& rect, size_t n) const {
  // A row's own background (the ringing flash) wins over the selection's shade, so a selected
  // offer still flashes; the selection then shows as the bar and an outline.
  const bool own = n < rows_.size() && rows_[n].background.IsOk();
  const bool selected = IsSelected(n);
  wxColour fill;
  if (own) {
    fill = rows_[n].background;
  } else if (selected) {
    fill = HasFocus() ? kSelectedFocused : kSelected;
  }
  if (fill.IsOk()) {
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(fill));
    dc.DrawRectangle(rect);
  }
  if (selected) {  // a bar on the left: the selection reads without colour too
    if (own) {
      dc.SetPen(wxPen(CurrentStageAccent()));
      dc.SetBrush(*wxTRANSPARENT_BRUSH);
      dc.DrawRectangle(rect);
    }
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(CurrentStageAccent()));
    dc.DrawRectangle(rect.x, rect.y, FromDIP(3), rect.height);
  }
  dc.SetPen(wxPen(GridLine()));
  dc.DrawLine(rect.GetLeft(), rect.GetBottom(), rect.GetRight() + 1, rect.GetBottom());
}

void RowList::OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const {
  if (n >= rows_.size()) return;
  const Row& row = rows_[n];
  const int pad = FromDIP(8);
  const int text_y = rect.y + (rect.height - dc.GetCharHeight()) / 2;
  int x = rect.x + pad;

  dc.SetFont(GetFont());
  if (!row.tag.empty()) {
    const wxSize tag = dc.GetTextExtent(row.tag);
    const int tag_pad = FromDIP(4);
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(kTagFill));
    dc.DrawRoundedRectangle(x, text_y - FromDIP(1), tag.x + 2 * tag_pad, tag.y + FromDIP(2), FromDIP(3));
    dc.SetTextForeground(MutedText());
    dc.DrawText(row.tag, x + tag_pad, text_y);
    x += std::max(tag.x, tag_width_) + 2 * tag_pad + pad;
  }
  int right = rect.GetRight() - pad;
  if (!row.detail.empty()) {
    const wxSize detail = dc.GetTextExtent(row.detail);
    dc.SetTextForeground(MutedText());
    dc.DrawText(row.detail, right - detail.x, text_y);
    right -= detail.x + pad;
  }
  if (right > x) {
    dc.SetTextForeground(*wxBLACK);
    dc.DrawText(wxControl::Ellipsize(row.text, dc, wxELLIPSIZE_END, right - x), x, text_y);
  }
}

void RowList::OnPaintEmpty(wxPaintEvent& event) {
  if (!rows_.empty() || empty_text_.empty()) {
    event.Skip();  // wxVListBox paints the rows
    return;
  }
  wxPaintDC dc(this);
  dc.SetBackground(wxBrush(GetBackgroundColour()));
  dc.Clear();
  dc.SetFont(GetFont());
  dc.SetTextForeground(MutedText());
  dc.DrawText(wxControl::Ellipsize(empty_text_, dc, wxELLIPSIZE_END, GetClientSize().x - FromDIP(16)), FromDIP(8),
              FromDIP(8));
}

void RowList::OnKey(wxKeyEvent& event) {
  const int key = event.GetKeyCode();
  if ((key != WXK_RETURN && key != WXK_NUMPAD_ENTER) || GetSelection() == wxNOT_FOUND) {
    event.Skip();
    return;
  }
  wxCommandEvent activated(wxEVT_LISTBOX_DCLICK, GetId());
  activated.SetEventObject(this);
  activated.SetInt(GetSelection());
  ProcessWindowEvent(activated);
}

}  // namespace journeydesk::agent::ui
