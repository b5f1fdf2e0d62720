// The template channel plugin: shows the conversation, sends what the agent types, and
// completes the contact with a wrap-up code, recording a touchpoint. Copy and adapt.
#include <map>
#include <string>

#include "journeydesk/plugin_sdk/jd_plugin.hpp"

namespace {

namespace pb = journeydesk::plugin_sdk::pb;

class TemplatePlugin : public journeydesk::plugin_sdk::ChannelPlugin {
 public:
  void OnContactAssigned(const pb::ContactAssigned& event, pb::PluginResponse& out) override {
    Contact& contact = contacts_[event.contact().contact_id()];
    contact.assigned = event;
    Render(contact, out);
  }

  void OnCustomerMessage(const pb::CustomerMessage& event, pb::PluginResponse& out) override {
    auto it = contacts_.find(event.contact_id());
    if (it == contacts_.end()) return;
    *it->second.assigned.mutable_contact()->add_messages() = event.message();
    Render(it->second, out);
  }

  void OnAction(const pb::ActionInvoked& event, pb::PluginResponse& out) override {
    auto it = contacts_.find(event.contact_id());
    if (it == contacts_.end()) return;
    Contact& contact = it->second;
    if (event.action_id() == "send") {
      std::string text = Value(event, "reply");
      if (text.empty()) return;
      SendMessage(out, text);
      pb::Message* sent = contact.assigned.mutable_contact()->add_messages();
      sent->set_sender(pb::SENDER_AGENT);
      sent->set_text(text);
      sent->set_at_unix_ms(now_unix_ms());
      ++contact.draft_revision;  // clears the composer
    } else if (event.action_id() == "complete") {
      std::string code = Value(event, "wrap_up");
      RecordTouchpoint(out, "template_contact", "Handled with the template plugin")
          ->set_direction(pb::TOUCHPOINT_INBOUND);
      Complete(out, code, "");
    }
    Render(contact, out);
  }

  void OnContactClosed(const pb::ContactClosed& event, pb::PluginResponse&) override {
    contacts_.erase(event.contact_id());
  }

 private:
  struct Contact {
    pb::ContactAssigned assigned;
    int draft_revision = 1;
  };

  void Render(const Contact& contact, pb::PluginResponse& out) const {
    pb::WorkspaceView& view = *out.mutable_view();
    view.mutable_header()->set_title(contact.assigned.customer().display_name());
    view.mutable_header()->set_subtitle(contact.assigned.contact().subject());
    for (const pb::Message& message : contact.assigned.contact().messages()) {
      pb::TranscriptEntry* entry = view.mutable_transcript()->add_entries();
      entry->set_sender(message.sender());
      entry->set_text(message.text());
      entry->set_at_unix_ms(message.at_unix_ms());
    }
    pb::Composer* composer = view.mutable_composer();
    composer->set_id("reply");
    composer->set_placeholder("Type a reply");
    composer->set_revision(contact.draft_revision);
    composer->set_submit_action_id("send");
    composer->set_enabled(true);
    pb::Choice* wrap_up = view.add_choices();
    wrap_up->set_id("wrap_up");
    wrap_up->set_label("Wrap-up");
    for (const pb::WrapUpCode& code : contact.assigned.wrap_up_codes()) {
      pb::ChoiceOption* option = wrap_up->add_options();
      option->set_id(code.code());
      option->set_label(code.label());
    }
    AddAction(view, "send", "Send", "Ctrl+Enter")->set_primary(true);
    AddAction(view, "complete", "Complete", "Ctrl+D");
  }

  std::map<std::string, Contact> contacts_;
};

}  // namespace

JD_CHANNEL_PLUGIN(TemplatePlugin, "template", "customer.name")
