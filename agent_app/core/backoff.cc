#include "core/backoff.h"

#include <algorithm>
#include <cmath>

#include "absl/random/random.h"

namespace journeydesk::agent {

absl::Duration ReconnectBackoff::NextDelay() {
  const double base_ms = absl::ToDoubleMilliseconds(policy_.initial) *
                         std::pow(policy_.multiplier, std::min(failures_, 30));
  const double capped_ms = std::min(base_ms, absl::ToDoubleMilliseconds(policy_.max));
  ++failures_;
  if (policy_.jitter <= 0) return absl::Milliseconds(capped_ms);
  thread_local absl::BitGen gen;
  const double factor = absl::Uniform(gen, 1.0 - policy_.jitter, 1.0 + policy_.jitter);
  return absl::Milliseconds(capped_ms * factor);
}

}  // namespace journeydesk::agent
