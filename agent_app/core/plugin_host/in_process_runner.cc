#include "core/plugin_host/in_process_runner.h"

#include <utility>

namespace journeydesk::agent::plugins {

InProcessRunner::InProcessRunner(Manifest manifest, std::string config)
    : manifest_(std::move(manifest)), config_(std::move(config)) {}

absl::Status InProcessRunner::Start() {
  if (!library_) {
    auto library = PluginLibrary::Load(manifest_);
    if (!library.ok()) return library.status();
    library_ = *library;
  }
  auto instance = PluginInstance::Create(*library_, config_);
  if (!instance.ok()) return instance.status();
  instance_ = std::move(*instance);
  return absl::OkStatus();
}

absl::StatusOr<std::string> InProcessRunner::Deliver(const std::string& event_bytes) {
  if (!instance_) return absl::FailedPreconditionError("the plugin is not started");
  return instance_->HandleEvent(event_bytes);
}

void InProcessRunner::Stop() { instance_.reset(); }

}  // namespace journeydesk::agent::plugins
