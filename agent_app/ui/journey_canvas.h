#pragma once
// The journey canvas: paints a JourneyMapViewModel (stage columns × channel lanes, marks,
// NPS heat strip, current stage), shows a touchpoint's summary on hover, selects on click
// or with the arrow keys. Main thread only.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <wx/dc.h>
#include <wx/scrolwin.h>

#include "core/journey_map_view_model.h"

namespace journeydesk::agent::ui {

class JourneyCanvas : public wxScrolledCanvas {
 public:
  explicit JourneyCanvas(wxWindow* parent);

  // Lays the journey out for the current size and repaints; nullptr shows the empty state.
  void SetJourney(std::shared_ptr<const v1::Journey> journey);
  void SetTimeWindow(const TimeWindow& window);
  void SetEmptyText(const wxString& text);
  // Rings these touchpoints (by id) — a next step's evidence — and scrolls the first into
  // view; empty clears. Kept across journey reloads.
  void SetHighlighted(std::vector<std::string> touchpoint_ids);
  // Selects a touchpoint (timeline index) without notifying; nullopt clears.
  void Select(std::optional<int> timeline_index);
  const JourneyMapViewModel* model() const { return model_ ? &*model_ : nullptr; }

  // Called when the user selects a touchpoint on the canvas.
  std::function<void(int timeline_index)> on_select;
  // Called after each paint that showed a journey.
  std::function<void()> on_painted;

  // Paints `model` into `dc` (content coordinates); used for the window and for offscreen
  // rendering (screenshots, the paint benchmark).
  // `highlighted`: timeline indices to ring as evidence. Main thread only: marks are copied
  // from images shared by every call and made on first use (ui/mark_sprites.h).
  static void Render(wxDC& dc, const JourneyMapViewModel& model, std::optional<int> selected,
                     std::optional<int> hovered, const std::vector<int>& highlighted = {});

 private:
  void Relayout();
  void ResolveHighlighted();
  void OnPaint(wxPaintEvent& event);
  void OnSize(wxSizeEvent& event);
  void OnMotion(wxMouseEvent& event);
  void OnLeave(wxMouseEvent& event);
  void OnClick(wxMouseEvent& event);
  void OnKey(wxKeyEvent& event);

  std::shared_ptr<const v1::Journey> journey_;
  TimeWindow window_;
  std::optional<JourneyMapViewModel> model_;
  wxSize model_size_;  // the client size model_ was laid out for
  std::optional<int> selected_;
  std::optional<int> hovered_;
  wxString empty_text_;
  std::vector<std::string> highlighted_ids_;
  std::vector<int> highlighted_;  // timeline indices of highlighted_ids_ in journey_
};

}  // namespace journeydesk::agent::ui
