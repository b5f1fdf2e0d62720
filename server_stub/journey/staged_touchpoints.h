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

// What the metrics and signals need to know about a touchpoint, decided once per
// touchpoint so later passes test bits instead of comparing strings.
enum TouchpointTrait : uint32_t {
  kContact = 1u << 0,            // INBOUND on a channel other than web and app
  kOpensIssue = 1u << 1,         // kind complaint, or outcome UNRESOLVED / ESCALATED
  kResolvesIssues = 1u << 2,     // outcome RESOLVED or kind complaint_resolved
  kPaymentFailed = 1u << 3,      // kind payment_failed
  kPaymentSucceeded = 1u << 4,   // kind payment or payment_succeeded
  kActivationFailed = 1u << 5,   // kind activation_failed
  kDeliveryFailed = 1u << 6,     // kind delivery_failed
  kOnboardingDone = 1u << 7,     // kind activation or onboarding_completed
  kDelivered = 1u << 8,          // kind device_delivered
  kRateCardView = 1u << 9,       // kind viewed_rate_card
  kPricePageView = 1u << 10,     // kind viewed_price_page
};

struct StagedTouchpoint {
  const v1::Touchpoint* touchpoint;  // not owned; lives in the caller's vector
  int64_t at_us;                     // occurred_at in unix microseconds
  int stage;                         // index in the stage map, or -1 for no (known) stage
  uint32_t traits;                   // TouchpointTrait bits

  bool Is(TouchpointTrait trait) const { return (traits & trait) != 0; }
};

uint32_t TouchpointTraits(const v1::Touchpoint& touchpoint);

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
