// The chat channel plugin: the live transcript, the customer typing / gone, canned
// responses, Send (Enter) and Complete with a wrap-up code, which records one chat_session
// touchpoint for the whole conversation.
#include <map>
#include <string>

#include "journeydesk/plugin_sdk/jd_plugin.hpp"

namespace {

namespace pb = journeydesk::plugin_sdk::pb;

class ChatPlugin : public journeydesk::plugin_sdk::ChannelPlugin {
 public:
  void OnContactAssigned(const pb::ContactAssigned& event, pb::PluginResponse& out) override {
    Chat& chat = chats_[event.contact().contact_id()];
    chat.assigned = event;
    chat.started_at_ms = event.contact().answered_at_unix_ms() > 0 ? event.contact().answered_at_unix_ms() : now_unix_ms();
    Render(chat, out);
  }

  void OnContactUpdated(const pb::ContactUpdated& event, pb::PluginResponse& out) override {
    auto it = chats_.find(event.contact().contact_id());
    if (it == chats_.end()) return;
    *it->second.assigned.mutable_contact() = event.contact();
    if (event.contact().state() == pb::CONTACT_WRAP_UP) it->second.customer_left = true;
    Render(it->second, out);
  }

  void OnCustomerMessage(const pb::CustomerMessage& event, pb::PluginResponse& out) override {
    auto it = chats_.find(event.contact_id());
    if (it == chats_.end()) return;
    *it->second.assigned.mutable_contact()->add_messages() = event.message();
    it->second.typing = false;
    Render(it->second, out);
  }

  void OnCustomerActivity(const pb::CustomerActivity& event, pb::PluginResponse& out) override {
    auto it = chats_.find(event.contact_id());
    if (it == chats_.end()) return;
    Chat& chat = it->second;
    chat.typing = event.activity() == pb::ACTIVITY_TYPING;
    if (event.activity() == pb::ACTIVITY_LEFT) chat.customer_left = true;
    Render(chat, out);
  }

  void OnAction(const pb::ActionInvoked& event, pb::PluginResponse& out) override {
    auto it = chats_.find(event.contact_id());
    if (it == chats_.end()) return;
    Chat& chat = it->second;
    chat.notice.clear();
    chat.wrap_up = Value(event, "wrap_up");
    if (event.action_id() == "send") {
      Send(chat, Value(event, "line"), out);
    } else if (event.action_id() == "complete") {
      CompleteChat(chat, out);
    }
    Render(chat, out);
  }

  void OnRequestFailed(const pb::RequestFailed& event, pb::PluginResponse& out) override {
    auto it = chats_.find(event.contact_id());
    if (it == chats_.end()) return;
    it->second.notice = "Not done: " + event.message();
    Render(it->second, out);
  }

  void OnContactClosed(const pb::ContactClosed& event, pb::PluginResponse&) override { chats_.erase(event.contact_id()); }

 private:
  struct Chat {
    pb::ContactAssigned assigned;
    int64_t started_at_ms = 0;
    int draft_revision = 1;
    bool typing = false;
    bool customer_left = false;
    std::string wrap_up;
    std::string notice;
    int sent = 0;
  };

  void Send(Chat& chat, const std::string& line, pb::PluginResponse& out) {
    if (chat.customer_left) {
      chat.notice = "The customer has left; the message was not sent.";
      return;
    }
    if (line.find_first_not_of(" \t") == std::string::npos) return;
    SendMessage(out, line);
    pb::Message* sent = chat.assigned.mutable_contact()->add_messages();
    sent->set_sender(pb::SENDER_AGENT);
    sent->set_text(line);
    sent->set_at_unix_ms(now_unix_ms());
    ++chat.sent;
    ++chat.draft_revision;
  }

  void CompleteChat(Chat& chat, pb::PluginResponse& out) {
    if (chat.wrap_up.empty()) {
      chat.notice = "Choose a wrap-up code, then complete.";
      return;
    }
    const int messages = chat.assigned.contact().messages_size();
    pb::RecordTouchpoint* touchpoint =
        RecordTouchpoint(out, "chat_session", "Chat of " + std::to_string(messages) + " messages");
    touchpoint->set_direction(pb::TOUCHPOINT_INBOUND);
    (*touchpoint->mutable_attributes())["messages"] = std::to_string(messages);
    (*touchpoint->mutable_attributes())["agent_messages"] = std::to_string(chat.sent);
    (*touchpoint->mutable_attributes())["duration_s"] = std::to_string((now_unix_ms() - chat.started_at_ms) / 1000);
    (*touchpoint->mutable_attributes())["wrap_up_code"] = chat.wrap_up;
    Complete(out, chat.wrap_up, "");
    chat.notice = "Completed.";
  }

  void Render(const Chat& chat, pb::PluginResponse& out) const {
    pb::WorkspaceView& view = *out.mutable_view();
    const std::string name =
        chat.assigned.customer().display_name().empty() ? "Customer" : chat.assigned.customer().display_name();
    view.mutable_header()->set_title(name);
    view.mutable_header()->set_subtitle(chat.assigned.contact().subject());
    if (chat.customer_left) {
      view.mutable_header()->set_badge("Customer left");
      view.mutable_header()->set_badge_tone(pb::TONE_WARNING);
    } else {
      view.mutable_header()->set_badge("Live");
      view.mutable_header()->set_badge_tone(pb::TONE_GOOD);
    }
    for (const pb::Message& message : chat.assigned.contact().messages()) {
      pb::TranscriptEntry* entry = view.mutable_transcript()->add_entries();
      entry->set_sender(message.sender());
      entry->set_author(message.sender() == pb::SENDER_CUSTOMER ? name : "You");
      entry->set_text(message.text());
      entry->set_at_unix_ms(message.at_unix_ms());
    }
    if (chat.customer_left) {
      view.mutable_transcript()->set_status(name + " left the chat");
    } else if (chat.typing) {
      view.mutable_transcript()->set_status(name + " is typing…");
    }

    pb::Composer* composer = view.mutable_composer();
    composer->set_id("line");
    composer->set_placeholder(chat.customer_left ? "The customer has left" : "Type a message, Enter sends");
    composer->set_revision(chat.draft_revision);
    composer->set_enabled(!chat.customer_left);
    composer->set_submit_action_id("send");
    const char* canned[][3] = {
        {"hello", "Greeting", "Hello! Thanks for waiting, how can I help?"},
        {"moment", "One moment", "One moment please, I'm checking that for you."},
        {"anything_else", "Anything else?", "Is there anything else I can help you with?"},
        {"bye", "Goodbye", "Thanks for chatting with us. Have a good day!"},
    };
    for (const auto& c : canned) {
      pb::Template* t = composer->add_templates();
      t->set_id(c[0]);
      t->set_label(c[1]);
      t->set_text(c[2]);
    }
    pb::Timer* timer = view.mutable_timer();
    timer->set_label("Chat");
    timer->set_started_at_unix_ms(chat.started_at_ms);
    timer->set_running(!chat.customer_left);
    if (chat.customer_left) timer->set_frozen_ms(now_unix_ms() - chat.started_at_ms);

    pb::Choice* wrap_up = view.add_choices();
    wrap_up->set_id("wrap_up");
    wrap_up->set_label("Wrap-up");
    wrap_up->set_required(true);
    wrap_up->set_selected(chat.wrap_up);
    for (const pb::WrapUpCode& code : chat.assigned.wrap_up_codes()) {
      pb::ChoiceOption* option = wrap_up->add_options();
      option->set_id(code.code());
      option->set_label(code.label().empty() ? code.code() : code.label());
    }
    AddAction(view, "send", "Send", "Enter", !chat.customer_left)->set_primary(true);
    AddAction(view, "complete", "Complete", "Ctrl+D");
    if (!chat.notice.empty()) {
      pb::Notice* notice = view.add_notices();
      notice->set_text(chat.notice);
      notice->set_tone(chat.notice.rfind("Not done", 0) == 0 ? pb::TONE_BAD : pb::TONE_NEUTRAL);
    }
  }

  std::map<std::string, Chat> chats_;
};

}  // namespace

JD_CHANNEL_PLUGIN(ChatPlugin, "chat", "customer.name")
