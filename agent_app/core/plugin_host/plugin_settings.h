#pragma once
// The agent's choices in the plugin manager, kept between runs: which plugins are turned
// off and where each plugin runs. A small text file beside the desktop's local store
// (default $XDG_DATA_HOME/journeydesk/plugins.conf), one setting a line:
//
//   # comments and blank lines are ignored
//   disabled email
//   run_mode chat in_process        # or own_process
//
// Why a file and not a table in the local store: the plugin host has no SQLite and is used
// without the desktop's store (tests, plugin_load_check); the store holds customer data a
// user may delete to clear it, which must not turn back on a plugin someone turned off; and
// an administrator can preseed or read these lines without a SQLite client.

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/plugin_host/plugin_state.h"

namespace journeydesk::agent::plugins {

struct PluginSettings {
  std::set<std::string> disabled;           // plugin ids turned off
  std::map<std::string, RunMode> run_mode;  // per plugin id; absent: the host's default

  bool operator==(const PluginSettings&) const = default;
};

// $XDG_DATA_HOME/journeydesk/plugins.conf, else ~/.local/share/journeydesk/plugins.conf;
// empty when neither is set.
std::filesystem::path DefaultPluginSettingsPath();

// A missing file is no settings (the first run). INVALID_ARGUMENT naming FILE:LINE for a
// line that is not one of the forms above; NOT_FOUND / PERMISSION_DENIED-like errors when
// the file exists but cannot be read.
absl::StatusOr<PluginSettings> ReadPluginSettings(const std::filesystem::path& file);

// Replaces the file atomically (a temporary file renamed over it), mode 0600, creating its
// folder (0700) when missing. On failure the old file is untouched.
absl::Status WritePluginSettings(const std::filesystem::path& file, const PluginSettings& settings);

}  // namespace journeydesk::agent::plugins
