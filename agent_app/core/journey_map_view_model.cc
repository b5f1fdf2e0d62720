#include "core/journey_map_view_model.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/pending_touchpoints.h"
#include "core/proto_time.h"

namespace journeydesk::agent {
namespace {

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Signals about service failures are urgent (red); the rest are opportunities (neutral).
MarkTone ToneOfSignal(const std::string& code) {
  static const std::set<std::string> kUrgent = {"open_complaint", "payment_failed", "recent_detractor",
                                                "incomplete_onboarding", "repeat_contacts", "channel_switch"};
  return kUrgent.count(code) ? MarkTone::kNegative : MarkTone::kNeutral;
}

}  // namespace

MarkTone JourneyMapViewModel::ToneOf(const v1::Touchpoint& touchpoint) {
  if (touchpoint.outcome() == v1::OUTCOME_UNRESOLVED || touchpoint.outcome() == v1::OUTCOME_ESCALATED ||
      touchpoint.kind() == "complaint" || EndsWith(touchpoint.kind(), "_failed") ||
      touchpoint.sentiment() == v1::SENTIMENT_NEGATIVE || (touchpoint.has_nps() && touchpoint.nps() <= 6)) {
    return MarkTone::kNegative;
  }
  if (touchpoint.outcome() == v1::OUTCOME_RESOLVED || touchpoint.sentiment() == v1::SENTIMENT_POSITIVE ||
      (touchpoint.has_nps() && touchpoint.nps() >= 9)) {
    return MarkTone::kPositive;
  }
  if (touchpoint.sentiment() == v1::SENTIMENT_NEUTRAL || touchpoint.has_nps()) return MarkTone::kNeutral;
  return MarkTone::kUnknown;
}

NpsHeat JourneyMapViewModel::HeatOf(const v1::NpsSummary& nps) {
  if (nps.responses() == 0 || !nps.has_score()) return NpsHeat::kNone;
  if (nps.score() < 0) return NpsHeat::kNegative;
  if (nps.score() < kNpsTarget) return NpsHeat::kBelowTarget;
  return NpsHeat::kOnTarget;
}

JourneyMapViewModel JourneyMapViewModel::Build(std::shared_ptr<const v1::Journey> journey,
                                               const MapGeometry& geometry, const TimeWindow& window) {
  JourneyMapViewModel model;
  model.journey_ = std::move(journey);
  model.window_ = window;
  const v1::Journey& j = *model.journey_;
  const int count = j.timeline_size();

  // Columns: the map's stages in order, then "no stage" when a touchpoint has none we know.
  std::map<std::string, int> column_of_stage;
  for (const v1::StageView& stage : j.stages()) {
    StageColumn column;
    column.stage_id = stage.id();
    column.name = stage.name().empty() ? stage.id() : stage.name();
    column.status = stage.status();
    column.current = stage.status() == v1::STAGE_CURRENT || (!j.current_stage().empty() && stage.id() == j.current_stage());
    column.heat_class = HeatOf(stage.nps());
    if (stage.nps().has_score()) column.nps = stage.nps().score();
    column.nps_responses = stage.nps().responses();
    column.open_issues = stage.open_issues();
    column_of_stage[stage.id()] = static_cast<int>(model.columns_.size());
    model.columns_.push_back(std::move(column));
  }
  std::set<std::string> open_issue_ids;
  for (const v1::StageView& stage : j.stages()) {
    open_issue_ids.insert(stage.open_issue_touchpoint_ids().begin(), stage.open_issue_touchpoint_ids().end());
  }
  std::set<std::string> evidence_ids;
  for (const v1::LiveSignal& signal : j.signals()) {
    evidence_ids.insert(signal.evidence_touchpoint_ids().begin(), signal.evidence_touchpoint_ids().end());
    model.badges_.push_back(Badge{signal.code(), signal.text(), ToneOfSignal(signal.code())});
  }

  // Lanes: the journey's channels (most used first), then any other channel seen.
  std::map<std::string, int> lane_of_channel;
  auto add_lane = [&](const std::string& channel) {
    if (lane_of_channel.count(channel)) return;
    lane_of_channel[channel] = static_cast<int>(model.lanes_.size());
    model.lanes_.push_back(ChannelLane{channel, {}, {}, 0});
  };
  for (const std::string& channel : j.channels()) add_lane(channel);
  int no_stage_column = -1;
  std::vector<std::pair<int, int>> cell_of(count, {-1, -1});
  // Oldest first, so marks fill each cell in time order.
  for (int i = count - 1; i >= 0; --i) {
    const v1::Touchpoint& tp = j.timeline(i);
    add_lane(tp.channel());
    if (!window.Contains(FromProto(tp.occurred_at()))) continue;
    int column;
    if (auto it = column_of_stage.find(tp.stage()); it != column_of_stage.end()) {
      column = it->second;
    } else {
      if (no_stage_column < 0) {
        no_stage_column = static_cast<int>(model.columns_.size());
        StageColumn other;
        other.name = "No stage";
        model.columns_.push_back(std::move(other));
      }
      column = no_stage_column;
    }
    cell_of[i] = {column, lane_of_channel[tp.channel()]};
  }
  for (int i = 0; i < count; ++i) {
    if (cell_of[i].first >= 0) model.visible_timeline_.push_back(i);
  }

  // Geometry.
  const int columns = std::max<int>(1, model.columns_.size());
  const int lanes = std::max<int>(1, model.lanes_.size());
  const int top = geometry.header_height + geometry.heat_height;
  const int column_width =
      std::max(geometry.min_column_width, (geometry.width - geometry.lane_label_width) / columns);
  const int lane_height =
      std::max(geometry.min_lane_height, std::min(geometry.max_lane_height, (geometry.height - top) / lanes));
  model.content_width_ = geometry.lane_label_width + column_width * static_cast<int>(model.columns_.size());
  model.content_height_ = top + lane_height * static_cast<int>(model.lanes_.size());
  for (size_t c = 0; c < model.columns_.size(); ++c) {
    StageColumn& column = model.columns_[c];
    const int x = geometry.lane_label_width + static_cast<int>(c) * column_width;
    column.header = Rect{x, 0, column_width, geometry.header_height};
    column.heat = Rect{x, geometry.header_height, column_width, geometry.heat_height};
    column.body = Rect{x, top, column_width, lane_height * static_cast<int>(model.lanes_.size())};
  }
  for (size_t l = 0; l < model.lanes_.size(); ++l) {
    const int y = top + static_cast<int>(l) * lane_height;
    model.lanes_[l].label = Rect{0, y, geometry.lane_label_width, lane_height};
    model.lanes_[l].body = Rect{geometry.lane_label_width, y, model.content_width_ - geometry.lane_label_width,
                                lane_height};
  }

  // Marks: packed left to right, top to bottom in each cell, oldest first; the pitch shrinks
  // (marks overlap) when a cell holds more than fits.
  std::map<std::pair<int, int>, std::vector<int>> cells;
  for (int i = count - 1; i >= 0; --i) {
    if (cell_of[i].first >= 0) cells[cell_of[i]].push_back(i);
  }
  model.mark_of_timeline_.assign(count, -1);
  const int inner_width = std::max(1, column_width - 2 * geometry.cell_padding);
  const int inner_height = std::max(1, lane_height - 2 * geometry.cell_padding);
  const int radius = geometry.mark_diameter / 2;
  for (const auto& [cell, indices] : cells) {
    const auto [c, l] = cell;
    model.columns_[c].shown_touchpoints += static_cast<int>(indices.size());
    model.lanes_[l].shown_touchpoints += static_cast<int>(indices.size());
    const int n = static_cast<int>(indices.size());
    double pitch = geometry.mark_diameter + geometry.mark_gap;
    auto rows_needed = [&](double p) {
      const int per_row = std::max(1, static_cast<int>((inner_width - geometry.mark_diameter) / p) + 1);
      return std::make_pair(per_row, (n + per_row - 1) / per_row);
    };
    while (pitch > 2.0 && (rows_needed(pitch).second - 1) * pitch + geometry.mark_diameter > inner_height) {
      pitch *= 0.85;
    }
    const int per_row = rows_needed(pitch).first;
    const int left = model.columns_[c].body.x + geometry.cell_padding + radius;
    const int cell_top = model.lanes_[l].body.y + geometry.cell_padding + radius;
    for (int k = 0; k < n; ++k) {
      const int index = indices[k];
      const v1::Touchpoint& tp = j.timeline(index);
      Mark mark;
      mark.timeline_index = index;
      mark.column = c;
      mark.lane = l;
      mark.cx = left + static_cast<int>(std::lround((k % per_row) * pitch));
      mark.cy = cell_top + static_cast<int>(std::lround((k / per_row) * pitch));
      mark.radius = radius;
      mark.tone = ToneOf(tp);
      mark.evidence = evidence_ids.count(tp.id()) > 0;
      mark.open_issue = open_issue_ids.count(tp.id()) > 0;
      mark.pending = IsPendingTouchpoint(tp);
      model.mark_of_timeline_[index] = static_cast<int>(model.marks_.size());
      model.marks_.push_back(mark);
    }
  }
  return model;
}

std::optional<int> JourneyMapViewModel::HitTest(int x, int y) const {
  constexpr int kSlack = 3;
  std::optional<int> best;
  long best_distance = 0;
  for (const Mark& mark : marks_) {
    const long dx = x - mark.cx;
    const long dy = y - mark.cy;
    const long distance = dx * dx + dy * dy;
    const long reach = mark.radius + kSlack;
    if (distance > reach * reach) continue;
    // Later marks are painted on top: prefer them on ties.
    if (!best || distance <= best_distance) {
      best = mark.timeline_index;
      best_distance = distance;
    }
  }
  return best;
}

const Mark* JourneyMapViewModel::MarkOf(int timeline_index) const {
  if (timeline_index < 0 || timeline_index >= static_cast<int>(mark_of_timeline_.size())) return nullptr;
  const int mark = mark_of_timeline_[timeline_index];
  return mark < 0 ? nullptr : &marks_[mark];
}

}  // namespace journeydesk::agent
