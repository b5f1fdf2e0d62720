#pragma once
// Staffing advice made apply-able: each StaffingMove of GetStaffingAdvice becomes the
// SetAgentChannels requests that carry it out. Pure functions, no I/O.

#include <map>
#include <string>
#include <vector>

#include "journeydesk/v1/contact_center.pb.h"

namespace journeydesk::agent::supervisor {

struct ApplicableMove {
  std::string text;  // journeyd's sentence: "move 1 agent from email to phone: phone service level 0 % → 41 %"
  std::string from_queue;
  std::string to_queue;
  std::string from_channel;
  std::string to_channel;
  int agents = 0;
  std::vector<std::string> agent_ids;
  // One per named agent: its effective channels without from_channel, plus to_channel at the
  // channel's default capacity (kept if it already had it).
  std::vector<v1::SetAgentChannelsRequest> requests;
  // Non-empty when the move cannot be applied as it stands (says why and what to do);
  // `requests` then holds only the agents that can be moved.
  std::string problem;
};

// Each channel's default capacity as journeyd fills it in for agents without settings of
// their own (`default_channels`); channels no such agent shows are absent.
std::map<std::string, int> DefaultCapacities(const std::vector<v1::AgentStatus>& agents);

// The moves of `advice` as requests, in advice order. Queues map to channels through
// advice.queues; a channel with no known default capacity gets capacity 1 (the one value
// every channel accepts). An agent missing from `agents` is reported in `problem`.
std::vector<ApplicableMove> PlanStaffingMoves(const v1::StaffingAdvice& advice,
                                              const std::vector<v1::AgentStatus>& agents);

}  // namespace journeydesk::agent::supervisor
