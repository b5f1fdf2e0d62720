// plugin_load_check ROOT ID CHANNEL HOST_PROCESS: loads the plugins under ROOT through the
// real host (own process), checks that plugin ID runs, gives it a contact on CHANNEL and
// presses its "send" action. Exit 0 and "ok: …" on success; 1 with the reason otherwise.
// Used by the out-of-tree SDK test on a plugin built outside the project.
#include <iostream>

#include "absl/strings/str_cat.h"
#include "core/plugin_host/plugin_host.h"

namespace {

using namespace journeydesk::agent::plugins;
namespace pb = journeydesk::plugin::v1;

class Collect : public PluginHostRequests, public PluginHostObserver {
 public:
  void OnHostRequest(const std::string&, const std::string&, const std::string&, const pb::HostRequest& r) override {
    if (r.has_send_message()) sent = r.send_message().text();
  }
  void OnView(const std::string&, const pb::WorkspaceView& v) override { view = v; }
  void OnNotice(const std::string&, const std::string&) override {}
  void OnPluginStatus(const PluginStatus&) override {}
  std::string sent;
  pb::WorkspaceView view;
};

int Fail(const std::string& why) {
  std::cerr << "plugin_load_check: " << why << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) return Fail("usage: plugin_load_check ROOT ID CHANNEL HOST_PROCESS");
  PluginHostOptions options;
  options.roots = {argv[1]};
  options.process.host_process_path = argv[4];
  Collect collect;
  PluginHost host(options, &collect, &collect);
  host.Start();
  bool found = false;
  for (const PluginStatus& status : host.Statuses()) {
    std::cout << status.id << " " << status.version << " " << PluginStateName(status.state) << " "
              << status.error << "\n";
    if (status.id == argv[2]) {
      found = true;
      if (status.state != PluginState::kRunning) return Fail(absl::StrCat(argv[2], " is not running: ", status.error));
    }
  }
  if (!found) return Fail(absl::StrCat("no plugin ", argv[2], " under ", argv[1]));

  pb::ContactAssigned assigned;
  assigned.mutable_contact()->set_contact_id("K-1");
  assigned.mutable_contact()->set_channel(argv[3]);
  assigned.mutable_customer()->set_display_name("Ada Lovelace");
  if (auto status = host.AssignContact(assigned); !status.ok()) return Fail(status.ToString());
  if (collect.view.header().title() != "Ada Lovelace") return Fail("the view does not show the customer");
  pb::ActionInvoked action;
  action.set_contact_id("K-1");
  action.set_action_id("send");
  (*action.mutable_values())["reply"] = "hello from out of tree";
  if (auto status = host.InvokeAction(action); !status.ok()) return Fail(status.ToString());
  if (collect.sent != "hello from out of tree") return Fail("the plugin did not ask to send the reply");
  std::cout << "ok: " << argv[2] << " built out of tree loaded, rendered and sent\n";
  return 0;
}
