// The supervisor window as a supervisor sees it: the real journeydesk under Xvfb, signed in
// with a supervisor token to a real journeyd with demo data, calls and an email waiting and
// agents at their desks. The staffing advice is applied through the window (the same command
// as Ctrl+Shift+A) and the change is checked on journeyd; the Move agent dialog is driven from
// the keyboard with xdotool (Ctrl+G, typing, Tab, Enter). Screenshots are saved to look at.
#include <sys/wait.h>

#include "absl/strings/str_format.h"
#include "grpcpp/create_channel.h"
#include "gui_fixture.h"
#include "journeydesk/v1/contact_center.grpc.pb.h"
#include "store/sqlite_journey_store.h"

namespace journeydesk::testing {
namespace {

class SupervisorGuiTest : public JourneydeskGuiTest {
 protected:
  void SetUp() override {
    JourneydeskGuiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto store = store::SqliteJourneyStore::Open(db_path_.string());
    ASSERT_TRUE(store.ok()) << store.status();
    for (const char* id : {"agent-2", "agent-3", "agent-4"}) {
      auto token = (*store)->CreateToken(store::Role::kAgent, id, "test");
      ASSERT_TRUE(token.ok()) << token.status();
      tokens_[id] = token->secret;
    }
  }

  std::unique_ptr<v1::ContactCenter::Stub> Center() const {
    return v1::ContactCenter::NewStub(grpc::CreateChannel(Address(), grpc::InsecureChannelCredentials()));
  }

  // agent-1 takes calls, agent-2 and agent-3 emails, agent-4 is on a break (every channel);
  // none has the desktop open, so nothing is offered. Six calls, two chats and an email wait.
  // journeyd advises moving one email agent to phone.
  void BusyMorning() {
    const std::vector<std::tuple<std::string, v1::AgentState, std::string>> agents = {
        {"agent", v1::AVAILABLE, "phone"}, {"agent-2", v1::AVAILABLE, "email"},
        {"agent-3", v1::AVAILABLE, "email"}, {"agent-4", v1::AWAY, ""}};
    for (const auto& [role, state, channel] : agents) {
      v1::SetAgentStateRequest request;
      request.set_state(state);
      if (state == v1::AWAY) request.set_reason("break");
      v1::AgentStatus status;
      grpc::Status result = Center()->SetAgentState(Context(role).get(), request, &status);
      ASSERT_TRUE(result.ok()) << result.error_message();
      if (channel.empty()) continue;
      v1::SetAgentChannelsRequest channels;
      channels.set_agent_id(status.agent_id());
      v1::ChannelCapacity* only = channels.add_channels();
      only->set_channel(channel);
      only->set_capacity(channel == "email" ? 2 : 1);
      result = Center()->SetAgentChannels(Context("supervisor").get(), channels, &status);
      ASSERT_TRUE(result.ok()) << result.error_message();
    }
    int customer = 1;
    for (const auto& [channel, count] : std::vector<std::pair<std::string, int>>{{"phone", 6}, {"chat", 2}, {"email", 1}}) {
      for (int i = 0; i < count; ++i) {
        v1::EnqueueContactRequest request;
        request.set_channel(channel);
        request.set_customer_id(absl::StrFormat("C-%06d", customer));
        ++customer;
        request.set_subject("Where is my refund?");
        v1::EnqueueContactResponse response;
        grpc::Status result = Center()->EnqueueContact(Context("integration").get(), request, &response);
        ASSERT_TRUE(result.ok()) << result.error_message();
      }
    }
  }

  v1::AgentStatus Agent(const std::string& id) {
    v1::ListAgentsResponse response;
    EXPECT_TRUE(Center()->ListAgents(Context("supervisor").get(), v1::ListAgentsRequest(), &response).ok());
    for (const v1::AgentStatus& agent : response.agents()) {
      if (agent.agent_id() == id) return agent;
    }
    ADD_FAILURE() << id << " is not in ListAgents";
    return {};
  }

  static bool Serves(const v1::AgentStatus& agent, const std::string& channel) {
    for (const auto& c : agent.channels()) {
      if (c.channel() == channel) return true;
    }
    return false;
  }

};

TEST_F(SupervisorGuiTest, ShowsTheBoardAndAppliesTheStaffingAdvice) {
  StartJourneyd({"--demo", "--demo-customers", "50"});
  BusyMorning();
  ASSERT_TRUE(Serves(Agent("agent-2"), "email"));
  const auto window_png = std::filesystem::path(JD_SCREENSHOT_DIR) / "supervisor_window.png";
  std::filesystem::remove(window_png);
  StartDesk({"--server", Address(), "--token-file", WriteToken("supervisor").string(), "--supervisor",
             "--supervisor-action", "apply-advice", "--supervisor-screenshot", window_png.string(),
             "--exit-after-ms", "20000"});

  std::optional<std::string> shown = WaitForLine("journeydesk: supervisor showing", absl::Seconds(30));
  ASSERT_TRUE(shown.has_value()) << "the supervisor window never showed the board and agents";
  EXPECT_NE(shown->find("(9 waiting)"), std::string::npos) << *shown;
  // The window's own screenshot shows the advised move, just before it is applied.
  ASSERT_TRUE(WaitForLine("journeydesk: supervisor screenshot saved to", absl::Seconds(30)).has_value());
  std::optional<std::string> applied = WaitForLine("journeydesk: supervisor applied", absl::Seconds(30));
  ASSERT_TRUE(applied.has_value()) << "the advice was never applied";
  EXPECT_EQ(*applied, "journeydesk: supervisor applied 1 channel change(s), 0 refused");

  // journeyd now has agent-2 (the first email agent journeyd named) on phone, not email.
  const v1::AgentStatus moved = Agent("agent-2");
  EXPECT_TRUE(Serves(moved, "phone")) << moved.DebugString();
  EXPECT_FALSE(Serves(moved, "email")) << moved.DebugString();
  EXPECT_TRUE(Serves(Agent("agent-3"), "email")) << "only the advised agent moves";

  absl::SleepFor(absl::Seconds(1));  // the refreshed agents painted, for the eye only
  const auto screen_png = ScreenshotRoot("supervisor_after_apply_screen.png");
  EXPECT_GT(Contrast(screen_png), 0.05) << "the screen is blank: " << screen_png;
  ASSERT_TRUE(std::filesystem::exists(window_png));
  EXPECT_GT(std::filesystem::file_size(window_png), 10'000u);
  EXPECT_GT(Contrast(window_png), 0.05) << "the window's own screenshot is blank: " << window_png;

  std::optional<int> status = desk_->Wait(absl::Seconds(40));
  ASSERT_TRUE(status.has_value()) << "journeydesk did not close after --exit-after-ms";
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0) << "wait status " << *status;
}

TEST_F(SupervisorGuiTest, MovesAnAgentByHandFromTheKeyboard) {
  if (std::string(JD_XDOTOOL_PATH).empty()) GTEST_SKIP() << "xdotool is not installed (apt-get install xdotool)";
  StartJourneyd({"--demo", "--demo-customers", "50"});
  BusyMorning();
  StartDesk({"--server", Address(), "--token-file", WriteToken("supervisor").string(), "--supervisor",
             "--exit-after-ms", "90000"});
  ASSERT_TRUE(WaitForLine("journeydesk: supervisor showing", absl::Seconds(30)).has_value());

  ASSERT_TRUE(FocusWindow("^JourneyDesk Supervisor$"));
  ASSERT_TRUE(XdoTool({"key", "ctrl+g"}));
  ASSERT_TRUE(FocusWindow("^Move agent$"));
  // Agent, then Tab past the list button and "every channel at its default capacity" to
  // phone, tick it, and type a capacity that is not a number.
  ASSERT_TRUE(XdoTool({"type", "--delay", "20", "agent-3"}));
  ASSERT_TRUE(XdoTool({"key", "--delay", "80", "Tab", "Tab", "Tab", "space", "Tab", "ctrl+a"}));
  ASSERT_TRUE(XdoTool({"type", "--delay", "20", "one"}));
  ScreenshotRoot("supervisor_move_agent_typed.png");
  ASSERT_TRUE(XdoTool({"key", "Return"}));
  std::optional<std::string> refused = WaitForLine("journeydesk: supervisor move agent:", absl::Seconds(20));
  ASSERT_TRUE(refused.has_value()) << "the dialog never checked the input";
  EXPECT_NE(refused->find("Capacity for phone: 'one' is not a whole number from 1 to 100"), std::string::npos)
      << *refused;
  absl::SleepFor(absl::Milliseconds(500));  // the explanation painted under the fields
  const auto dialog_png = ScreenshotRoot("supervisor_move_agent_dialog.png");
  EXPECT_GT(Contrast(dialog_png), 0.05) << dialog_png;

  // The caret is back in the capacity field: fix it and confirm.
  ASSERT_TRUE(XdoTool({"key", "ctrl+a"}));
  ASSERT_TRUE(XdoTool({"type", "--delay", "20", "2"}));
  ASSERT_TRUE(XdoTool({"key", "Return"}));
  std::optional<std::string> applied = WaitForLine("journeydesk: supervisor applied", absl::Seconds(20));
  ASSERT_TRUE(applied.has_value()) << "the change was never sent";
  EXPECT_EQ(*applied, "journeydesk: supervisor applied 1 channel change(s), 0 refused");

  const v1::AgentStatus moved = Agent("agent-3");
  ASSERT_EQ(moved.channels_size(), 1) << moved.DebugString();
  EXPECT_EQ(moved.channels(0).channel(), "phone");
  EXPECT_EQ(moved.channels(0).capacity(), 2);

  // Esc closes the supervisor window and leaves the main window; Ctrl+Q there quits.
  ASSERT_TRUE(FocusWindow("^JourneyDesk Supervisor$"));
  ASSERT_TRUE(XdoTool({"key", "Escape"}));
  EXPECT_TRUE(WindowGone("^JourneyDesk Supervisor$")) << "Esc did not close the supervisor window";
  ASSERT_TRUE(FocusWindow("^JourneyDesk$"));
  ASSERT_TRUE(XdoTool({"key", "ctrl+q"}));
  std::optional<int> status = desk_->Wait(absl::Seconds(60));
  ASSERT_TRUE(status.has_value());
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0) << "wait status " << *status;
}

TEST_F(SupervisorGuiTest, AnAgentsTokenIsToldWhatTheWindowNeeds) {
  StartJourneyd();
  StartDesk({"--server", Address(), "--token-file", WriteToken("agent").string(), "--supervisor", "--exit-after-ms",
             "8000"});
  std::optional<std::string> refused = WaitForLine("journeydesk: supervisor window refused", absl::Seconds(30));
  ASSERT_TRUE(refused.has_value());
  EXPECT_NE(refused->find("this token's role is agent"), std::string::npos) << *refused;
  EXPECT_NE(refused->find("jdctl token create --role supervisor"), std::string::npos) << *refused;
  std::optional<int> status = desk_->Wait(absl::Seconds(30));
  ASSERT_TRUE(status.has_value());
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0) << "wait status " << *status;
}

}  // namespace
}  // namespace journeydesk::testing
