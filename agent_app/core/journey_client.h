#pragma once
// The desktop's gRPC client for journeydesk.v1.JourneyService (FileZilla's engine: commands
// in, notifications out). Commands return at once; their results arrive as Notifications on
// the queue. Two threads of its own:
//  - the worker runs commands one at a time, each call with its own deadline and the bearer
//    token, tracks the connection state from every call's outcome, probes journeyd with Ping
//    (backoff while unreachable, a slow liveness ping while connected) and replays the outbox
//    when the connection comes back;
//  - the watcher holds the WatchCustomer stream of the customer on screen, re-subscribing
//    with backoff when it breaks and saying so (WatchResumed), so the UI can reload what it
//    missed.
// Offline, LoadJourney answers from the LocalStore cache and writes wait in its outbox.
// All public methods are thread-safe. No wx here.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "core/backoff.h"
#include "core/connection_state.h"
#include "core/local_store.h"
#include "core/notification_queue.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "grpcpp/security/credentials.h"
#include "core/outbox_write.h"
#include "journeydesk/v1/contact_center.grpc.pb.h"
#include "journeydesk/v1/journey_service.grpc.pb.h"

namespace journeydesk::agent {

struct JourneyClientOptions {
  std::string server;  // HOST:PORT
  std::string token;   // bearer secret
  std::shared_ptr<grpc::ChannelCredentials> credentials;  // default: plaintext (loopback)
  std::string tls_ca_file;  // the CA the channel's TLS checks against, for messages; empty: plain text
  std::shared_ptr<grpc::Channel> channel;  // share one (e.g. with ContactCenterClient); default: its own
  absl::Duration call_deadline = absl::Seconds(5);        // Ping, Search, RecordTouchpoints
  absl::Duration journey_deadline = absl::Seconds(10);    // each GetJourney page
  absl::Duration liveness_interval = absl::Seconds(15);   // Ping while connected and idle
  BackoffPolicy backoff;
  int offline_after_failures = 3;  // consecutive transport failures before "offline"
  int max_touchpoints = 5000;      // journey pages fetched for the canvas, at most
};

class JourneyClient {
 public:
  // `queue` must outlive the client; `store` may be null (no cache, no outbox).
  JourneyClient(JourneyClientOptions options, NotificationQueue* queue, LocalStore* store);
  ~JourneyClient();  // Stop()
  JourneyClient(const JourneyClient&) = delete;
  JourneyClient& operator=(const JourneyClient&) = delete;

  // Starts both threads; the first Ping follows at once (→ SessionReady, ConnectionChanged).
  void Start();
  // Cancels the stream and calls in flight, joins the threads. Idempotent.
  void Stop();

  // → SearchResults. Only the latest query still waiting is run.
  void Search(std::string query, uint64_t request_id);
  // → JourneyLoaded (from journeyd, or from the cache when unreachable) or JourneyFailed.
  // Loads of the same customer still waiting are coalesced.
  void LoadJourney(std::string customer_id);
  // Watches `customer_id` from now on (→ TouchpointArrived; WatchResumed each time the stream
  // is live, the first time included, so the UI reloads what it may have missed); "" stops.
  void Watch(std::string customer_id);
  // Queues the write durably in the outbox (ids are given to touchpoints without one), then
  // sends it when connected (→ OutboxChanged). Fails only if the outbox cannot be written.
  absl::Status RecordTouchpoints(v1::RecordTouchpointsRequest request);
  // A next-step outcome, through the outbox like RecordTouchpoints (an outcome touchpoint id
  // is given if it has none); once journeyd has it, the suggestions after it arrive as
  // SuggestionsLoaded.
  absl::Status RecordActionOutcome(v1::RecordActionOutcomeRequest request);
  // A contact's wrap-up (ContactCenter.CompleteContact), through the outbox with the
  // touchpoint journeyd will record for it (WrapUpTouchpoint), which OutboxChanged carries
  // among waiting_touchpoints until it is sent; once journeyd has it → ContactChanged with
  // the completed contact. A wrap-up journeyd refuses for good (e.g. the contact was
  // completed elsewhere) → OutboxChanged.rejected.
  absl::Status CompleteContact(WrapUpWrite wrap_up);
  // → SuggestionsLoaded or SuggestionsFailed. Only the latest request still waiting is run.
  void SuggestNextSteps(v1::SuggestNextStepsRequest request);

  ConnectionState state() const;

 private:
  void Post(std::function<void()> task);
  void WorkerLoop();
  void WatchLoop();
  std::unique_ptr<grpc::ClientContext> NewContext(absl::Duration deadline) const;
  // Updates the connection state from a call's outcome (worker thread).
  void NoteOutcome(const grpc::Status& status);
  // The watch stream broke for transport reasons: probe now (watch thread).
  void NoteStreamLost(const grpc::Status& status);
  void DoPing();
  void DoSearch();
  void DoLoadJourney();
  void DoSuggestNextSteps();
  absl::Status QueueWrite(OutboxWrite write);
  void ReplayOutbox();
  // The outbox as it is: count and the touchpoints its writes will add (store_ set).
  OutboxChanged OutboxNow();
  // Sends one outboxed write (worker thread) and posts what its reply means for the UI.
  grpc::Status SendWrite(const OutboxWrite& write);

  const JourneyClientOptions options_;
  NotificationQueue* const queue_;
  LocalStore* const store_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::JourneyService::Stub> stub_;
  std::unique_ptr<v1::ContactCenter::Stub> contact_stub_;  // wrap-ups

  mutable std::mutex mutex_;  // guards everything below up to the watch section
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  bool started_ = false;
  ConnectionState state_ = ConnectionState::kConnecting;
  int consecutive_failures_ = 0;
  ReconnectBackoff backoff_;
  absl::Time next_probe_at_ = absl::InfinitePast();
  bool session_announced_ = false;
  std::string pending_search_query_;
  uint64_t pending_search_id_ = 0;
  bool search_queued_ = false;
  std::string pending_load_customer_;
  bool load_queued_ = false;
  v1::SuggestNextStepsRequest pending_suggest_;
  bool suggest_queued_ = false;

  std::mutex watch_mutex_;  // the watch section
  std::condition_variable watch_cv_;
  std::string watch_customer_;
  uint64_t watch_generation_ = 0;
  bool watch_stopping_ = false;
  grpc::ClientContext* watch_context_ = nullptr;  // the open stream's, while open

  std::thread worker_;
  std::thread watcher_;
};

}  // namespace journeydesk::agent
