#include "journey/cached_journey.h"

#include "journey/journey_assembler.h"

namespace journeydesk::journey {
namespace {

constexpr size_t kMaxPageSizesKept = 4;

}  // namespace

absl::StatusOr<std::shared_ptr<const std::string>> CachedJourney::FirstPageBytes(
    int page_size, const v1::StageMap& map, const StageResolver& stages, absl::Time as_of) const {
  {
    absl::MutexLock lock(&pages_mu_);
    for (const auto& [size, bytes] : pages_) {
      if (size == page_size) return bytes;
    }
  }
  v1::Journey whole;
  absl::Status assembled = AssembleJourneyInto(customer(), touchpoints_.all(), &TalliesOfAll(), map,
                                               stages, as_of, page_size, "", &whole);
  if (!assembled.ok()) return assembled;
  v1::Journey part;
  part.mutable_stages()->Swap(whole.mutable_stages());
  part.mutable_timeline()->Swap(whole.mutable_timeline());
  part.set_next_page_token(whole.next_page_token());
  auto bytes = std::make_shared<const std::string>(part.SerializeAsString());

  absl::MutexLock lock(&pages_mu_);
  for (const auto& [size, kept] : pages_) {
    if (size == page_size) return kept;  // another reader was first
  }
  if (pages_.size() < kMaxPageSizesKept) pages_.emplace_back(page_size, bytes);
  return bytes;
}

}  // namespace journeydesk::journey
