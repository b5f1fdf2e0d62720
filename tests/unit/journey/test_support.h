#pragma once
// Small helpers shared by the journey tests.

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace journeydesk::journey::testing_support {

// Debian's Abseil has its own string_view, which gmock's string matchers do not take.
inline std::string Message(const absl::Status& status) { return std::string(status.message()); }
template <typename T>
std::string Message(const absl::StatusOr<T>& result) {
  return std::string(result.status().message());
}

}  // namespace journeydesk::journey::testing_support
