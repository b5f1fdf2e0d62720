#pragma once
// google.protobuf.Timestamp ↔ absl::Time.

#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"

namespace journeydesk::agent {

absl::Time FromProto(const google::protobuf::Timestamp& at);
google::protobuf::Timestamp ToProto(absl::Time at);

}  // namespace journeydesk::agent
