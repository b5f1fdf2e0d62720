#include "core/desk_plugins/plugin_contact_mapping.h"

#include "absl/time/time.h"
#include "core/proto_time.h"

namespace journeydesk::agent {
namespace {

int64_t UnixMs(const google::protobuf::Timestamp& at) {
  return at.seconds() == 0 && at.nanos() == 0 ? 0 : absl::ToUnixMillis(FromProto(at));
}

plugin::v1::ContactState ToPluginState(v1::ContactState state) {
  switch (state) {
    case v1::CONTACT_OFFERED: return plugin::v1::CONTACT_OFFERED;
    case v1::CONTACT_ACTIVE: return plugin::v1::CONTACT_ACTIVE;
    case v1::CONTACT_HELD: return plugin::v1::CONTACT_HELD;
    case v1::CONTACT_WRAP_UP: return plugin::v1::CONTACT_WRAP_UP;
    case v1::CONTACT_COMPLETED: return plugin::v1::CONTACT_COMPLETED;
    case v1::CONTACT_ABANDONED: return plugin::v1::CONTACT_ABANDONED;
    default: return plugin::v1::CONTACT_STATE_UNSPECIFIED;
  }
}

}  // namespace

plugin::v1::Message ToPluginMessage(const v1::ContactMessage& message) {
  plugin::v1::Message out;
  out.set_sender(message.sender() == v1::MESSAGE_FROM_CUSTOMER ? plugin::v1::SENDER_CUSTOMER
                                                                 : plugin::v1::SENDER_AGENT);
  out.set_text(message.text());
  out.set_at_unix_ms(UnixMs(message.at()));
  out.set_agent_id(message.agent_id());
  out.set_number(message.number());
  return out;
}

plugin::v1::Contact ToPluginContact(const v1::Contact& contact) {
  plugin::v1::Contact out;
  out.set_contact_id(contact.contact_id());
  out.set_customer_id(contact.customer_id());
  out.set_channel(contact.channel());
  out.set_queue(contact.queue());
  out.set_subject(contact.subject());
  out.set_state(ToPluginState(contact.state()));
  out.set_address(contact.address());
  out.set_answered_at_unix_ms(UnixMs(contact.answered_at()));
  out.set_state_since_unix_ms(UnixMs(contact.state_since()));
  for (const v1::ContactMessage& message : contact.messages()) *out.add_messages() = ToPluginMessage(message);
  out.set_hold_count(contact.hold_count());
  out.set_transfer_count(contact.transfer_count());
  return out;
}

plugin::v1::ContactAssigned ToContactAssigned(const v1::Contact& contact, const std::string& agent_id,
                                              const std::string& customer_name, const v1::Journey* journey,
                                              const std::vector<v1::WrapUpCode>& wrap_up_codes) {
  plugin::v1::ContactAssigned assigned;
  *assigned.mutable_contact() = ToPluginContact(contact);
  plugin::v1::Customer* customer = assigned.mutable_customer();
  customer->set_customer_id(contact.customer_id());
  customer->set_display_name(customer_name);
  if (journey != nullptr && journey->customer().id() == contact.customer_id()) {
    const v1::Customer& known = journey->customer();
    if (!known.display_name().empty()) customer->set_display_name(known.display_name());
    if (!known.emails().empty()) customer->set_email(known.emails(0));
    if (!known.phones().empty()) customer->set_phone(known.phones(0));
    customer->set_current_stage(journey->current_stage());
    customer->set_open_issues(journey->metrics().open_issues());
  }
  assigned.set_agent_id(agent_id);
  for (const v1::WrapUpCode& code : wrap_up_codes) {
    plugin::v1::WrapUpCode* out = assigned.add_wrap_up_codes();
    out->set_code(code.code());
    out->set_label(code.name().empty() ? code.code() : code.name());
  }
  if (!contact.queue().empty()) assigned.add_transfer_queues(contact.queue());
  return assigned;
}

}  // namespace journeydesk::agent
