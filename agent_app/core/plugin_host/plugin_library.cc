#include "core/plugin_host/plugin_library.h"

#include <dlfcn.h>

#include <cstddef>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/plugin_host/abi_version.h"
#include "spdlog/spdlog.h"

namespace journeydesk::agent::plugins {
namespace {

// Collects what a plugin writes into a sink during one call.
struct SinkBuffer {
  std::string bytes;
  std::string error;
  bool wrote = false;
};

void SinkWrite(void* context, const uint8_t* data, size_t size) {
  auto* buffer = static_cast<SinkBuffer*>(context);
  buffer->bytes.assign(reinterpret_cast<const char*>(data), size);
  buffer->wrote = true;
}

void SinkError(void* context, const char* message) {
  static_cast<SinkBuffer*>(context)->error = message != nullptr ? message : "";
}

jd_plugin_sink MakeSink(SinkBuffer& buffer) {
  return jd_plugin_sink{sizeof(jd_plugin_sink), &buffer, &SinkWrite, &SinkError};
}

void HostLog(void* context, int level, const char* message) {
  const char* id = static_cast<const char*>(context);
  if (message == nullptr) return;
  switch (level) {
    case 0: spdlog::debug("plugin {}: {}", id, message); break;
    case 1: spdlog::info("plugin {}: {}", id, message); break;
    case 2: spdlog::warn("plugin {}: {}", id, message); break;
    default: spdlog::error("plugin {}: {}", id, message); break;
  }
}

// The last field every ABI 1.x plugin has.
constexpr size_t kMinDescriptorSize = offsetof(jd_channel_plugin, destroy) + sizeof(void (*)(void*));

}  // namespace

absl::StatusOr<PluginLibrary> PluginLibrary::Load(const Manifest& manifest) {
  const std::string path = manifest.library_path.string();
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* reason = dlerror();
    return absl::FailedPreconditionError(
        absl::StrCat("cannot load ", path, ": ", reason != nullptr ? reason : "unknown reason"));
  }
  // Deliberately never dlclose()d (see the header).
  void* symbol = dlsym(handle, JD_CHANNEL_PLUGIN_ENTRY_NAME);
  if (symbol == nullptr) {
    return absl::FailedPreconditionError(absl::StrCat(
        path, " does not export ", JD_CHANNEL_PLUGIN_ENTRY_NAME,
        ": it is not a JourneyDesk plugin of ABI ", HostAbi().major,
        ".x (build it with JD_CHANNEL_PLUGIN(...) from the SDK)"));
  }
  auto entry = reinterpret_cast<jd_channel_plugin_entry_fn>(symbol);
  const jd_channel_plugin* descriptor = entry();
  if (descriptor == nullptr || descriptor->struct_size < kMinDescriptorSize) {
    return absl::FailedPreconditionError(absl::StrCat(path, ": the plugin's description is missing or truncated"));
  }
  AbiVersion built_for{descriptor->abi_major, descriptor->abi_minor};
  if (auto status = CheckAbiCompatible(built_for, HostAbi()); !status.ok()) {
    return absl::FailedPreconditionError(absl::StrCat(path, ": ", status.message()));
  }
  if (built_for.minor > manifest.abi.minor || built_for.major != manifest.abi.major) {
    return absl::FailedPreconditionError(absl::StrCat(path, " was built for ABI ", built_for.ToString(),
                                                      " but plugin.json says ", manifest.abi.ToString()));
  }
  const std::string code_id = descriptor->plugin_id != nullptr ? descriptor->plugin_id : "";
  if (code_id != manifest.fields.id()) {
    return absl::FailedPreconditionError(absl::StrCat(path, " is plugin \"", code_id, "\" but plugin.json says \"",
                                                      manifest.fields.id(), "\""));
  }
  if (descriptor->create == nullptr || descriptor->handle_event == nullptr || descriptor->destroy == nullptr) {
    return absl::FailedPreconditionError(absl::StrCat(path, ": the plugin's description lacks a function"));
  }
  const char* needed = descriptor->permissions != nullptr ? descriptor->permissions : "";
  if (auto status = CheckCodeNeedsDeclared(needed, manifest.permissions); !status.ok()) return status;
  return PluginLibrary(descriptor);
}

absl::StatusOr<PluginInstance> PluginInstance::Create(const PluginLibrary& library, const std::string& config) {
  const jd_channel_plugin* descriptor = &library.descriptor();
  auto host_api = std::make_unique<jd_plugin_host_api>();
  host_api->struct_size = sizeof(jd_plugin_host_api);
  host_api->abi_major = static_cast<uint16_t>(HostAbi().major);
  host_api->abi_minor = static_cast<uint16_t>(HostAbi().minor);
  host_api->context = const_cast<char*>(descriptor->plugin_id);
  host_api->log = &HostLog;

  SinkBuffer buffer;
  jd_plugin_sink sink = MakeSink(buffer);
  void* instance = descriptor->create(host_api.get(), reinterpret_cast<const uint8_t*>(config.data()),
                                      config.size(), &sink);
  if (instance == nullptr) {
    return absl::AbortedError(
        buffer.error.empty() ? std::string("the plugin refused to start without saying why") : buffer.error);
  }
  PluginInstance created(descriptor, instance);
  created.host_api_ = std::move(host_api);
  return created;
}

PluginInstance::PluginInstance(const jd_channel_plugin* descriptor, void* instance)
    : descriptor_(descriptor), instance_(instance) {}

PluginInstance::PluginInstance(PluginInstance&& other) noexcept
    : descriptor_(other.descriptor_),
      instance_(std::exchange(other.instance_, nullptr)),
      host_api_(std::move(other.host_api_)) {}

PluginInstance& PluginInstance::operator=(PluginInstance&& other) noexcept {
  if (this != &other) {
    if (instance_ != nullptr) descriptor_->destroy(instance_);
    descriptor_ = other.descriptor_;
    instance_ = std::exchange(other.instance_, nullptr);
    host_api_ = std::move(other.host_api_);
  }
  return *this;
}

PluginInstance::~PluginInstance() {
  if (instance_ != nullptr) descriptor_->destroy(instance_);
}

absl::StatusOr<std::string> PluginInstance::HandleEvent(const std::string& event_bytes) {
  SinkBuffer buffer;
  jd_plugin_sink sink = MakeSink(buffer);
  int result = descriptor_->handle_event(instance_, reinterpret_cast<const uint8_t*>(event_bytes.data()),
                                         event_bytes.size(), &sink);
  if (result != JD_PLUGIN_OK) {
    return absl::AbortedError(buffer.error.empty() ? std::string("the plugin reported an error without a message")
                                                   : buffer.error);
  }
  return std::move(buffer.bytes);
}

}  // namespace journeydesk::agent::plugins
