#pragma once
// The agent's side of journeydesk.v1.ContactCenter (commands in, notifications out, like
// JourneyClient). Two threads of its own:
//  - the stream thread holds AgentStream: offers (with the screen-pop summary), contact
//    updates, customer messages, notices and status changes become Notifications. When the
//    stream breaks it reconnects with backoff and passes the last event's resume_token, so
//    nothing is missed (journeyd starts afresh — every pending offer and open contact — when
//    it cannot resume). A refused token stops it for good (AgentStreamLost.permanent);
//  - the worker runs commands one at a time, each with its own deadline; the reply becomes
//    ContactChanged / AgentStatusChanged, a refusal ContactCommandFailed with journeyd's
//    words (which say what to do).
// Live commands (accept, hold, messages, …) are not outboxed: they mean nothing later. The
// wrap-up is, through JourneyClient::CompleteContact. Thread-safe; no wx here.

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "absl/time/time.h"
#include "core/backoff.h"
#include "core/notification_queue.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "journeydesk/v1/contact_center.grpc.pb.h"

namespace journeydesk::agent {

struct ContactCenterClientOptions {
  std::shared_ptr<grpc::Channel> channel;  // required; shared with JourneyClient
  std::string token;                       // bearer secret of an agent-bound token
  absl::Duration call_deadline = absl::Seconds(5);
  BackoffPolicy backoff;
};

class ContactCenterClient {
 public:
  // `queue` must outlive the client.
  ContactCenterClient(ContactCenterClientOptions options, NotificationQueue* queue);
  ~ContactCenterClient();  // Stop()
  ContactCenterClient(const ContactCenterClient&) = delete;
  ContactCenterClient& operator=(const ContactCenterClient&) = delete;

  void Start();  // opens the agent stream (→ AgentStreamStarted)
  void Stop();   // cancels the stream and calls in flight, joins the threads; idempotent

  // AVAILABLE, AWAY (with a reason, e.g. "break") or OFFLINE → AgentStatusChanged.
  void SetAgentState(v1::AgentState state, std::string reason);
  void Accept(std::string contact_id);
  void Decline(std::string contact_id, std::string reason);
  void SendMessage(std::string contact_id, std::string text);
  void Hold(std::string contact_id);
  void Resume(std::string contact_id);
  void Transfer(v1::TransferContactRequest request);

 private:
  void Post(std::function<void()> task);
  void WorkerLoop();
  void StreamLoop();
  std::unique_ptr<grpc::ClientContext> NewContext() const;
  // Runs a unary contact command and posts its outcome.
  template <typename Request>
  void RunContactCommand(const std::string& action, const std::string& contact_id, const Request& request,
                         grpc::Status (v1::ContactCenter::Stub::*call)(grpc::ClientContext*, const Request&,
                                                                      v1::Contact*));
  void HandleEvent(v1::AgentEvent& event);

  const ContactCenterClientOptions options_;
  NotificationQueue* const queue_;
  std::unique_ptr<v1::ContactCenter::Stub> stub_;

  std::mutex mutex_;  // guards the worker's section
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  bool started_ = false;

  std::mutex stream_mutex_;  // guards the stream section
  std::condition_variable stream_cv_;
  bool stream_stopping_ = false;
  grpc::ClientContext* stream_context_ = nullptr;  // the open stream's, while open
  std::string resume_token_;                        // stream thread only

  std::thread worker_;
  std::thread streamer_;
};

}  // namespace journeydesk::agent
