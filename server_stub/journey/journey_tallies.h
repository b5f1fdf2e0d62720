#pragma once
// The part of the journey view that does not depend on as_of once the touchpoints are
// chosen: per stage the touchpoint count, channels, NPS, first / last touchpoint and open
// issues; the journey's channels, open issues and current stage (definitions in
// journey_assembler.h and journey_metrics.h). The assembler tallies the touchpoints at or
// before as_of on every request; the journey cache keeps the tallies of all of a customer's
// touchpoints, which are the same whenever as_of is not before the newest one.
//
// Pure and immutable once built. Pointers and string_views point into the touchpoints
// tallied, which must outlive the tallies.

#include <string_view>
#include <utility>
#include <vector>

#include "absl/types/span.h"
#include "journey/journey_metrics.h"
#include "journey/staged_touchpoints.h"

namespace journeydesk::journey {

struct StageTally {
  int count = 0;
  std::vector<std::pair<std::string_view, int>> channels;  // most used first, ties by name
  NpsTally nps;
  const StagedTouchpoint* first = nullptr;
  const StagedTouchpoint* last = nullptr;
  std::vector<const StagedTouchpoint*> open_issues;        // oldest first
};

struct JourneyTallies {
  std::vector<StageTally> stages;      // one per stage index, stage_count of them
  std::vector<std::string_view> channels;  // every channel used, most used first, ties by name
  std::vector<int> open_issues;        // positions in the touchpoints tallied, oldest first
  int current_stage = -1;              // index, or -1 when no touchpoint has a stage
};

// `oldest_first` ordered by StagedBefore; `stage_count` stages are tallied (touchpoints of
// a stage index beyond it count as stageless).
JourneyTallies TallyJourney(absl::Span<const StagedTouchpoint> oldest_first, int stage_count);

}  // namespace journeydesk::journey
