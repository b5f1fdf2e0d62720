#pragma once
// Exponential reconnect backoff with jitter: initial, ×multiplier per failure, capped.

#include "absl/time/time.h"

namespace journeydesk::agent {

struct BackoffPolicy {
  absl::Duration initial = absl::Milliseconds(250);
  absl::Duration max = absl::Seconds(10);
  double multiplier = 2.0;
  double jitter = 0.2;  // ± this fraction of the delay
};

// Not thread-safe; each retry loop owns one.
class ReconnectBackoff {
 public:
  explicit ReconnectBackoff(BackoffPolicy policy = {}) : policy_(policy) {}
  // The delay before the next attempt; grows with every call until Reset().
  absl::Duration NextDelay();
  void Reset() { failures_ = 0; }
  int failures() const { return failures_; }

 private:
  BackoffPolicy policy_;
  int failures_ = 0;
};

}  // namespace journeydesk::agent
