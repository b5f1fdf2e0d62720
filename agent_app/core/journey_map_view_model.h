#pragma once
// The journey canvas as data: a pure layout of one v1::Journey (with all its touchpoints in
// `timeline`, newest first) into pixels — stage columns in map order × channel lanes, one
// mark per touchpoint with its tone, the per-stage NPS heat, the current stage, live-signal
// badges — plus hit-testing and a time-window filter. ui/ only paints what this says, so the
// canvas is cheap to paint and testable without a display. Immutable once built.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "journeydesk/v1/journey.pb.h"

namespace journeydesk::agent {

// How a touchpoint went, for its colour.
enum class MarkTone {
  kPositive,  // resolved, positive sentiment, promoter
  kNeutral,   // neutral sentiment, passive
  kNegative,  // unresolved, escalated, complaint, a failure, negative sentiment, detractor
  kUnknown,   // nothing said about it (a page view)
};

// A stage's NPS against the business target (NPS ≥ 65 along the whole journey).
enum class NpsHeat { kNone, kNegative, kBelowTarget, kOnTarget };

inline constexpr double kNpsTarget = 65.0;

struct TimeWindow {
  absl::Time from = absl::InfinitePast();  // inclusive
  absl::Time to = absl::InfiniteFuture();  // inclusive
  bool Contains(absl::Time at) const { return at >= from && at <= to; }
  bool IsAll() const { return from == absl::InfinitePast() && to == absl::InfiniteFuture(); }
};

struct Rect {
  int x = 0, y = 0, width = 0, height = 0;
  bool Contains(int px, int py) const { return px >= x && px < x + width && py >= y && py < y + height; }
};

struct MapGeometry {
  int width = 900;             // the visible area; content grows beyond it when needed
  int height = 480;
  int lane_label_width = 78;
  int header_height = 52;      // stage name (up to two lines) and counts
  int heat_height = 12;        // NPS strip under the header
  int min_column_width = 78;
  int min_lane_height = 36;
  int max_lane_height = 76;     // beyond this, lanes stop stretching to fill the view
  int mark_diameter = 12;
  int mark_gap = 4;
  int cell_padding = 6;
};

struct StageColumn {
  std::string stage_id;  // "" for touchpoints without a (known) stage
  std::string name;
  v1::StageStatus status = v1::STAGE_STATUS_UNSPECIFIED;
  bool current = false;
  Rect header;
  Rect heat;
  Rect body;  // the lanes' part of the column
  NpsHeat heat_class = NpsHeat::kNone;
  std::optional<double> nps;
  int nps_responses = 0;
  int shown_touchpoints = 0;  // inside the time window
  int open_issues = 0;
};

struct ChannelLane {
  std::string channel;
  Rect label;
  Rect body;  // the full width of the stage columns
  int shown_touchpoints = 0;
};

struct Mark {
  int timeline_index = 0;  // into journey().timeline()
  int column = 0;
  int lane = 0;
  int cx = 0, cy = 0, radius = 0;
  MarkTone tone = MarkTone::kUnknown;
  bool evidence = false;    // evidence of a live signal
  bool open_issue = false;  // one of a stage's open issues
  bool pending = false;     // the desktop's own write journeyd does not have yet: draw it hollow
};

struct Badge {
  std::string code;
  std::string text;
  MarkTone tone = MarkTone::kNegative;
};

class JourneyMapViewModel {
 public:
  static JourneyMapViewModel Build(std::shared_ptr<const v1::Journey> journey, const MapGeometry& geometry,
                                   const TimeWindow& window = {});

  static MarkTone ToneOf(const v1::Touchpoint& touchpoint);
  static NpsHeat HeatOf(const v1::NpsSummary& nps);

  const v1::Journey& journey() const { return *journey_; }
  std::shared_ptr<const v1::Journey> shared_journey() const { return journey_; }
  const std::vector<StageColumn>& columns() const { return columns_; }
  const std::vector<ChannelLane>& lanes() const { return lanes_; }
  const std::vector<Mark>& marks() const { return marks_; }
  const std::vector<Badge>& badges() const { return badges_; }
  // Timeline indices inside the window, newest first: the list beside the canvas.
  const std::vector<int>& visible_timeline() const { return visible_timeline_; }
  const TimeWindow& window() const { return window_; }
  int content_width() const { return content_width_; }
  int content_height() const { return content_height_; }
  int total_touchpoints() const { return journey_->timeline_size(); }

  // The touchpoint whose mark is under (x, y) in content coordinates, nearest first, with a
  // few pixels of slack; nullopt over empty space.
  std::optional<int> HitTest(int x, int y) const;
  // The mark of a timeline index, if shown.
  const Mark* MarkOf(int timeline_index) const;

 private:
  std::shared_ptr<const v1::Journey> journey_;
  TimeWindow window_;
  std::vector<StageColumn> columns_;
  std::vector<ChannelLane> lanes_;
  std::vector<Mark> marks_;
  std::vector<int> mark_of_timeline_;  // timeline index → mark index, -1 when hidden
  std::vector<Badge> badges_;
  std::vector<int> visible_timeline_;
  int content_width_ = 0;
  int content_height_ = 0;
};

}  // namespace journeydesk::agent
