#include "bench_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

extern char** environ;

namespace journeydesk::bench {
namespace {

std::vector<std::string> MergedEnvironment(const std::map<std::string, std::string>& overrides) {
  std::vector<std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string text = *entry;
    const std::string name = text.substr(0, text.find('='));
    if (overrides.count(name) == 0) env.push_back(text);
  }
  for (const auto& [name, value] : overrides) env.push_back(name + "=" + value);
  return env;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

}  // namespace

absl::StatusOr<BenchProcess> BenchProcess::Start(const std::vector<std::string>& argv,
                                                 const std::map<std::string, std::string>& env_overrides,
                                                 const std::string& stderr_path) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) return absl::InternalError("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_path.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                   0600);
  std::vector<std::string> args = argv;
  std::vector<std::string> env = MergedEnvironment(env_overrides);
  std::vector<char*> arg_pointers = Pointers(args);
  std::vector<char*> env_pointers = Pointers(env);
  BenchProcess process;
  process.spawned_at_ = Clock::now();
  const int failed = posix_spawn(&process.pid_, args[0].c_str(), &actions, nullptr, arg_pointers.data(),
                                 env_pointers.data());
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (failed != 0) {
    close(pipe_fds[0]);
    process.pid_ = -1;
    return absl::InternalError(absl::StrCat("cannot start ", args[0], ": ", std::strerror(failed)));
  }
  process.stdout_fd_ = pipe_fds[0];
  return process;
}

BenchProcess::BenchProcess(BenchProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      stdout_fd_(std::exchange(other.stdout_fd_, -1)),
      buffer_(std::move(other.buffer_)),
      last_lines_(std::move(other.last_lines_)),
      spawned_at_(other.spawned_at_) {}

BenchProcess& BenchProcess::operator=(BenchProcess&& other) noexcept {
  std::swap(pid_, other.pid_);
  std::swap(stdout_fd_, other.stdout_fd_);
  std::swap(buffer_, other.buffer_);
  std::swap(last_lines_, other.last_lines_);
  std::swap(spawned_at_, other.spawned_at_);
  return *this;
}

BenchProcess::~BenchProcess() {
  Kill();
  if (stdout_fd_ >= 0) close(stdout_fd_);
}

void BenchProcess::Kill() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

std::optional<BenchProcess::Line> BenchProcess::ReadLine(Clock::time_point deadline) {
  while (true) {
    if (size_t newline = buffer_.find('\n'); newline != std::string::npos) {
      Line line{buffer_.substr(0, newline), Clock::now()};
      buffer_.erase(0, newline + 1);
      last_lines_.push_back(line.text);
      if (last_lines_.size() > 6) last_lines_.pop_front();
      return line;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() < 0 || stdout_fd_ < 0) return std::nullopt;
    pollfd fd{stdout_fd_, POLLIN, 0};
    if (poll(&fd, 1, static_cast<int>(left.count()) + 1) <= 0) continue;
    char chunk[4096];
    const ssize_t n = read(stdout_fd_, chunk, sizeof chunk);
    if (n <= 0) return std::nullopt;
    buffer_.append(chunk, static_cast<size_t>(n));
  }
}

std::optional<BenchProcess::Line> BenchProcess::WaitForLine(const std::string& prefix, Clock::time_point deadline) {
  while (std::optional<Line> line = ReadLine(deadline)) {
    if (line->text.rfind(prefix, 0) == 0) return line;
  }
  return std::nullopt;
}

std::string BenchProcess::Describe() {
  std::string state = "still running";
  if (std::optional<int> status = Wait(Clock::now())) {
    state = WIFSIGNALED(*status) ? absl::StrCat("killed by signal ", WTERMSIG(*status))
                                 : absl::StrCat("exited with status ", WEXITSTATUS(*status));
  }
  return absl::StrCat(state, "; its last lines: ", last_lines_.empty() ? "(none)" : absl::StrJoin(last_lines_, " | "));
}

std::optional<int> BenchProcess::Wait(Clock::time_point deadline) {
  while (pid_ > 0) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return status;
    }
    if (Clock::now() > deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return std::nullopt;
}

absl::StatusOr<std::string> RunToCompletion(const std::vector<std::string>& argv, const std::string& stderr_path) {
  auto process = BenchProcess::Start(argv, {}, stderr_path);
  if (!process.ok()) return process.status();
  const auto deadline = BenchProcess::Clock::now() + std::chrono::seconds(60);
  std::string out;
  while (std::optional<BenchProcess::Line> line = process->ReadLine(deadline)) absl::StrAppend(&out, line->text, "\n");
  std::optional<int> status = process->Wait(deadline);
  if (!status || !WIFEXITED(*status) || WEXITSTATUS(*status) != 0) {
    return absl::InternalError(absl::StrCat(argv[0], " failed (see ", stderr_path, ")"));
  }
  return out;
}

}  // namespace journeydesk::bench
