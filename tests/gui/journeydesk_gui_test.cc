// journeydesk as an agent sees it: the real window under Xvfb, signed in to a real journeyd
// with demo data, showing a customer's journey. Each test saves screenshots to look at.
#include "gui_fixture.h"

namespace journeydesk::testing {
namespace {

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

// journeyd goes away while a journey is on screen: F5 finds it unreachable, and the window
// keeps the journey from the local copy under the banner "offline — journey as of HH:MM".
TEST_F(JourneydeskGuiTest, WhenJourneydIsUnreachableTheJourneyStaysUnderTheOfflineBanner) {
  StartJourneyd({"--demo", "--demo-customers", "50"});
  StartDesk({"--server", Address(), "--token-file", WriteAgentToken().string(), "--customer", "C-000001",
             "--no-plugins", "--data-file", (dir_ / "desk.db").string()});
  std::optional<std::string> online = WaitForLine("journeydesk: showing C-000001", absl::Seconds(20));
  ASSERT_TRUE(online.has_value());
  EXPECT_EQ(online->find("offline"), std::string::npos) << *online;

  StopJourneyd();
  // The window by its class: its title ("JourneyDesk — <name>") has no WM_NAME for xdotool's
  // --name in the C locale the desktop runs in.
  ASSERT_TRUE(XdoTool({"search", "--sync", "--onlyvisible", "--classname", "^journeydesk$", "windowfocus", "--sync",
                       "%1"}));
  absl::SleepFor(absl::Milliseconds(300));
  PressKeysInFocusedWindow({"F5"});
  std::optional<std::string> banner = WaitForLine("journeydesk: offline — journey as of ", absl::Seconds(30));
  ASSERT_TRUE(banner.has_value()) << "no offline banner after F5 with journeyd gone";
  EXPECT_NE(banner->find(" for C-000001"), std::string::npos) << *banner;
  absl::SleepFor(absl::Milliseconds(400));
  const auto screen_png = ScreenshotRoot("offline_banner_C-000001.png");
  EXPECT_GT(Contrast(screen_png), 0.05) << "the screen is blank: " << screen_png;
}

// The desktop as shipped (gRPC linked in with its own plugin list, grpc_core_plugins.cc) over
// TLS: journeyd serves TLS only, journeydesk trusts its certificate with --tls-ca and shows
// the journey. (A wrong or missing CA: transport_security_test.cc, against the same core.)
TEST_F(JourneydeskGuiTest, OverTlsTheJourneyIsShownWithTheServersCertificateTrusted) {
  if (!MakeLocalhostCertificate()) return;
  StartJourneyd({"--demo", "--demo-customers", "10", "--tls-cert", tls_cert_, "--tls-key", tls_key_});
  StartDesk({"--server", Address(), "--tls-ca", tls_cert_, "--token-file", WriteAgentToken().string(), "--customer",
             "C-000001", "--no-plugins", "--exit-after-ms", "8000"});
  std::optional<std::string> shown = WaitForLine("journeydesk: showing C-000001", absl::Seconds(20));
  ASSERT_TRUE(shown.has_value()) << "the journey never came over TLS";
  EXPECT_EQ(shown->find("offline"), std::string::npos) << *shown;
  std::optional<int> status = desk_->Wait(absl::Seconds(15));
  ASSERT_TRUE(status.has_value());
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
