#pragma once
// The agent's inbox as data: the offers ringing now and the contacts the agent holds
// (active, held, in wrap-up), kept up to date from the agent stream's notifications, plus
// the agent's own status and how journeyd records a wrap-up (its codes, the stage of its
// touchpoint). The inbox panel renders it; no wx here.
// Not thread-safe: the UI's main thread owns it.

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/time/time.h"
#include "core/outbox_write.h"
#include "core/wrap_up_touchpoint.h"
#include "journeydesk/v1/contact_center.pb.h"
#include "journeydesk/v1/touchpoint.pb.h"

namespace journeydesk::agent {

struct RingingOffer {
  v1::Offer offer;
  absl::Time received_at;
};

class ContactInbox {
 public:
  // The stream (re)started. A fresh start replaces everything with journeyd's view; a
  // resumed one keeps what is known (the missed events follow).
  void Start(const v1::AgentStarted& started, absl::Time now);
  void AddOffer(v1::Offer offer, absl::Time now);
  // A contact changed: offered to this agent → stays an offer; active / held / wrap-up with
  // this agent → a held contact; anything else (queued again, another agent's, completed,
  // abandoned) → gone from the inbox. Returns true if the inbox changed.
  bool UpdateContact(const v1::Contact& contact);
  // A customer's message on one of the agent's contacts joins its transcript.
  bool AddCustomerMessage(const std::string& contact_id, const v1::ContactMessage& message);
  // missed_offer / offer_withdrawn / customer_left end the offer they name.
  bool ApplyNotice(const v1::Notice& notice);
  void SetAgentStatus(const v1::AgentStatus& status) { agent_ = status; }

  const std::vector<RingingOffer>& offers() const { return offers_; }    // oldest first
  const std::vector<v1::Contact>& contacts() const { return contacts_; }  // in arrival order
  const RingingOffer* FindOffer(const std::string& contact_id) const;
  const v1::Contact* FindContact(const std::string& contact_id) const;
  const v1::AgentStatus& agent() const { return agent_; }
  const std::vector<v1::WrapUpCode>& wrap_up_codes() const { return wrap_up_.codes; }
  const WrapUpRecording& wrap_up_recording() const { return wrap_up_; }
  // The wrap-up of one of the agent's contacts as the outbox keeps it: the request and the
  // touchpoint journeyd will record for it, on the contact's customer (none when the contact
  // is not in the inbox).
  WrapUpWrite WrapUpOf(v1::CompleteContactRequest request) const;
  // The customer's name as the screen pop gave it, or the id.
  std::string CustomerName(const std::string& customer_id) const;
  // The outbox's waiting writes as drawn on journeys (OutboxChanged::waiting_touchpoints):
  // the contacts whose wrap-up is among them are wrapped up as far as the agent is concerned,
  // and stay in journeyd's hands (and this inbox) until it has the wrap-up.
  void SetWaitingWrites(const std::vector<v1::Touchpoint>& waiting);
  bool WrapUpWaiting(const std::string& contact_id) const { return waiting_wrap_ups_.contains(contact_id); }

  // "42 s", "3 min", "2 h 5 min": how long a contact has waited or been handled.
  static std::string ElapsedText(absl::Duration elapsed);

 private:
  void RemoveOffer(const std::string& contact_id);
  void RemoveContact(const std::string& contact_id);

  v1::AgentStatus agent_;
  WrapUpRecording wrap_up_;
  std::vector<RingingOffer> offers_;
  std::vector<v1::Contact> contacts_;
  absl::flat_hash_map<std::string, std::string> customer_names_;
  absl::flat_hash_set<std::string> waiting_wrap_ups_;  // contact ids
};

}  // namespace journeydesk::agent
