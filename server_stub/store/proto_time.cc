#include "store/proto_time.h"

#include "absl/time/clock.h"

namespace journeydesk::store {

int64_t TimestampToMicros(const google::protobuf::Timestamp& timestamp) {
  return timestamp.seconds() * 1'000'000 + timestamp.nanos() / 1'000;
}

void SetTimestampMicros(int64_t micros, google::protobuf::Timestamp* timestamp) {
  int64_t seconds = micros / 1'000'000;
  int64_t rest = micros % 1'000'000;
  if (rest < 0) {
    rest += 1'000'000;
    --seconds;
  }
  timestamp->set_seconds(seconds);
  timestamp->set_nanos(static_cast<int32_t>(rest * 1'000));
}

void SetTimestamp(absl::Time time, google::protobuf::Timestamp* timestamp) {
  SetTimestampMicros(absl::ToUnixMicros(time), timestamp);
}

int64_t NowMicros() { return absl::ToUnixMicros(absl::Now()); }

}  // namespace journeydesk::store
