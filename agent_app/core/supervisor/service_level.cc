#include "core/supervisor/service_level.h"

namespace journeydesk::agent::supervisor {

std::optional<double> CurrentServiceLevel(const v1::QueueStatus& queue) {
  if (queue.has_service_level_15m()) return queue.service_level_15m();
  if (queue.has_service_level_60m()) return queue.service_level_60m();
  return std::nullopt;
}

ServiceLevelStatus ClassifyServiceLevel(const v1::QueueStatus& queue) {
  const double answer_within = queue.answer_within_seconds();
  const bool waiting = queue.waiting() > 0;
  if (waiting && answer_within > 0 && queue.oldest_wait_seconds() > answer_within) {
    return ServiceLevelStatus::kBreach;
  }
  const std::optional<double> level = CurrentServiceLevel(queue);
  const double target = queue.service_level_target();
  if (level) {
    // Compared in whole-percent-point tolerance: 0.8 − 0.1 is 0.7000000000000001 in doubles.
    constexpr double kEpsilon = 1e-9;
    if (*level < target - kWarningMarginPoints / 100.0 - kEpsilon) return ServiceLevelStatus::kBreach;
    if (*level < target - kEpsilon) return ServiceLevelStatus::kWarning;
  }
  if (waiting && answer_within > 0 && queue.oldest_wait_seconds() > answer_within / 2) {
    return ServiceLevelStatus::kWarning;
  }
  if (waiting && queue.agents_available() == 0) return ServiceLevelStatus::kWarning;
  if (level || waiting) return ServiceLevelStatus::kOk;
  return ServiceLevelStatus::kNoData;
}

std::string ToString(ServiceLevelStatus status) {
  switch (status) {
    case ServiceLevelStatus::kNoData: return "no data";
    case ServiceLevelStatus::kOk: return "ok";
    case ServiceLevelStatus::kWarning: return "warning";
    case ServiceLevelStatus::kBreach: return "breach";
  }
  return "no data";
}

}  // namespace journeydesk::agent::supervisor
