#pragma once
// What SupervisorClient tells the supervisor window (commands in, notifications out, as
// JourneyClient does). Plain values; no wx types.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "absl/time/time.h"
#include "core/connection_state.h"
#include "journeydesk/v1/contact_center.pb.h"

namespace journeydesk::agent::supervisor {

// The connection to journeyd as the supervisor's status bar shows it.
struct SupervisorConnectionChanged {
  ConnectionState state;
  std::string detail;  // the last error, empty when connected
};
// Ping answered: who the token belongs to. `may_supervise` is false for roles other than
// supervisor and admin; the client then stops (nothing it would ask for is allowed).
struct SupervisorSignedIn {
  std::string agent_id;
  std::string role;
  bool may_supervise = false;
  std::string message;  // when !may_supervise: what is wrong and what to do
};
// A queue board from WatchQueues (sent at once, then on every change).
struct BoardReceived {
  v1::QueueBoard board;
};
struct AgentsReceived {
  std::vector<v1::AgentStatus> agents;
  absl::Time fetched_at;
};
struct AdviceReceived {
  v1::StaffingAdvice advice;
};
// The outcome of one ChangeChannels command: every request was tried, in order.
struct ChannelsChanged {
  uint64_t request_id = 0;
  std::vector<v1::AgentStatus> changed;  // journeyd's answer for each request that succeeded
  std::vector<std::string> failures;     // "agent-2: <why>; …" for each that did not
};
// A call that failed for a reason other than the transport (those move the connection state).
struct SupervisorCallFailed {
  std::string what;     // "agents", "advice"
  std::string message;  // says what to do next
};

using SupervisorNotification =
    std::variant<SupervisorConnectionChanged, SupervisorSignedIn, BoardReceived, AgentsReceived,
                 AdviceReceived, ChannelsChanged, SupervisorCallFailed>;

}  // namespace journeydesk::agent::supervisor
