#pragma once
// Building touchpoints for journey tests: times are given in days before a fixed as_of.

#include <cmath>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "journeydesk/v1/touchpoint.pb.h"

namespace journeydesk::journey::testing_support {

// 2025-06-15T12:00:00Z.
inline const absl::Time kAsOf = absl::FromCivil(absl::CivilSecond(2025, 6, 15, 12, 0, 0),
                                                absl::UTCTimeZone());

inline absl::Time DaysBefore(double days) {
  return kAsOf - absl::Seconds(std::llround(days * 86400));
}

struct TouchpointSpec {
  std::string id;
  double days_before;
  std::string channel;
  std::string kind;
  v1::Direction direction = v1::DIRECTION_INBOUND;
  v1::Outcome outcome = v1::OUTCOME_UNSPECIFIED;
  int nps = -1;     // -1: no response
  int effort = -1;  // -1: no response
  std::string summary;
  std::string stage;  // empty: derived from the kind
};

inline v1::Touchpoint Make(const TouchpointSpec& spec) {
  v1::Touchpoint touchpoint;
  touchpoint.set_id(spec.id);
  touchpoint.set_customer_id("C-0001");
  touchpoint.set_channel(spec.channel);
  touchpoint.set_kind(spec.kind);
  const absl::Time at = DaysBefore(spec.days_before);
  touchpoint.mutable_occurred_at()->set_seconds(absl::ToUnixSeconds(at));
  touchpoint.set_direction(spec.direction);
  touchpoint.set_outcome(spec.outcome);
  if (spec.nps >= 0) touchpoint.set_nps(spec.nps);
  if (spec.effort >= 0) touchpoint.set_effort(spec.effort);
  touchpoint.set_summary(spec.summary);
  touchpoint.set_stage(spec.stage);
  return touchpoint;
}

inline std::vector<v1::Touchpoint> MakeAll(const std::vector<TouchpointSpec>& specs) {
  std::vector<v1::Touchpoint> touchpoints;
  touchpoints.reserve(specs.size());
  for (const TouchpointSpec& spec : specs) touchpoints.push_back(Make(spec));
  return touchpoints;
}

}  // namespace journeydesk::journey::testing_support
