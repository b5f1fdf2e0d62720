#pragma once
// The supervisor window as data (no wx): one row per queue with its service-level colour and
// a short trend, the agents grouped by state, and the staffing advice as apply-able moves.
// Fed from SupervisorClient's notifications; main thread only (not thread-safe).

#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "core/supervisor/service_level.h"
#include "core/supervisor/staffing_moves.h"
#include "journeydesk/v1/contact_center.pb.h"

namespace journeydesk::agent::supervisor {

// One point of a queue's trend line: the queue as one board showed it.
struct TrendSample {
  absl::Time at;
  int waiting = 0;
  std::optional<double> service_level;  // CurrentServiceLevel(), 0–1
};

struct QueueRow {
  v1::QueueStatus status;               // as journeyd sent it
  ServiceLevelStatus level = ServiceLevelStatus::kNoData;
  std::optional<double> service_level;  // CurrentServiceLevel(status)
  std::deque<TrendSample> trend;        // oldest first, at most the model's trend_capacity

  const std::string& name() const { return status.queue(); }
  // One sentence for screen readers and tooltips: "phone: 8 waiting, oldest 0:42, service
  // level 62 % (target 80 % in 20 s), breach; agents 1 available, 2 busy, 0 wrap-up, 1 away".
  std::string Describe() const;
};

// The groups of the agent list, in display order. An agent with any open contact is
// kBusy whatever its state (it is working); the others by state. Not connected agents stay
// in their state's group (the list shows "not connected").
enum class AgentGroup { kBusy, kAvailable, kAway, kOffline };
std::string ToString(AgentGroup group);  // "On contacts", "Available", "Away", "Offline"
AgentGroup GroupOf(const v1::AgentStatus& agent);

struct AgentGroupRows {
  AgentGroup group;
  std::vector<v1::AgentStatus> agents;  // by agent id
};

class QueueBoardViewModel {
 public:
  // Each queue keeps its last `trend_capacity` samples (one per board), ≥ 2.
  explicit QueueBoardViewModel(size_t trend_capacity = 60);

  // Replaces the rows with the board's queues (board order) and adds one trend sample each.
  // A queue that leaves the board loses its trend.
  void ApplyBoard(const v1::QueueBoard& board);
  void ApplyAgents(std::vector<v1::AgentStatus> agents);
  void ApplyAdvice(v1::StaffingAdvice advice);

  const std::vector<QueueRow>& queues() const { return queues_; }
  const std::vector<v1::AgentStatus>& agents() const { return agents_; }
  // Every group in AgentGroup order, empty ones included, agents by id.
  std::vector<AgentGroupRows> AgentsByState() const;
  const v1::StaffingAdvice& advice() const { return advice_; }
  bool has_advice() const { return has_advice_; }
  // The advice's moves with their requests, built from the latest advice and agent list.
  const std::vector<ApplicableMove>& moves() const { return moves_; }
  // Every request of every move that can be applied, in advice order; an agent named twice
  // gets only its first request.
  std::vector<v1::SetAgentChannelsRequest> MoveRequests() const;
  // Why there is nothing to apply, for when MoveRequests() is empty: no advice yet, every
  // real-time queue staffed, or short queues with nobody to spare (naming them).
  std::string NoMovesReason() const;
  // The channels queues serve, in board order, each once (for the Move agent dialog).
  std::vector<std::string> Channels() const;
  std::optional<absl::Time> board_at() const { return board_at_; }
  int total_waiting() const;
  size_t trend_capacity() const { return trend_capacity_; }

 private:
  void RebuildMoves();

  size_t trend_capacity_;
  std::vector<QueueRow> queues_;
  std::optional<absl::Time> board_at_;
  std::vector<v1::AgentStatus> agents_;
  v1::StaffingAdvice advice_;
  bool has_advice_ = false;
  std::vector<ApplicableMove> moves_;
};

}  // namespace journeydesk::agent::supervisor
