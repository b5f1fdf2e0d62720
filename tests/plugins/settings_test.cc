// The agent's plugin choices outlive the desktop: a plugin turned off stays off, and a
// plugin moved into the desktop's process stays there, after the host is started again
// over the same settings file; the file itself is small, line-based and checked.
#include <sys/stat.h>

#include <fstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "core/plugin_host/plugin_settings.h"
#include "plugin_test_support.h"

namespace journeydesk::agent::plugins {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::FixtureRoot;
using testing::MakeContact;
using testing::PluginRoot;
using testing::Recorder;
using testing::StatusOf;

class PluginSettingsTest : public ::testing::Test {
 protected:
  PluginSettingsTest() : root_(FixtureRoot(), {"good"}) {
    std::string pattern = (fs::temp_directory_path() / "jd-plugin-settings-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
    dir_ = pattern;
    settings_file_ = dir_ / "journeydesk" / "plugins.conf";
  }
  ~PluginSettingsTest() override {
    std::error_code error;
    fs::remove_all(dir_, error);
  }
  PluginHostOptions Options() {
    PluginHostOptions options = testing::Options(root_.path(), RunMode::kOwnProcess);
    options.settings_file = settings_file_;
    return options;
  }

  PluginRoot root_;
  fs::path dir_;
  fs::path settings_file_;
  Recorder recorder_;
};

TEST_F(PluginSettingsTest, APluginTurnedOffStaysOffAfterTheDesktopStartsAgain) {
  {
    PluginHost host(Options(), &recorder_, &recorder_);
    host.Start();
    ASSERT_EQ(StatusOf(host, "good").state, PluginState::kRunning);
    ASSERT_TRUE(host.SetEnabled("good", false).ok());
  }  // the desktop closes

  {
    PluginHost host(Options(), &recorder_, &recorder_);
    host.Start();
    PluginStatus status = StatusOf(host, "good");
    EXPECT_EQ(status.state, PluginState::kDisabled);
    EXPECT_THAT(status.error, HasSubstr("turned off in the settings"));
    EXPECT_EQ(status.pid, 0) << "no process was started for it";
    // Its channel's contacts get the generic workspace.
    EXPECT_TRUE(absl::IsUnavailable(host.AssignContact(MakeContact("K-1", "fixture"))));

    ASSERT_TRUE(host.SetEnabled("good", true).ok());
    EXPECT_EQ(StatusOf(host, "good").state, PluginState::kRunning);
  }

  PluginHost host(Options(), &recorder_, &recorder_);
  host.Start();
  EXPECT_EQ(StatusOf(host, "good").state, PluginState::kRunning) << "turned on again is remembered too";
  EXPECT_TRUE(host.AssignContact(MakeContact("K-1", "fixture")).ok());
}

TEST_F(PluginSettingsTest, APluginMovedIntoTheDesktopKeepsItsContactAndStaysThere) {
  {
    PluginHost host(Options(), &recorder_, &recorder_);
    host.Start();
    ASSERT_TRUE(host.AssignContact(MakeContact("K-1", "fixture")).ok());
    ASSERT_GT(StatusOf(host, "good").pid, 0);

    ASSERT_TRUE(host.SetRunMode("good", RunMode::kInProcess).ok());
    PluginStatus moved = StatusOf(host, "good");
    EXPECT_EQ(moved.state, PluginState::kRunning) << moved.error;
    EXPECT_EQ(moved.mode, RunMode::kInProcess);
    EXPECT_EQ(moved.pid, 0);
    auto view = host.LastView("K-1");
    ASSERT_TRUE(view.has_value());
    EXPECT_THAT(view->notices(0).text(), HasSubstr("restored"));
  }

  PluginHost host(Options(), &recorder_, &recorder_);
  host.Start();
  PluginStatus status = StatusOf(host, "good");
  EXPECT_EQ(status.state, PluginState::kRunning);
  EXPECT_EQ(status.mode, RunMode::kInProcess);
}

TEST_F(PluginSettingsTest, TheFileIsWrittenForItsOwnerOnlyAndReadBack) {
  PluginSettings settings;
  settings.disabled = {"email", "phone"};
  settings.run_mode["chat"] = RunMode::kInProcess;
  ASSERT_TRUE(WritePluginSettings(settings_file_, settings).ok());
  struct stat info {};
  ASSERT_EQ(::stat(settings_file_.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  absl::StatusOr<PluginSettings> read = ReadPluginSettings(settings_file_);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(*read, settings);

  absl::StatusOr<PluginSettings> missing = ReadPluginSettings(dir_ / "nothing-here.conf");
  ASSERT_TRUE(missing.ok());
  EXPECT_TRUE(missing->disabled.empty());
}

TEST_F(PluginSettingsTest, ABadLineIsNamedAndTheHostStartsWithoutTheSettings) {
  fs::create_directories(settings_file_.parent_path());
  std::ofstream(settings_file_) << "# hand-edited\ndisabled good\nrun_mode good sideways\n";
  absl::StatusOr<PluginSettings> read = ReadPluginSettings(settings_file_);
  ASSERT_TRUE(absl::IsInvalidArgument(read.status()));
  EXPECT_THAT(std::string(read.status().message()), HasSubstr("plugins.conf:3"));
  EXPECT_THAT(std::string(read.status().message()), HasSubstr("run_mode good sideways"));

  PluginHost host(Options(), &recorder_, &recorder_);
  host.Start();
  EXPECT_EQ(StatusOf(host, "good").state, PluginState::kRunning);
  EXPECT_THAT(host.settings_error(), HasSubstr("plugins.conf:3"));
}

}  // namespace
}  // namespace journeydesk::agent::plugins
