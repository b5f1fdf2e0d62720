#pragma once
// The contact centre's use cases, free of gRPC: the api/ layer authenticates and
// authorises, then calls these.
//
// Around the ContactRouter (routing/) this adds what a live contact needs:
// - identity: an address is resolved to a customer (a prospect when unknown);
// - the screen pop: every offer carries a JourneySummary read through JourneyServiceCore;
// - agents' streams: events go to the AgentEventLog in the order the router made them;
// - durability: contacts and agents' settings are saved in the ContactStore after each
//   step (offers are pushed before the save: an offer reaches the agent without waiting
//   for the disk; a failed save of a new contact withdraws it again);
// - the journey: every step is recorded as a touchpoint through
//   JourneyServiceCore::RecordTouchpoints (stage derivation, storage, audit and
//   WatchCustomer all apply), with ids "<contact id>.<step>[.<n>]" so a retry is a no-op;
// - a ticker thread: offer timeouts, and the queue board pushed on change, at most every
//   board_interval.
//
// Thread safety: every method may be called from any thread at once.
// Errors: as ContactRouter's, plus INVALID_ARGUMENT for malformed requests and
// FAILED_PRECONDITION for a token that is not bound to an agent on an agent RPC.

#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "auth/caller.h"
#include "events/agent_event_log.h"
#include "journeydesk/v1/contact_center.pb.h"
#include "journeydesk/v1/contact_center_config.pb.h"
#include "routing/contact_router.h"
#include "service/journey_service_core.h"
#include "store/contact_store.h"
#include "store/journey_store.h"

namespace journeydesk::service {

// The kind of the touchpoint a wrap-up records, "<contact id>.completed".
inline constexpr char kContactCompletedKind[] = "contact_completed";

struct ContactCenterOptions {
  std::function<absl::Time()> clock = [] { return absl::Now(); };
  absl::Duration tick = absl::Milliseconds(50);             // offer timer resolution
  absl::Duration board_interval = absl::Milliseconds(250);  // at most 4 boards a second
  absl::Duration board_refresh = absl::Seconds(2);          // while contacts wait (oldest wait grows)
};

class ContactCenterCore {
 public:
  // Restores open contacts and agents' settings from `contacts` and starts the ticker.
  // `contacts`, `customers` and `journeys` must outlive the core.
  static absl::StatusOr<std::unique_ptr<ContactCenterCore>> Create(
      v1::ContactCenterConfig config, store::ContactStore& contacts,
      store::CustomerStore& customers, JourneyServiceCore& journeys,
      ContactCenterOptions options = {});
  ~ContactCenterCore();  // Shutdown()

  // --- integrations ---
  absl::StatusOr<v1::EnqueueContactResponse> EnqueueContact(const auth::Caller& caller,
                                                            const v1::EnqueueContactRequest& request);
  absl::StatusOr<v1::Contact> PostCustomerMessage(const auth::Caller& caller,
                                                  const v1::PostCustomerMessageRequest& request);
  absl::StatusOr<v1::Contact> EndContact(const auth::Caller& caller,
                                         const v1::EndContactRequest& request);

  // --- agents (caller.agent_id acts) ---
  absl::StatusOr<v1::AgentStatus> SetAgentState(const auth::Caller& caller,
                                                const v1::SetAgentStateRequest& request);
  absl::StatusOr<v1::Contact> AcceptContact(const auth::Caller& caller,
                                            const v1::AcceptContactRequest& request);
  absl::StatusOr<v1::Contact> DeclineContact(const auth::Caller& caller,
                                             const v1::DeclineContactRequest& request);
  absl::StatusOr<v1::Contact> SendMessage(const auth::Caller& caller,
                                          const v1::SendMessageRequest& request);
  absl::StatusOr<v1::Contact> HoldContact(const auth::Caller& caller,
                                          const v1::HoldContactRequest& request);
  absl::StatusOr<v1::Contact> ResumeContact(const auth::Caller& caller,
                                            const v1::ResumeContactRequest& request);
  absl::StatusOr<v1::Contact> TransferContact(const auth::Caller& caller,
                                              const v1::TransferContactRequest& request);
  absl::StatusOr<v1::Contact> CompleteContact(const auth::Caller& caller,
                                              const v1::CompleteContactRequest& request);

  // An open AgentStream: the agent counts as connected while it lives.
  class AgentSession {
   public:
    ~AgentSession();
    AgentSession(const AgentSession&) = delete;
    AgentSession& operator=(const AgentSession&) = delete;
    // The first event to send (`started`, not numbered in the log).
    const v1::AgentEvent& started() const { return started_; }
    // Waits for the next events; kClosed on shutdown, kGap when this reader fell too far
    // behind (the client should reconnect without a resume token).
    events::AgentEventLog::ReadResult Next(absl::Duration timeout, std::vector<v1::AgentEvent>* out);

   private:
    friend class ContactCenterCore;
    AgentSession(ContactCenterCore* core, std::string agent_id) : core_(core), agent_id_(std::move(agent_id)) {}
    ContactCenterCore* core_;
    std::string agent_id_;
    uint64_t after_ = 0;
    v1::AgentEvent started_;
  };
  absl::StatusOr<std::unique_ptr<AgentSession>> OpenAgentStream(const auth::Caller& caller,
                                                               const v1::AgentStreamRequest& request);

  // --- supervisors ---
  // The board now (a WatchQueues stream sends this first, then follows board_feed()).
  v1::QueueBoard CurrentBoard();
  events::QueueBoardFeed& board_feed() { return board_feed_; }
  absl::StatusOr<v1::ListAgentsResponse> ListAgents(const auth::Caller& caller);
  absl::StatusOr<v1::AgentStatus> SetAgentChannels(const auth::Caller& caller,
                                                   const v1::SetAgentChannelsRequest& request);
  absl::StatusOr<v1::StaffingAdvice> GetStaffingAdvice(const auth::Caller& caller,
                                                       const v1::GetStaffingAdviceRequest& request);

  const v1::ContactCenterConfig& config() const { return config_; }
  // Ends every stream (kClosed) and stops the ticker. Idempotent.
  void Shutdown();

 private:
  ContactCenterCore(v1::ContactCenterConfig config, store::ContactStore& contacts,
                    store::CustomerStore& customers, JourneyServiceCore& journeys,
                    ContactCenterOptions options);

  // Runs `change` on the router under the lock, then delivers what it produced (events,
  // saves, touchpoints) in the order the router made it. Returns `change`'s result; a
  // failed save turns an OK result into that error only when `must_persist`.
  template <typename T, typename Change>
  absl::StatusOr<T> Mutate(Change&& change, bool must_persist = false);
  // Publishes the output's events (in ticket order), saves contacts and agents, records
  // touchpoints. Returns the first save error.
  absl::Status Deliver(routing::RouterOutput output, uint64_t ticket);
  void PublishEvents(const routing::RouterOutput& output, std::vector<v1::AgentEvent>& offers);
  absl::Status Persist(const routing::RouterOutput& output);
  void RecordJourneySteps(const routing::RouterOutput& output);
  v1::JourneySummary Summarise(const std::string& customer_id, const std::string& agent_id);
  v1::Offer MakeOffer(const v1::Contact& contact, const std::string& transferred_by);
  void WaitTurn(uint64_t ticket);
  void EndTurn();
  void TickerLoop();
  absl::StatusOr<std::string> AgentOf(const auth::Caller& caller) const;
  static void LogSaveFailure(const absl::Status& status);

  const v1::ContactCenterConfig config_;
  store::ContactStore& contacts_;
  store::CustomerStore& customers_;
  JourneyServiceCore& journeys_;
  const ContactCenterOptions options_;
  events::AgentEventLog agent_log_;
  events::QueueBoardFeed board_feed_;

  absl::Mutex mu_;
  routing::ContactRouter router_ ABSL_GUARDED_BY(mu_);
  uint64_t next_ticket_ ABSL_GUARDED_BY(mu_) = 0;
  bool board_dirty_ ABSL_GUARDED_BY(mu_) = true;

  absl::Mutex turn_mu_;
  uint64_t serving_ ABSL_GUARDED_BY(turn_mu_) = 0;

  absl::Mutex ticker_mu_;
  bool stopping_ ABSL_GUARDED_BY(ticker_mu_) = false;
  std::thread ticker_;
};

template <typename T, typename Change>
inline absl::StatusOr<T> ContactCenterCore::Mutate(Change&& change, bool must_persist) {
  routing::RouterOutput output;
  uint64_t ticket = 0;
  absl::StatusOr<T> result;
  {
    absl::MutexLock lock(&mu_);
    result = change(router_, options_.clock(), &output);
    ticket = next_ticket_++;
    if (!output.steps.empty() || !output.agents_changed.empty()) board_dirty_ = true;
  }
  absl::Status saved = Deliver(std::move(output), ticket);
  if (!saved.ok()) {
    LogSaveFailure(saved);
    if (must_persist && result.ok()) return saved;
  }
  return result;
}

}  // namespace journeydesk::service
