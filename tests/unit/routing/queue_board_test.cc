// The queue board on a scripted morning, with every figure worked out by hand.
#include "gmock/gmock.h"
#include "router_fixture.h"

namespace journeydesk::routing {
namespace {

class QueueBoardTest : public RouterTest {
 protected:
  // One phone call answered by `agent` after `wait`, handled for `handling`.
  void AnsweredCall(const std::string& id, absl::Duration wait, absl::Duration handling) {
    Enqueue(id, "phone");
    Advance(wait);
    ASSERT_TRUE(router_.SetAgentState("solo", v1::AVAILABLE, "", now_, &out_).ok());
    ASSERT_TRUE(router_.Accept("solo", id, now_, &out_).ok()) << id;
    Advance(handling);
    ASSERT_TRUE(router_.Complete("solo", id, "resolved", "", now_, &out_).ok());
    ASSERT_TRUE(router_.SetAgentState("solo", v1::AWAY, "paperwork", now_, &out_).ok());
  }
  const v1::QueueStatus& Phone(const v1::QueueBoard& board) {
    for (const v1::QueueStatus& q : board.queues()) {
      if (q.queue() == "phone") return q;
    }
    ADD_FAILURE() << "no phone queue";
    return board.queues(0);
  }
};

TEST_F(QueueBoardTest, ServiceLevelAbandonsAndHandlingTimeOnAScriptedMorning) {
  router_.AgentConnected("solo", now_, &out_);
  ASSERT_TRUE(router_.SetAgentState("solo", v1::AWAY, "", now_, &out_).ok());
  // 08:00 – an early call, answered after 5 s: inside the hour, outside the last 15 minutes.
  AnsweredCall("early", absl::Seconds(5), absl::Seconds(60));
  Advance(absl::Minutes(30));
  // The last 15 minutes: waits 5, 10, 19 s (within 20 s) and 25, 40 s (too late); handling
  // 30, 60, 90, 30, 60 s; one caller hangs up after 30 s.
  AnsweredCall("a", absl::Seconds(5), absl::Seconds(30));
  AnsweredCall("b", absl::Seconds(10), absl::Seconds(60));
  AnsweredCall("c", absl::Seconds(25), absl::Seconds(90));
  AnsweredCall("d", absl::Seconds(19), absl::Seconds(30));
  AnsweredCall("e", absl::Seconds(40), absl::Seconds(60));
  Enqueue("gone", "phone");
  Advance(absl::Seconds(30));
  ASSERT_TRUE(router_.EndContact("gone", true, now_, &out_).ok());
  Enqueue("waiting", "phone");
  Advance(absl::Seconds(12));

  const v1::QueueStatus phone = Phone(router_.Board(now_));
  // 15 min: answered within 20 s = a, b, d = 3 of (5 answered + 1 abandoned) = 50 %.
  ASSERT_TRUE(phone.has_service_level_15m());
  EXPECT_DOUBLE_EQ(phone.service_level_15m(), 0.5);
  // 60 min adds 'early' (5 s): 4 of 7.
  EXPECT_DOUBLE_EQ(phone.service_level_60m(), 4.0 / 7.0);
  // Abandoned: 1 of 7 over the hour.
  EXPECT_DOUBLE_EQ(phone.abandoned_percent_60m(), 100.0 / 7.0);
  // Handling: (60 + 30 + 60 + 90 + 30 + 60) / 6 = 55 s.
  EXPECT_DOUBLE_EQ(phone.average_handling_seconds(), 55.0);
  EXPECT_EQ(phone.waiting(), 1);
  EXPECT_DOUBLE_EQ(phone.oldest_wait_seconds(), 12.0);
  EXPECT_EQ(phone.arrivals_60m(), 8);
  EXPECT_EQ(phone.agents_away(), 1);
  EXPECT_DOUBLE_EQ(phone.service_level_target(), 0.8);
  EXPECT_EQ(phone.answer_within_seconds(), 20);
}

TEST_F(QueueBoardTest, AgentsAreCountedByWhatTheyDoOnEachChannel) {
  AddAgent("talking", {Channel("phone", 1)});
  Advance(absl::Seconds(1));
  AddAgent("wrapping", {Channel("phone", 1)});
  Advance(absl::Seconds(1));
  AddAgent("free", {Channel("phone", 1), Channel("chat", 2)});
  AddAgent("resting", {Channel("phone", 1)});
  ASSERT_TRUE(router_.SetAgentState("resting", v1::AWAY, "lunch", now_, &out_).ok());
  Enqueue("t", "phone");
  Enqueue("w", "phone");
  TakeOffers();
  // Both calls went to the longest idle: "talking" and "wrapping" (added first).
  ASSERT_TRUE(router_.Accept("talking", "t", now_, &out_).ok());
  ASSERT_TRUE(router_.Accept("wrapping", "w", now_, &out_).ok());
  ASSERT_TRUE(router_.EndContact("w", false, now_, &out_).ok());

  const v1::QueueBoard board = router_.Board(now_);
  const v1::QueueStatus& phone = Phone(board);
  EXPECT_EQ(phone.agents_busy(), 1);
  EXPECT_EQ(phone.agents_wrap_up(), 1);
  EXPECT_EQ(phone.agents_available(), 1);
  EXPECT_EQ(phone.agents_away(), 1);
  EXPECT_EQ(phone.active(), 2);
  for (const v1::QueueStatus& q : board.queues()) {
    if (q.queue() == "chat") EXPECT_EQ(q.agents_available(), 1) << "only 'free' serves chat";
  }
}

}  // namespace
}  // namespace journeydesk::routing
