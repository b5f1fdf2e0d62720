#include "routing/contact_router.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/absl_string_view.h"
#include "google/protobuf/util/time_util.h"

namespace journeydesk::routing {
namespace {

using google::protobuf::util::TimeUtil;
constexpr int kMessagesKept = 50;
constexpr absl::Duration kClosedRetention = absl::Hours(1);

void SetTime(absl::Time time, google::protobuf::Timestamp* out) {
  *out = TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(time));
}
absl::Time FromTimestamp(const google::protobuf::Timestamp& ts) {
  return absl::FromUnixMicros(TimeUtil::TimestampToMicroseconds(ts));
}
bool IsOpen(v1::ContactState state) {
  return state != v1::CONTACT_COMPLETED && state != v1::CONTACT_ABANDONED;
}
std::string StateName(v1::ContactState state) {
  switch (state) {
    case v1::CONTACT_QUEUED: return "queued";
    case v1::CONTACT_OFFERED: return "offered";
    case v1::CONTACT_ACTIVE: return "active";
    case v1::CONTACT_HELD: return "on hold";
    case v1::CONTACT_WRAP_UP: return "in wrap-up";
    case v1::CONTACT_COMPLETED: return "completed";
    case v1::CONTACT_ABANDONED: return "abandoned";
    default: return "unknown";
  }
}
void AddMessage(v1::Contact& contact, v1::MessageSender sender, const std::string& text,
                const std::string& agent_id, absl::Time now) {
  contact.set_message_count(contact.message_count() + 1);
  v1::ContactMessage* message = contact.add_messages();
  message->set_sender(sender);
  message->set_text(text);
  message->set_agent_id(agent_id);
  message->set_number(contact.message_count());
  SetTime(now, message->mutable_at());
  if (contact.messages_size() > kMessagesKept) {
    contact.mutable_messages()->DeleteSubrange(0, contact.messages_size() - kMessagesKept);
  }
}

// The same agent completing the same contact again with the same code and notes: a retry
// (e.g. a desktop replaying its outbox after the reply was lost), not a new wrap-up.
bool IsRepeatedWrapUp(const v1::Contact& contact, const std::string& agent_id,
                      const std::string& wrap_up_code, const std::string& notes) {
  return contact.state() == v1::CONTACT_COMPLETED && contact.agent_id() == agent_id &&
         contact.wrap_up_code() == wrap_up_code && contact.notes() == notes;
}

}  // namespace

bool StepIsPersisted(RoutingStep::Kind kind) {
  using K = RoutingStep::Kind;
  return kind != K::kOffered && kind != K::kOfferMissed && kind != K::kOfferWithdrawn &&
         kind != K::kDeclined;
}

std::string_view StepName(RoutingStep::Kind kind) {
  using K = RoutingStep::Kind;
  switch (kind) {
    case K::kQueued: return "queued";
    case K::kOffered: return "offered";
    case K::kOfferMissed: return "offer_missed";
    case K::kOfferWithdrawn: return "offer_withdrawn";
    case K::kDeclined: return "declined";
    case K::kAccepted: return "accepted";
    case K::kHeld: return "held";
    case K::kResumed: return "resumed";
    case K::kTransferred: return "transferred";
    case K::kCustomerMessage: return "customer_message";
    case K::kAgentMessage: return "agent_message";
    case K::kCustomerLeft: return "customer_left";
    case K::kCompleted: return "completed";
    case K::kAbandoned: return "abandoned";
  }
  return "unknown";
}

ContactRouter::ContactRouter(v1::ContactCenterConfig config) : config_(std::move(config)) {
  for (const v1::QueueConfig& queue : config_.queues()) {
    queue_index_[queue.name()] = queues_.size();
    default_queue_for_channel_.try_emplace(queue.channel(), queues_.size());
    queues_.push_back(Queue{queue, {}, {}});
  }
}

// ---------------------------------------------------------------- lookups

ContactRouter::Agent& ContactRouter::AgentFor(const std::string& agent_id, absl::Time now) {
  auto [it, inserted] = agents_.try_emplace(agent_id);
  if (inserted) {
    it->second.id = agent_id;
    it->second.state_since = now;
    it->second.idle_since = now;
  }
  return it->second;
}

const ContactRouter::Agent* ContactRouter::FindAgent(const std::string& agent_id) const {
  auto it = agents_.find(agent_id);
  return it == agents_.end() ? nullptr : &it->second;
}

ContactRouter::Queue* ContactRouter::QueueNamed(const std::string& name) {
  auto it = queue_index_.find(name);
  return it == queue_index_.end() ? nullptr : &queues_[it->second];
}
const ContactRouter::Queue* ContactRouter::QueueNamed(const std::string& name) const {
  auto it = queue_index_.find(name);
  return it == queue_index_.end() ? nullptr : &queues_[it->second];
}

std::string ContactRouter::QueueNameList() const {
  std::vector<std::string> names;
  for (const Queue& queue : queues_) names.push_back(queue.config.name());
  return absl::StrJoin(names, ", ");
}

std::string ContactRouter::WrapUpCodeList() const {
  std::vector<std::string> codes;
  for (const v1::WrapUpCode& code : config_.wrap_up_codes()) codes.push_back(code.code());
  return absl::StrJoin(codes, ", ");
}

const v1::WrapUpCode* ContactRouter::FindWrapUpCode(const std::string& code) const {
  for (const v1::WrapUpCode& known : config_.wrap_up_codes()) {
    if (known.code() == code) return &known;
  }
  return nullptr;
}

int ContactRouter::CapacityOn(const Agent& agent, const std::string& channel) const {
  if (agent.channels.empty()) {
    auto it = default_queue_for_channel_.find(channel);
    return it == default_queue_for_channel_.end() ? 0 : queues_[it->second].config.default_capacity();
  }
  for (const v1::ChannelCapacity& setting : agent.channels) {
    if (setting.channel() == channel) return setting.capacity();
  }
  return 0;
}

int ContactRouter::LoadOn(const Agent& agent, const std::string& channel) const {
  int load = 0;
  for (const auto& [enqueued_at, contact_id] : agent.contacts) {
    auto it = contacts_.find(contact_id);
    if (it != contacts_.end() && it->second.contact.channel() == channel) ++load;
  }
  return load;
}

bool ContactRouter::IsEligible(const Agent& agent, const std::string& channel) const {
  return agent.state == v1::AVAILABLE && agent.connections > 0 &&
         LoadOn(agent, channel) < CapacityOn(agent, channel);
}

ContactRouter::Agent* ContactRouter::BestAgentFor(const Entry& entry, bool skip_decliners) {
  Agent* best = nullptr;
  const std::string& channel = entry.contact.channel();
  for (auto& [id, agent] : agents_) {
    if (!IsEligible(agent, channel)) continue;
    if (skip_decliners && std::find(entry.contact.declined_by().begin(),
                                    entry.contact.declined_by().end(),
                                    id) != entry.contact.declined_by().end()) {
      continue;
    }
    if (best == nullptr ||
        std::make_tuple(agent.contacts.size(), agent.idle_since) <
            std::make_tuple(best->contacts.size(), best->idle_since)) {
      best = &agent;
    }
  }
  return best;
}

absl::StatusOr<v1::Contact> ContactRouter::GetContact(const std::string& contact_id) const {
  auto it = contacts_.find(contact_id);
  if (it == contacts_.end()) {
    return absl::NotFoundError(absl::StrCat("no open or recent contact '", contact_id, "'"));
  }
  return it->second.contact;
}

absl::StatusOr<ContactRouter::Entry*> ContactRouter::FindOpen(const std::string& contact_id) {
  auto it = contacts_.find(contact_id);
  if (it == contacts_.end()) {
    return absl::NotFoundError(absl::StrCat("no open or recent contact '", contact_id, "'"));
  }
  return &it->second;
}

absl::StatusOr<ContactRouter::Entry*> ContactRouter::OwnContact(
    const std::string& agent_id, const std::string& contact_id,
    std::initializer_list<v1::ContactState> states, std::string_view action) {
  absl::StatusOr<Entry*> entry = FindOpen(contact_id);
  if (!entry.ok()) return entry.status();
  const v1::Contact& contact = (*entry)->contact;
  if (contact.agent_id() != agent_id) {
    return absl::PermissionDeniedError(absl::StrCat(
        "contact ", contact_id, " is not yours", contact.agent_id().empty() ? "" : " (another agent has it)",
        "; you can only ", ToAbsl(action), " your own contacts"));
  }
  if (std::find(states.begin(), states.end(), contact.state()) == states.end()) {
    std::vector<std::string> allowed;
    for (v1::ContactState state : states) allowed.push_back(StateName(state));
    return absl::FailedPreconditionError(absl::StrCat(
        "cannot ", ToAbsl(action), " contact ", contact_id, ": it is ", StateName(contact.state()),
        "; only a contact that is ", absl::StrJoin(allowed, " or "), " can be"));
  }
  return entry;
}

// ---------------------------------------------------------------- state changes

void ContactRouter::SetState(Entry& entry, v1::ContactState state, absl::Time now) {
  entry.contact.set_state(state);
  SetTime(now, entry.contact.mutable_state_since());
  entry.contact.set_version(entry.contact.version() + 1);
}

void ContactRouter::Emit(RoutingStep::Kind kind, Entry& entry, const std::string& agent_id,
                         absl::Time now, RouterOutput* out, std::string detail) {
  using K = RoutingStep::Kind;
  const v1::Contact& c = entry.contact;
  int ordinal = 1;
  switch (kind) {
    case K::kOffered: case K::kOfferMissed: case K::kOfferWithdrawn: case K::kDeclined:
    case K::kAccepted:
      ordinal = c.offer_count(); break;
    case K::kHeld: case K::kResumed: ordinal = c.hold_count(); break;
    case K::kTransferred: ordinal = c.transfer_count(); break;
    case K::kCustomerMessage: case K::kAgentMessage: ordinal = c.message_count(); break;
    default: break;
  }
  out->steps.push_back(RoutingStep{kind, c, agent_id, ordinal, std::move(detail), now});
}

void ContactRouter::ClearDeadline(Entry& entry) {
  if (entry.offer_deadline != absl::InfiniteFuture()) {
    offer_deadlines_.erase({entry.offer_deadline, entry.contact.contact_id()});
    entry.offer_deadline = absl::InfiniteFuture();
  }
  entry.contact.clear_offer_expires_at();
}

void ContactRouter::Offer(Entry& entry, Agent& agent, absl::Time now, RouterOutput* out) {
  Queue* queue = QueueNamed(entry.contact.queue());
  if (queue != nullptr) queue->waiting.erase({entry.enqueued_at, entry.contact.contact_id()});
  const absl::Time expires = now + absl::Seconds(config_.offer_timeout_seconds());
  entry.contact.set_agent_id(agent.id);
  entry.contact.set_offer_count(entry.contact.offer_count() + 1);
  SetState(entry, v1::CONTACT_OFFERED, now);
  agent.contacts.insert({entry.enqueued_at, entry.contact.contact_id()});
  agent.idle_since = now;
  ClearDeadline(entry);
  SetTime(expires, entry.contact.mutable_offer_expires_at());
  entry.offer_deadline = expires;
  offer_deadlines_.insert({expires, entry.contact.contact_id()});
  Emit(RoutingStep::Kind::kOffered, entry, agent.id, now, out);
}

void ContactRouter::Requeue(Entry& entry, absl::Time now) {
  const std::string& id = entry.contact.contact_id();
  ClearDeadline(entry);
  if (auto it = agents_.find(entry.contact.agent_id()); it != agents_.end()) {
    it->second.contacts.erase({entry.enqueued_at, id});
  }
  entry.contact.clear_agent_id();
  SetState(entry, v1::CONTACT_QUEUED, now);
  if (Queue* queue = QueueNamed(entry.contact.queue())) queue->waiting.insert({entry.enqueued_at, id});
}

void ContactRouter::Close(Entry& entry, v1::ContactState state, absl::Time now) {
  const std::string& id = entry.contact.contact_id();
  if (Queue* queue = QueueNamed(entry.contact.queue())) queue->waiting.erase({entry.enqueued_at, id});
  ClearDeadline(entry);
  if (auto it = agents_.find(entry.contact.agent_id()); it != agents_.end()) {
    it->second.contacts.erase({entry.enqueued_at, id});
    it->second.idle_since = now;
  }
  SetTime(now, entry.contact.mutable_ended_at());
  SetState(entry, state, now);
  entry.closed_at = now;
}

void ContactRouter::Dispatch(absl::Time now, RouterOutput* out) {
  while (true) {
    // Queues in the order of their longest-waiting contact.
    std::vector<Queue*> order;
    for (Queue& queue : queues_) {
      if (!queue.waiting.empty()) order.push_back(&queue);
    }
    std::sort(order.begin(), order.end(), [](const Queue* a, const Queue* b) {
      return *a->waiting.begin() < *b->waiting.begin();
    });
    bool offered = false;
    for (Queue* queue : order) {
      for (const auto& [enqueued_at, contact_id] : queue->waiting) {
        Entry& entry = contacts_.at(contact_id);
        if (Agent* agent = BestAgentFor(entry, /*skip_decliners=*/true)) {
          Offer(entry, *agent, now, out);
          offered = true;
          break;
        }
        // Nobody at all can take this channel now: later contacts of the queue neither.
        if (BestAgentFor(entry, /*skip_decliners=*/false) == nullptr) break;
      }
      if (offered) break;
    }
    if (!offered) return;
  }
}

// ---------------------------------------------------------------- integrations

void ContactRouter::Restore(const std::vector<v1::Contact>& contacts,
                            const std::vector<v1::AgentSettings>& agents, absl::Time now) {
  for (const v1::AgentSettings& settings : agents) {
    Agent& agent = AgentFor(settings.agent_id(), now);
    agent.channels.assign(settings.channels().begin(), settings.channels().end());
    agent.state = settings.state() == v1::AGENT_STATE_UNSPECIFIED ? v1::OFFLINE : settings.state();
    agent.away_reason = settings.away_reason();
  }
  for (const v1::Contact& stored : contacts) {
    if (!IsOpen(stored.state()) || QueueNamed(stored.queue()) == nullptr) continue;
    Entry entry{stored, FromTimestamp(stored.enqueued_at())};
    const std::string id = stored.contact_id();
    auto [it, inserted] = contacts_.try_emplace(id, std::move(entry));
    if (!inserted) continue;
    Entry& placed = it->second;
    if (placed.contact.state() == v1::CONTACT_QUEUED || placed.contact.state() == v1::CONTACT_OFFERED) {
      placed.contact.clear_agent_id();
      placed.contact.clear_offer_expires_at();
      placed.contact.set_state(v1::CONTACT_QUEUED);
      QueueNamed(placed.contact.queue())->waiting.insert({placed.enqueued_at, id});
    } else {
      AgentFor(placed.contact.agent_id(), now).contacts.insert({placed.enqueued_at, id});
    }
  }
}

absl::StatusOr<v1::Contact> ContactRouter::Enqueue(const NewContact& request, absl::Time now,
                                                   RouterOutput* out) {
  Queue* queue = nullptr;
  if (!request.queue.empty()) {
    queue = QueueNamed(request.queue);
    if (queue == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat("queue: no queue '", request.queue,
                                                     "'; the queues are ", QueueNameList()));
    }
    if (!request.channel.empty() && queue->config.channel() != request.channel) {
      return absl::InvalidArgumentError(absl::StrCat("queue: '", request.queue, "' serves channel ",
                                                     queue->config.channel(), ", not ", request.channel));
    }
  } else {
    auto it = default_queue_for_channel_.find(request.channel);
    if (it == default_queue_for_channel_.end()) {
      std::vector<std::string> channels;
      for (const Queue& q : queues_) channels.push_back(q.config.channel());
      return absl::InvalidArgumentError(absl::StrCat("channel: no queue serves '", request.channel,
                                                     "'; the channels are ", absl::StrJoin(channels, ", ")));
    }
    queue = &queues_[it->second];
  }
  if (contacts_.contains(request.contact_id)) {
    return absl::AlreadyExistsError(absl::StrCat("contact ", request.contact_id, " exists"));
  }
  Entry entry;
  entry.enqueued_at = now;
  v1::Contact& c = entry.contact;
  c.set_contact_id(request.contact_id);
  c.set_customer_id(request.customer_id);
  c.set_channel(queue->config.channel());
  c.set_queue(queue->config.name());
  c.set_subject(request.subject);
  c.set_address(request.address);
  c.set_stage(request.stage);
  SetTime(now, c.mutable_enqueued_at());
  SetState(entry, v1::CONTACT_QUEUED, now);
  if (!request.subject.empty() && c.channel() != "phone") {
    AddMessage(c, v1::MESSAGE_FROM_CUSTOMER, request.subject, "", now);
  }
  Entry& placed = contacts_.emplace(request.contact_id, std::move(entry)).first->second;
  queue->waiting.insert({now, request.contact_id});
  queue->statistics.RecordArrival(now);
  Emit(RoutingStep::Kind::kQueued, placed, "", now, out);
  Dispatch(now, out);
  return placed.contact;
}

void ContactRouter::Forget(const std::string& contact_id, absl::Time now, RouterOutput* out) {
  auto it = contacts_.find(contact_id);
  if (it == contacts_.end()) return;
  Entry& entry = it->second;
  const std::string agent_id = entry.contact.agent_id();
  Close(entry, v1::CONTACT_ABANDONED, now);
  if (!agent_id.empty()) Emit(RoutingStep::Kind::kOfferWithdrawn, entry, agent_id, now, out);
  contacts_.erase(it);
}

absl::StatusOr<v1::Contact> ContactRouter::PostCustomerMessage(const std::string& contact_id,
                                                               const std::string& text,
                                                               absl::Time now, RouterOutput* out) {
  absl::StatusOr<Entry*> entry = FindOpen(contact_id);
  if (!entry.ok()) return entry.status();
  v1::Contact& c = (*entry)->contact;
  if (!IsOpen(c.state()) || c.state() == v1::CONTACT_WRAP_UP) {
    return absl::FailedPreconditionError(absl::StrCat(
        "contact ", contact_id, " is ", StateName(c.state()),
        "; a new message from the customer needs a new contact (EnqueueContact)"));
  }
  AddMessage(c, v1::MESSAGE_FROM_CUSTOMER, text, "", now);
  c.set_version(c.version() + 1);
  Emit(RoutingStep::Kind::kCustomerMessage, **entry, c.agent_id(), now, out);
  return c;
}

absl::StatusOr<v1::Contact> ContactRouter::EndContact(const std::string& contact_id,
                                                      bool only_if_waiting, absl::Time now,
                                                      RouterOutput* out) {
  absl::StatusOr<Entry*> found = FindOpen(contact_id);
  if (!found.ok()) return found.status();
  Entry& entry = **found;
  const v1::ContactState state = entry.contact.state();
  if (state == v1::CONTACT_QUEUED || state == v1::CONTACT_OFFERED) {
    const std::string agent_id = entry.contact.agent_id();
    Close(entry, v1::CONTACT_ABANDONED, now);
    if (Queue* queue = QueueNamed(entry.contact.queue())) {
      queue->statistics.RecordAbandoned(now, now - entry.enqueued_at);
    }
    Emit(RoutingStep::Kind::kAbandoned, entry, agent_id, now, out);
    Dispatch(now, out);  // the agent it was offered to is free again
    return entry.contact;
  }
  if (only_if_waiting || !IsOpen(state) || state == v1::CONTACT_WRAP_UP) return entry.contact;
  SetState(entry, v1::CONTACT_WRAP_UP, now);
  Emit(RoutingStep::Kind::kCustomerLeft, entry, entry.contact.agent_id(), now, out);
  return entry.contact;
}

// ---------------------------------------------------------------- agents

void ContactRouter::AgentConnected(const std::string& agent_id, absl::Time now, RouterOutput* out) {
  ++AgentFor(agent_id, now).connections;
  Dispatch(now, out);
}

void ContactRouter::AgentDisconnected(const std::string& agent_id, absl::Time now) {
  Agent& agent = AgentFor(agent_id, now);
  agent.connections = std::max(0, agent.connections - 1);
}

void ContactRouter::WithdrawOffers(Agent& agent, absl::Time now, RouterOutput* out) {
  std::vector<std::string> offered;
  for (const auto& [enqueued_at, id] : agent.contacts) {
    if (contacts_.at(id).contact.state() == v1::CONTACT_OFFERED) offered.push_back(id);
  }
  for (const std::string& id : offered) {
    Entry& entry = contacts_.at(id);
    Requeue(entry, now);
    Emit(RoutingStep::Kind::kOfferWithdrawn, entry, agent.id, now, out);
  }
}

absl::StatusOr<v1::AgentStatus> ContactRouter::SetAgentState(const std::string& agent_id,
                                                             v1::AgentState state,
                                                             const std::string& reason,
                                                             absl::Time now, RouterOutput* out) {
  if (state != v1::AVAILABLE && state != v1::AWAY && state != v1::OFFLINE) {
    return absl::InvalidArgumentError("state: must be AVAILABLE, AWAY or OFFLINE");
  }
  Agent& agent = AgentFor(agent_id, now);
  if (agent.state != state) agent.state_since = now;
  if (state == v1::AVAILABLE && agent.state != v1::AVAILABLE) agent.idle_since = now;
  agent.state = state;
  agent.away_reason = state == v1::AWAY ? reason : "";
  out->agents_changed.push_back(agent_id);
  if (state != v1::AVAILABLE) WithdrawOffers(agent, now, out);
  Dispatch(now, out);
  return StatusOf(agents_.at(agent_id));
}

absl::StatusOr<v1::Contact> ContactRouter::Accept(const std::string& agent_id,
                                                  const std::string& contact_id, absl::Time now,
                                                  RouterOutput* out) {
  absl::StatusOr<Entry*> found = FindOpen(contact_id);
  if (!found.ok()) return found.status();
  Entry& entry = **found;
  v1::Contact& c = entry.contact;
  if (c.state() != v1::CONTACT_OFFERED || c.agent_id() != agent_id) {
    return absl::FailedPreconditionError(absl::StrCat(
        "contact ", contact_id, " is not offered to you (it is ", StateName(c.state()),
        "); accept only what your AgentStream offers you, before the offer expires"));
  }
  ClearDeadline(entry);
  if (!c.has_answered_at()) {
    SetTime(now, c.mutable_answered_at());
    if (Queue* queue = QueueNamed(c.queue())) queue->statistics.RecordAnswered(now, now - entry.enqueued_at);
  }
  SetTime(now, c.mutable_handling_started_at());
  SetState(entry, v1::CONTACT_ACTIVE, now);
  Emit(RoutingStep::Kind::kAccepted, entry, agent_id, now, out);
  return c;
}

absl::StatusOr<v1::Contact> ContactRouter::Decline(const std::string& agent_id,
                                                   const std::string& contact_id,
                                                   const std::string& reason, absl::Time now,
                                                   RouterOutput* out) {
  absl::StatusOr<Entry*> found = FindOpen(contact_id);
  if (!found.ok()) return found.status();
  Entry& entry = **found;
  if (entry.contact.state() != v1::CONTACT_OFFERED || entry.contact.agent_id() != agent_id) {
    return absl::FailedPreconditionError(absl::StrCat(
        "contact ", contact_id, " is not offered to you (it is ", StateName(entry.contact.state()),
        "); only a pending offer can be declined"));
  }
  entry.contact.add_declined_by(agent_id);
  Requeue(entry, now);
  Emit(RoutingStep::Kind::kDeclined, entry, agent_id, now, out, reason);
  Dispatch(now, out);
  return entry.contact;
}

absl::StatusOr<v1::Contact> ContactRouter::SendMessage(const std::string& agent_id,
                                                       const std::string& contact_id,
                                                       const std::string& text, absl::Time now,
                                                       RouterOutput* out) {
  absl::StatusOr<Entry*> found = OwnContact(agent_id, contact_id, {v1::CONTACT_ACTIVE}, "message");
  if (!found.ok()) return found.status();
  AddMessage((*found)->contact, v1::MESSAGE_FROM_AGENT, text, agent_id, now);
  (*found)->contact.set_version((*found)->contact.version() + 1);
  Emit(RoutingStep::Kind::kAgentMessage, **found, agent_id, now, out);
  return (*found)->contact;
}

absl::StatusOr<v1::Contact> ContactRouter::Hold(const std::string& agent_id,
                                                const std::string& contact_id, absl::Time now,
                                                RouterOutput* out) {
  absl::StatusOr<Entry*> found = OwnContact(agent_id, contact_id, {v1::CONTACT_ACTIVE}, "hold");
  if (!found.ok()) return found.status();
  (*found)->contact.set_hold_count((*found)->contact.hold_count() + 1);
  SetState(**found, v1::CONTACT_HELD, now);
  Emit(RoutingStep::Kind::kHeld, **found, agent_id, now, out);
  return (*found)->contact;
}

absl::StatusOr<v1::Contact> ContactRouter::Resume(const std::string& agent_id,
                                                  const std::string& contact_id, absl::Time now,
                                                  RouterOutput* out) {
  absl::StatusOr<Entry*> found = OwnContact(agent_id, contact_id, {v1::CONTACT_HELD}, "resume");
  if (!found.ok()) return found.status();
  SetState(**found, v1::CONTACT_ACTIVE, now);
  Emit(RoutingStep::Kind::kResumed, **found, agent_id, now, out);
  return (*found)->contact;
}

absl::StatusOr<v1::Contact> ContactRouter::Transfer(const std::string& agent_id,
                                                    const std::string& contact_id,
                                                    const std::string& to_queue,
                                                    const std::string& to_agent, absl::Time now,
                                                    RouterOutput* out) {
  if (to_queue.empty() == to_agent.empty()) {
    return absl::InvalidArgumentError("target: give exactly one of queue or agent_id");
  }
  absl::StatusOr<Entry*> found =
      OwnContact(agent_id, contact_id, {v1::CONTACT_ACTIVE, v1::CONTACT_HELD}, "transfer");
  if (!found.ok()) return found.status();
  Entry& entry = **found;
  Queue* target_queue = nullptr;
  Agent* target_agent = nullptr;
  if (!to_queue.empty()) {
    target_queue = QueueNamed(to_queue);
    if (target_queue == nullptr || target_queue->config.channel() != entry.contact.channel()) {
      std::vector<std::string> same_channel;
      for (const Queue& q : queues_) {
        if (q.config.channel() == entry.contact.channel()) same_channel.push_back(q.config.name());
      }
      return absl::InvalidArgumentError(absl::StrCat(
          "queue: '", to_queue, "' is not a queue for ", entry.contact.channel(),
          " contacts; it can go to: ", absl::StrJoin(same_channel, ", ")));
    }
  } else {
    auto it = agents_.find(to_agent);
    if (to_agent == agent_id) {
      return absl::InvalidArgumentError("agent_id: you cannot transfer a contact to yourself");
    }
    if (it == agents_.end() || !IsEligible(it->second, entry.contact.channel())) {
      return absl::FailedPreconditionError(absl::StrCat(
          "agent ", to_agent, " cannot take a ", entry.contact.channel(),
          " contact now (not available, not connected or at capacity); transfer to a queue instead"));
    }
    target_agent = &it->second;
  }
  Agent& from = agents_.at(agent_id);
  from.contacts.erase({entry.enqueued_at, contact_id});
  from.idle_since = now;
  if (Queue* queue = QueueNamed(entry.contact.queue()); queue && entry.contact.has_handling_started_at()) {
    queue->statistics.RecordHandled(now, now - FromTimestamp(entry.contact.handling_started_at()));
  }
  entry.contact.set_transfer_count(entry.contact.transfer_count() + 1);
  entry.contact.clear_agent_id();
  entry.contact.clear_handling_started_at();
  if (target_queue != nullptr) {
    entry.contact.set_queue(target_queue->config.name());
    SetState(entry, v1::CONTACT_QUEUED, now);
    target_queue->waiting.insert({entry.enqueued_at, contact_id});
    Emit(RoutingStep::Kind::kTransferred, entry, agent_id, now, out, absl::StrCat("queue:", to_queue));
    Dispatch(now, out);
  } else {
    SetState(entry, v1::CONTACT_QUEUED, now);
    Emit(RoutingStep::Kind::kTransferred, entry, agent_id, now, out, absl::StrCat("agent:", to_agent));
    Offer(entry, *target_agent, now, out);
  }
  return entry.contact;
}

absl::StatusOr<v1::Contact> ContactRouter::Complete(const std::string& agent_id,
                                                    const std::string& contact_id,
                                                    const std::string& wrap_up_code,
                                                    const std::string& notes, absl::Time now,
                                                    RouterOutput* out) {
  if (FindWrapUpCode(wrap_up_code) == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat("wrap_up_code: '", wrap_up_code,
                                                   "' is not a wrap-up code; use one of: ",
                                                   WrapUpCodeList()));
  }
  if (auto done = FindOpen(contact_id); done.ok() && IsRepeatedWrapUp((*done)->contact, agent_id, wrap_up_code, notes)) {
    return (*done)->contact;  // a desktop replaying its outbox: already done, nothing changes
  }
  absl::StatusOr<Entry*> found = OwnContact(
      agent_id, contact_id, {v1::CONTACT_ACTIVE, v1::CONTACT_HELD, v1::CONTACT_WRAP_UP}, "complete");
  if (!found.ok()) return found.status();
  Entry& entry = **found;
  if (Queue* queue = QueueNamed(entry.contact.queue()); queue && entry.contact.has_handling_started_at()) {
    queue->statistics.RecordHandled(now, now - FromTimestamp(entry.contact.handling_started_at()));
  }
  entry.contact.set_wrap_up_code(wrap_up_code);
  entry.contact.set_notes(notes);
  Close(entry, v1::CONTACT_COMPLETED, now);
  Emit(RoutingStep::Kind::kCompleted, entry, agent_id, now, out);
  Dispatch(now, out);
  return entry.contact;
}

// ---------------------------------------------------------------- supervisors

absl::StatusOr<v1::AgentStatus> ContactRouter::SetAgentChannels(
    const std::string& agent_id, const std::vector<v1::ChannelCapacity>& channels, absl::Time now,
    RouterOutput* out) {
  if (agent_id.empty()) return absl::InvalidArgumentError("agent_id: required");
  absl::flat_hash_set<std::string> seen;
  for (size_t i = 0; i < channels.size(); ++i) {
    const v1::ChannelCapacity& setting = channels[i];
    if (!default_queue_for_channel_.contains(setting.channel())) {
      std::vector<std::string> known;
      for (const Queue& q : queues_) known.push_back(q.config.channel());
      return absl::InvalidArgumentError(absl::StrCat("channels[", i, "].channel: no queue serves '",
                                                     setting.channel(), "'; the channels are ",
                                                     absl::StrJoin(known, ", ")));
    }
    if (setting.capacity() < 1 || setting.capacity() > 100) {
      return absl::InvalidArgumentError(absl::StrCat("channels[", i, "].capacity: must be 1–100, got ",
                                                     setting.capacity()));
    }
    if (!seen.insert(setting.channel()).second) {
      return absl::InvalidArgumentError(absl::StrCat("channels[", i, "].channel: '", setting.channel(),
                                                     "' is listed twice"));
    }
  }
  Agent& agent = AgentFor(agent_id, now);
  agent.channels = channels;
  out->agents_changed.push_back(agent_id);
  Dispatch(now, out);
  return StatusOf(agents_.at(agent_id));
}

v1::AgentStatus ContactRouter::StatusOf(const Agent& agent) const {
  v1::AgentStatus status;
  status.set_agent_id(agent.id);
  status.set_state(agent.state);
  status.set_away_reason(agent.away_reason);
  status.set_connected(agent.connections > 0);
  status.set_default_channels(agent.channels.empty());
  if (agent.channels.empty()) {
    for (const auto& [channel, index] : default_queue_for_channel_) {
      v1::ChannelCapacity* setting = status.add_channels();
      setting->set_channel(channel);
      setting->set_capacity(queues_[index].config.default_capacity());
    }
    std::sort(status.mutable_channels()->begin(), status.mutable_channels()->end(),
              [](const auto& a, const auto& b) { return a.channel() < b.channel(); });
  } else {
    for (const v1::ChannelCapacity& setting : agent.channels) *status.add_channels() = setting;
  }
  status.set_active_contacts(static_cast<int>(agent.contacts.size()));
  status.set_missed_offers(agent.missed_offers);
  SetTime(agent.state_since, status.mutable_state_since());
  SetTime(agent.idle_since, status.mutable_idle_since());
  for (const auto& [enqueued_at, id] : agent.contacts) status.add_contact_ids(id);
  return status;
}

std::vector<v1::AgentStatus> ContactRouter::ListAgents() const {
  std::vector<v1::AgentStatus> list;
  for (const auto& [id, agent] : agents_) list.push_back(StatusOf(agent));
  return list;
}

v1::AgentStatus ContactRouter::AgentStatusOf(const std::string& agent_id) const {
  if (const Agent* agent = FindAgent(agent_id)) return StatusOf(*agent);
  Agent unknown;
  unknown.id = agent_id;
  return StatusOf(unknown);
}

v1::AgentSettings ContactRouter::AgentSettingsOf(const std::string& agent_id) const {
  v1::AgentSettings settings;
  settings.set_agent_id(agent_id);
  if (const Agent* agent = FindAgent(agent_id)) {
    for (const v1::ChannelCapacity& setting : agent->channels) *settings.add_channels() = setting;
    settings.set_state(agent->state);
    settings.set_away_reason(agent->away_reason);
  }
  return settings;
}

std::vector<v1::Contact> ContactRouter::ContactsOf(const std::string& agent_id) const {
  std::vector<v1::Contact> list;
  if (const Agent* agent = FindAgent(agent_id)) {
    for (const auto& [enqueued_at, id] : agent->contacts) list.push_back(contacts_.at(id).contact);
  }
  return list;
}

int ContactRouter::WaitingCount() const {
  int waiting = static_cast<int>(offer_deadlines_.size());
  for (const Queue& queue : queues_) waiting += static_cast<int>(queue.waiting.size());
  return waiting;
}

v1::QueueBoard ContactRouter::Board(absl::Time now) const {
  v1::QueueBoard board;
  SetTime(now, board.mutable_at());
  absl::flat_hash_map<std::string, v1::QueueStatus*> by_name;
  for (const Queue& queue : queues_) {
    v1::QueueStatus* status = board.add_queues();
    by_name[queue.config.name()] = status;
    const v1::QueueConfig& config = queue.config;
    const absl::Duration within = absl::Seconds(config.answer_within_seconds());
    status->set_queue(config.name());
    status->set_channel(config.channel());
    status->set_service_level_target(config.service_level_target());
    status->set_answer_within_seconds(config.answer_within_seconds());
    status->set_waiting(static_cast<int>(queue.waiting.size()));
    if (!queue.waiting.empty()) {
      status->set_oldest_wait_seconds(absl::ToDoubleSeconds(now - queue.waiting.begin()->first));
    }
    const QueueWindow w15 = queue.statistics.Over(now, absl::Minutes(15), within);
    const QueueWindow w60 = queue.statistics.Over(now, absl::Minutes(60), within);
    if (w15.ServiceLevel() >= 0) status->set_service_level_15m(w15.ServiceLevel());
    if (w60.ServiceLevel() >= 0) status->set_service_level_60m(w60.ServiceLevel());
    if (w60.AbandonedPercent() >= 0) status->set_abandoned_percent_60m(w60.AbandonedPercent());
    if (w60.AverageHandlingSeconds() >= 0) status->set_average_handling_seconds(w60.AverageHandlingSeconds());
    status->set_answered_60m(w60.answered);
    status->set_abandoned_60m(w60.abandoned);
    status->set_arrivals_60m(w60.arrivals);
  }
  // Offered contacts still wait; handled ones count as active.
  for (const auto& [id, entry] : contacts_) {
    auto it = by_name.find(entry.contact.queue());
    if (it == by_name.end()) continue;
    v1::QueueStatus* status = it->second;
    switch (entry.contact.state()) {
      case v1::CONTACT_OFFERED:
        status->set_waiting(status->waiting() + 1);
        status->set_offered(status->offered() + 1);
        status->set_oldest_wait_seconds(
            std::max(status->oldest_wait_seconds(), absl::ToDoubleSeconds(now - entry.enqueued_at)));
        break;
      case v1::CONTACT_ACTIVE: case v1::CONTACT_HELD: case v1::CONTACT_WRAP_UP:
        status->set_active(status->active() + 1);
        break;
      default: break;
    }
  }
  // Agents per queue, by what they do on that queue's channel.
  for (const auto& [agent_id, agent] : agents_) {
    if (agent.state == v1::OFFLINE && agent.connections == 0 && agent.contacts.empty()) continue;
    for (const Queue& queue : queues_) {
      const std::string& channel = queue.config.channel();
      if (CapacityOn(agent, channel) == 0) continue;
      bool handling = false, wrapping = false;
      for (const auto& [enqueued_at, id] : agent.contacts) {
        const v1::Contact& c = contacts_.at(id).contact;
        if (c.channel() != channel) continue;
        if (c.state() == v1::CONTACT_WRAP_UP) wrapping = true; else handling = true;
      }
      v1::QueueStatus* status = by_name[queue.config.name()];
      if (handling) {
        status->set_agents_busy(status->agents_busy() + 1);
      } else if (wrapping) {
        status->set_agents_wrap_up(status->agents_wrap_up() + 1);
      } else if (IsEligible(agent, channel)) {
        status->set_agents_available(status->agents_available() + 1);
      } else {
        status->set_agents_away(status->agents_away() + 1);
      }
    }
  }
  return board;
}

std::vector<QueueLoad> ContactRouter::QueueLoads(absl::Time now) const {
  std::vector<QueueLoad> loads;
  for (const Queue& queue : queues_) {
    const absl::Duration within = absl::Seconds(queue.config.answer_within_seconds());
    QueueLoad load{&queue.config, queue.statistics.Over(now, absl::Minutes(15), within),
                   queue.statistics.Over(now, absl::Minutes(60), within), {}};
    for (const auto& [agent_id, agent] : agents_) {
      if (agent.state == v1::AVAILABLE && CapacityOn(agent, queue.config.channel()) > 0) {
        load.staffed_agents.push_back(agent_id);
      }
    }
    loads.push_back(std::move(load));
  }
  return loads;
}

// ---------------------------------------------------------------- time

absl::Time ContactRouter::NextDeadline() const {
  return offer_deadlines_.empty() ? absl::InfiniteFuture() : offer_deadlines_.begin()->first;
}

void ContactRouter::Tick(absl::Time now, RouterOutput* out) {
  bool missed_any = false;
  while (!offer_deadlines_.empty() && offer_deadlines_.begin()->first <= now) {
    const std::string id = offer_deadlines_.begin()->second;
    auto found = contacts_.find(id);
    if (found == contacts_.end() || found->second.contact.state() != v1::CONTACT_OFFERED) {
      offer_deadlines_.erase(offer_deadlines_.begin());  // stale: never loop on it
      if (found != contacts_.end()) found->second.offer_deadline = absl::InfiniteFuture();
      continue;
    }
    Entry& entry = found->second;
    Agent& agent = AgentFor(entry.contact.agent_id(), now);
    entry.contact.add_declined_by(agent.id);
    Requeue(entry, now);
    Emit(RoutingStep::Kind::kOfferMissed, entry, agent.id, now, out);
    ++agent.missed_offers;
    if (agent.state != v1::AWAY) agent.state_since = now;
    agent.state = v1::AWAY;
    agent.away_reason = "missed offer";
    out->agents_changed.push_back(agent.id);
    WithdrawOffers(agent, now, out);  // other pending offers to the empty desk
    missed_any = true;
  }
  if (missed_any) Dispatch(now, out);
  if (now - last_prune_ < absl::Seconds(30)) return;
  last_prune_ = now;
  for (auto it = contacts_.begin(); it != contacts_.end();) {
    if (it->second.closed_at <= now - kClosedRetention) {
      contacts_.erase(it++);
    } else {
      ++it;
    }
  }
  for (Queue& queue : queues_) queue.statistics.Prune(now);
}

}  // namespace journeydesk::routing
