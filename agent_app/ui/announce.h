#pragma once
// The desktop's lines on stdout ("journeydesk: <what happened>"), one per event the agent
// sees, for scripts and the GUI tests to follow. Flushed at once. Main thread only.

#include <cstdio>

#include "absl/strings/str_cat.h"

namespace journeydesk::agent::ui {

template <typename... Args>
void Announce(const Args&... parts) {
  std::printf("journeydesk: %s\n", absl::StrCat(parts...).c_str());
  std::fflush(stdout);
}

}  // namespace journeydesk::agent::ui
