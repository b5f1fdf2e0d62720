#include "plugin_test_support.h"

#include <stdlib.h>

#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace journeydesk::agent::plugins::testing {

namespace fs = std::filesystem;

PluginRoot::PluginRoot(const std::string& source_root, const std::vector<std::string>& names) {
  std::string pattern = (fs::temp_directory_path() / "jd-plugin-root-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
  path_ = pattern;
  for (const std::string& name : names) {
    fs::create_directory_symlink(fs::path(source_root) / name, path_ / name);
  }
}

PluginRoot::~PluginRoot() {
  std::error_code error;
  fs::remove_all(path_, error);
}

std::string FixtureRoot() { return JD_FIXTURE_ROOT; }
std::string BundledRoot() { return JD_BUNDLED_ROOT; }

void Recorder::OnHostRequest(const std::string& plugin_id, const std::string& contact_id, const std::string& channel,
                             const pb::HostRequest& request) {
  std::lock_guard lock(mutex_);
  requests_.push_back({plugin_id, contact_id, channel, request});
}

void Recorder::OnView(const std::string&, const pb::WorkspaceView& view) {
  std::lock_guard lock(mutex_);
  last_view_ = view;
  ++views_;
}

void Recorder::OnNotice(const std::string&, const std::string& text) {
  std::lock_guard lock(mutex_);
  notices_.push_back(text);
}

void Recorder::OnPluginStatus(const PluginStatus& status) {
  std::lock_guard lock(mutex_);
  statuses_.push_back(status);
}

std::vector<Recorder::Request> Recorder::TakeRequests() {
  std::lock_guard lock(mutex_);
  return std::exchange(requests_, {});
}

std::vector<std::string> Recorder::notices() {
  std::lock_guard lock(mutex_);
  return notices_;
}

pb::WorkspaceView Recorder::last_view() {
  std::lock_guard lock(mutex_);
  return last_view_;
}

int Recorder::views() {
  std::lock_guard lock(mutex_);
  return views_;
}

PluginHostOptions Options(const fs::path& root, RunMode mode, absl::Duration call_budget) {
  PluginHostOptions options;
  options.roots = {root};
  options.default_mode = mode;
  options.process.host_process_path = JD_HOST_PROCESS;
  options.process.call_budget = call_budget;
  options.process.start_budget = absl::Seconds(20);
  return options;
}

PluginStatus StatusOf(const PluginHost& host, const std::string& id) {
  for (const PluginStatus& status : host.Statuses()) {
    if (status.id == id) return status;
  }
  ADD_FAILURE() << "no plugin " << id;
  return {};
}

pb::ContactAssigned MakeContact(const std::string& contact_id, const std::string& channel) {
  pb::ContactAssigned assigned;
  pb::Contact* contact = assigned.mutable_contact();
  contact->set_contact_id(contact_id);
  contact->set_customer_id("C-000001");
  contact->set_channel(channel);
  contact->set_subject("Refund for booking 42");
  contact->set_state(pb::CONTACT_ACTIVE);
  contact->set_address("ada@example.com");
  contact->set_answered_at_unix_ms(absl::ToUnixMillis(absl::Now()));
  pb::Message* first = contact->add_messages();
  first->set_sender(pb::SENDER_CUSTOMER);
  first->set_text("Where is my refund?\nIt has been two weeks.");
  first->set_number(1);
  first->set_at_unix_ms(absl::ToUnixMillis(absl::Now()) - 60000);
  pb::Customer* customer = assigned.mutable_customer();
  customer->set_customer_id("C-000001");
  customer->set_display_name("Ada Lovelace");
  customer->set_email("ada@example.com");
  customer->set_phone("+44 20 7946 0000");
  customer->set_current_stage("support");
  assigned.set_agent_id("agent-7");
  for (const char* code : {"resolved", "callback"}) {
    pb::WrapUpCode* wrap_up = assigned.add_wrap_up_codes();
    wrap_up->set_code(code);
  }
  assigned.add_transfer_queues("billing");
  assigned.add_transfer_queues("sales");
  return assigned;
}

pb::ActionInvoked Action(const std::string& contact_id, const std::string& action_id,
                         std::vector<std::pair<std::string, std::string>> values) {
  pb::ActionInvoked action;
  action.set_contact_id(contact_id);
  action.set_action_id(action_id);
  for (auto& [key, value] : values) (*action.mutable_values())[key] = value;
  return action;
}

}  // namespace journeydesk::agent::plugins::testing
