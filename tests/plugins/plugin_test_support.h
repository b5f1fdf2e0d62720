#pragma once
// Shared pieces of the plugin tests: a plugin root made of chosen fixture folders, a
// recording delegate, host options pointing at the real journeydesk-plugin-host, and
// contacts to assign.

#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "core/plugin_host/plugin_host.h"

namespace journeydesk::agent::plugins::testing {

namespace pb = plugin::v1;

// A temporary plugin directory holding symlinks to the named folders of `source_root`.
// Removed on destruction.
class PluginRoot {
 public:
  PluginRoot(const std::string& source_root, const std::vector<std::string>& names);
  ~PluginRoot();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::string FixtureRoot();
std::string BundledRoot();

// Records everything the host hands to the desktop. Thread-safe.
class Recorder : public PluginHostRequests, public PluginHostObserver {
 public:
  struct Request {
    std::string plugin_id, contact_id, channel;
    pb::HostRequest request;
  };
  void OnHostRequest(const std::string& plugin_id, const std::string& contact_id, const std::string& channel,
                     const pb::HostRequest& request) override;
  void OnView(const std::string& contact_id, const pb::WorkspaceView& view) override;
  void OnNotice(const std::string& contact_id, const std::string& text) override;
  void OnPluginStatus(const PluginStatus& status) override;

  std::vector<Request> TakeRequests();
  std::vector<std::string> notices();
  pb::WorkspaceView last_view();
  int views();

 private:
  std::mutex mutex_;
  std::vector<Request> requests_;
  std::vector<std::string> notices_;
  std::vector<PluginStatus> statuses_;
  pb::WorkspaceView last_view_;
  int views_ = 0;
};

// Options for a host over `root`, running every plugin in `mode`, with a short call budget.
PluginHostOptions Options(const std::filesystem::path& root, RunMode mode,
                          absl::Duration call_budget = absl::Seconds(5));

// The status of `id` (a failed expectation when absent).
PluginStatus StatusOf(const PluginHost& host, const std::string& id);

// A contact on `channel` for customer "Ada Lovelace" <ada@example.com>, +44 20 7946 0000,
// who came in from address "ada@example.com" with one message.
pb::ContactAssigned MakeContact(const std::string& contact_id, const std::string& channel);

pb::ActionInvoked Action(const std::string& contact_id, const std::string& action_id,
                         std::vector<std::pair<std::string, std::string>> values = {});

}  // namespace journeydesk::agent::plugins::testing
