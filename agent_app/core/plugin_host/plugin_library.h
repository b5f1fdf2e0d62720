#pragma once
// A plugin's shared library, loaded once and checked: entry symbol, the struct it returns
// (size, ABI, id, permissions against the manifest).
//
// Never unloaded: the handle is deliberately leaked for the life of the process (a plugin may
// leave threads, atexit handlers or TLS destructors pointing into its code). The object only
// refers to it; copying refers to the same library.

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "core/plugin_host/plugin_manifest.h"
#include "journeydesk/plugin_sdk/jd_channel_plugin.h"

namespace journeydesk::agent::plugins {

class PluginLibrary {
 public:
  // dlopen()s manifest.library_path (RTLD_NOW | RTLD_LOCAL) and checks it. FAILED_PRECONDITION
  // naming the file when it cannot be loaded, lacks JD_CHANNEL_PLUGIN_ENTRY_NAME, returns a
  // struct too small or of another ABI, or an id other than the manifest's; PERMISSION_DENIED
  // when its code needs a permission plugin.json does not declare. A library loaded once
  // stays loaded even if a check fails.
  static absl::StatusOr<PluginLibrary> Load(const Manifest& manifest);

  // Points into the library's static storage; valid for the life of the process.
  const jd_channel_plugin& descriptor() const { return *descriptor_; }

 private:
  explicit PluginLibrary(const jd_channel_plugin* descriptor) : descriptor_(descriptor) {}
  const jd_channel_plugin* descriptor_;
};

// One created plugin instance (create() … destroy()). Move-only; not thread-safe: the owner
// calls it from one thread at a time.
class PluginInstance {
 public:
  // Calls create(). ABORTED with the plugin's own message when it refuses (or throws).
  static absl::StatusOr<PluginInstance> Create(const PluginLibrary& library, const std::string& config);
  PluginInstance(PluginInstance&& other) noexcept;
  PluginInstance& operator=(PluginInstance&& other) noexcept;
  PluginInstance(const PluginInstance&) = delete;
  PluginInstance& operator=(const PluginInstance&) = delete;
  ~PluginInstance();  // destroy()

  // One serialized HostEvent in, the serialized PluginResponse out (empty: nothing changed).
  // ABORTED with the plugin's message when it reports an error (it threw, or refused).
  absl::StatusOr<std::string> HandleEvent(const std::string& event_bytes);

 private:
  PluginInstance(const jd_channel_plugin* descriptor, void* instance);
  const jd_channel_plugin* descriptor_ = nullptr;
  void* instance_ = nullptr;
  std::unique_ptr<jd_plugin_host_api> host_api_;
};

}  // namespace journeydesk::agent::plugins
