#include "ui/timeline_list.h"

#include "absl/time/time.h"
#include "absl/strings/str_cat.h"
#include "core/pending_touchpoints.h"
#include "core/proto_time.h"
#include "ui/ui_palette.h"

namespace journeydesk::agent::ui {
namespace {

enum Column { kWhen, kChannel, kStage, kWhat, kSummary };

wxString Utf8(const std::string& text) { return wxString::FromUTF8(text.data(), text.size()); }

}  // namespace

TimelineList::TimelineList(wxWindow* parent)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxLC_HRULES) {
  SetName("Timeline");
  AppendColumn("When", wxLIST_FORMAT_LEFT, FromDIP(138));
  AppendColumn("Channel", wxLIST_FORMAT_LEFT, FromDIP(60));
  AppendColumn("Stage", wxLIST_FORMAT_LEFT, FromDIP(100));
  AppendColumn("What", wxLIST_FORMAT_LEFT, FromDIP(140));
  AppendColumn("Summary", wxLIST_FORMAT_LEFT, FromDIP(260));
  negative_attr_.SetTextColour(ToneColour(MarkTone::kNegative).ChangeLightness(80));
  Bind(wxEVT_LIST_ITEM_SELECTED, &TimelineList::OnSelected, this);
}

void TimelineList::SetModel(const JourneyMapViewModel* model) {
  // The selection follows its touchpoint (by id): rows move when new touchpoints arrive on top.
  std::string selected_id;
  const long selected_row = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  if (journey_ && selected_row >= 0 && selected_row < static_cast<long>(rows_.size())) {
    selected_id = journey_->timeline(rows_[selected_row]).id();
  }
  journey_ = model ? model->shared_journey() : nullptr;
  rows_ = model ? model->visible_timeline() : std::vector<int>();
  tones_.clear();
  for (int index : rows_) tones_.push_back(JourneyMapViewModel::ToneOf(journey_->timeline(index)));
  selecting_ = true;  // not the agent's choice: no on_select
  if (selected_row >= 0) SetItemState(selected_row, 0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
  SetItemCount(static_cast<long>(rows_.size()));
  for (size_t row = 0; row < rows_.size() && !selected_id.empty(); ++row) {
    if (journey_->timeline(rows_[row]).id() != selected_id) continue;
    SetItemState(static_cast<long>(row), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    break;
  }
  selecting_ = false;
  Refresh();
}

void TimelineList::SelectTimelineIndex(int timeline_index) {
  for (size_t row = 0; row < rows_.size(); ++row) {
    if (rows_[row] != timeline_index) continue;
    selecting_ = true;
    SetItemState(static_cast<long>(row), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    EnsureVisible(static_cast<long>(row));
    selecting_ = false;
    return;
  }
}

wxString TimelineList::OnGetItemText(long item, long column) const {
  if (!journey_ || item < 0 || item >= static_cast<long>(rows_.size())) return {};
  const v1::Touchpoint& tp = journey_->timeline(rows_[item]);
  switch (column) {
    case kWhen:
      return Utf8(absl::FormatTime("%d %b %Y %H:%M", FromProto(tp.occurred_at()), absl::LocalTimeZone()));
    case kChannel: return Utf8(tp.channel());
    case kStage: {
      wxString stage = Utf8(tp.stage());
      stage.Replace("_", " ");
      return stage;
    }
    case kWhat: {
      wxString kind = Utf8(tp.kind());
      kind.Replace("_", " ");
      return kind;
    }
    case kSummary:
      if (IsPendingTouchpoint(tp)) return Utf8(absl::StrCat("(", kPendingText, ") ", tp.summary()));
      return Utf8(tp.summary());
  }
  return {};
}

wxListItemAttr* TimelineList::OnGetItemAttr(long item) const {
  if (item >= 0 && item < static_cast<long>(tones_.size()) && tones_[item] == MarkTone::kNegative) {
    return &negative_attr_;
  }
  return nullptr;
}

void TimelineList::OnSelected(wxListEvent& event) {
  if (selecting_) return;
  const long row = event.GetIndex();
  if (row >= 0 && row < static_cast<long>(rows_.size()) && on_select) on_select(rows_[row]);
}

}  // namespace journeydesk::agent::ui
