#pragma once
// journeydesk's start-up milestones, for the desktop benchmark and for diagnosing a slow start.
//
// Contract: with JOURNEYDESK_STARTUP_TRACE set in the environment (any value), each
// MarkStartup(phase) prints one stdout line
//   journeydesk: startup PHASE MS
// where MS is CLOCK_MONOTONIC in milliseconds with three decimals — the clock behind
// std::chrono::steady_clock on Linux — so the process that started journeydesk subtracts its
// own spawn time to get "ms since start". Without the variable nothing is printed and a mark
// costs one cached flag test. PHASE must not contain spaces. Main thread only.
#include <string_view>

namespace journeydesk::agent {

void MarkStartup(std::string_view phase);

}  // namespace journeydesk::agent
