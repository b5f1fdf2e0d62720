#pragma once
// plugin.json: read and check a plugin's manifest before any of its code is loaded.

#include <filesystem>
#include <string>

#include "absl/status/statusor.h"
#include "core/plugin_host/abi_version.h"
#include "core/plugin_host/permissions.h"
#include "journeydesk/plugin/v1/manifest.pb.h"

namespace journeydesk::agent::plugins {

struct Manifest {
  plugin::v1::PluginManifest fields;
  AbiVersion abi;
  PermissionSet permissions;
  std::filesystem::path dir;           // the folder holding plugin.json
  std::filesystem::path library_path;  // dir / fields.library
};

// Reads `dir`/plugin.json. INVALID_ARGUMENT (naming the file and the field) when it is not
// valid JSON of the schema, a required field is missing or malformed, a permission is
// unknown or the library file is not beside it; FAILED_PRECONDITION when its ABI does not
// fit this desktop (AbiVersion rule); NOT_FOUND without plugin.json. Never loads the library.
absl::StatusOr<Manifest> ReadManifest(const std::filesystem::path& dir);

}  // namespace journeydesk::agent::plugins
