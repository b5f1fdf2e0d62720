#pragma once
// The GUI tests' fixture: a real journeyd on loopback (JourneydTest), an Xvfb display of
// its own, and the real journeydesk started on it, with helpers to read its stdout lines,
// drive it with the keyboard (xdotool: focus the window, real key events through XTEST) and
// take screenshots. Tests are skipped with the reason when Xvfb is not installed.

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "support/journeyd_fixture.h"

namespace journeydesk::testing {

class JourneydeskGuiTest : public JourneydTest {
 protected:
  void SetUp() override {
    if (std::string(JD_XVFB_PATH).empty() || std::string(JD_XVFB_PATH).find("NOTFOUND") != std::string::npos) {
      GTEST_SKIP() << "Xvfb is not installed (apt-get install xvfb); the GUI tests need a display";
    }
    JourneydTest::SetUp();
    std::filesystem::create_directories(JD_SCREENSHOT_DIR);
    // Xvfb picks a free display itself and writes its number to our pipe.
    auto xvfb = ChildProcess::Start({JD_XVFB_PATH, "-displayfd", "1", "-screen", "0", "1600x1000x24",
                                     "-nolisten", "tcp"});
    ASSERT_TRUE(xvfb.ok()) << xvfb.status();
    xvfb_ = std::make_unique<ChildProcess>(std::move(*xvfb));
    std::optional<std::string> display = xvfb_->ReadLine(absl::Seconds(20));
    ASSERT_TRUE(display.has_value()) << "Xvfb did not start";
    display_ = absl::StrCat(":", absl::StripAsciiWhitespace(*display));
  }

  void TearDown() override {
    desk_.reset();
    CheckDeskStderr();
    xvfb_.reset();
    JourneydTest::TearDown();
  }

  // A wx assertion is a bug even when the window carries on (main() logs it instead of showing
  // a dialog): the test fails with the lines. On any failure the desktop's stderr is shown.
  void CheckDeskStderr() {
    if (desk_stderr_.empty() || !std::filesystem::exists(desk_stderr_)) return;
    std::ifstream in(desk_stderr_);
    std::string line, assertions, all;
    while (std::getline(in, line)) {
      all += line + "\n";
      if (line.find("wx assertion") != std::string::npos) assertions += line + "\n";
    }
    EXPECT_TRUE(assertions.empty()) << "journeydesk hit wx assertions:\n" << assertions;
    if (HasFailure() && !all.empty()) std::cerr << "journeydesk's stderr:\n" << all;
  }

  // The token of `role` (a role or an agent id the test created a token for) in a file only
  // its owner can read, as journeydesk requires.
  std::filesystem::path WriteToken(const std::string& role) {
    const auto path = dir_ / (role + ".token");
    std::ofstream(path) << tokens_[role] << "\n";
    ::chmod(path.c_str(), 0600);
    return path;
  }
  std::filesystem::path WriteAgentToken() { return WriteToken("agent"); }

  // Starts journeydesk on the Xvfb display with its own data directory; its stderr goes to a
  // file TearDown reads (CheckDeskStderr).
  void StartDesk(const std::vector<std::string>& args) {
    desk_stderr_ = dir_ / "journeydesk.stderr";
    std::vector<std::string> argv = {"/bin/sh", "-c", "err=$1; shift; exec \"$@\" 2>>\"$err\"", "sh",
                                     desk_stderr_.string(), "/usr/bin/env", "DISPLAY=" + display_,
                                     "XDG_DATA_HOME=" + (dir_ / "xdg").string(), "GDK_BACKEND=x11",
                                     "NO_AT_BRIDGE=1", JOURNEYDESK_PATH};
    argv.insert(argv.end(), args.begin(), args.end());
    auto desk = ChildProcess::Start(argv);
    ASSERT_TRUE(desk.ok()) << desk.status();
    desk_ = std::make_unique<ChildProcess>(std::move(*desk));
  }

  // Lines of journeydesk's stdout until one starts with `prefix`.
  std::optional<std::string> WaitForLine(const std::string& prefix, absl::Duration timeout) {
    const absl::Time deadline = absl::Now() + timeout;
    while (absl::Now() < deadline) {
      std::optional<std::string> line = desk_->ReadLine(deadline - absl::Now());
      if (!line) return std::nullopt;
      if (line->rfind(prefix, 0) == 0) return line;
    }
    return std::nullopt;
  }

  // Saves the whole X screen and returns the path.
  std::filesystem::path ScreenshotRoot(const std::string& name) {
    const auto path = std::filesystem::path(JD_SCREENSHOT_DIR) / name;
    std::filesystem::remove(path);
    CommandResult result = RunCommand({"/usr/bin/env", "DISPLAY=" + display_, JD_IMPORT_PATH, "-window", "root",
                                       path.string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return path;
  }

  // The PNG's standard deviation over all channels, 0 (one flat colour) to 1.
  static double Contrast(const std::filesystem::path& png) {
    CommandResult result = RunCommand({JD_CONVERT_PATH, png.string(), "-format", "%[fx:standard_deviation]", "info:"});
    double value = 0;
    EXPECT_TRUE(absl::SimpleAtod(absl::StripAsciiWhitespace(result.out), &value)) << result.out << result.err;
    return value;
  }

  // xdotool on our display; false (with the error recorded) when it fails.
  bool XdoTool(const std::vector<std::string>& args) {
    EXPECT_FALSE(std::string(JD_XDOTOOL_PATH).empty()) << "xdotool is not installed";
    std::vector<std::string> argv = {"/usr/bin/env", "DISPLAY=" + display_, JD_XDOTOOL_PATH};
    argv.insert(argv.end(), args.begin(), args.end());
    CommandResult result = RunCommand(argv, absl::Seconds(20));
    EXPECT_EQ(result.exit_code, 0) << "xdotool " << args.front() << ": " << result.err;
    return result.exit_code == 0;
  }

  // Gives the window whose title matches `title_regex` the keyboard (no window manager runs
  // under Xvfb), once it exists; GTK needs a moment to take the focus in.
  bool FocusWindow(const std::string& title_regex) {
    if (!XdoTool({"search", "--sync", "--onlyvisible", "--name", title_regex, "windowfocus", "--sync", "%1"})) {
      return false;
    }
    absl::SleepFor(absl::Milliseconds(300));
    return true;
  }

  // True once no visible window's title matches `title_regex` (within 5 s).
  bool WindowGone(const std::string& title_regex) {
    const absl::Time deadline = absl::Now() + absl::Seconds(5);
    while (absl::Now() < deadline) {
      CommandResult result = RunCommand({"/usr/bin/env", "DISPLAY=" + display_, JD_XDOTOOL_PATH, "search",
                                         "--onlyvisible", "--name", title_regex});
      if (result.exit_code != 0) return true;  // xdotool: nothing matched
      absl::SleepFor(absl::Milliseconds(100));
    }
    return false;
  }

  // Gives journeydesk's main window the keyboard focus and types `keys` (xdotool key names,
  // e.g. "F6", "ctrl+shift+w") as real key events.
  void PressKeys(const std::vector<std::string>& keys) {
    // "JourneyDesk" or "JourneyDesk — <customer>"; not "JourneyDesk Supervisor".
    ASSERT_TRUE(FocusWindow("^JourneyDesk($| [^A-Za-z])"));
    PressKeysInFocusedWindow(keys);
  }

  // Presses keys in whatever window has the focus now (a dialog the last keys opened).
  void PressKeysInFocusedWindow(const std::vector<std::string>& keys) {
    for (const std::string& key : keys) ASSERT_TRUE(XdoTool({"key", "--delay", "80", key}));
  }

  std::unique_ptr<ChildProcess> xvfb_;
  std::unique_ptr<ChildProcess> desk_;
  std::filesystem::path desk_stderr_;
  std::string display_;
};

}  // namespace journeydesk::testing
