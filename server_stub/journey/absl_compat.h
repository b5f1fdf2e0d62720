#pragma once
// Debian's Abseil is built with its own absl::string_view (ABSL_OPTION_USE_STD_STRING_VIEW
// is 0), so a std::string_view does not convert to it implicitly. Private to journey/.

#include <string_view>

#include "absl/strings/string_view.h"

namespace journeydesk::journey {

inline absl::string_view ToAbsl(std::string_view text) { return {text.data(), text.size()}; }
inline std::string_view ToStd(absl::string_view text) { return {text.data(), text.size()}; }

}  // namespace journeydesk::journey
