#pragma once
// The supervisor window's gRPC client for journeydesk.v1.ContactCenter (commands in,
// notifications out, like core/journey_client.h). Two threads of its own:
//  - the worker signs in (JourneyService.Ping: a role other than supervisor or admin stops
//    the client with SupervisorSignedIn{may_supervise = false}), then runs commands one at a
//    time with a deadline each: ListAgents (soon after every board, at most every
//    agents_min_interval, and every agents_interval regardless), GetStaffingAdvice (every
//    advice_interval and after changes) and SetAgentChannels;
//  - the watcher holds the WatchQueues stream. When it breaks it re-subscribes with backoff;
//    journeyd sends the whole board at once on every subscription, so nothing is missed.
// Every call's outcome moves the connection state (connecting → connected; UNAVAILABLE or
// DEADLINE_EXCEEDED → reconnecting, and offline after offline_after_failures in a row).
// All public methods are thread-safe. No wx here.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/time/time.h"
#include "core/backoff.h"
#include "core/connection_state.h"
#include "core/supervisor/supervisor_notification_queue.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "grpcpp/security/credentials.h"
#include "journeydesk/v1/contact_center.grpc.pb.h"
#include "journeydesk/v1/journey_service.grpc.pb.h"

namespace journeydesk::agent::supervisor {

struct SupervisorClientOptions {
  std::string server;  // HOST:PORT
  std::string token;   // bearer secret of a supervisor or admin token
  std::shared_ptr<grpc::ChannelCredentials> credentials;   // default: plaintext (loopback)
  std::string tls_ca_file;  // the CA the credentials check against, for messages; empty: plain text
  absl::Duration call_deadline = absl::Seconds(5);         // every unary call
  absl::Duration agents_interval = absl::Seconds(10);      // ListAgents at least this often
  absl::Duration agents_min_interval = absl::Seconds(1);   // … and at most this often on board changes
  absl::Duration advice_interval = absl::Seconds(30);      // GetStaffingAdvice
  BackoffPolicy backoff;
  int offline_after_failures = 3;
};

class SupervisorClient {
 public:
  // `queue` must outlive the client.
  SupervisorClient(SupervisorClientOptions options, SupervisorNotificationQueue* queue);
  ~SupervisorClient();  // Stop()
  SupervisorClient(const SupervisorClient&) = delete;
  SupervisorClient& operator=(const SupervisorClient&) = delete;

  // Starts both threads; Ping first (→ SupervisorSignedIn), then the board, agents and advice.
  void Start();
  // Cancels the stream and the calls in flight, joins the threads. Idempotent.
  void Stop();

  // Fetches agents and advice now (→ AgentsReceived, AdviceReceived) and, if the board
  // stream is waiting to reconnect, retries it at once.
  void Refresh();
  // Runs every request in order (→ ChannelsChanged with each success and failure), then
  // refreshes agents and advice. Requests are not checked here; journeyd checks them.
  void ChangeChannels(std::vector<v1::SetAgentChannelsRequest> requests, uint64_t request_id);

  ConnectionState state() const;

 private:
  void Post(std::function<void()> task);
  void WorkerLoop();
  void WatchLoop();
  std::unique_ptr<grpc::ClientContext> NewContext() const;
  void NoteOutcome(const grpc::Status& status);
  // A board arrived: the agents' figures changed too (watch thread).
  void RequestAgentsSoon();
  void DoPing();
  void DoListAgents();
  void DoAdvice();
  void DoChangeChannels(const std::vector<v1::SetAgentChannelsRequest>& requests, uint64_t request_id);
  // Pushes SupervisorCallFailed for a refusal; transport failures only move the state.
  void ReportFailure(const std::string& what, const grpc::Status& status);

  const SupervisorClientOptions options_;
  SupervisorNotificationQueue* const queue_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::ContactCenter::Stub> center_;
  std::unique_ptr<v1::JourneyService::Stub> journeys_;

  mutable std::mutex mutex_;  // guards everything below up to the watch section
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  bool started_ = false;
  bool signed_in_ = false;     // Ping answered with a role that may supervise
  bool refused_ = false;       // Ping refused the token or the role: nothing more to do
  ConnectionState state_ = ConnectionState::kConnecting;
  int consecutive_failures_ = 0;
  ReconnectBackoff ping_backoff_;
  absl::Time next_ping_at_ = absl::InfinitePast();
  absl::Time next_agents_at_ = absl::InfiniteFuture();
  absl::Time last_agents_at_ = absl::InfinitePast();
  absl::Time next_advice_at_ = absl::InfiniteFuture();

  std::mutex watch_mutex_;  // the watch section
  std::condition_variable watch_cv_;
  bool watch_enabled_ = false;
  bool watch_stopping_ = false;
  bool watch_kick_ = false;  // Refresh(): skip the rest of the backoff
  grpc::ClientContext* watch_context_ = nullptr;  // the open stream's, while open

  std::thread worker_;
  std::thread watcher_;
};

}  // namespace journeydesk::agent::supervisor
