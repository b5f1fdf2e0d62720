// Plugins broken on purpose are refused with a reason a person can act on, while a good
// plugin beside them keeps serving contacts — in the desktop's process and in plugin host
// processes alike.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "plugin_test_support.h"

namespace journeydesk::agent::plugins {
namespace {

using ::testing::HasSubstr;
using testing::FixtureRoot;
using testing::MakeContact;
using testing::PluginRoot;
using testing::Recorder;
using testing::StatusOf;

class RefusalTest : public ::testing::TestWithParam<RunMode> {};

TEST_P(RefusalTest, EachBrokenPluginIsRefusedWithItsReasonAndTheGoodOneRuns) {
  PluginRoot root(FixtureRoot(), {"good", "wrong_abi_major", "newer_abi_minor", "wrong_abi_binary", "missing_entry",
                                  "invalid_manifest", "unknown_permission", "undeclared_permission"});
  Recorder recorder;
  PluginHost host(testing::Options(root.path(), GetParam()), &recorder, &recorder);
  host.Start();

  // A manifest that is not accepted leaves the plugin known by its folder's name.
  struct Expectation {
    std::string id, reason;
  };
  const std::vector<Expectation> refused = {
      {"wrong_abi_major", "built for plugin ABI 2.0 but this desktop speaks ABI 1.0"},
      {"newer_abi_minor", "newer than this desktop's 1.0"},
      {"wrong-abi-binary", "built for plugin ABI 2.0"},
      {"missing-entry", "does not export jd_channel_plugin_v1"},
      {"invalid_manifest", "not a valid manifest"},
      {"unknown_permission", "unknown permission \"customer.password\""},
      {"undeclared-permission", "reads customer.email which plugin.json does not declare"},
  };
  for (const auto& expected : refused) {
    PluginStatus status = StatusOf(host, expected.id);
    EXPECT_EQ(status.state, PluginState::kRefused) << expected.id << ": " << status.error;
    EXPECT_THAT(status.error, HasSubstr(expected.reason)) << expected.id;
  }

  PluginStatus good = StatusOf(host, "good");
  EXPECT_EQ(good.state, PluginState::kRunning) << good.error;
  ASSERT_TRUE(host.AssignContact(MakeContact("K-1", "fixture")).ok());
  EXPECT_EQ(recorder.last_view().contact_id(), "K-1");
  EXPECT_TRUE(host.InvokeAction(testing::Action("K-1", "ping", {{"text", "hi"}})).ok());
  auto requests = recorder.TakeRequests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].request.send_message().text(), "pong hi");
  EXPECT_EQ(requests[0].contact_id, "K-1");
  EXPECT_EQ(requests[0].channel, "fixture");
}

TEST_P(RefusalTest, AContactOfARefusedPluginsChannelIsNotLostButReported) {
  PluginRoot root(FixtureRoot(), {"undeclared_permission"});
  Recorder recorder;
  PluginHost host(testing::Options(root.path(), GetParam()), &recorder, &recorder);
  host.Start();
  absl::Status status = host.AssignContact(MakeContact("K-2", "undeclared"));
  EXPECT_TRUE(absl::IsNotFound(status)) << status;
  EXPECT_THAT(std::string(status.message()), HasSubstr("no plugin serves the undeclared channel"));
}

TEST_P(RefusalTest, CustomerDataIsOnlyWhatTheManifestDeclares) {
  PluginRoot root(FixtureRoot(), {"good"});
  Recorder recorder;
  PluginHost host(testing::Options(root.path(), GetParam()), &recorder, &recorder);
  host.Start();
  ASSERT_TRUE(host.AssignContact(MakeContact("K-3", "fixture")).ok());
  // The fixture shows name|email|address as it received them; it declared customer.name only.
  EXPECT_EQ(recorder.last_view().header().title(), "Ada Lovelace||");
}

TEST_P(RefusalTest, APluginThatThrowsWhileStartingFailsWithItsMessage) {
  PluginRoot root(FixtureRoot(), {"throws_on_start", "good"});
  Recorder recorder;
  PluginHost host(testing::Options(root.path(), GetParam()), &recorder, &recorder);
  host.Start();
  PluginStatus status = StatusOf(host, "throws-on-start");
  EXPECT_EQ(status.state, PluginState::kFailed);
  EXPECT_THAT(status.error, HasSubstr("fixture refuses to be constructed"));
  EXPECT_EQ(StatusOf(host, "good").state, PluginState::kRunning);
}

INSTANTIATE_TEST_SUITE_P(BothWays, RefusalTest, ::testing::Values(RunMode::kInProcess, RunMode::kOwnProcess),
                         [](const auto& info) { return info.param == RunMode::kInProcess ? "InProcess" : "OwnProcess"; });

}  // namespace
}  // namespace journeydesk::agent::plugins
