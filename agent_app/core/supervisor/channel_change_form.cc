#include "core/supervisor/channel_change_form.h"

#include <algorithm>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace journeydesk::agent::supervisor {

absl::StatusOr<v1::SetAgentChannelsRequest> BuildChannelChange(const std::string& agent_id, bool use_defaults,
                                                               const std::vector<ChannelChoice>& choices,
                                                               const std::vector<std::string>& known_channels) {
  const absl::string_view id = absl::StripAsciiWhitespace(agent_id);
  if (id.empty()) return absl::InvalidArgumentError("Agent: choose an agent from the list or type an agent id");
  if (std::any_of(id.begin(), id.end(), [](char c) { return absl::ascii_isspace(static_cast<unsigned char>(c)); })) {
    return absl::InvalidArgumentError(absl::StrCat("Agent: '", id, "' contains a space; agent ids have none"));
  }
  v1::SetAgentChannelsRequest request;
  request.set_agent_id(std::string(id));
  if (use_defaults) return request;
  std::set<std::string> seen;
  for (const ChannelChoice& choice : choices) {
    if (!choice.selected) continue;
    if (std::find(known_channels.begin(), known_channels.end(), choice.channel) == known_channels.end()) {
      return absl::InvalidArgumentError(absl::StrCat("Channel '", choice.channel, "' is not served by any queue; the channels are ",
                                                     absl::StrJoin(known_channels, ", ")));
    }
    if (!seen.insert(choice.channel).second) {
      return absl::InvalidArgumentError(absl::StrCat("Channel '", choice.channel, "' is chosen twice"));
    }
    const absl::string_view text = absl::StripAsciiWhitespace(choice.capacity_text);
    int capacity = 0;
    if (!absl::SimpleAtoi(text, &capacity) || capacity < kMinChannelCapacity || capacity > kMaxChannelCapacity) {
      return absl::InvalidArgumentError(absl::StrCat("Capacity for ", choice.channel, ": '", text,
                                                     "' is not a whole number from ", kMinChannelCapacity, " to ",
                                                     kMaxChannelCapacity, " (contacts of this channel at once)"));
    }
    v1::ChannelCapacity* channel = request.add_channels();
    channel->set_channel(choice.channel);
    channel->set_capacity(capacity);
  }
  if (request.channels_size() == 0) {
    return absl::InvalidArgumentError(
        "Channels: tick at least one channel, or choose \"every channel at its default capacity\"");
  }
  return request;
}

}  // namespace journeydesk::agent::supervisor
