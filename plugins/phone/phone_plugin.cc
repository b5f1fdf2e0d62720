// The phone channel plugin: call controls (answer, hold / resume, mute, transfer, hang up),
// a DTMF keypad, the call timer and after-call notes. Completing the contact records one
// call_inbound touchpoint with the talk time, holds and the notes.
#include <map>
#include <string>

#include "journeydesk/plugin_sdk/jd_plugin.hpp"

namespace {

namespace pb = journeydesk::plugin_sdk::pb;

enum class CallState { kRinging, kTalking, kHeld, kEnded };

class PhonePlugin : public journeydesk::plugin_sdk::ChannelPlugin {
 public:
  void OnContactAssigned(const pb::ContactAssigned& event, pb::PluginResponse& out) override {
    Call& call = calls_[event.contact().contact_id()];
    call.assigned = event;
    if (event.restored() || event.contact().answered_at_unix_ms() > 0) {
      // Already talking (the plugin was restarted mid-call): pick the call up where it is.
      call.state = event.contact().state() == pb::CONTACT_HELD ? CallState::kHeld : CallState::kTalking;
      call.answered_at_ms = event.contact().answered_at_unix_ms() > 0 ? event.contact().answered_at_unix_ms() : now_unix_ms();
    }
    Render(call, out);
  }

  void OnContactUpdated(const pb::ContactUpdated& event, pb::PluginResponse& out) override {
    auto it = calls_.find(event.contact().contact_id());
    if (it == calls_.end()) return;
    Call& call = it->second;
    *call.assigned.mutable_contact() = event.contact();
    if (event.contact().state() == pb::CONTACT_HELD && call.state == CallState::kTalking) call.state = CallState::kHeld;
    if (event.contact().state() == pb::CONTACT_ACTIVE && call.state == CallState::kHeld) call.state = CallState::kTalking;
    if (event.contact().state() == pb::CONTACT_WRAP_UP && call.state != CallState::kEnded) EndCall(call);
    Render(call, out);
  }

  void OnCustomerActivity(const pb::CustomerActivity& event, pb::PluginResponse& out) override {
    auto it = calls_.find(event.contact_id());
    if (it == calls_.end() || event.activity() != pb::ACTIVITY_LEFT) return;
    if (it->second.state != CallState::kEnded) EndCall(it->second);
    it->second.notice = "The caller hung up. Write your notes and complete.";
    Render(it->second, out);
  }

  void OnAction(const pb::ActionInvoked& event, pb::PluginResponse& out) override {
    auto it = calls_.find(event.contact_id());
    if (it == calls_.end()) return;
    Call& call = it->second;
    call.notice.clear();
    call.notes = Value(event, "notes");
    call.wrap_up = Value(event, "wrap_up");
    call.transfer_to = Value(event, "transfer_to");
    const std::string& action = event.action_id();
    if (action == "answer" && call.state == CallState::kRinging) {
      call.state = CallState::kTalking;
      call.answered_at_ms = now_unix_ms();
    } else if (action == "hold" && call.state == CallState::kTalking) {
      call.state = CallState::kHeld;
      ++call.holds;
      Hold(out);
    } else if (action == "resume" && call.state == CallState::kHeld) {
      call.state = CallState::kTalking;
      Resume(out);
    } else if (action == "mute" && call.state != CallState::kEnded) {
      call.muted = !call.muted;
    } else if (action == "transfer") {
      Transfer(call, out);
    } else if (action == "hangup" && call.state != CallState::kEnded && call.state != CallState::kRinging) {
      EndCall(call);
    } else if (action.rfind("dtmf_", 0) == 0 && call.state == CallState::kTalking) {
      call.digits += action.substr(5) == "star" ? "*" : action.substr(5) == "hash" ? "#" : action.substr(5);
    } else if (action == "complete") {
      CompleteCall(call, out);
    }
    Render(call, out);
  }

  void OnRequestFailed(const pb::RequestFailed& event, pb::PluginResponse& out) override {
    auto it = calls_.find(event.contact_id());
    if (it == calls_.end()) return;
    Call& call = it->second;
    // A refused hold leaves the call as it was.
    if (event.request() == "hold" && call.state == CallState::kHeld) call.state = CallState::kTalking;
    if (event.request() == "resume" && call.state == CallState::kTalking) call.state = CallState::kHeld;
    call.notice = "Not done: " + event.message();
    Render(call, out);
  }

  void OnContactClosed(const pb::ContactClosed& event, pb::PluginResponse&) override { calls_.erase(event.contact_id()); }

 private:
  struct Call {
    pb::ContactAssigned assigned;
    CallState state = CallState::kRinging;
    bool muted = false;
    int64_t answered_at_ms = 0;
    int64_t talk_ms = 0;  // once ended
    int holds = 0;
    std::string digits;
    std::string notes;
    std::string wrap_up;
    std::string transfer_to;
    std::string notice;
  };

  void EndCall(Call& call) {
    call.talk_ms = call.answered_at_ms > 0 ? now_unix_ms() - call.answered_at_ms : 0;
    call.state = CallState::kEnded;
    call.muted = false;
  }

  void Transfer(Call& call, pb::PluginResponse& out) {
    if (call.state != CallState::kTalking && call.state != CallState::kHeld) {
      call.notice = "Only a connected call can be transferred.";
      return;
    }
    if (call.transfer_to.empty()) {
      call.notice = "Choose where to transfer the call.";
      return;
    }
    TransferToQueue(out, call.transfer_to);
    RecordTouchpoint(out, "call_transferred", "Transferred to " + call.transfer_to)
        ->set_direction(pb::TOUCHPOINT_INBOUND);
    call.notice = "Transferring to " + call.transfer_to + "…";
  }

  void CompleteCall(Call& call, pb::PluginResponse& out) {
    if (call.state != CallState::kEnded && call.state != CallState::kRinging) {
      call.notice = "Hang up before completing.";
      return;
    }
    if (call.wrap_up.empty()) {
      call.notice = "Choose a wrap-up code, then complete.";
      return;
    }
    pb::RecordTouchpoint* touchpoint =
        RecordTouchpoint(out, "call_inbound", call.notes.empty() ? "Phone call" : call.notes);
    touchpoint->set_direction(pb::TOUCHPOINT_INBOUND);
    (*touchpoint->mutable_attributes())["talk_time_s"] = std::to_string(call.talk_ms / 1000);
    (*touchpoint->mutable_attributes())["holds"] = std::to_string(call.holds);
    (*touchpoint->mutable_attributes())["wrap_up_code"] = call.wrap_up;
    Complete(out, call.wrap_up, call.notes);
    call.notice = "Completed.";
  }

  static const char* StateText(CallState state) {
    switch (state) {
      case CallState::kRinging: return "Ringing";
      case CallState::kTalking: return "Connected";
      case CallState::kHeld: return "On hold";
      case CallState::kEnded: return "Call ended";
    }
    return "";
  }

  void Render(const Call& call, pb::PluginResponse& out) const {
    pb::WorkspaceView& view = *out.mutable_view();
    const pb::Customer& customer = call.assigned.customer();
    pb::Header* header = view.mutable_header();
    header->set_title(customer.display_name().empty() ? "Caller" : customer.display_name());
    header->set_subtitle(customer.phone());
    header->set_badge(std::string(StateText(call.state)) + (call.muted ? " · muted" : ""));
    header->set_badge_tone(call.state == CallState::kTalking ? pb::TONE_GOOD
                           : call.state == CallState::kHeld  ? pb::TONE_WARNING
                                                             : pb::TONE_NEUTRAL);

    pb::Field* reason = view.add_fields();
    reason->set_id("reason");
    reason->set_label("Calling about");
    reason->set_value(call.assigned.contact().subject());
    if (!call.digits.empty()) {
      pb::Field* digits = view.add_fields();
      digits->set_id("digits");
      digits->set_label("Keys sent");
      digits->set_value(call.digits);
    }
    pb::Field* notes = view.add_fields();
    notes->set_id("notes");
    notes->set_label("Notes");
    notes->set_value(call.notes);
    notes->set_kind(pb::FIELD_MULTILINE);
    notes->set_revision(1);

    pb::Timer* timer = view.mutable_timer();
    timer->set_label("Talk time");
    bool on_call = call.state == CallState::kTalking || call.state == CallState::kHeld;
    timer->set_running(on_call);
    timer->set_started_at_unix_ms(on_call ? call.answered_at_ms : 0);
    timer->set_frozen_ms(call.state == CallState::kEnded ? call.talk_ms : 0);

    const bool ringing = call.state == CallState::kRinging;
    const bool talking = call.state == CallState::kTalking;
    const bool held = call.state == CallState::kHeld;
    AddAction(view, "answer", "Answer", "Alt+A", ringing)->set_primary(ringing);
    if (held) {
      AddAction(view, "resume", "Resume", "Alt+H", true);
    } else {
      AddAction(view, "hold", "Hold", "Alt+H", talking);
    }
    AddAction(view, "mute", call.muted ? "Unmute" : "Mute", "Alt+M", talking || held);
    AddAction(view, "transfer", "Transfer", "Alt+T", talking || held);
    AddAction(view, "hangup", "Hang up", "Alt+E", talking || held);
    AddAction(view, "complete", "Complete", "Ctrl+D", call.state == CallState::kEnded)
        ->set_primary(call.state == CallState::kEnded);
    const char* keys[][2] = {{"1", "1"}, {"2", "2"}, {"3", "3"}, {"4", "4"}, {"5", "5"}, {"6", "6"},
                             {"7", "7"}, {"8", "8"}, {"9", "9"}, {"star", "*"}, {"0", "0"}, {"hash", "#"}};
    for (const auto& key : keys) {
      pb::Action* action = AddAction(view, std::string("dtmf_") + key[0], key[1], "", talking);
      action->set_group("keypad");
    }

    pb::Choice* transfer = view.add_choices();
    transfer->set_id("transfer_to");
    transfer->set_label("Transfer to");
    transfer->set_selected(call.transfer_to);
    for (const std::string& queue : call.assigned.transfer_queues()) {
      pb::ChoiceOption* option = transfer->add_options();
      option->set_id(queue);
      option->set_label(queue);
    }
    pb::Choice* wrap_up = view.add_choices();
    wrap_up->set_id("wrap_up");
    wrap_up->set_label("Wrap-up");
    wrap_up->set_required(true);
    wrap_up->set_selected(call.wrap_up);
    for (const pb::WrapUpCode& code : call.assigned.wrap_up_codes()) {
      pb::ChoiceOption* option = wrap_up->add_options();
      option->set_id(code.code());
      option->set_label(code.label().empty() ? code.code() : code.label());
    }
    if (!call.notice.empty()) {
      pb::Notice* notice = view.add_notices();
      notice->set_text(call.notice);
      notice->set_tone(call.notice.rfind("Not done", 0) == 0 ? pb::TONE_BAD : pb::TONE_NEUTRAL);
    }
  }

  std::map<std::string, Call> calls_;
};

}  // namespace

JD_CHANNEL_PLUGIN(PhonePlugin, "phone", "customer.name,customer.phone")
