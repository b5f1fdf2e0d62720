#pragma once
// The queue board: one painted row per queue — a service-level colour strip and tint, the
// queue, waiting and oldest wait, service level 15 / 60 min against target, abandoned %,
// agents available / busy / wrap-up / away, and a trend sparkline (waiting as bars, service
// level as a line against the target). Focusable: ↑/↓ (Home/End) select a row; the row's
// sentence (QueueRow::Describe) becomes the control's help text and tooltip, so screen
// readers and hover both read it. Main thread only; `model` is not owned and must outlive
// the panel.

#include <optional>

#include <wx/panel.h>

#include "core/supervisor/queue_board_view_model.h"

namespace journeydesk::agent::ui::supervisor_ui {

class QueueBoardPanel : public wxPanel {
 public:
  QueueBoardPanel(wxWindow* parent, const agent::supervisor::QueueBoardViewModel* model);
  // The model changed: repaint and refresh the accessible text.
  void ModelChanged();
  // Paints the board into `dc` over `size` (also used offscreen).
  void Render(wxDC& dc, const wxSize& size) const;
  wxSize DoGetBestClientSize() const override;

 private:
  void OnPaint(wxPaintEvent& event);
  void OnKey(wxKeyEvent& event);
  void OnClick(wxMouseEvent& event);
  void OnMotion(wxMouseEvent& event);
  void Select(std::optional<size_t> row);
  void UpdateAccessibleText();
  int HeaderHeight() const;
  int RowHeight() const;
  std::optional<size_t> RowAt(int y) const;

  const agent::supervisor::QueueBoardViewModel* model_;
  std::optional<size_t> selected_;
  size_t laid_out_rows_ = 0;
};

}  // namespace journeydesk::agent::ui::supervisor_ui
