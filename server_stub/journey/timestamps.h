#pragma once
// Conversions between google.protobuf.Timestamp / Duration, absl::Time and unix
// microseconds, the resolution the journey layer computes in. Header-only and cheap: the
// journey assembler calls them once per touchpoint.

#include <cstdint>

#include "absl/time/time.h"
#include "google/protobuf/duration.pb.h"
#include "google/protobuf/timestamp.pb.h"

namespace journeydesk::journey {

inline constexpr int64_t kMicrosPerSecond = 1'000'000;
inline constexpr int64_t kMicrosPerHour = 3'600 * kMicrosPerSecond;
inline constexpr int64_t kMicrosPerDay = 24 * kMicrosPerHour;

inline int64_t TimestampMicros(const google::protobuf::Timestamp& timestamp) {
  return timestamp.seconds() * kMicrosPerSecond + timestamp.nanos() / 1'000;
}

inline void SetTimestampFromMicros(int64_t micros, google::protobuf::Timestamp* timestamp) {
  int64_t seconds = micros / kMicrosPerSecond;
  int64_t rest = micros % kMicrosPerSecond;
  if (rest < 0) {
    rest += kMicrosPerSecond;
    --seconds;
  }
  timestamp->set_seconds(seconds);
  timestamp->set_nanos(static_cast<int32_t>(rest * 1'000));
}

inline void SetDurationFromMicros(int64_t micros, google::protobuf::Duration* duration) {
  // Duration keeps seconds and nanos with the same sign.
  duration->set_seconds(micros / kMicrosPerSecond);
  duration->set_nanos(static_cast<int32_t>((micros % kMicrosPerSecond) * 1'000));
}

inline int64_t TimeToMicros(absl::Time time) { return absl::ToUnixMicros(time); }
inline absl::Time MicrosToTime(int64_t micros) { return absl::FromUnixMicros(micros); }

}  // namespace journeydesk::journey
