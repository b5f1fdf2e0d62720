// Staffing advice: agents needed from measured load, and moves between channels.
#include "routing/staffing_advisor.h"

#include "gmock/gmock.h"
#include "router_fixture.h"
#include "routing/erlang_c.h"

namespace journeydesk::routing {
namespace {

using ::testing::HasSubstr;

class StaffingTest : public RouterTest {};

TEST_F(StaffingTest, MovesIdleEmailAgentsToAShortPhoneQueue) {
  // Phone: 2 phone-only agents; email: 6 email-only agents and no mail to speak of.
  for (const char* id : {"p1", "p2"}) AddAgent(id, {Channel("phone", 1)});
  for (const char* id : {"e1", "e2", "e3", "e4", "e5", "e6"}) AddAgent(id, {Channel("email", 2)});
  // 15 minutes of phone traffic: 25 calls (100 an hour), none handled yet → AHT is the
  // queue's default 300 s: 100 × 300 / 3600 = 8.33 Erlangs.
  // The two phone agents take the first two calls and are still on them.
  for (int i = 0; i < 25; ++i) {
    Enqueue("call-" + std::to_string(i), "phone");
    for (const auto& [contact, agent] : TakeOffers()) {
      ASSERT_TRUE(router_.Accept(agent, contact, now_, &out_).ok());
    }
    Advance(absl::Seconds(30));
  }
  const auto loads = router_.QueueLoads(now_);
  const v1::StaffingAdvice advice = AdviseStaffing(loads, router_.ListAgents(), now_);

  const double traffic = 100.0 * 300 / 3600;
  const int needed = AgentsNeeded(traffic, 300, 20, 0.8);
  ASSERT_EQ(needed, 12) << "Erlang C for 8.33 E at 80/20 s with AHT 300 s";
  const v1::QueueStaffing* phone = nullptr;
  for (const auto& q : advice.queues()) {
    if (q.queue() == "phone") phone = &q;
  }
  ASSERT_NE(phone, nullptr);
  EXPECT_DOUBLE_EQ(phone->contacts_per_hour(), 100);
  EXPECT_DOUBLE_EQ(phone->average_handling_seconds(), 300);
  EXPECT_EQ(phone->agents_assigned(), 2);
  EXPECT_EQ(phone->agents_needed(), needed);
  EXPECT_DOUBLE_EQ(phone->expected_service_level(), 0.0) << "2 agents < 8.33 Erlangs";

  // Email needs none of its 6 (no arrivals): all 6 can move, phone still short of 12.
  ASSERT_EQ(advice.moves_size(), 1);
  const v1::StaffingMove& move = advice.moves(0);
  EXPECT_EQ(move.from_queue(), "email");
  EXPECT_EQ(move.to_queue(), "phone");
  EXPECT_EQ(move.agents(), 6);
  EXPECT_EQ(move.agent_ids_size(), 6);
  EXPECT_DOUBLE_EQ(move.to_service_level_after(), ServiceLevel(8, traffic, 300, 20));
  EXPECT_THAT(move.text(), HasSubstr("move 6 agents from email to phone: phone service level 0 % → "));
}

TEST_F(StaffingTest, NoMovesWhenEveryQueueMeetsItsTarget) {
  for (const char* id : {"a", "b", "c"}) AddAgent(id);
  Enqueue("one", "chat");
  const v1::StaffingAdvice advice = AdviseStaffing(router_.QueueLoads(now_), router_.ListAgents(), now_);
  EXPECT_EQ(advice.moves_size(), 0);
}

}  // namespace
}  // namespace journeydesk::routing
