#pragma once
// A customer's touchpoints with the per-touchpoint work of the journey layer done once: each
// touchpoint's time, stage and traits (StagedTouchpoint), oldest first (ties by id). The
// journey cache keeps one per customer, so GetJourney, SuggestNextSteps and the proactive
// suggestions after an ingest read a ready index instead of re-deriving it on every request.
//
// Immutable once built; safe to share between threads. WithAdded makes a new index that
// shares the touchpoints this one holds (none is copied): recording a touchpoint for a
// cached customer costs a copy of the index entries, not a reload from the store.

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/time/time.h"
#include "absl/types/span.h"
#include "journey/stage_resolver.h"
#include "journey/staged_touchpoints.h"
#include "journeydesk/v1/touchpoint.pb.h"

namespace journeydesk::journey {

class IndexedTouchpoints {
 public:
  // Takes ownership of `touchpoints` (any order). `stages` is only used while building.
  IndexedTouchpoints(std::vector<v1::Touchpoint> touchpoints, const StageResolver& stages);

  // This index plus `added`. A touchpoint this index already holds (same id and time) is
  // left out, so a write that raced with the load of this index is not counted twice.
  IndexedTouchpoints WithAdded(std::vector<v1::Touchpoint> added, const StageResolver& stages) const;

  // Every touchpoint, oldest first. Entries point into this index's own storage, which
  // lives as long as any copy of this index (or of one made from it by WithAdded).
  absl::Span<const StagedTouchpoint> all() const { return staged_; }
  // The touchpoints at or before `as_of`: a prefix of all(), exactly the touchpoints
  // IndexTouchpoints(…, as_of) keeps.
  absl::Span<const StagedTouchpoint> UpTo(absl::Time as_of) const;
  size_t size() const { return staged_.size(); }

  // Each WithAdded keeps its touchpoints in a block of their own, and the next WithAdded
  // copies the list of blocks. Past kMaxBlocks, building the index afresh from the store
  // is the cheaper way on: the journey cache drops such an entry rather than extend it.
  static constexpr size_t kMaxBlocks = 1024;
  bool ShouldRebuild() const { return chunks_.size() >= kMaxBlocks; }

 private:
  using Chunk = std::vector<v1::Touchpoint>;

  IndexedTouchpoints() = default;

  std::vector<std::shared_ptr<const Chunk>> chunks_;  // own what staged_ points to
  std::vector<StagedTouchpoint> staged_;
};

}  // namespace journeydesk::journey
