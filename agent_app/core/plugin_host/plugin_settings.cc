#include "core/plugin_host/plugin_settings.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <system_error>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace journeydesk::agent::plugins {
namespace {

namespace fs = std::filesystem;

constexpr char kInProcess[] = "in_process";
constexpr char kOwnProcess[] = "own_process";

absl::Status WriteAll(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t written = ::write(fd, text.data() + done, text.size() - done);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return absl::InternalError(std::strerror(errno));
    done += static_cast<size_t>(written);
  }
  return absl::OkStatus();
}

}  // namespace

fs::path DefaultPluginSettingsPath() {
  if (const char* data = std::getenv("XDG_DATA_HOME"); data != nullptr && *data != '\0') {
    return fs::path(data) / "journeydesk" / "plugins.conf";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return fs::path(home) / ".local" / "share" / "journeydesk" / "plugins.conf";
  }
  return {};
}

absl::StatusOr<PluginSettings> ReadPluginSettings(const fs::path& file) {
  PluginSettings settings;
  std::error_code error;
  if (!fs::exists(file, error)) return settings;
  std::ifstream in(file);
  if (!in) return absl::PermissionDeniedError(absl::StrCat("cannot read the plugin settings ", file.string()));
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    absl::string_view text = line;
    if (size_t hash = text.find('#'); hash != absl::string_view::npos) text = text.substr(0, hash);
    std::vector<absl::string_view> words = absl::StrSplit(text, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    if (words.empty()) continue;
    if (words[0] == "disabled" && words.size() == 2) {
      settings.disabled.insert(std::string(words[1]));
    } else if (words[0] == "run_mode" && words.size() == 3 && (words[2] == kInProcess || words[2] == kOwnProcess)) {
      settings.run_mode[std::string(words[1])] = words[2] == kInProcess ? RunMode::kInProcess : RunMode::kOwnProcess;
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          file.string(), ":", number, ": \"", absl::StripAsciiWhitespace(line),
          "\" is not \"disabled ID\" or \"run_mode ID in_process|own_process\"; fix or delete the line"));
    }
  }
  return settings;
}

absl::Status WritePluginSettings(const fs::path& file, const PluginSettings& settings) {
  std::string text = "# journeydesk plugin settings, written by Plugins… (one setting a line)\n";
  for (const std::string& id : settings.disabled) absl::StrAppend(&text, "disabled ", id, "\n");
  for (const auto& [id, mode] : settings.run_mode) {
    absl::StrAppend(&text, "run_mode ", id, " ", mode == RunMode::kInProcess ? kInProcess : kOwnProcess, "\n");
  }
  const fs::path dir = file.parent_path();
  std::error_code error;
  if (!dir.empty() && !fs::exists(dir, error)) {
    fs::create_directories(dir, error);
    if (error) {
      return absl::PermissionDeniedError(absl::StrCat("cannot create ", dir.string(), ": ", error.message()));
    }
    ::chmod(dir.c_str(), 0700);
  }
  const std::string temporary = file.string() + ".tmp";
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    return absl::PermissionDeniedError(absl::StrCat("cannot write ", temporary, ": ", std::strerror(errno)));
  }
  absl::Status written = WriteAll(fd, text);
  if (written.ok() && ::fsync(fd) != 0) written = absl::InternalError(std::strerror(errno));
  ::close(fd);
  if (written.ok() && ::rename(temporary.c_str(), file.c_str()) != 0) {
    written = absl::InternalError(std::strerror(errno));
  }
  if (!written.ok()) {
    ::unlink(temporary.c_str());
    return absl::InternalError(absl::StrCat("cannot save the plugin settings to ", file.string(), ": ",
                                            written.message()));
  }
  return absl::OkStatus();
}

}  // namespace journeydesk::agent::plugins
