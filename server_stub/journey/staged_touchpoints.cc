#include "journey/staged_touchpoints.h"

#include <algorithm>
#include <string_view>

#include "journey/timestamps.h"

namespace journeydesk::journey {

uint32_t TouchpointTraits(const v1::Touchpoint& touchpoint) {
  // string_view comparisons check the length first, so most of these cost nothing.
  const std::string_view kind = touchpoint.kind();
  const std::string_view channel = touchpoint.channel();
  uint32_t traits = 0;
  if (touchpoint.direction() == v1::DIRECTION_INBOUND && channel != "web" && channel != "app") {
    traits |= kContact;
  }
  const v1::Outcome outcome = touchpoint.outcome();
  if (outcome == v1::OUTCOME_RESOLVED || kind == "complaint_resolved") {
    traits |= kResolvesIssues;
  } else if (kind == "complaint" || outcome == v1::OUTCOME_UNRESOLVED ||
             outcome == v1::OUTCOME_ESCALATED) {
    traits |= kOpensIssue;
  }
  if (kind == "payment_failed") traits |= kPaymentFailed;
  if (kind == "payment" || kind == "payment_succeeded") traits |= kPaymentSucceeded;
  if (kind == "activation_failed") traits |= kActivationFailed;
  if (kind == "delivery_failed") traits |= kDeliveryFailed;
  if (kind == "activation" || kind == "onboarding_completed") traits |= kOnboardingDone;
  if (kind == "device_delivered") traits |= kDelivered;
  if (kind == "viewed_rate_card") traits |= kRateCardView;
  if (kind == "viewed_price_page") traits |= kPricePageView;
  return traits;
}

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
    StagedTouchpoint entry{&touchpoint, at_us, last_stage, TouchpointTraits(touchpoint)};
    if (ordered && !staged.empty() && StagedBefore(entry, staged.back())) ordered = false;
    staged.push_back(entry);
  }
  if (!ordered) std::stable_sort(staged.begin(), staged.end(), StagedBefore);
  return staged;
}

}  // namespace journeydesk::journey
