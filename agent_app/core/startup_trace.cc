#include "core/startup_trace.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace journeydesk::agent {

void MarkStartup(std::string_view phase) {
  static const bool enabled = std::getenv("JOURNEYDESK_STARTUP_TRACE") != nullptr;
  if (!enabled) return;
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  std::printf("journeydesk: startup %.*s %.3f\n", static_cast<int>(phase.size()), phase.data(),
              static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6);
  std::fflush(stdout);
}

}  // namespace journeydesk::agent
