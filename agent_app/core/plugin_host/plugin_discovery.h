#pragma once
// Where plugins live: one folder per plugin (plugin.json + library) inside each plugin
// directory. Bundled plugins ship with the desktop; IT or the user adds more under
// $XDG_DATA_HOME/journeydesk/plugins (default ~/.local/share/journeydesk/plugins).

#include <filesystem>
#include <string>
#include <vector>

namespace journeydesk::agent::plugins {

// The folders below `roots` that hold a plugin.json, roots in order, each root's folders
// sorted by name. Missing roots are skipped.
std::vector<std::filesystem::path> DiscoverPluginDirs(const std::vector<std::filesystem::path>& roots);

// The user's plugin directory ($XDG_DATA_HOME/journeydesk/plugins or
// ~/.local/share/journeydesk/plugins); empty when neither variable is set.
std::filesystem::path UserPluginRoot();

// The bundled plugin directory: $JOURNEYDESK_PLUGIN_DIR when set, else the one found
// relative to the running executable (`../lib/journeydesk/plugins` installed, the build
// tree's `plugins/bundled` otherwise).
std::filesystem::path BundledPluginRoot();

// journeydesk-plugin-host beside the running executable, else in the build tree.
std::filesystem::path DefaultHostProcessPath();

}  // namespace journeydesk::agent::plugins
