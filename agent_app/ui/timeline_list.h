#pragma once
// The timeline beside the canvas: a virtual list of the touchpoints inside the time window,
// newest first (when, channel, stage, what, summary). Main thread only.

#include <functional>
#include <memory>
#include <vector>

#include <wx/listctrl.h>

#include "core/journey_map_view_model.h"

namespace journeydesk::agent::ui {

class TimelineList : public wxListCtrl {
 public:
  explicit TimelineList(wxWindow* parent);
  // Shows `model`'s visible timeline; keeps a reference to its journey.
  void SetModel(const JourneyMapViewModel* model);
  void SelectTimelineIndex(int timeline_index);
  std::function<void(int timeline_index)> on_select;

 private:
  wxString OnGetItemText(long item, long column) const override;
  wxListItemAttr* OnGetItemAttr(long item) const override;
  void OnSelected(wxListEvent& event);

  std::shared_ptr<const v1::Journey> journey_;
  std::vector<int> rows_;  // timeline indices
  std::vector<MarkTone> tones_;
  mutable wxListItemAttr negative_attr_;
  bool selecting_ = false;
};

}  // namespace journeydesk::agent::ui
