#include "journey/staged_touchpoints.h"

#include <algorithm>
#include <string_view>

#include "journey/timestamps.h"

namespace journeydesk::journey {

std::vector<StagedTouchpoint> IndexTouchpoints(const std::vector<v1::Touchpoint>& touchpoints,
                                               const StageResolver& stages, absl::Time as_of) {
  const int64_t as_of_us = TimeToMicros(as_of);
  std::vector<StagedTouchpoint> staged;
  staged.reserve(touchpoints.size());
  // Consecutive touchpoints mostly share a stage: remember the last lookup.
  std::string_view last_stage_id;
  int last_stage = -1;
  bool ordered = true;
  for (const v1::Touchpoint& touchpoint : touchpoints) {
    const int64_t at_us = TimestampMicros(touchpoint.occurred_at());
    if (at_us > as_of_us) continue;
    std::string_view stage_id = touchpoint.stage();
    if (stage_id.empty()) stage_id = stages.StageForKind(touchpoint.kind());
    if (stage_id != last_stage_id || stage_id.empty()) {
      last_stage_id = stage_id;
      last_stage = stages.StageIndex(stage_id);
    }
    StagedTouchpoint entry{&touchpoint, at_us, last_stage};
    if (ordered && !staged.empty() && StagedBefore(entry, staged.back())) ordered = false;
    staged.push_back(entry);
  }
  if (!ordered) std::stable_sort(staged.begin(), staged.end(), StagedBefore);
  return staged;
}

}  // namespace journeydesk::journey
