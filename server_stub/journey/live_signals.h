#pragma once
// Live signals: what the agent should know right now, in plain words, each with the
// touchpoints that show it. Listed most urgent first — recovery before selling:
//
//   open_complaint         open issues (see journey_metrics.h):
//                          "2 open issues: <summary of the latest>"
//   payment_failed         a payment_failed with no payment / payment_succeeded after it:
//                          "payment failed 2 days ago; no successful payment since"
//   incomplete_onboarding  an activation_failed not followed by activation or
//                          onboarding_completed, or a delivery_failed not followed by
//                          device_delivered, activation or onboarding_completed; or
//                          touchpoints at the "onboarding" stage, none of kind
//                          onboarding_completed or activation, the last older than 3 days
//   recent_detractor       the latest NPS response of 0–6 within 30 days: "gave NPS 3, 5 days ago"
//   channel_switch         the latest contact of the last 30 days that came on another
//                          channel within 24 h of the previous contact (a channel switch
//                          as counted in the metrics):
//                          "switched from chat to phone within 24 h, 9 days ago"
//   repeat_contacts        two or more contacts in the last 7 days: "3rd contact in 7 days"
//   rate_card_viewed       viewed_rate_card / viewed_price_page within 14 days:
//                          "viewed the rate card 2 days ago; contract ends in 40 days" — the
//                          contract end (attribute contract_end, YYYY-MM-DD) comes from the
//                          customer, else from the latest touchpoint carrying it
//   lapsed                 lifecycle LAPSED, or no touchpoint for 90 days: "no contact for 120 days"
//
// Ages read "today", "yesterday" or "N days ago" (whole days before as_of). A signal's
// occurred_at is that of its latest evidence.

#include <cstdint>

#include "absl/types/span.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "journey/staged_touchpoints.h"
#include "journeydesk/v1/customer.pb.h"
#include "journeydesk/v1/journey.pb.h"

namespace journeydesk::journey {

struct LiveSignalInput {
  const v1::Customer* customer = nullptr;
  absl::Span<const StagedTouchpoint> oldest_first;  // only touchpoints at or before as_of
  absl::Span<const int> open_issues;                // positions in oldest_first, oldest first
  int64_t as_of_us = 0;
  int onboarding_stage = -1;                        // index of stage "onboarding", or -1
};

void DetectLiveSignals(const LiveSignalInput& input,
                       google::protobuf::RepeatedPtrField<v1::LiveSignal>* signals);

}  // namespace journeydesk::journey
