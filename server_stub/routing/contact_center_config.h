#pragma once
// Loading and checking the contact centre's configuration: queues with their service-level
// targets and default capacities, the offer timeout and the wrap-up codes
// (journeydesk.v1.ContactCenterConfig). Text format (.textproto/.txtpb/.pbtxt) or JSON,
// schema-checked by protobuf. Errors: NOT_FOUND for an unreadable file, INVALID_ARGUMENT
// naming the file and the broken rule. Pure functions; thread-safe.

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "journeydesk/v1/contact_center_config.pb.h"

namespace journeydesk::routing {

// The shipped server_stub/config/contact_center/default.textproto, compiled in.
std::string_view DefaultContactCenterConfigText();
absl::StatusOr<v1::ContactCenterConfig> LoadDefaultContactCenterConfig();

absl::StatusOr<v1::ContactCenterConfig> LoadContactCenterConfigFile(const std::string& path);
absl::StatusOr<v1::ContactCenterConfig> ParseContactCenterConfigText(std::string_view text,
                                                                     std::string_view source);

// Rules: at least one queue; names [a-z0-9_]{1,64} and unique; channel [a-z0-9_.-]{1,32};
// service_level_target in (0, 1]; answer_within_seconds ≥ 1; default_capacity 1–100;
// default_handling_seconds ≥ 0; offer_timeout_seconds 1–3600; at least one wrap-up code,
// codes [a-z0-9_]{1,64} and unique, each with a name.
absl::Status ValidateContactCenterConfig(const v1::ContactCenterConfig& config,
                                         std::string_view source);

}  // namespace journeydesk::routing
