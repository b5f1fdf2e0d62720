#pragma once
// Debian's Abseil is built with its own absl::string_view (ABSL_OPTION_USE_STD_STRING_VIEW
// is 0), so std::string_view and absl::string_view do not convert into each other
// implicitly. These two spell the conversion out; they copy no characters.

#include <string_view>

#include "absl/strings/string_view.h"

namespace journeydesk {

inline absl::string_view ToAbsl(std::string_view text) { return {text.data(), text.size()}; }
inline std::string_view ToStd(absl::string_view text) { return {text.data(), text.size()}; }

}  // namespace journeydesk
