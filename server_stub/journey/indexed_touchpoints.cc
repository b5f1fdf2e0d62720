#include "journey/indexed_touchpoints.h"

#include <algorithm>
#include <utility>

#include "journey/timestamps.h"

namespace journeydesk::journey {

IndexedTouchpoints::IndexedTouchpoints(std::vector<v1::Touchpoint> touchpoints,
                                       const StageResolver& stages) {
  auto chunk = std::make_shared<const Chunk>(std::move(touchpoints));
  staged_ = IndexTouchpoints(*chunk, stages, absl::InfiniteFuture());
  chunks_.push_back(std::move(chunk));
}

IndexedTouchpoints IndexedTouchpoints::WithAdded(std::vector<v1::Touchpoint> added,
                                                 const StageResolver& stages) const {
  auto chunk = std::make_shared<const Chunk>(std::move(added));
  const std::vector<StagedTouchpoint> fresh = IndexTouchpoints(*chunk, stages, absl::InfiniteFuture());

  IndexedTouchpoints out;
  out.chunks_ = chunks_;
  out.staged_.reserve(staged_.size() + fresh.size());
  // A merge of two ordered lists; new touchpoints are usually the newest, so this is
  // mostly a copy of the old entries followed by the new ones.
  auto old_it = staged_.begin();
  for (const StagedTouchpoint& entry : fresh) {
    auto first_not_before = std::lower_bound(old_it, staged_.end(), entry, StagedBefore);
    out.staged_.insert(out.staged_.end(), old_it, first_not_before);
    old_it = first_not_before;
    const bool held = old_it != staged_.end() && old_it->at_us == entry.at_us &&
                      old_it->touchpoint->id() == entry.touchpoint->id();
    if (held) continue;
    out.staged_.push_back(entry);
  }
  out.staged_.insert(out.staged_.end(), old_it, staged_.end());
  if (out.staged_.size() > staged_.size()) out.chunks_.push_back(std::move(chunk));
  return out;
}

absl::Span<const StagedTouchpoint> IndexedTouchpoints::UpTo(absl::Time as_of) const {
  const int64_t as_of_us = TimeToMicros(as_of);
  auto end = std::upper_bound(staged_.begin(), staged_.end(), as_of_us,
                              [](int64_t at_us, const StagedTouchpoint& entry) { return at_us < entry.at_us; });
  return absl::MakeConstSpan(staged_.data(), static_cast<size_t>(end - staged_.begin()));
}

}  // namespace journeydesk::journey
