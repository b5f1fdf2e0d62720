#pragma once
// The plugin plugin_bench measures: builds a workspace view from its contact (header,
// fields, a transcript of every message, composer with templates, choices, actions) on
// every event — a typical view's work. Compiled both into plugin_bench (the direct C++
// baseline) and into the bench-echo plugin library (through the host).
#include <map>
#include <string>

#include "journeydesk/plugin_sdk/jd_plugin.hpp"

namespace journeydesk::bench {

class BenchEchoPlugin : public plugin_sdk::ChannelPlugin {
 public:
  void OnContactAssigned(const plugin_sdk::pb::ContactAssigned& event, plugin_sdk::pb::PluginResponse& out) override {
    contacts_[event.contact().contact_id()] = event;
    Render(event.contact().contact_id(), out);
  }
  void OnAction(const plugin_sdk::pb::ActionInvoked& event, plugin_sdk::pb::PluginResponse& out) override {
    ++actions_;
    Render(event.contact_id(), out);
  }

 private:
  void Render(const std::string& contact_id, plugin_sdk::pb::PluginResponse& out) {
    namespace pb = plugin_sdk::pb;
    auto it = contacts_.find(contact_id);
    if (it == contacts_.end()) return;
    const pb::ContactAssigned& assigned = it->second;
    pb::WorkspaceView& view = *out.mutable_view();
    view.mutable_header()->set_title(assigned.customer().display_name());
    view.mutable_header()->set_subtitle(assigned.contact().subject());
    view.mutable_header()->set_badge("Live");
    for (const char* id : {"from", "subject"}) {
      pb::Field* field = view.add_fields();
      field->set_id(id);
      field->set_label(id);
      field->set_value(assigned.contact().subject());
    }
    for (const pb::Message& message : assigned.contact().messages()) {
      pb::TranscriptEntry* entry = view.mutable_transcript()->add_entries();
      entry->set_sender(message.sender());
      entry->set_text(message.text());
      entry->set_at_unix_ms(message.at_unix_ms());
    }
    pb::Composer* composer = view.mutable_composer();
    composer->set_id("body");
    composer->set_revision(actions_);
    for (int i = 0; i < 4; ++i) {
      pb::Template* t = composer->add_templates();
      t->set_id("t" + std::to_string(i));
      t->set_label("Template " + std::to_string(i));
      t->set_text("Hello, thank you for your message about your booking.");
    }
    pb::Choice* wrap_up = view.add_choices();
    wrap_up->set_id("wrap_up");
    for (const pb::WrapUpCode& code : assigned.wrap_up_codes()) wrap_up->add_options()->set_id(code.code());
    AddAction(view, "send", "Send", "Ctrl+Enter");
    AddAction(view, "complete", "Complete", "Ctrl+D");
  }

  std::map<std::string, plugin_sdk::pb::ContactAssigned> contacts_;
  int actions_ = 0;
};

}  // namespace journeydesk::bench
