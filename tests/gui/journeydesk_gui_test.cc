// journeydesk as an agent sees it: the real window under Xvfb, signed in to a real journeyd
// with demo data, showing a customer's journey. Each test saves screenshots to look at.
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "support/journeyd_fixture.h"

namespace journeydesk::testing {
namespace {

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
    xvfb_.reset();
    JourneydTest::TearDown();
  }

  std::filesystem::path WriteAgentToken() {
    const auto path = dir_ / "agent.token";
    std::ofstream(path) << tokens_["agent"] << "\n";
    ::chmod(path.c_str(), 0600);
    return path;
  }

  // Starts journeydesk on the Xvfb display with its own data directory.
  void StartDesk(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"/usr/bin/env", "DISPLAY=" + display_,
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

  std::unique_ptr<ChildProcess> xvfb_;
  std::unique_ptr<ChildProcess> desk_;
  std::string display_;
};

TEST_F(JourneydeskGuiTest, ShowsTheCustomersJourneyAndExitsCleanly) {
  StartJourneyd({"--demo", "--demo-customers", "50"});
  const auto window_png = std::filesystem::path(JD_SCREENSHOT_DIR) / "journey_C-000001_window.png";
  std::filesystem::remove(window_png);
  StartDesk({"--server", Address(), "--token-file", WriteAgentToken().string(), "--customer", "C-000001",
             "--screenshot", window_png.string(), "--exit-after-ms", "5000"});

  std::optional<std::string> shown = WaitForLine("journeydesk: showing C-000001", absl::Seconds(20));
  ASSERT_TRUE(shown.has_value()) << "the journey of C-000001 was never painted";
  EXPECT_EQ(shown->find("offline"), std::string::npos) << *shown;
  ASSERT_TRUE(WaitForLine("journeydesk: screenshot saved to", absl::Seconds(10)).has_value());

  const auto screen_png = ScreenshotRoot("journey_C-000001_screen.png");
  ASSERT_TRUE(std::filesystem::exists(screen_png));
  EXPECT_GT(std::filesystem::file_size(screen_png), 10'000u);
  EXPECT_GT(Contrast(screen_png), 0.05) << "the screen is blank: " << screen_png;
  ASSERT_TRUE(std::filesystem::exists(window_png));
  EXPECT_GT(Contrast(window_png), 0.05) << "the window's own screenshot is blank: " << window_png;

  std::optional<int> status = desk_->Wait(absl::Seconds(15));
  ASSERT_TRUE(status.has_value()) << "journeydesk did not close after --exit-after-ms";
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0) << "wait status " << *status;
}

TEST_F(JourneydeskGuiTest, RefusesATokenFileOthersCanRead) {
  StartJourneyd();
  const auto token = WriteAgentToken();
  ::chmod(token.c_str(), 0644);
  CommandResult result = RunCommand({"/usr/bin/env", "DISPLAY=" + display_, JOURNEYDESK_PATH, "--server", Address(),
                                     "--token-file", token.string()},
                                    absl::Seconds(20));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("chmod 600"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace journeydesk::testing
