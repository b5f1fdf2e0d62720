#pragma once
// A child process for the desktop benchmark: started with posix_spawn with an explicit
// environment, its stdout read line by line (each line stamped when it is read), its stderr
// appended to a log file so the benchmark's table stays readable. The time just before the
// spawn is kept, for start-up figures. The destructor kills (SIGKILL) and reaps it.

#include <sys/types.h>

#include <chrono>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace journeydesk::bench {

class BenchProcess {
 public:
  using Clock = std::chrono::steady_clock;

  struct Line {
    std::string text;
    Clock::time_point read_at;
  };

  // `env_overrides` are set on top of this process's environment.
  static absl::StatusOr<BenchProcess> Start(const std::vector<std::string>& argv,
                                            const std::map<std::string, std::string>& env_overrides,
                                            const std::string& stderr_path);
  BenchProcess(BenchProcess&& other) noexcept;
  BenchProcess& operator=(BenchProcess&& other) noexcept;
  ~BenchProcess();

  // The next line of stdout; nullopt at `deadline` or at the end of output.
  std::optional<Line> ReadLine(Clock::time_point deadline);
  // Lines until one starts with `prefix` (the others are dropped); nullopt at `deadline`.
  std::optional<Line> WaitForLine(const std::string& prefix, Clock::time_point deadline);
  // SIGKILL and reap; idempotent.
  void Kill();
  // Waits for the exit (nullopt at `deadline`); the wait status otherwise.
  std::optional<int> Wait(Clock::time_point deadline);

  pid_t pid() const { return pid_; }
  Clock::time_point spawned_at() const { return spawned_at_; }
  // For an error message: whether it still runs (or how it ended) and its last lines read.
  std::string Describe();

 private:
  BenchProcess() = default;
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string buffer_;
  std::deque<std::string> last_lines_;  // the last few lines read, oldest first
  Clock::time_point spawned_at_;
};

// Runs a command to completion and returns its stdout; an error status when it cannot be
// started or exits non-zero.
absl::StatusOr<std::string> RunToCompletion(const std::vector<std::string>& argv, const std::string& stderr_path);

}  // namespace journeydesk::bench
