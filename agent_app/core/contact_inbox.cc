#include "core/contact_inbox.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "core/proto_time.h"

namespace journeydesk::agent {
namespace {

bool IsHeldByAgent(const v1::Contact& contact) {
  return contact.state() == v1::CONTACT_ACTIVE || contact.state() == v1::CONTACT_HELD ||
         contact.state() == v1::CONTACT_WRAP_UP;
}

}  // namespace

void ContactInbox::Start(const v1::AgentStarted& started, absl::Time now) {
  agent_ = started.agent();
  if (!started.wrap_up_codes().empty()) {
    wrap_up_.codes.assign(started.wrap_up_codes().begin(), started.wrap_up_codes().end());
  }
  if (started.has_contact_completed_stage()) wrap_up_.stage = started.contact_completed_stage();
  if (started.resumed()) return;
  offers_.clear();
  contacts_.clear();
  for (const v1::Offer& offer : started.offers()) AddOffer(offer, now);
  for (const v1::Contact& contact : started.contacts()) UpdateContact(contact);
}

WrapUpWrite ContactInbox::WrapUpOf(v1::CompleteContactRequest request) const {
  WrapUpWrite wrap_up{std::move(request), std::nullopt};
  if (const v1::Contact* contact = FindContact(wrap_up.request.contact_id())) {
    wrap_up.touchpoint = WrapUpTouchpoint(*contact, wrap_up.request, wrap_up_);
  }
  return wrap_up;
}

void ContactInbox::AddOffer(v1::Offer offer, absl::Time now) {
  if (!offer.journey().display_name().empty()) {
    customer_names_[offer.customer_id()] = offer.journey().display_name();
  }
  RemoveOffer(offer.contact_id());
  offers_.push_back(RingingOffer{std::move(offer), now});
}

bool ContactInbox::UpdateContact(const v1::Contact& contact) {
  const bool mine = !agent_.agent_id().empty() ? contact.agent_id() == agent_.agent_id() : true;
  const std::string& id = contact.contact_id();
  if (mine && contact.state() == v1::CONTACT_OFFERED) {
    for (RingingOffer& ringing : offers_) {
      if (ringing.offer.contact_id() == id) *ringing.offer.mutable_contact() = contact;
    }
    return false;  // the offer itself arrives as an Offer, with its screen pop
  }
  const bool had = FindOffer(id) != nullptr || FindContact(id) != nullptr;
  RemoveOffer(id);
  if (mine && IsHeldByAgent(contact)) {
    auto it = std::find_if(contacts_.begin(), contacts_.end(),
                           [&](const v1::Contact& c) { return c.contact_id() == id; });
    if (it != contacts_.end()) {
      if (it->version() > contact.version()) return false;  // an older copy arrived late
      *it = contact;
    } else {
      contacts_.push_back(contact);
      std::stable_sort(contacts_.begin(), contacts_.end(), [](const v1::Contact& a, const v1::Contact& b) {
        return FromProto(a.enqueued_at()) < FromProto(b.enqueued_at());
      });
    }
    return true;
  }
  RemoveContact(id);
  return had;
}

bool ContactInbox::AddCustomerMessage(const std::string& contact_id, const v1::ContactMessage& message) {
  for (v1::Contact& contact : contacts_) {
    if (contact.contact_id() != contact_id) continue;
    for (const v1::ContactMessage& known : contact.messages()) {
      if (known.number() == message.number() && message.number() != 0) return false;  // already there
    }
    *contact.add_messages() = message;
    contact.set_message_count(std::max(contact.message_count(), message.number()));
    return true;
  }
  return false;
}

bool ContactInbox::ApplyNotice(const v1::Notice& notice) {
  if (notice.contact_id().empty() || FindOffer(notice.contact_id()) == nullptr) return false;
  if (notice.code() == "missed_offer" || notice.code() == "offer_withdrawn" || notice.code() == "customer_left") {
    RemoveOffer(notice.contact_id());
    return true;
  }
  return false;
}

const RingingOffer* ContactInbox::FindOffer(const std::string& contact_id) const {
  for (const RingingOffer& ringing : offers_) {
    if (ringing.offer.contact_id() == contact_id) return &ringing;
  }
  return nullptr;
}

const v1::Contact* ContactInbox::FindContact(const std::string& contact_id) const {
  for (const v1::Contact& contact : contacts_) {
    if (contact.contact_id() == contact_id) return &contact;
  }
  return nullptr;
}

std::string ContactInbox::CustomerName(const std::string& customer_id) const {
  auto it = customer_names_.find(customer_id);
  return it == customer_names_.end() ? customer_id : it->second;
}

void ContactInbox::SetWaitingWrites(const std::vector<v1::Touchpoint>& waiting) {
  waiting_wrap_ups_.clear();
  for (const v1::Touchpoint& tp : waiting) {
    if (tp.kind() == kContactCompletedKind && !tp.contact_id().empty()) waiting_wrap_ups_.insert(tp.contact_id());
  }
}

std::string ContactInbox::ElapsedText(absl::Duration elapsed) {
  const int64_t seconds = std::max<int64_t>(0, absl::ToInt64Seconds(elapsed));
  if (seconds < 60) return absl::StrCat(seconds, " s");
  if (seconds < 3600) return absl::StrCat(seconds / 60, " min");
  return absl::StrCat(seconds / 3600, " h ", (seconds % 3600) / 60, " min");
}

void ContactInbox::RemoveOffer(const std::string& contact_id) {
  offers_.erase(std::remove_if(offers_.begin(), offers_.end(),
                               [&](const RingingOffer& r) { return r.offer.contact_id() == contact_id; }),
                offers_.end());
}

void ContactInbox::RemoveContact(const std::string& contact_id) {
  contacts_.erase(std::remove_if(contacts_.begin(), contacts_.end(),
                                 [&](const v1::Contact& c) { return c.contact_id() == contact_id; }),
                  contacts_.end());
}

}  // namespace journeydesk::agent
