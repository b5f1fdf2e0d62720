#include "core/plugin_host/plugin_state.h"

#include "absl/strings/str_cat.h"

namespace journeydesk::agent::plugins {

std::string PluginStateName(PluginState state) {
  switch (state) {
    case PluginState::kDiscovered: return "discovered";
    case PluginState::kRefused: return "refused";
    case PluginState::kStarting: return "starting";
    case PluginState::kRunning: return "running";
    case PluginState::kRestarting: return "restarting";
    case PluginState::kFailed: return "failed";
    case PluginState::kDisabled: return "disabled";
    case PluginState::kStopped: return "stopped";
  }
  return "unknown";
}

std::string RunModeName(RunMode mode) {
  return mode == RunMode::kInProcess ? "in the desktop" : "own process";
}

absl::Status CheckTransition(PluginState from, PluginState to) {
  using S = PluginState;
  bool allowed = false;
  switch (from) {
    case S::kDiscovered: allowed = to == S::kStarting || to == S::kRefused || to == S::kDisabled; break;
    case S::kStarting: allowed = to == S::kRunning || to == S::kFailed || to == S::kRefused || to == S::kDisabled; break;
    case S::kRunning:
      allowed = to == S::kRestarting || to == S::kFailed || to == S::kDisabled || to == S::kStopped;
      break;
    case S::kRestarting: allowed = to == S::kRunning || to == S::kFailed || to == S::kDisabled; break;
    case S::kFailed: allowed = to == S::kDisabled || to == S::kStarting; break;
    case S::kDisabled: allowed = to == S::kStarting; break;
    case S::kRefused: allowed = false; break;
    case S::kStopped: allowed = to == S::kStarting; break;
  }
  if (allowed) return absl::OkStatus();
  return absl::FailedPreconditionError(
      absl::StrCat("a plugin cannot go from ", PluginStateName(from), " to ", PluginStateName(to)));
}

}  // namespace journeydesk::agent::plugins
