#pragma once
// The "Move agent…" dialog's input, checked before anything is sent: which agent, and either
// "every channel at its default capacity" or a set of channels each with a capacity typed by
// hand. Pure; no wx.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "journeydesk/v1/contact_center.pb.h"

namespace journeydesk::agent::supervisor {

// journeyd's bounds for a capacity (contacts of one channel at once).
inline constexpr int kMinChannelCapacity = 1;
inline constexpr int kMaxChannelCapacity = 100;

struct ChannelChoice {
  std::string channel;
  bool selected = false;
  std::string capacity_text;  // as typed; read only when selected
};

// INVALID_ARGUMENT, with a message that names the field and what to type, when: the agent
// id is empty or contains spaces; no channel is selected and `use_defaults` is false; a
// selected channel is not in `known_channels` (the message lists them) or is listed twice; a
// capacity is not a whole number in 1–100. With `use_defaults` the channels are ignored and
// the request has none (journeyd: every channel at its default capacity).
absl::StatusOr<v1::SetAgentChannelsRequest> BuildChannelChange(const std::string& agent_id, bool use_defaults,
                                                               const std::vector<ChannelChoice>& choices,
                                                               const std::vector<std::string>& known_channels);

}  // namespace journeydesk::agent::supervisor
