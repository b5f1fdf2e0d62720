#pragma once
// A child process for tests: started with fork/exec, its stdout readable line by line,
// stopped with a signal. The destructor kills and reaps it.

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace journeydesk::testing {

class ChildProcess {
 public:
  static absl::StatusOr<ChildProcess> Start(const std::vector<std::string>& argv);
  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&& other) noexcept;
  ~ChildProcess();

  // The next line of stdout, or nullopt after `timeout` or at end of output.
  std::optional<std::string> ReadLine(absl::Duration timeout);
  // Sends `signal` and waits for the exit; returns the wait status (see <sys/wait.h>).
  int Signal(int signal, absl::Duration timeout = absl::Seconds(10));
  // Waits for the exit; nullopt on timeout.
  std::optional<int> Wait(absl::Duration timeout);
  pid_t pid() const { return pid_; }

 private:
  ChildProcess() = default;
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string buffer_;
};

// Runs a command to completion; returns its stdout and exit code.
struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
CommandResult RunCommand(const std::vector<std::string>& argv, absl::Duration timeout = absl::Seconds(60));

}  // namespace journeydesk::testing
