#pragma once
// One customer as the journey cache holds them: the customer row and their indexed
// touchpoints, plus the as_of-independent tallies of all those touchpoints, computed on the
// first read that can use them (as_of not before the newest touchpoint) and kept with the
// entry.
//
// Immutable once built (the tallies are computed once, under absl::call_once); shared
// between threads through the cache's shared_ptr.

#include <memory>
#include <optional>
#include <utility>

#include "absl/base/call_once.h"
#include "journey/indexed_touchpoints.h"
#include "journey/journey_tallies.h"
#include "journeydesk/v1/customer.pb.h"

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
};

}  // namespace journeydesk::journey
