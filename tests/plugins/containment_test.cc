// A plugin that throws, crashes or hangs never takes the desktop down: a throw is reported
// and the plugin keeps running; in its own process a crash or a hang restarts the plugin,
// tells the agent, and the contact stays where it was.
#include <atomic>
#include <thread>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "plugin_test_support.h"

namespace journeydesk::agent::plugins {
namespace {

using ::testing::HasSubstr;
using testing::Action;
using testing::FixtureRoot;
using testing::MakeContact;
using testing::PluginRoot;
using testing::Recorder;
using testing::StatusOf;

class ThrowTest : public ::testing::TestWithParam<RunMode> {};

TEST_P(ThrowTest, AThrowIsReportedAndThePluginKeepsServingTheContact) {
  PluginRoot root(FixtureRoot(), {"throws"});
  Recorder recorder;
  PluginHost host(testing::Options(root.path(), GetParam()), &recorder, &recorder);
  host.Start();
  ASSERT_TRUE(host.AssignContact(MakeContact("K-1", "throws")).ok());

  absl::Status status = host.InvokeAction(Action("K-1", "explode"));
  EXPECT_TRUE(absl::IsAborted(status)) << status;
  EXPECT_THAT(std::string(status.message()), HasSubstr("fixture threw on purpose"));
  ASSERT_FALSE(recorder.notices().empty());
  EXPECT_THAT(recorder.notices().back(), HasSubstr("could not do that"));

  PluginStatus after = StatusOf(host, "throws");
  EXPECT_EQ(after.state, PluginState::kRunning);
  EXPECT_EQ(after.restarts, 0);
  EXPECT_TRUE(host.InvokeAction(Action("K-1", "ping")).ok());
  EXPECT_THAT(recorder.last_view().notices(0).text(), HasSubstr("action ping"));
}

INSTANTIATE_TEST_SUITE_P(BothWays, ThrowTest, ::testing::Values(RunMode::kInProcess, RunMode::kOwnProcess),
                         [](const auto& info) { return info.param == RunMode::kInProcess ? "InProcess" : "OwnProcess"; });

// What a restart must preserve: the plugin gets the contact back (restored) with every
// message the host knew, the agent is told, and the next action works.
void ExpectRestartedWithContactIntact(PluginHost& host, Recorder& recorder, const std::string& id, int old_pid) {
  PluginStatus after = StatusOf(host, id);
  EXPECT_EQ(after.state, PluginState::kRunning) << after.error;
  EXPECT_EQ(after.restarts, 1);
  EXPECT_NE(after.pid, old_pid);
  EXPECT_GT(after.pid, 0);

  ASSERT_FALSE(recorder.notices().empty());
  EXPECT_THAT(recorder.notices().back(), HasSubstr("restarted and your contact is still here"));

  auto view = host.LastView("K-1");
  ASSERT_TRUE(view.has_value());
  EXPECT_THAT(view->notices(0).text(), HasSubstr("restored"));
  ASSERT_EQ(view->transcript().entries_size(), 2);  // the first message and the one posted later
  EXPECT_EQ(view->transcript().entries(1).text(), "are you there?");

  EXPECT_TRUE(host.InvokeAction(Action("K-1", "ping")).ok());
  EXPECT_THAT(recorder.last_view().notices(0).text(), HasSubstr("action ping"));
}

TEST(CrashTest, ACrashOnAnActionRestartsThePluginProcessAndKeepsTheContact) {
  PluginRoot root(FixtureRoot(), {"crashes", "good"});
  Recorder recorder;
  PluginHost host(testing::Options(root.path(), RunMode::kOwnProcess), &recorder, &recorder);
  host.Start();
  ASSERT_TRUE(host.AssignContact(MakeContact("K-1", "crashes")).ok());
  ASSERT_TRUE(host.AssignContact(MakeContact("K-2", "fixture")).ok());
  plugin::v1::Message message;
  message.set_sender(plugin::v1::SENDER_CUSTOMER);
  message.set_text("are you there?");
  ASSERT_TRUE(host.PostCustomerMessage("K-1", message).ok());
  const int old_pid = StatusOf(host, "crashes").pid;

  absl::Status status = host.InvokeAction(Action("K-1", "explode"));
  EXPECT_TRUE(absl::IsUnavailable(status)) << status;
  EXPECT_THAT(std::string(status.message()), HasSubstr("crashed"));
  EXPECT_THAT(std::string(status.message()), HasSubstr("signal 11"));
  EXPECT_THAT(std::string(status.message()), HasSubstr("please do it again"));
  ExpectRestartedWithContactIntact(host, recorder, "crashes", old_pid);

  // The other plugin never noticed.
  EXPECT_EQ(StatusOf(host, "good").restarts, 0);
  EXPECT_TRUE(host.InvokeAction(Action("K-2", "ping")).ok());
}

TEST(HangTest, ACallOverItsBudgetStopsTheProcessAndRestartsThePlugin) {
  PluginRoot root(FixtureRoot(), {"hangs"});
  Recorder recorder;
  PluginHost host(testing::Options(root.path(), RunMode::kOwnProcess, absl::Milliseconds(700)), &recorder, &recorder);
  host.Start();
  ASSERT_TRUE(host.AssignContact(MakeContact("K-1", "hangs")).ok());
  plugin::v1::Message message;
  message.set_sender(plugin::v1::SENDER_CUSTOMER);
  message.set_text("are you there?");
  ASSERT_TRUE(host.PostCustomerMessage("K-1", message).ok());
  const int old_pid = StatusOf(host, "hangs").pid;

  const absl::Time started = absl::Now();
  absl::Status status = host.InvokeAction(Action("K-1", "explode"));
  EXPECT_LT(absl::Now() - started, absl::Seconds(15));
  EXPECT_TRUE(absl::IsUnavailable(status)) << status;
  EXPECT_THAT(std::string(status.message()), HasSubstr("did not answer within 700ms"));
  ExpectRestartedWithContactIntact(host, recorder, "hangs", old_pid);
}

TEST(HangTest, StatusesAnswerAtOnceWhileAPluginHangs) {
  // The plugin manager asks for statuses on the UI thread: it must never wait behind a
  // call that is stuck in a hung plugin (the host's lock is held for the whole budget).
  PluginRoot root(FixtureRoot(), {"hangs", "good"});
  Recorder recorder;
  PluginHost host(testing::Options(root.path(), RunMode::kOwnProcess, absl::Seconds(2)), &recorder, &recorder);
  host.Start();
  ASSERT_TRUE(host.AssignContact(MakeContact("K-1", "hangs")).ok());

  std::atomic<bool> returned{false};
  std::thread stuck([&] {
    (void)host.InvokeAction(Action("K-1", "explode"));
    returned = true;
  });
  absl::SleepFor(absl::Milliseconds(300));  // the call is now inside the hung plugin
  ASSERT_FALSE(returned) << "the hang must still be going on for this test to mean anything";

  const absl::Time asked = absl::Now();
  std::vector<PluginStatus> statuses = host.Statuses();
  const absl::Duration took = absl::Now() - asked;
  EXPECT_LT(took, absl::Milliseconds(50));
  EXPECT_FALSE(returned) << "Statuses() returned only after the hung call";
  ASSERT_EQ(statuses.size(), 2u);
  EXPECT_EQ(statuses[0].id, "good");
  EXPECT_EQ(statuses[1].id, "hangs");
  EXPECT_EQ(statuses[1].state, PluginState::kRunning);

  stuck.join();
  // Once the hang is over, the snapshot has caught up with the restart.
  PluginStatus after = StatusOf(host, "hangs");
  EXPECT_EQ(after.state, PluginState::kRunning);
  EXPECT_EQ(after.restarts, 1);
}

TEST(CrashLoopTest, APluginThatKeepsCrashingIsTurnedOffAndItsContactStays) {
  PluginRoot root(FixtureRoot(), {"crashes"});
  Recorder recorder;
  PluginHostOptions options = testing::Options(root.path(), RunMode::kOwnProcess);
  options.max_restarts = 2;
  PluginHost host(options, &recorder, &recorder);
  host.Start();
  ASSERT_TRUE(host.AssignContact(MakeContact("K-1", "crashes")).ok());
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(host.InvokeAction(Action("K-1", "explode")).ok());

  PluginStatus status = StatusOf(host, "crashes");
  EXPECT_EQ(status.state, PluginState::kFailed);
  EXPECT_THAT(status.error, HasSubstr("failed 3 times"));
  EXPECT_THAT(status.error, HasSubstr("turn it on again in Plugins"));
  EXPECT_THAT(recorder.notices().back(), HasSubstr("Its contacts stay with you"));
  EXPECT_TRUE(absl::IsUnavailable(host.InvokeAction(Action("K-1", "ping"))));

  // Turned on again, it gets its contact back.
  ASSERT_TRUE(host.SetEnabled("crashes", true).ok());
  EXPECT_EQ(StatusOf(host, "crashes").state, PluginState::kRunning);
  EXPECT_TRUE(host.InvokeAction(Action("K-1", "ping")).ok());
}

TEST(EnableTest, DisablingKeepsContactsAndEnablingRestoresThem) {
  PluginRoot root(FixtureRoot(), {"good"});
  Recorder recorder;
  PluginHost host(testing::Options(root.path(), RunMode::kInProcess), &recorder, &recorder);
  host.Start();
  ASSERT_TRUE(host.AssignContact(MakeContact("K-1", "fixture")).ok());
  ASSERT_TRUE(host.SetEnabled("good", false).ok());
  EXPECT_EQ(StatusOf(host, "good").state, PluginState::kDisabled);
  EXPECT_TRUE(absl::IsUnavailable(host.InvokeAction(Action("K-1", "ping"))));
  ASSERT_TRUE(host.SetEnabled("good", true).ok());
  EXPECT_EQ(StatusOf(host, "good").state, PluginState::kRunning);
  EXPECT_THAT(host.LastView("K-1")->notices(0).text(), HasSubstr("restored"));
  EXPECT_TRUE(host.InvokeAction(Action("K-1", "ping")).ok());
}

TEST(EnableTest, APluginTurnedOffInTheSettingsDoesNotStart) {
  PluginRoot root(FixtureRoot(), {"good"});
  Recorder recorder;
  PluginHostOptions options = testing::Options(root.path(), RunMode::kOwnProcess);
  options.disabled.insert("good");
  PluginHost host(options, &recorder, &recorder);
  host.Start();
  EXPECT_EQ(StatusOf(host, "good").state, PluginState::kDisabled);
  EXPECT_EQ(StatusOf(host, "good").pid, 0);
}

}  // namespace
}  // namespace journeydesk::agent::plugins
