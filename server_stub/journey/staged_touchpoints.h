#pragma once
// The journey layer's working view of one customer's touchpoints: a pointer to each
// touchpoint at or before `as_of`, its time in microseconds and its stage index, oldest
// first (ties by id). Built once per GetJourney; every other step reads it.

#include <cstdint>
#include <vector>

#include "absl/time/time.h"
#include "journey/stage_resolver.h"
#include "journeydesk/v1/touchpoint.pb.h"

namespace journeydesk::journey {

struct StagedTouchpoint {
  const v1::Touchpoint* touchpoint;  // not owned; lives in the caller's vector
  int64_t at_us;                     // occurred_at in unix microseconds
  int stage;                         // index in the stage map, or -1 for no (known) stage
};

// The stage of a touchpoint is its stored `stage`; when that is empty (stored before a
// stage map listed its kind) the stage the map gives its kind. A stage the map does not
// know gives -1. `touchpoints` is expected oldest first (the store's order); it is sorted
// only when it is not. Pointers refer into `touchpoints`, which must outlive the result.
std::vector<StagedTouchpoint> IndexTouchpoints(const std::vector<v1::Touchpoint>& touchpoints,
                                               const StageResolver& stages, absl::Time as_of);

// Oldest-first order: by time, then by id.
inline bool StagedBefore(const StagedTouchpoint& a, const StagedTouchpoint& b) {
  if (a.at_us != b.at_us) return a.at_us < b.at_us;
  return a.touchpoint->id() < b.touchpoint->id();
}

}  // namespace journeydesk::journey
