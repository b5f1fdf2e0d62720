#include "child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/str_cat.h"

namespace journeydesk::testing {
namespace {

std::vector<char*> ToArgv(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  return argv;
}

}  // namespace

absl::StatusOr<ChildProcess> ChildProcess::Start(const std::vector<std::string>& args) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) return absl::InternalError("pipe failed");
  std::vector<char*> argv = ToArgv(args);
  pid_t pid = fork();
  if (pid < 0) return absl::InternalError("fork failed");
  if (pid == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    execv(argv[0], argv.data());
    std::perror("execv");
    _exit(127);
  }
  close(pipe_fds[1]);
  ChildProcess process;
  process.pid_ = pid;
  process.stdout_fd_ = pipe_fds[0];
  return process;
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      stdout_fd_(std::exchange(other.stdout_fd_, -1)),
      buffer_(std::move(other.buffer_)) {}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
  std::swap(pid_, other.pid_);
  std::swap(stdout_fd_, other.stdout_fd_);
  std::swap(buffer_, other.buffer_);
  return *this;
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (stdout_fd_ >= 0) close(stdout_fd_);
}

std::optional<std::string> ChildProcess::ReadLine(absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (true) {
    if (size_t newline = buffer_.find('\n'); newline != std::string::npos) {
      std::string line = buffer_.substr(0, newline);
      buffer_.erase(0, newline + 1);
      return line;
    }
    absl::Duration left = deadline - absl::Now();
    if (left <= absl::ZeroDuration()) return std::nullopt;
    pollfd fd{stdout_fd_, POLLIN, 0};
    int ready = poll(&fd, 1, static_cast<int>(absl::ToInt64Milliseconds(left)) + 1);
    if (ready <= 0) continue;
    char chunk[4096];
    ssize_t n = read(stdout_fd_, chunk, sizeof chunk);
    if (n <= 0) return std::nullopt;
    buffer_.append(chunk, static_cast<size_t>(n));
  }
}

std::optional<int> ChildProcess::Wait(absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (pid_ > 0) {
    int status = 0;
    pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      pid_ = -1;
      return status;
    }
    if (absl::Now() > deadline) return std::nullopt;
    absl::SleepFor(absl::Milliseconds(10));
  }
  return std::nullopt;
}

int ChildProcess::Signal(int signal, absl::Duration timeout) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal);
  std::optional<int> status = Wait(timeout);
  if (!status) {
    kill(pid_, SIGKILL);
    status = Wait(absl::Seconds(5));
    return -1;
  }
  return *status;
}

CommandResult RunCommand(const std::vector<std::string>& args, absl::Duration timeout) {
  char err_template[] = "/tmp/jd-cmd-err-XXXXXX";
  int err_fd = mkstemp(err_template);
  int out_pipe[2];
  CommandResult result;
  if (err_fd < 0 || pipe2(out_pipe, O_CLOEXEC) != 0) return result;
  std::vector<char*> argv = ToArgv(args);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_fd, STDERR_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out_pipe[1]);
  const absl::Time deadline = absl::Now() + timeout;
  char chunk[4096];
  while (absl::Now() < deadline) {
    pollfd fd{out_pipe[0], POLLIN, 0};
    if (poll(&fd, 1, 100) <= 0) continue;
    ssize_t n = read(out_pipe[0], chunk, sizeof chunk);
    if (n <= 0) break;
    result.out.append(chunk, static_cast<size_t>(n));
  }
  close(out_pipe[0]);
  int status = 0;
  if (absl::Now() >= deadline) kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_template);
  std::ostringstream err_text;
  err_text << err.rdbuf();
  result.err = err_text.str();
  close(err_fd);
  unlink(err_template);
  return result;
}

}  // namespace journeydesk::testing
