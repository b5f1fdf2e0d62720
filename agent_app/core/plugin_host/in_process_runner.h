#pragma once
// Runs a plugin inside the desktop's process: direct C calls, no copying beyond the
// serialized bytes. A crash or a hang in the plugin is a crash or hang of the desktop — use
// only for plugins trusted like the desktop itself (docs/plugins.md).

#include <optional>
#include <string>

#include "core/plugin_host/plugin_library.h"
#include "core/plugin_host/plugin_manifest.h"
#include "core/plugin_host/plugin_runner.h"

namespace journeydesk::agent::plugins {

class InProcessRunner : public PluginRunner {
 public:
  InProcessRunner(Manifest manifest, std::string config);
  absl::Status Start() override;
  absl::StatusOr<std::string> Deliver(const std::string& event_bytes) override;
  void Stop() override;
  RunMode mode() const override { return RunMode::kInProcess; }

 private:
  Manifest manifest_;
  std::string config_;
  std::optional<PluginLibrary> library_;  // loaded once, kept across Stop/Start
  std::optional<PluginInstance> instance_;
};

}  // namespace journeydesk::agent::plugins
