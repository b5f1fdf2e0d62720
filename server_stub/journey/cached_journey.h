#pragma once
// One customer as the journey cache holds them: the customer row and their indexed
// touchpoints, plus what every view of all those touchpoints shares — whatever as_of, as
// long as it is not before the newest touchpoint — computed on the first read that can use
// it and kept with the entry: the tallies (stages, channels, open issues) and, per page
// size, the wire bytes of the view's stages and first timeline page.
//
// Immutable once built (what is kept is computed once: absl::call_once, or under a mutex);
// shared between threads through the cache's shared_ptr.

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/call_once.h"
#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "journey/indexed_touchpoints.h"
#include "journey/journey_tallies.h"
#include "journey/stage_resolver.h"
#include "journeydesk/v1/customer.pb.h"
#include "journeydesk/v1/stage_map.pb.h"

namespace journeydesk::journey {

class CachedJourney {
 public:
  // `customer` must not be null. `stage_count`: the stages tallied, as the assembler
  // counts them (min of the resolver's and the map's).
  CachedJourney(std::shared_ptr<const v1::Customer> customer, IndexedTouchpoints touchpoints,
                int stage_count)
      : customer_(std::move(customer)), touchpoints_(std::move(touchpoints)), stage_count_(stage_count) {}
  CachedJourney(const CachedJourney&) = delete;
  CachedJourney& operator=(const CachedJourney&) = delete;

  const v1::Customer& customer() const { return *customer_; }
  const std::shared_ptr<const v1::Customer>& shared_customer() const { return customer_; }
  const IndexedTouchpoints& touchpoints() const { return touchpoints_; }
  int stage_count() const { return stage_count_; }

  // TallyJourney(touchpoints().all(), stage_count()), computed on the first call.
  const JourneyTallies& TalliesOfAll() const {
    absl::call_once(tallies_once_, [this] { tallies_ = TallyJourney(touchpoints_.all(), stage_count_); });
    return *tallies_;
  }

  // The serialized `stages`, `timeline` and `next_page_token` of the view of all touchpoints
  // (first page of `page_size`, 0 meaning the default): what AssembleJourneyInto(…,
  // JourneyPart::kWithoutStagesAndPage) leaves out. `as_of` must not be before the newest
  // touchpoint (the bytes are the same for every such as_of). `map` and `stages` must be
  // those the entry was built with. Kept for a few page sizes; INVALID_ARGUMENT for a
  // page_size AssembleJourneyInto refuses.
  absl::StatusOr<std::shared_ptr<const std::string>> FirstPageBytes(int page_size, const v1::StageMap& map,
                                                                    const StageResolver& stages,
                                                                    absl::Time as_of) const;

  // The same customer with `touchpoints` (e.g. this journey plus touchpoints recorded).
  std::shared_ptr<const CachedJourney> With(IndexedTouchpoints touchpoints) const {
    return std::make_shared<const CachedJourney>(customer_, std::move(touchpoints), stage_count_);
  }

 private:
  const std::shared_ptr<const v1::Customer> customer_;
  const IndexedTouchpoints touchpoints_;
  const int stage_count_;
  mutable absl::once_flag tallies_once_;
  mutable std::optional<JourneyTallies> tallies_;
  mutable absl::Mutex pages_mu_;
  mutable std::vector<std::pair<int, std::shared_ptr<const std::string>>> pages_ ABSL_GUARDED_BY(pages_mu_);
};

}  // namespace journeydesk::journey
