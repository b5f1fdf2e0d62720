#include "core/proto_time.h"

namespace journeydesk::agent {

absl::Time FromProto(const google::protobuf::Timestamp& at) {
  return absl::FromUnixSeconds(at.seconds()) + absl::Nanoseconds(at.nanos());
}

google::protobuf::Timestamp ToProto(absl::Time at) {
  google::protobuf::Timestamp out;
  const int64_t micros = absl::ToUnixMicros(at);
  int64_t seconds = micros / 1000000;
  int64_t rest = micros % 1000000;
  if (rest < 0) {
    rest += 1000000;
    --seconds;
  }
  out.set_seconds(seconds);
  out.set_nanos(static_cast<int32_t>(rest * 1000));
  return out;
}

}  // namespace journeydesk::agent
