#pragma once
// Runs a plugin in its own journeydesk-plugin-host process and talks to it over gRPC on a
// Unix socket (plugin_process.proto). A crash shows as UNAVAILABLE, a call over the budget
// as DEADLINE_EXCEEDED after which the process is killed; either way this runner is stopped
// and PluginHost restarts it.

#include <memory>
#include <string>

#include "absl/time/time.h"
#include "core/plugin_host/plugin_manifest.h"
#include "core/plugin_host/plugin_runner.h"
#include "core/plugin_host/spawned_process.h"
#include "journeydesk/plugin/v1/plugin_process.grpc.pb.h"

namespace journeydesk::agent::plugins {

struct OutOfProcessOptions {
  std::string host_process_path;                  // the journeydesk-plugin-host executable
  std::string socket_dir;                         // private (0700) folder for the sockets
  absl::Duration call_budget = absl::Seconds(2);  // per event; longer counts as a hang
  absl::Duration start_budget = absl::Seconds(10);
};

class OutOfProcessRunner : public PluginRunner {
 public:
  OutOfProcessRunner(Manifest manifest, std::string config, OutOfProcessOptions options);
  ~OutOfProcessRunner() override;
  absl::Status Start() override;
  absl::StatusOr<std::string> Deliver(const std::string& event_bytes) override;
  void Stop() override;
  RunMode mode() const override { return RunMode::kOwnProcess; }
  int pid() const override { return process_.pid() > 0 ? process_.pid() : 0; }

  // The empty RPC, for the benchmark's baseline. Same deadline as Deliver.
  absl::Status Ping();

 private:
  absl::Status WaitUntilServing();
  // Kills or reaps the process after a transport failure and says what happened to it.
  std::string CollectFailure(bool hung);

  Manifest manifest_;
  std::string config_;
  OutOfProcessOptions options_;
  std::string socket_path_;
  SpawnedProcess process_;
  std::unique_ptr<plugin::v1::PluginProcess::Stub> stub_;
};

}  // namespace journeydesk::agent::plugins
