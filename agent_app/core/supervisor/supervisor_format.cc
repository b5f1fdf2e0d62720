#include "core/supervisor/supervisor_format.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace journeydesk::agent::supervisor {

std::string FormatWait(double seconds) {
  if (seconds < 0 || std::isnan(seconds)) return "—";
  const long total = std::lround(seconds);
  if (total < 3600) return absl::StrFormat("%d:%02d", total / 60, total % 60);
  return absl::StrFormat("%d h %02d", total / 3600, (total % 3600) / 60);
}

std::string FormatPercent(double fraction) { return absl::StrFormat("%.0f %%", fraction * 100); }

std::string FormatChannels(const v1::AgentStatus& agent) {
  if (agent.channels().empty()) return "none";
  std::string text;
  for (const v1::ChannelCapacity& channel : agent.channels()) {
    absl::StrAppend(&text, text.empty() ? "" : ", ", channel.channel(), " ×", channel.capacity());
  }
  if (agent.default_channels()) absl::StrAppend(&text, " (defaults)");
  return text;
}

std::string FormatAgentState(const v1::AgentStatus& agent) {
  std::string text;
  switch (agent.state()) {
    case v1::AVAILABLE: text = "available"; break;
    case v1::AWAY: text = agent.away_reason().empty() ? "away" : absl::StrCat("away (", agent.away_reason(), ")"); break;
    default: text = "offline"; break;
  }
  if (!agent.connected()) absl::StrAppend(&text, ", not connected");
  return text;
}

}  // namespace journeydesk::agent::supervisor
