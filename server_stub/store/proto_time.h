#pragma once
// Conversions between google.protobuf.Timestamp, absl::Time and the store's int64 unix
// microseconds columns.

#include <cstdint>

#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"

namespace journeydesk::store {

int64_t TimestampToMicros(const google::protobuf::Timestamp& timestamp);
void SetTimestampMicros(int64_t micros, google::protobuf::Timestamp* timestamp);
void SetTimestamp(absl::Time time, google::protobuf::Timestamp* timestamp);
// Whole microseconds since the epoch (the store's resolution).
int64_t NowMicros();

}  // namespace journeydesk::store
