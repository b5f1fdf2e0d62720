#include "core/plugin_host/plugin_discovery.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <system_error>

namespace journeydesk::agent::plugins {
namespace {

namespace fs = std::filesystem;

fs::path ExecutableDir() {
  std::error_code error;
  fs::path self = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::path() : self.parent_path();
}

}  // namespace

std::vector<fs::path> DiscoverPluginDirs(const std::vector<fs::path>& roots) {
  std::vector<fs::path> found;
  for (const fs::path& root : roots) {
    std::error_code error;
    if (root.empty() || !fs::is_directory(root, error)) continue;
    std::vector<fs::path> here;
    for (const auto& entry : fs::directory_iterator(root, error)) {
      if (entry.is_directory(error) && fs::exists(entry.path() / "plugin.json", error)) here.push_back(entry.path());
    }
    std::sort(here.begin(), here.end());
    found.insert(found.end(), here.begin(), here.end());
  }
  return found;
}

fs::path UserPluginRoot() {
  if (const char* data = std::getenv("XDG_DATA_HOME"); data != nullptr && *data != '\0') {
    return fs::path(data) / "journeydesk" / "plugins";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return fs::path(home) / ".local" / "share" / "journeydesk" / "plugins";
  }
  return {};
}

fs::path BundledPluginRoot() {
  if (const char* dir = std::getenv("JOURNEYDESK_PLUGIN_DIR"); dir != nullptr && *dir != '\0') return dir;
  std::error_code error;
  fs::path installed = ExecutableDir() / ".." / "lib" / "journeydesk" / "plugins";
  if (fs::is_directory(installed, error)) return installed.lexically_normal();
#ifdef JD_BUILD_TREE_PLUGIN_DIR
  return JD_BUILD_TREE_PLUGIN_DIR;
#else
  return {};
#endif
}

fs::path DefaultHostProcessPath() {
  std::error_code error;
  fs::path beside = ExecutableDir() / "journeydesk-plugin-host";
  if (fs::exists(beside, error)) return beside;
#ifdef JD_BUILD_TREE_HOST_PROCESS
  return JD_BUILD_TREE_HOST_PROCESS;
#else
  return beside;
#endif
}

}  // namespace journeydesk::agent::plugins
