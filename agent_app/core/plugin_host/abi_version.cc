#include "core/plugin_host/abi_version.h"

#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "journeydesk/plugin_sdk/jd_channel_plugin.h"

namespace journeydesk::agent::plugins {

std::string AbiVersion::ToString() const { return absl::StrCat(major, ".", minor); }

AbiVersion HostAbi() { return {JD_PLUGIN_ABI_MAJOR, JD_PLUGIN_ABI_MINOR}; }

absl::StatusOr<AbiVersion> ParseAbiVersion(const std::string& text) {
  std::vector<std::string> parts = absl::StrSplit(text, '.');
  AbiVersion version;
  if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &version.major) ||
      !absl::SimpleAtoi(parts[1], &version.minor) || version.major < 0 || version.minor < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("abi \"", text, "\" is not MAJOR.MINOR (e.g. \"", HostAbi().ToString(), "\")"));
  }
  return version;
}

absl::Status CheckAbiCompatible(const AbiVersion& plugin, const AbiVersion& host) {
  if (plugin.major != host.major) {
    return absl::FailedPreconditionError(absl::StrCat(
        "built for plugin ABI ", plugin.ToString(), " but this desktop speaks ABI ", host.ToString(),
        " (the major version must be equal): rebuild the plugin with the SDK of this desktop"));
  }
  if (plugin.minor > host.minor) {
    return absl::FailedPreconditionError(absl::StrCat(
        "built for plugin ABI ", plugin.ToString(), ", newer than this desktop's ", host.ToString(),
        ": update the desktop or rebuild the plugin with an older SDK"));
  }
  return absl::OkStatus();
}

}  // namespace journeydesk::agent::plugins
