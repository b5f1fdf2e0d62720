#include "core/supervisor/queue_board_view_model.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "core/proto_time.h"
#include "core/supervisor/supervisor_format.h"

namespace journeydesk::agent::supervisor {

std::string QueueRow::Describe() const {
  std::string level_text = service_level ? FormatPercent(*service_level) : "no service level yet";
  return absl::StrCat(name(), ": ", status.waiting(), " waiting, oldest ", FormatWait(status.oldest_wait_seconds()),
                      ", service level ", level_text, " (target ", FormatPercent(status.service_level_target()),
                      " in ", FormatWait(status.answer_within_seconds()), "), ", ToString(level), "; agents ",
                      status.agents_available(), " available, ", status.agents_busy(), " busy, ",
                      status.agents_wrap_up(), " wrap-up, ", status.agents_away(), " away");
}

std::string ToString(AgentGroup group) {
  switch (group) {
    case AgentGroup::kBusy: return "On contacts";
    case AgentGroup::kAvailable: return "Available";
    case AgentGroup::kAway: return "Away";
    case AgentGroup::kOffline: return "Offline";
  }
  return "Offline";
}

AgentGroup GroupOf(const v1::AgentStatus& agent) {
  if (agent.active_contacts() > 0) return AgentGroup::kBusy;
  switch (agent.state()) {
    case v1::AVAILABLE: return AgentGroup::kAvailable;
    case v1::AWAY: return AgentGroup::kAway;
    default: return AgentGroup::kOffline;
  }
}

QueueBoardViewModel::QueueBoardViewModel(size_t trend_capacity) : trend_capacity_(std::max<size_t>(2, trend_capacity)) {}

void QueueBoardViewModel::ApplyBoard(const v1::QueueBoard& board) {
  std::map<std::string, std::deque<TrendSample>> trends;
  for (QueueRow& row : queues_) trends[row.name()] = std::move(row.trend);
  const absl::Time at = board.has_at() ? FromProto(board.at()) : absl::Now();
  std::vector<QueueRow> rows;
  rows.reserve(board.queues_size());
  for (const v1::QueueStatus& status : board.queues()) {
    QueueRow row;
    row.status = status;
    row.level = ClassifyServiceLevel(status);
    row.service_level = CurrentServiceLevel(status);
    row.trend = std::move(trends[status.queue()]);
    row.trend.push_back(TrendSample{at, status.waiting(), row.service_level});
    while (row.trend.size() > trend_capacity_) row.trend.pop_front();
    rows.push_back(std::move(row));
  }
  queues_ = std::move(rows);
  board_at_ = at;
}

void QueueBoardViewModel::ApplyAgents(std::vector<v1::AgentStatus> agents) {
  std::sort(agents.begin(), agents.end(),
            [](const v1::AgentStatus& a, const v1::AgentStatus& b) { return a.agent_id() < b.agent_id(); });
  agents_ = std::move(agents);
  RebuildMoves();
}

void QueueBoardViewModel::ApplyAdvice(v1::StaffingAdvice advice) {
  advice_ = std::move(advice);
  has_advice_ = true;
  RebuildMoves();
}

void QueueBoardViewModel::RebuildMoves() { moves_ = PlanStaffingMoves(advice_, agents_); }

std::vector<AgentGroupRows> QueueBoardViewModel::AgentsByState() const {
  std::vector<AgentGroupRows> groups = {
      {AgentGroup::kBusy, {}}, {AgentGroup::kAvailable, {}}, {AgentGroup::kAway, {}}, {AgentGroup::kOffline, {}}};
  for (const v1::AgentStatus& agent : agents_) groups[static_cast<size_t>(GroupOf(agent))].agents.push_back(agent);
  return groups;
}

std::vector<v1::SetAgentChannelsRequest> QueueBoardViewModel::MoveRequests() const {
  std::vector<v1::SetAgentChannelsRequest> requests;
  std::set<std::string> agents;
  for (const ApplicableMove& move : moves_) {
    for (const v1::SetAgentChannelsRequest& request : move.requests) {
      if (agents.insert(request.agent_id()).second) requests.push_back(request);
    }
  }
  return requests;
}

std::string QueueBoardViewModel::NoMovesReason() const {
  if (!has_advice_) return "No advice yet: wait a moment or refresh (Ctrl+R)";
  std::vector<std::string> short_queues;
  for (const v1::QueueStaffing& queue : advice_.queues()) {
    if (queue.real_time() && queue.agents_needed() > queue.agents_assigned()) short_queues.push_back(queue.queue());
  }
  if (short_queues.empty()) return "No moves advised: every real-time queue has the agents it needs";
  return absl::StrCat("No moves advised: ", absl::StrJoin(short_queues, ", "), short_queues.size() == 1 ? " is" : " are",
                      " short of agents and no queue has any to spare; move agents by hand (Ctrl+G) or call in staff");
}

std::vector<std::string> QueueBoardViewModel::Channels() const {
  std::vector<std::string> channels;
  for (const QueueRow& row : queues_) {
    if (std::find(channels.begin(), channels.end(), row.status.channel()) == channels.end()) {
      channels.push_back(row.status.channel());
    }
  }
  return channels;
}

int QueueBoardViewModel::total_waiting() const {
  int total = 0;
  for (const QueueRow& row : queues_) total += row.status.waiting();
  return total;
}

}  // namespace journeydesk::agent::supervisor
