#pragma once
// The shipped default stage map (server_stub/config/stage_maps/subscription.textproto),
// compiled into journeyd so it runs without any configuration file.

#include <string_view>

#include "absl/status/statusor.h"
#include "journeydesk/v1/stage_map.pb.h"

namespace journeydesk::journey {

// The text of subscription.textproto as it was at build time. Static storage.
std::string_view DefaultStageMapText();

// DefaultStageMapText() parsed and validated. Fails only if the shipped file is broken,
// which the unit tests rule out.
absl::StatusOr<v1::StageMap> LoadDefaultStageMap();

// The name errors and logs use for the compiled-in map.
inline constexpr std::string_view kDefaultStageMapSource = "subscription.textproto (built in)";

}  // namespace journeydesk::journey
