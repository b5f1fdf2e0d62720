#include "core/plugin_host/plugin_manifest.h"

#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"

namespace journeydesk::agent::plugins {
namespace {

namespace fs = std::filesystem;

bool IsPluginId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
    if (!ok) return false;
  }
  return true;
}

bool IsSemanticVersion(const std::string& version) {
  int dots = 0;
  bool digit_seen = false;
  for (char c : version) {
    if (c == '.') {
      if (!digit_seen) return false;
      ++dots;
      digit_seen = false;
    } else if (c >= '0' && c <= '9') {
      digit_seen = true;
    } else {
      return false;
    }
  }
  return dots == 2 && digit_seen;
}

absl::Status Invalid(const fs::path& file, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(file.string(), ": ", what));
}

absl::Status CheckFields(const plugin::v1::PluginManifest& m, const fs::path& file) {
  if (!IsPluginId(m.id())) {
    return Invalid(file, "\"id\" must be 1–64 characters of a-z, 0-9, '-', '.', '_'");
  }
  if (m.name().empty()) return Invalid(file, "\"name\" is missing");
  if (!IsSemanticVersion(m.version())) return Invalid(file, "\"version\" must be MAJOR.MINOR.PATCH");
  if (m.channels().empty()) return Invalid(file, "\"channels\" must list at least one channel");
  for (const std::string& channel : m.channels()) {
    if (!IsPluginId(channel)) return Invalid(file, absl::StrCat("channel \"", channel, "\" is not a valid name"));
  }
  if (m.library().empty() || absl::StrContains(m.library(), "/")) {
    return Invalid(file, "\"library\" must be the file name of the library beside plugin.json");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Manifest> ReadManifest(const fs::path& dir) {
  const fs::path file = dir / "plugin.json";
  std::ifstream in(file);
  if (!in) return absl::NotFoundError(absl::StrCat(file.string(), ": no plugin.json here"));
  std::stringstream text;
  text << in.rdbuf();

  Manifest manifest;
  manifest.dir = dir;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto parsed = google::protobuf::util::JsonStringToMessage(text.str(), &manifest.fields, options);
  if (!parsed.ok()) return Invalid(file, absl::StrCat("not a valid manifest: ", parsed.message().as_string()));
  if (auto status = CheckFields(manifest.fields, file); !status.ok()) return status;

  auto abi = ParseAbiVersion(manifest.fields.abi());
  if (!abi.ok()) return Invalid(file, abi.status().message());
  manifest.abi = *abi;
  if (auto status = CheckAbiCompatible(manifest.abi, HostAbi()); !status.ok()) {
    return absl::FailedPreconditionError(absl::StrCat(file.string(), ": ", status.message()));
  }

  std::vector<std::string> permissions(manifest.fields.permissions().begin(), manifest.fields.permissions().end());
  if (auto status = CheckPermissionsKnown(permissions); !status.ok()) return Invalid(file, status.message());
  manifest.permissions = PermissionSet(permissions.begin(), permissions.end());

  manifest.library_path = dir / manifest.fields.library();
  std::error_code error;
  if (!fs::is_regular_file(manifest.library_path, error)) {
    return Invalid(file, absl::StrCat("library ", manifest.library_path.string(), " does not exist"));
  }
  return manifest;
}

}  // namespace journeydesk::agent::plugins
