// The email channel plugin: the thread (oldest first, with subjects), a reply composer with
// quoting and templates, the subject, Send (Ctrl+Enter) and Complete with a wrap-up code.
// Every reply sent is recorded as an outbound email_reply touchpoint.
#include <ctime>
#include <map>
#include <sstream>
#include <string>

#include "journeydesk/plugin_sdk/jd_plugin.hpp"

namespace {

namespace pb = journeydesk::plugin_sdk::pb;

std::string FormatDate(int64_t unix_ms) {
  std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof(text), "%Y-%m-%d %H:%M UTC", &utc);
  return text;
}

std::string Quote(const pb::Message& message, const std::string& author) {
  std::ostringstream quoted;
  quoted << "On " << FormatDate(message.at_unix_ms()) << ", " << author << " wrote:\n";
  std::istringstream lines(message.text());
  std::string line;
  while (std::getline(lines, line)) quoted << "> " << line << "\n";
  return quoted.str();
}

std::string ReplySubject(const std::string& subject) {
  if (subject.rfind("Re:", 0) == 0) return subject;
  return subject.empty() ? "Re: your message" : "Re: " + subject;
}

class EmailPlugin : public journeydesk::plugin_sdk::ChannelPlugin {
 public:
  void OnContactAssigned(const pb::ContactAssigned& event, pb::PluginResponse& out) override {
    Thread& thread = threads_[event.contact().contact_id()];
    thread.assigned = event;
    thread.subject = ReplySubject(event.contact().subject());
    if (event.restored()) thread.notice = "The email workspace was restored; check your draft before sending.";
    Render(thread, out);
  }

  void OnContactUpdated(const pb::ContactUpdated& event, pb::PluginResponse& out) override {
    auto it = threads_.find(event.contact().contact_id());
    if (it == threads_.end()) return;
    *it->second.assigned.mutable_contact() = event.contact();
    Render(it->second, out);
  }

  void OnCustomerMessage(const pb::CustomerMessage& event, pb::PluginResponse& out) override {
    auto it = threads_.find(event.contact_id());
    if (it == threads_.end()) return;
    *it->second.assigned.mutable_contact()->add_messages() = event.message();
    it->second.notice = "The customer wrote again.";
    Render(it->second, out);
  }

  void OnAction(const pb::ActionInvoked& event, pb::PluginResponse& out) override {
    auto it = threads_.find(event.contact_id());
    if (it == threads_.end()) return;
    Thread& thread = it->second;
    thread.notice.clear();
    thread.draft = Value(event, "body");
    if (!Value(event, "subject").empty()) thread.subject = Value(event, "subject");
    thread.wrap_up = Value(event, "wrap_up");
    if (event.action_id() == "quote") {
      QuoteLast(thread);
    } else if (event.action_id() == "send") {
      Send(thread, out);
    } else if (event.action_id() == "complete") {
      CompleteThread(thread, out);
    }
    Render(thread, out);
  }

  void OnRequestFailed(const pb::RequestFailed& event, pb::PluginResponse& out) override {
    auto it = threads_.find(event.contact_id());
    if (it == threads_.end()) return;
    it->second.notice = "Not done: " + event.message();
    Render(it->second, out);
  }

  void OnContactClosed(const pb::ContactClosed& event, pb::PluginResponse&) override {
    threads_.erase(event.contact_id());
  }

 private:
  struct Thread {
    pb::ContactAssigned assigned;
    std::string subject;
    std::string draft;
    int draft_revision = 1;
    std::string wrap_up;
    std::string notice;
    bool replied = false;
  };

  std::string CustomerName(const Thread& thread) const {
    const pb::Customer& customer = thread.assigned.customer();
    if (!customer.display_name().empty()) return customer.display_name();
    if (!customer.email().empty()) return customer.email();
    return "the customer";
  }

  void QuoteLast(Thread& thread) {
    const auto& messages = thread.assigned.contact().messages();
    for (int i = messages.size() - 1; i >= 0; --i) {
      if (messages[i].sender() != pb::SENDER_CUSTOMER) continue;
      std::string quoted = Quote(messages[i], CustomerName(thread));
      thread.draft = thread.draft.empty() ? "\n\n" + quoted : thread.draft + "\n\n" + quoted;
      ++thread.draft_revision;
      return;
    }
    thread.notice = "There is no customer message to quote yet.";
  }

  void Send(Thread& thread, pb::PluginResponse& out) {
    if (thread.draft.find_first_not_of(" \n\t") == std::string::npos) {
      thread.notice = "Write a reply before sending.";
      return;
    }
    SendMessage(out, thread.draft, thread.subject);
    pb::RecordTouchpoint* touchpoint = RecordTouchpoint(out, "email_reply", thread.subject);
    touchpoint->set_direction(pb::TOUCHPOINT_OUTBOUND);
    (*touchpoint->mutable_attributes())["characters"] = std::to_string(thread.draft.size());
    pb::Message* sent = thread.assigned.mutable_contact()->add_messages();
    sent->set_sender(pb::SENDER_AGENT);
    sent->set_text(thread.draft);
    sent->set_subject(thread.subject);
    sent->set_at_unix_ms(now_unix_ms());
    thread.draft.clear();
    ++thread.draft_revision;
    thread.replied = true;
    thread.notice = "Reply sent.";
  }

  void CompleteThread(Thread& thread, pb::PluginResponse& out) {
    if (thread.wrap_up.empty()) {
      thread.notice = "Choose a wrap-up code, then complete.";
      return;
    }
    if (!thread.replied && thread.draft.find_first_not_of(" \n\t") != std::string::npos) {
      thread.notice = "Your reply is not sent yet: send it or clear it, then complete.";
      return;
    }
    pb::RecordTouchpoint* touchpoint = RecordTouchpoint(out, "email_handled", thread.subject);
    touchpoint->set_direction(pb::TOUCHPOINT_INBOUND);
    touchpoint->set_outcome(thread.replied ? pb::TOUCHPOINT_RESOLVED : pb::TOUCHPOINT_UNRESOLVED);
    (*touchpoint->mutable_attributes())["wrap_up_code"] = thread.wrap_up;
    Complete(out, thread.wrap_up, "");
    thread.notice = "Completed.";
  }

  std::vector<pb::Template> Templates(const Thread& thread) const {
    const std::string name = thread.assigned.customer().display_name().empty()
                                 ? "there" : thread.assigned.customer().display_name();
    std::vector<pb::Template> templates(3);
    templates[0].set_id("thanks");
    templates[0].set_label("Thank you for writing");
    templates[0].set_text("Hello " + name + ",\n\nThank you for your message. ");
    templates[1].set_id("resolved");
    templates[1].set_label("Resolved");
    templates[1].set_text("Hello " + name + ",\n\nThis is now sorted out. If anything else comes up, just reply to this email.\n\nKind regards");
    templates[2].set_id("more_info");
    templates[2].set_label("Need more details");
    templates[2].set_text("Hello " + name + ",\n\nTo help you further, could you send us your booking reference?\n\nKind regards");
    return templates;
  }

  void Render(const Thread& thread, pb::PluginResponse& out) const {
    pb::WorkspaceView& view = *out.mutable_view();
    const pb::Contact& contact = thread.assigned.contact();
    pb::Header* header = view.mutable_header();
    header->set_title(CustomerName(thread));
    header->set_subtitle(contact.subject());
    header->set_badge(thread.replied ? "Replied" : "Awaiting reply");
    header->set_badge_tone(thread.replied ? pb::TONE_GOOD : pb::TONE_WARNING);

    pb::Field* from = view.add_fields();
    from->set_id("from");
    from->set_label("From");
    from->set_value(thread.assigned.customer().email());
    pb::Field* subject = view.add_fields();
    subject->set_id("subject");
    subject->set_label("Subject");
    subject->set_value(thread.subject);
    subject->set_kind(pb::FIELD_TEXT);
    subject->set_revision(1);

    for (const pb::Message& message : contact.messages()) {
      pb::TranscriptEntry* entry = view.mutable_transcript()->add_entries();
      entry->set_sender(message.sender());
      entry->set_author(message.sender() == pb::SENDER_CUSTOMER ? CustomerName(thread) : "You");
      entry->set_text(message.text());
      entry->set_subject(message.subject());
      entry->set_at_unix_ms(message.at_unix_ms());
    }

    pb::Composer* composer = view.mutable_composer();
    composer->set_id("body");
    composer->set_placeholder("Write your reply");
    composer->set_text(thread.draft);
    composer->set_revision(thread.draft_revision);
    composer->set_multiline(true);
    composer->set_enabled(true);
    composer->set_submit_action_id("send");
    for (const pb::Template& t : Templates(thread)) *composer->add_templates() = t;

    pb::Choice* wrap_up = view.add_choices();
    wrap_up->set_id("wrap_up");
    wrap_up->set_label("Wrap-up");
    wrap_up->set_required(true);
    wrap_up->set_selected(thread.wrap_up);
    for (const pb::WrapUpCode& code : thread.assigned.wrap_up_codes()) {
      pb::ChoiceOption* option = wrap_up->add_options();
      option->set_id(code.code());
      option->set_label(code.label().empty() ? code.code() : code.label());
    }

    AddAction(view, "send", "Send", "Ctrl+Enter")->set_primary(true);
    AddAction(view, "quote", "Quote last message", "Alt+Q");
    AddAction(view, "complete", "Complete", "Ctrl+D");
    if (!thread.notice.empty()) {
      pb::Notice* notice = view.add_notices();
      notice->set_text(thread.notice);
      notice->set_tone(thread.notice.rfind("Not done", 0) == 0 ? pb::TONE_BAD : pb::TONE_NEUTRAL);
    }
  }

  std::map<std::string, Thread> threads_;
};

}  // namespace

JD_CHANNEL_PLUGIN(EmailPlugin, "email", "customer.name,customer.email")
