#pragma once
// Staffing advice: for each queue, the agents Erlang C says it needs to meet its service
// level from the measured arrival rate and handling time; concrete moves of agents between
// channels ("move 2 agents from email to chat: chat service level 62 % → 84 %"); and
// what-if scenarios for planning.
//
// Model: each queue is an M/M/N queue (Erlang C) with N = the AVAILABLE agents serving its
// channel. An agent who handles `capacity` contacts of a channel at once is modelled as one
// server with handling time AHT ÷ capacity (so a chat agent at 3 chats serves three times
// as fast). Arrival rate = arrivals over the last 15 minutes × 4 (what the floor feels now);
// AHT = mean accept → complete over the last hour, else the queue's configured default.
// Pure functions over the router's figures; thread-safe.

#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "journeydesk/v1/contact_center.pb.h"
#include "routing/contact_router.h"

namespace journeydesk::routing {

// Advice for now. `agent_channels` maps an agent id to the channels it serves (effective),
// used to name agents who can be moved.
v1::StaffingAdvice AdviseStaffing(const std::vector<QueueLoad>& loads,
                                  const std::vector<v1::AgentStatus>& agents, absl::Time now);

// A what-if for one queue: missing target / answer time are taken from the queue's config.
// INVALID_ARGUMENT for an unknown queue or a non-positive rate or handling time.
absl::StatusOr<v1::ScenarioResult> EvaluateScenario(const v1::Scenario& scenario,
                                                    const v1::ContactCenterConfig& config);

}  // namespace journeydesk::routing
