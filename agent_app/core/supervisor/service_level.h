#pragma once
// How a queue stands against its service-level target, as one colour level for the board.

#include <optional>
#include <string>

#include "journeydesk/v1/contact_center.pb.h"

namespace journeydesk::agent::supervisor {

enum class ServiceLevelStatus {
  kNoData,   // nothing answered or abandoned in the last hour and nobody waiting
  kOk,       // at or above target, nobody waiting longer than the answer time
  kWarning,  // up to kWarningMarginPoints below target, the oldest wait past half the answer
             // time, or contacts waiting with no agent able to take one
  kBreach,   // further below target, or someone waiting longer than the answer time
};

// Percentage points below target that still count as a warning rather than a breach.
inline constexpr double kWarningMarginPoints = 10.0;

// The level the board colours by: the 15-minute service level when there is one (it reacts
// first), else the 60-minute one; nullopt when journeyd sent neither.
std::optional<double> CurrentServiceLevel(const v1::QueueStatus& queue);

// Rules, in order (service levels and target are fractions 0–1):
//  1. the oldest waiting contact has waited longer than answer_within_seconds → kBreach
//     (it already counts against the level);
//  2. a current service level below target − 10 points → kBreach; below target → kWarning;
//  3. the oldest wait past half of answer_within_seconds, or contacts waiting while
//     agents_available is 0 (nobody can take them) → kWarning;
//  4. a current service level (at or above target) → kOk; contacts waiting → kOk; else kNoData.
ServiceLevelStatus ClassifyServiceLevel(const v1::QueueStatus& queue);

// "ok", "warning", "breach", "no data".
std::string ToString(ServiceLevelStatus status);

}  // namespace journeydesk::agent::supervisor
