#pragma once
// Plugin ABI versions, "MAJOR.MINOR". A host of ABI M.m loads a plugin built for M.n when
// the majors are equal and n ≤ m (the plugin needs nothing the host lacks).

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace journeydesk::agent::plugins {

struct AbiVersion {
  int major = 0;
  int minor = 0;
  std::string ToString() const;
};

// The ABI this desktop speaks (JD_PLUGIN_ABI_MAJOR/MINOR of the SDK header it was built with).
AbiVersion HostAbi();

// INVALID_ARGUMENT unless `text` is "MAJOR.MINOR" with non-negative integers.
absl::StatusOr<AbiVersion> ParseAbiVersion(const std::string& text);

// FAILED_PRECONDITION with what to do when `plugin` cannot run on `host`.
absl::Status CheckAbiCompatible(const AbiVersion& plugin, const AbiVersion& host);

}  // namespace journeydesk::agent::plugins
