#pragma once
// Runs one plugin's code somewhere and delivers serialized events to it. Not thread-safe:
// PluginHost calls a runner from one thread at a time.

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/plugin_host/plugin_state.h"

namespace journeydesk::agent::plugins {

class PluginRunner {
 public:
  virtual ~PluginRunner() = default;

  // Loads the library and creates the instance (in process) or starts the plugin host
  // process and has it do so. On failure nothing is left running; the message says why.
  virtual absl::Status Start() = 0;

  // One serialized HostEvent in, the serialized PluginResponse out. Failures:
  //  ABORTED — the plugin reported an error (e.g. threw); it is alive, nothing to restart.
  //  UNAVAILABLE — its process died (crash); DEADLINE_EXCEEDED — it took longer than the
  //  call budget and its process was killed. After these two the runner is stopped and
  //  Start() must be called again.
  //  FAILED_PRECONDITION — not started.
  virtual absl::StatusOr<std::string> Deliver(const std::string& event_bytes) = 0;

  // Ends the instance / the process. Safe to call when not started.
  virtual void Stop() = 0;

  virtual RunMode mode() const = 0;
  virtual int pid() const { return 0; }
};

}  // namespace journeydesk::agent::plugins
