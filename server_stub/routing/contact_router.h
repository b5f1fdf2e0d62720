#pragma once
// ContactRouter: the automatic contact distributor. Queues per channel, agents with their
// channels and capacities, the contact state machine and the offer timer.
//
//   queued → offered → active ⇄ held → (customer leaves) wrap-up → completed
//   queued/offered → abandoned (the customer left first)
//   offered → queued (declined, offer missed, agent went away) — back at its original place
//   active/held → queued in a queue, or offered to another agent (transferred)
//
// Routing rule: the longest-waiting contact goes to the longest-idle eligible agent. An
// agent is eligible when AVAILABLE, connected (an open AgentStream), serving the contact's
// channel and below its capacity on that channel; agents who declined or missed this
// contact are passed over while someone else is eligible. "Longest idle" = fewest open
// contacts first, then the earliest idle_since (when the agent last got an offer, finished
// a contact or became available).
// An offer not accepted within offer_timeout_seconds goes back to the queue at its original
// position, and the agent is set AWAY ("missed offer") so that the next contact is not
// offered to an empty desk.
//
// Every mutation takes `now` (injected: tests are deterministic) and appends what happened
// to a RouterOutput: the caller persists the contact snapshots, tells the agents and
// records the steps on the customer's journey.
// Thread safety: none — the owner serialises calls (ContactCenterCore holds a mutex).
// Errors: NOT_FOUND (unknown contact), FAILED_PRECONDITION (wrong state, not offered to
// you), PERMISSION_DENIED (another agent's contact), INVALID_ARGUMENT (bad queue, channel,
// capacity, wrap-up code — the message lists the valid values).

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "journeydesk/v1/contact_center.pb.h"
#include "journeydesk/v1/contact_center_config.pb.h"
#include "routing/queue_statistics.h"

namespace journeydesk::routing {

// One step in a contact's life, for the caller to persist, announce and record.
struct RoutingStep {
  enum class Kind {
    kQueued,           // a new contact
    kOffered,          // to `agent_id`
    kOfferMissed,      // `agent_id` let the offer time out; the contact is queued again
    kOfferWithdrawn,   // `agent_id` went away / offline; the contact is queued again
    kDeclined,         // `agent_id` declined; the contact is queued again
    kAccepted,
    kHeld,
    kResumed,
    kTransferred,      // away from `agent_id`; `detail` = "queue:<q>" or "agent:<a>"
    kCustomerMessage,
    kAgentMessage,
    kCustomerLeft,     // active/held → wrap-up
    kCompleted,
    kAbandoned,        // `agent_id` is set when it was offered to someone at the time
  };
  Kind kind;
  v1::Contact contact;   // the contact after the step
  std::string agent_id;  // the agent concerned (to tell), may be empty
  // Which one of its kind on this contact (the nth offer, hold, transfer, message): makes
  // the step's touchpoint id unique and stable, from fields that survive a restart.
  int ordinal = 1;
  std::string detail;
  absl::Time at;
};

// Whether a step changes what is stored about the contact (offers are not stored: after a
// restart an offered contact is simply queued again).
bool StepIsPersisted(RoutingStep::Kind kind);
std::string_view StepName(RoutingStep::Kind kind);

struct RouterOutput {
  std::vector<RoutingStep> steps;
  std::vector<std::string> agents_changed;  // state or settings changed: persist and announce
};

struct NewContact {
  std::string contact_id;   // chosen by the caller, unique
  std::string customer_id;
  std::string channel;
  std::string queue;        // empty: the channel's default queue
  std::string subject;
  std::string address;
  std::string stage;        // Contact.stage: where its steps are filed on the journey
};

// Per-queue figures the staffing advisor works from.
struct QueueLoad {
  const v1::QueueConfig* config;
  QueueWindow last_15m;
  QueueWindow last_60m;
  std::vector<std::string> staffed_agents;  // AVAILABLE agents serving the queue's channel
};

class ContactRouter {
 public:
  explicit ContactRouter(v1::ContactCenterConfig config);

  // Restores state read from the store: open contacts (offered ones are queued again at
  // their original position) and agents' settings (nobody is connected yet).
  void Restore(const std::vector<v1::Contact>& contacts,
               const std::vector<v1::AgentSettings>& agents, absl::Time now);

  // --- integrations ---
  absl::StatusOr<v1::Contact> Enqueue(const NewContact& contact, absl::Time now, RouterOutput* out);
  absl::StatusOr<v1::Contact> PostCustomerMessage(const std::string& contact_id,
                                                  const std::string& text, absl::Time now,
                                                  RouterOutput* out);
  absl::StatusOr<v1::Contact> EndContact(const std::string& contact_id, bool only_if_waiting,
                                         absl::Time now, RouterOutput* out);
  // Drops a contact that could not be stored (Enqueue's undo). Its offer, if any, is
  // withdrawn (a kOfferWithdrawn step).
  void Forget(const std::string& contact_id, absl::Time now, RouterOutput* out);

  // --- agents ---
  void AgentConnected(const std::string& agent_id, absl::Time now, RouterOutput* out);
  void AgentDisconnected(const std::string& agent_id, absl::Time now);
  absl::StatusOr<v1::AgentStatus> SetAgentState(const std::string& agent_id, v1::AgentState state,
                                                const std::string& reason, absl::Time now,
                                                RouterOutput* out);
  absl::StatusOr<v1::Contact> Accept(const std::string& agent_id, const std::string& contact_id,
                                     absl::Time now, RouterOutput* out);
  absl::StatusOr<v1::Contact> Decline(const std::string& agent_id, const std::string& contact_id,
                                      const std::string& reason, absl::Time now, RouterOutput* out);
  absl::StatusOr<v1::Contact> SendMessage(const std::string& agent_id,
                                          const std::string& contact_id, const std::string& text,
                                          absl::Time now, RouterOutput* out);
  absl::StatusOr<v1::Contact> Hold(const std::string& agent_id, const std::string& contact_id,
                                   absl::Time now, RouterOutput* out);
  absl::StatusOr<v1::Contact> Resume(const std::string& agent_id, const std::string& contact_id,
                                     absl::Time now, RouterOutput* out);
  // Exactly one of `to_queue` / `to_agent` is non-empty.
  absl::StatusOr<v1::Contact> Transfer(const std::string& agent_id, const std::string& contact_id,
                                       const std::string& to_queue, const std::string& to_agent,
                                       absl::Time now, RouterOutput* out);
  absl::StatusOr<v1::Contact> Complete(const std::string& agent_id, const std::string& contact_id,
                                       const std::string& wrap_up_code, const std::string& notes,
                                       absl::Time now, RouterOutput* out);

  // --- supervisors ---
  absl::StatusOr<v1::AgentStatus> SetAgentChannels(const std::string& agent_id,
                                                   const std::vector<v1::ChannelCapacity>& channels,
                                                   absl::Time now, RouterOutput* out);
  std::vector<v1::AgentStatus> ListAgents() const;
  v1::QueueBoard Board(absl::Time now) const;
  std::vector<QueueLoad> QueueLoads(absl::Time now) const;

  // --- time ---
  // Expires offers past their deadline and forgets closed contacts older than an hour.
  void Tick(absl::Time now, RouterOutput* out);
  // The earliest offer deadline, or InfiniteFuture.
  absl::Time NextDeadline() const;

  // --- reads ---
  absl::StatusOr<v1::Contact> GetContact(const std::string& contact_id) const;
  v1::AgentStatus AgentStatusOf(const std::string& agent_id) const;
  v1::AgentSettings AgentSettingsOf(const std::string& agent_id) const;
  // The agent's open contacts (offered, active, held, wrap-up), oldest first.
  std::vector<v1::Contact> ContactsOf(const std::string& agent_id) const;
  const v1::ContactCenterConfig& config() const { return config_; }
  // "resolved, follow_up, …" for error messages.
  std::string WrapUpCodeList() const;
  const v1::WrapUpCode* FindWrapUpCode(const std::string& code) const;
  int WaitingCount() const;

 private:
  struct Agent {
    std::string id;
    v1::AgentState state = v1::OFFLINE;
    std::string away_reason;
    std::vector<v1::ChannelCapacity> channels;  // empty: every channel at default capacity
    int connections = 0;
    int missed_offers = 0;
    absl::Time state_since;
    absl::Time idle_since;
    std::set<std::pair<absl::Time, std::string>> contacts;  // (enqueued_at, id), open ones
  };
  struct Queue {
    v1::QueueConfig config;
    std::set<std::pair<absl::Time, std::string>> waiting;  // queued (not offered), by arrival
    QueueStatistics statistics;
  };
  struct Entry {
    v1::Contact contact;
    absl::Time enqueued_at;
    absl::Time offer_deadline = absl::InfiniteFuture();  // the key in offer_deadlines_ while offered
    absl::Time closed_at = absl::InfiniteFuture();  // completed/abandoned: forgotten later
  };

  Agent& AgentFor(const std::string& agent_id, absl::Time now);
  const Agent* FindAgent(const std::string& agent_id) const;
  Queue* QueueNamed(const std::string& name);
  const Queue* QueueNamed(const std::string& name) const;
  std::string QueueNameList() const;
  int CapacityOn(const Agent& agent, const std::string& channel) const;
  int LoadOn(const Agent& agent, const std::string& channel) const;
  bool IsEligible(const Agent& agent, const std::string& channel) const;
  // The best eligible agent for `entry`, honouring declined_by when `skip_decliners`.
  Agent* BestAgentFor(const Entry& entry, bool skip_decliners);
  // Offers queued contacts to free agents until no more match.
  void Dispatch(absl::Time now, RouterOutput* out);
  void Offer(Entry& entry, Agent& agent, absl::Time now, RouterOutput* out);
  // Takes an offered contact back into its queue (at its original position).
  void Requeue(Entry& entry, absl::Time now);
  // Removes the entry's offer deadline (if any) from offer_deadlines_.
  void ClearDeadline(Entry& entry);
  void SetState(Entry& entry, v1::ContactState state, absl::Time now);
  void Close(Entry& entry, v1::ContactState state, absl::Time now);
  void Emit(RoutingStep::Kind kind, Entry& entry, const std::string& agent_id, absl::Time now,
            RouterOutput* out, std::string detail = {});
  absl::StatusOr<Entry*> FindOpen(const std::string& contact_id);
  // The contact must be the agent's own and in one of `states`.
  absl::StatusOr<Entry*> OwnContact(const std::string& agent_id, const std::string& contact_id,
                                    std::initializer_list<v1::ContactState> states,
                                    std::string_view action);
  v1::AgentStatus StatusOf(const Agent& agent) const;
  void WithdrawOffers(Agent& agent, absl::Time now, RouterOutput* out);

  v1::ContactCenterConfig config_;
  std::vector<Queue> queues_;
  absl::flat_hash_map<std::string, size_t> queue_index_;            // name → queues_
  absl::flat_hash_map<std::string, size_t> default_queue_for_channel_;
  absl::flat_hash_map<std::string, Entry> contacts_;
  std::map<std::string, Agent> agents_;                             // by id, for listing
  std::set<std::pair<absl::Time, std::string>> offer_deadlines_;    // (expires, contact id)
  absl::Time last_prune_ = absl::InfinitePast();
};

}  // namespace journeydesk::routing
