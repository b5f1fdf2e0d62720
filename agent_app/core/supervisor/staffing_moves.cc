#include "core/supervisor/staffing_moves.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace journeydesk::agent::supervisor {
namespace {

const v1::AgentStatus* FindAgent(const std::vector<v1::AgentStatus>& agents, const std::string& id) {
  auto it = std::find_if(agents.begin(), agents.end(), [&](const v1::AgentStatus& a) { return a.agent_id() == id; });
  return it == agents.end() ? nullptr : &*it;
}

v1::SetAgentChannelsRequest MoveRequest(const v1::AgentStatus& agent, const std::string& from_channel,
                                        const std::string& to_channel, int to_capacity) {
  v1::SetAgentChannelsRequest request;
  request.set_agent_id(agent.agent_id());
  bool has_target = false;
  for (const v1::ChannelCapacity& channel : agent.channels()) {
    if (channel.channel() == from_channel) continue;
    if (channel.channel() == to_channel) has_target = true;
    *request.add_channels() = channel;
  }
  if (!has_target) {
    v1::ChannelCapacity* added = request.add_channels();
    added->set_channel(to_channel);
    added->set_capacity(to_capacity);
  }
  return request;
}

}  // namespace

std::map<std::string, int> DefaultCapacities(const std::vector<v1::AgentStatus>& agents) {
  std::map<std::string, int> capacities;
  for (const v1::AgentStatus& agent : agents) {
    if (!agent.default_channels()) continue;
    for (const v1::ChannelCapacity& channel : agent.channels()) capacities.emplace(channel.channel(), channel.capacity());
  }
  return capacities;
}

std::vector<ApplicableMove> PlanStaffingMoves(const v1::StaffingAdvice& advice,
                                              const std::vector<v1::AgentStatus>& agents) {
  std::map<std::string, std::string> channel_of;
  for (const v1::QueueStaffing& queue : advice.queues()) channel_of[queue.queue()] = queue.channel();
  const std::map<std::string, int> defaults = DefaultCapacities(agents);
  std::vector<ApplicableMove> moves;
  for (const v1::StaffingMove& advised : advice.moves()) {
    ApplicableMove move;
    move.text = advised.text();
    move.from_queue = advised.from_queue();
    move.to_queue = advised.to_queue();
    move.from_channel = channel_of.count(advised.from_queue()) ? channel_of[advised.from_queue()] : advised.from_queue();
    move.to_channel = channel_of.count(advised.to_queue()) ? channel_of[advised.to_queue()] : advised.to_queue();
    move.agents = advised.agents();
    move.agent_ids.assign(advised.agent_ids().begin(), advised.agent_ids().end());
    const auto capacity = defaults.find(move.to_channel);
    const int to_capacity = capacity == defaults.end() ? 1 : capacity->second;
    std::vector<std::string> missing;
    for (const std::string& id : move.agent_ids) {
      const v1::AgentStatus* agent = FindAgent(agents, id);
      if (agent == nullptr) {
        missing.push_back(id);
        continue;
      }
      move.requests.push_back(MoveRequest(*agent, move.from_channel, move.to_channel, to_capacity));
    }
    if (move.agent_ids.empty()) {
      move.problem = "journeyd named no agent for this move; move one by hand (Ctrl+G)";
    } else if (!missing.empty()) {
      move.problem = absl::StrCat(absl::StrJoin(missing, ", "),
                                  missing.size() == 1 ? " is" : " are",
                                  " not in the agent list yet; refresh (Ctrl+R) and apply again");
    }
    moves.push_back(std::move(move));
  }
  return moves;
}

}  // namespace journeydesk::agent::supervisor
