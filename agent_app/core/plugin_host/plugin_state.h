#pragma once
// The life of one plugin as the host sees it, and what the plugin manager dialog shows.
//
//   discovered ──▶ starting ──▶ running ──▶ stopped (shut down with the desktop)
//       │             │           │  ▲
//       ▼             ▼           ▼  │
//    refused        failed ◀── restarting      (crash / hang out of process)
//                     │
//   disabled ◀───── any but refused; enabling goes back to starting
//
// refused: the manifest, ABI, entry symbol or permissions are wrong — nothing was started,
// fixing the files and restarting the desktop is the way out. failed: it started (or tried
// to) and broke: create() refused, or it crashed/hung too often.

#include <string>
#include <vector>

#include "absl/status/status.h"

namespace journeydesk::agent::plugins {

enum class PluginState { kDiscovered, kRefused, kStarting, kRunning, kRestarting, kFailed, kDisabled, kStopped };

// Where a plugin's code runs.
enum class RunMode {
  kInProcess,   // in the desktop's process: fastest, but a crash or hang takes the desktop down
  kOwnProcess,  // in journeydesk-plugin-host over gRPC on a Unix socket: contained (default)
};

std::string PluginStateName(PluginState state);
std::string RunModeName(RunMode mode);

// FAILED_PRECONDITION when the state machine above has no edge from → to.
absl::Status CheckTransition(PluginState from, PluginState to);

// A snapshot for the plugin manager dialog.
struct PluginStatus {
  std::string id;          // the folder name until the manifest is read
  std::string name;
  std::string version;
  std::string abi;
  std::string dir;
  std::vector<std::string> channels;
  std::vector<std::string> permissions;
  RunMode mode = RunMode::kOwnProcess;
  PluginState state = PluginState::kDiscovered;
  std::string error;       // why it is refused / failed, or the last contained failure
  int restarts = 0;        // since the desktop started
  int pid = 0;             // the plugin host process, when running out of process
};

}  // namespace journeydesk::agent::plugins
