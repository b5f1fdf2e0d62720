// The supervisor's board as data: service-level colours by documented thresholds, a bounded
// trend per queue, agents grouped by state, and staffing advice turned into the
// SetAgentChannels requests that carry it out.
#include "core/supervisor/queue_board_view_model.h"

#include "core/proto_time.h"
#include "core/supervisor/supervisor_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace journeydesk::agent::supervisor {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

v1::QueueStatus Queue(const std::string& name, int waiting, double oldest_wait_seconds,
                      std::optional<double> level_15m, double target = 0.8, int answer_within_seconds = 20) {
  v1::QueueStatus queue;
  queue.set_queue(name);
  queue.set_channel(name);
  queue.set_waiting(waiting);
  queue.set_oldest_wait_seconds(oldest_wait_seconds);
  if (level_15m) queue.set_service_level_15m(*level_15m);
  queue.set_service_level_target(target);
  queue.set_answer_within_seconds(answer_within_seconds);
  queue.set_agents_available(1);
  return queue;
}

v1::AgentStatus Agent(const std::string& id, v1::AgentState state, int active_contacts,
                      std::vector<std::pair<std::string, int>> channels, bool defaults = false) {
  v1::AgentStatus agent;
  agent.set_agent_id(id);
  agent.set_state(state);
  agent.set_active_contacts(active_contacts);
  agent.set_connected(true);
  agent.set_default_channels(defaults);
  for (const auto& [channel, capacity] : channels) {
    v1::ChannelCapacity* c = agent.add_channels();
    c->set_channel(channel);
    c->set_capacity(capacity);
  }
  return agent;
}

TEST(ServiceLevelTest, ColoursFollowTheDocumentedThresholds) {
  EXPECT_EQ(ClassifyServiceLevel(Queue("q", 0, 0, std::nullopt)), ServiceLevelStatus::kNoData);
  EXPECT_EQ(ClassifyServiceLevel(Queue("q", 0, 0, 0.85)), ServiceLevelStatus::kOk);
  EXPECT_EQ(ClassifyServiceLevel(Queue("q", 0, 0, 0.80)), ServiceLevelStatus::kOk) << "on target is ok";
  EXPECT_EQ(ClassifyServiceLevel(Queue("q", 0, 0, 0.75)), ServiceLevelStatus::kWarning);
  EXPECT_EQ(ClassifyServiceLevel(Queue("q", 0, 0, 0.70)), ServiceLevelStatus::kWarning) << "10 points under";
  EXPECT_EQ(ClassifyServiceLevel(Queue("q", 0, 0, 0.69)), ServiceLevelStatus::kBreach);
  EXPECT_EQ(ClassifyServiceLevel(Queue("q", 2, 5, std::nullopt)), ServiceLevelStatus::kOk) << "waiting, well in time";
  EXPECT_EQ(ClassifyServiceLevel(Queue("q", 2, 12, 0.9)), ServiceLevelStatus::kWarning)
      << "past half the answer time, even with a good level";
  EXPECT_EQ(ClassifyServiceLevel(Queue("q", 2, 21, 0.95)), ServiceLevelStatus::kBreach)
      << "a contact already waits longer than the answer time";
  v1::QueueStatus unstaffed = Queue("q", 2, 1, 0.95);
  unstaffed.set_agents_available(0);
  EXPECT_EQ(ClassifyServiceLevel(unstaffed), ServiceLevelStatus::kWarning) << "nobody can take the waiting contacts";
}

TEST(ServiceLevelTest, TheFifteenMinuteLevelComesFirst) {
  v1::QueueStatus queue = Queue("q", 0, 0, std::nullopt);
  queue.set_service_level_60m(0.5);
  EXPECT_EQ(CurrentServiceLevel(queue), 0.5);
  queue.set_service_level_15m(0.9);
  EXPECT_EQ(CurrentServiceLevel(queue), 0.9);
}

TEST(QueueBoardViewModelTest, RowsFollowTheBoardAndKeepABoundedTrend) {
  QueueBoardViewModel model(3);
  for (int i = 0; i < 5; ++i) {
    v1::QueueBoard board;
    *board.mutable_at() = ToProto(absl::FromUnixSeconds(1000 + i));
    *board.add_queues() = Queue("phone", i, 4.0 * i, 0.9 - 0.1 * i);
    *board.add_queues() = Queue("chat", 0, 0, std::nullopt, 0.8, 60);
    model.ApplyBoard(board);
  }
  ASSERT_EQ(model.queues().size(), 2u);
  const QueueRow& phone = model.queues()[0];
  EXPECT_EQ(phone.name(), "phone");
  ASSERT_EQ(phone.trend.size(), 3u) << "the last 3 boards only";
  EXPECT_EQ(phone.trend.front().waiting, 2);
  EXPECT_EQ(phone.trend.back().waiting, 4);
  EXPECT_EQ(phone.trend.back().at, absl::FromUnixSeconds(1004));
  ASSERT_TRUE(phone.trend.back().service_level.has_value());
  EXPECT_NEAR(*phone.trend.back().service_level, 0.5, 1e-9);
  EXPECT_EQ(phone.level, ServiceLevelStatus::kBreach);
  EXPECT_FALSE(model.queues()[1].trend.back().service_level.has_value());
  EXPECT_EQ(model.total_waiting(), 4);
  EXPECT_THAT(model.Channels(), ElementsAre("phone", "chat"));
  EXPECT_THAT(phone.Describe(), HasSubstr("phone: 4 waiting, oldest 0:16, service level 50 % (target 80 % in 0:20), breach"));

  v1::QueueBoard without_phone;
  *without_phone.add_queues() = Queue("chat", 1, 1, std::nullopt, 0.8, 60);
  model.ApplyBoard(without_phone);
  ASSERT_EQ(model.queues().size(), 1u);
  EXPECT_EQ(model.queues()[0].trend.size(), 3u);
}

TEST(QueueBoardViewModelTest, AgentsAreGroupedByStateWithWorkingAgentsFirst) {
  QueueBoardViewModel model;
  model.ApplyAgents({Agent("b-away", v1::AWAY, 0, {{"chat", 3}}), Agent("a-busy", v1::AWAY, 1, {{"phone", 1}}),
                     Agent("c-free", v1::AVAILABLE, 0, {{"email", 2}}), Agent("d-off", v1::OFFLINE, 0, {}),
                     Agent("a-free", v1::AVAILABLE, 0, {{"phone", 1}})});
  const std::vector<AgentGroupRows> groups = model.AgentsByState();
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_EQ(ToString(groups[0].group), "On contacts");
  ASSERT_EQ(groups[0].agents.size(), 1u);
  EXPECT_EQ(groups[0].agents[0].agent_id(), "a-busy") << "an agent wrapping up while away is still working";
  ASSERT_EQ(groups[1].agents.size(), 2u);
  EXPECT_EQ(groups[1].agents[0].agent_id(), "a-free");
  EXPECT_EQ(groups[1].agents[1].agent_id(), "c-free");
  EXPECT_EQ(groups[2].agents[0].agent_id(), "b-away");
  EXPECT_EQ(groups[3].agents[0].agent_id(), "d-off");
}

TEST(QueueBoardViewModelTest, AdviceBecomesChannelRequestsThatKeepTheAgentsOtherChannels) {
  QueueBoardViewModel model;
  model.ApplyAgents({Agent("agent-2", v1::AVAILABLE, 0, {{"email", 2}, {"sms", 3}}),
                     Agent("agent-3", v1::AVAILABLE, 0, {{"phone", 1}, {"chat", 3}, {"email", 2}}, true)});
  v1::StaffingAdvice advice;
  for (const char* name : {"phone", "chat", "email", "sms"}) {
    v1::QueueStaffing* queue = advice.add_queues();
    queue->set_queue(std::string(name) + "-queue");
    queue->set_channel(name);
  }
  v1::StaffingMove* move = advice.add_moves();
  move->set_from_queue("email-queue");
  move->set_to_queue("chat-queue");
  move->set_agents(1);
  move->add_agent_ids("agent-2");
  move->set_text("move 1 agent from email-queue to chat-queue: chat-queue service level 40 % → 81 %");
  model.ApplyAdvice(advice);

  ASSERT_EQ(model.moves().size(), 1u);
  const ApplicableMove& planned = model.moves()[0];
  EXPECT_TRUE(planned.problem.empty()) << planned.problem;
  EXPECT_EQ(planned.from_channel, "email");
  EXPECT_EQ(planned.to_channel, "chat");
  const std::vector<v1::SetAgentChannelsRequest> requests = model.MoveRequests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].agent_id(), "agent-2");
  ASSERT_EQ(requests[0].channels_size(), 2);
  EXPECT_EQ(requests[0].channels(0).channel(), "sms") << "channels not involved stay as they were";
  EXPECT_EQ(requests[0].channels(0).capacity(), 3);
  EXPECT_EQ(requests[0].channels(1).channel(), "chat");
  EXPECT_EQ(requests[0].channels(1).capacity(), 3) << "the default capacity another agent shows for chat";
}

TEST(QueueBoardViewModelTest, AMoveNamingAnUnknownAgentSaysSo) {
  QueueBoardViewModel model;
  v1::StaffingAdvice advice;
  v1::StaffingMove* move = advice.add_moves();
  move->set_from_queue("email");
  move->set_to_queue("phone");
  move->set_agents(1);
  move->add_agent_ids("agent-9");
  model.ApplyAdvice(advice);
  ASSERT_EQ(model.moves().size(), 1u);
  EXPECT_THAT(model.moves()[0].problem, HasSubstr("agent-9 is not in the agent list yet; refresh (Ctrl+R)"));
  EXPECT_TRUE(model.MoveRequests().empty());
}

TEST(QueueBoardViewModelTest, NoMovesSaysWhichQueuesAreShort) {
  QueueBoardViewModel model;
  EXPECT_THAT(model.NoMovesReason(), HasSubstr("No advice yet"));
  v1::StaffingAdvice advice;
  v1::QueueStaffing* phone = advice.add_queues();
  phone->set_queue("phone");
  phone->set_real_time(true);
  phone->set_agents_needed(4);
  phone->set_agents_assigned(2);
  model.ApplyAdvice(advice);
  EXPECT_THAT(model.NoMovesReason(), HasSubstr("phone is short of agents and no queue has any to spare"));
  advice.mutable_queues(0)->set_agents_assigned(4);
  model.ApplyAdvice(advice);
  EXPECT_THAT(model.NoMovesReason(), HasSubstr("every real-time queue has the agents it needs"));
}

TEST(SupervisorFormatTest, FiguresReadAsASupervisorExpects) {
  EXPECT_EQ(FormatWait(42), "0:42");
  EXPECT_EQ(FormatWait(725), "12:05");
  EXPECT_EQ(FormatWait(3840), "1 h 04");
  EXPECT_EQ(FormatPercent(0.624), "62 %");
  v1::AgentStatus agent = Agent("a", v1::AWAY, 0, {{"phone", 1}, {"chat", 3}}, true);
  agent.set_away_reason("break");
  agent.set_connected(false);
  EXPECT_EQ(FormatChannels(agent), "phone ×1, chat ×3 (defaults)");
  EXPECT_EQ(FormatAgentState(agent), "away (break), not connected");
}

}  // namespace
}  // namespace journeydesk::agent::supervisor
