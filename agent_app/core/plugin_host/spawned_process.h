#pragma once
// A child process started with posix_spawn (safe in a process full of gRPC threads: no
// fork handlers run). RAII: the destructor kills (SIGKILL) and reaps it. Move-only.

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace journeydesk::agent::plugins {

class SpawnedProcess {
 public:
  // Starts argv[0] (a path) with argv and this process's environment; the child inherits
  // stdout/stderr (descriptors opened with O_CLOEXEC are closed in it).
  static absl::StatusOr<SpawnedProcess> Spawn(const std::vector<std::string>& argv);
  SpawnedProcess() = default;
  SpawnedProcess(SpawnedProcess&& other) noexcept;
  SpawnedProcess& operator=(SpawnedProcess&& other) noexcept;
  SpawnedProcess(const SpawnedProcess&) = delete;
  SpawnedProcess& operator=(const SpawnedProcess&) = delete;
  ~SpawnedProcess();

  pid_t pid() const { return pid_; }
  bool running() const { return pid_ > 0; }

  // The wait status once it has exited within `timeout`; nullopt while it still runs.
  std::optional<int> WaitFor(absl::Duration timeout);
  // SIGTERM, up to `grace` for it to exit, then SIGKILL; reaps it. Returns the wait status.
  int Stop(absl::Duration grace);
  // SIGKILL and reap.
  int Kill();

 private:
  explicit SpawnedProcess(pid_t pid) : pid_(pid) {}
  pid_t pid_ = -1;
};

// "exited with code 3", "killed by signal 11 (Segmentation fault)".
std::string DescribeWaitStatus(int wait_status);

}  // namespace journeydesk::agent::plugins
