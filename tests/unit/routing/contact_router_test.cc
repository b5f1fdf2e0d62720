// The contact distributor as a specification: who gets which contact, when, and what
// happens when an offer is missed, declined, transferred or put on hold.
#include "gmock/gmock.h"
#include "router_fixture.h"

namespace journeydesk::routing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;
using Kind = RoutingStep::Kind;

TEST_F(RouterTest, LongestWaitingContactGoesToLongestIdleAgent) {
  Enqueue("first", "phone");
  Advance(absl::Seconds(5));
  Enqueue("second", "phone");
  EXPECT_TRUE(TakeOffers().empty()) << "nobody is available yet";

  Advance(absl::Seconds(5));
  AddAgent("agent-b");  // available first: idle the longest
  EXPECT_THAT(TakeOffers(), ElementsAre(Pair("first", "agent-b")));
  Advance(absl::Seconds(1));
  AddAgent("agent-a");
  EXPECT_THAT(TakeOffers(), ElementsAre(Pair("second", "agent-a")));

  ASSERT_TRUE(router_.Accept("agent-b", "first", now_, &out_).ok());
  ASSERT_TRUE(router_.Accept("agent-a", "second", now_, &out_).ok());
  Advance(absl::Seconds(30));
  ASSERT_TRUE(router_.Complete("agent-a", "second", "resolved", "", now_, &out_).ok());
  Advance(absl::Seconds(10));
  ASSERT_TRUE(router_.Complete("agent-b", "first", "resolved", "", now_, &out_).ok());
  TakeOffers();
  Enqueue("third", "phone");
  EXPECT_THAT(TakeOffers(), ElementsAre(Pair("third", "agent-a")))
      << "agent-a finished 10 s before agent-b: the longest idle";
}

TEST_F(RouterTest, CapacityIsPerChannelAndDefaultsServeEveryChannel) {
  AddAgent("chatter", {Channel("chat", 3)});
  AddAgent("all-rounder");  // no settings: every channel at default capacity (phone 1, email 2)
  TakeOffers();
  for (const char* id : {"c1", "c2", "c3", "c4", "c5", "c6", "c7"}) Enqueue(id, "chat");
  auto offers = TakeOffers();
  ASSERT_EQ(offers.size(), 6u) << "3 chats each; the seventh waits";
  EXPECT_EQ(router_.GetContact("c7")->state(), v1::CONTACT_QUEUED);

  Enqueue("p1", "phone");
  Enqueue("p2", "phone");
  EXPECT_THAT(TakeOffers(), ElementsAre(Pair("p1", "all-rounder")))
      << "the chat-only agent never gets a phone call; phone capacity 1";
  Enqueue("e1", "email");
  EXPECT_THAT(TakeOffers(), ElementsAre(Pair("e1", "all-rounder")))
      << "a full phone capacity does not block email";
  v1::AgentStatus status = router_.AgentStatusOf("all-rounder");
  EXPECT_TRUE(status.default_channels());
  EXPECT_EQ(status.channels_size(), 5);
}

TEST_F(RouterTest, MissedOfferGoesBackToItsPlaceAndTheAgentIsSetAway) {
  AddAgent("sleepy");
  TakeOffers();
  Enqueue("early", "phone");
  ASSERT_THAT(TakeOffers(), ElementsAre(Pair("early", "sleepy")));
  Advance(absl::Seconds(5));
  Enqueue("late", "phone");
  Advance(absl::Seconds(14));
  EXPECT_EQ(Get("early").state(), v1::CONTACT_OFFERED) << "19 s: the 20 s offer still stands";
  out_ = {};
  Advance(absl::Seconds(1));
  ASSERT_FALSE(out_.steps.empty());
  EXPECT_EQ(out_.steps[0].kind, Kind::kOfferMissed);
  EXPECT_EQ(Get("early").state(), v1::CONTACT_QUEUED);
  v1::AgentStatus sleepy = router_.AgentStatusOf("sleepy");
  EXPECT_EQ(sleepy.state(), v1::AWAY);
  EXPECT_EQ(sleepy.away_reason(), "missed offer");
  EXPECT_EQ(sleepy.missed_offers(), 1);

  TakeOffers();
  AddAgent("awake");
  EXPECT_THAT(TakeOffers(), ElementsAre(Pair("early", "awake")))
      << "the missed contact kept its original position ahead of 'late'";
}

TEST_F(RouterTest, OfferDeadlinesWorkWithNanosecondClocks) {
  // A real clock has nanoseconds; stored timestamps have microseconds. An accepted offer
  // must never expire, and an expired one must be handled exactly once.
  now_ += absl::Nanoseconds(123'456'789);
  AddAgent("a");
  AddAgent("b");
  TakeOffers();
  Enqueue("kept", "phone");
  Enqueue("missed", "phone");
  auto offers = TakeOffers();
  ASSERT_EQ(offers.size(), 2u);
  ASSERT_TRUE(router_.Accept(offers[0].second, "kept", now_, &out_).ok());
  Advance(absl::Seconds(21));
  EXPECT_EQ(Get("kept").state(), v1::CONTACT_ACTIVE);
  EXPECT_EQ(Get("missed").state(), v1::CONTACT_QUEUED);
  size_t missed = 0;
  for (const RoutingStep& step : out_.steps) missed += step.kind == Kind::kOfferMissed;
  EXPECT_EQ(missed, 1u);
  EXPECT_EQ(router_.NextDeadline(), absl::InfiniteFuture());
}

TEST_F(RouterTest, DeclinedContactGoesToSomeoneElse) {
  AddAgent("a");
  AddAgent("b");
  TakeOffers();
  Enqueue("x", "phone");
  auto first = TakeOffers();
  ASSERT_EQ(first.size(), 1u);
  const std::string decliner = first[0].second;
  ASSERT_TRUE(router_.Decline(decliner, "x", "wrong language", now_, &out_).ok());
  auto second = TakeOffers();
  ASSERT_EQ(second.size(), 1u);
  EXPECT_NE(second[0].second, decliner);
}

TEST_F(RouterTest, AuthorityAndStateErrorsSayWhatIsWrong) {
  AddAgent("a");
  AddAgent("b");
  TakeOffers();
  Enqueue("x", "phone");
  const std::string owner = TakeOffers().at(0).second;
  const std::string other = owner == "a" ? "b" : "a";

  auto stolen = router_.Accept(other, "x", now_, &out_);
  EXPECT_EQ(stolen.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(stolen.status().message(), HasSubstr("not offered to you"));

  ASSERT_TRUE(router_.Accept(owner, "x", now_, &out_).ok());
  EXPECT_EQ(router_.Hold(other, "x", now_, &out_).status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(router_.Complete(other, "x", "resolved", "", now_, &out_).status().code(),
            absl::StatusCode::kPermissionDenied);
  auto bad_code = router_.Complete(owner, "x", "fixed_it", "", now_, &out_);
  EXPECT_EQ(bad_code.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad_code.status().message(), HasSubstr("resolved, resolved_with_credit, follow_up"));
  EXPECT_EQ(router_.Accept(owner, "nope", now_, &out_).status().code(), absl::StatusCode::kNotFound);
}

TEST_F(RouterTest, HoldAndResume) {
  AddAgent("a");
  Enqueue("x", "chat");
  ASSERT_TRUE(router_.Accept("a", "x", now_, &out_).ok());
  ASSERT_TRUE(router_.Hold("a", "x", now_, &out_).ok());
  EXPECT_EQ(Get("x").state(), v1::CONTACT_HELD);
  EXPECT_EQ(router_.SendMessage("a", "x", "hello?", now_, &out_).status().code(),
            absl::StatusCode::kFailedPrecondition) << "resume before writing";
  EXPECT_EQ(router_.Hold("a", "x", now_, &out_).status().code(), absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(router_.Resume("a", "x", now_, &out_).ok());
  ASSERT_TRUE(router_.SendMessage("a", "x", "back with you", now_, &out_).ok());
  v1::Contact x = Get("x");
  EXPECT_EQ(x.state(), v1::CONTACT_ACTIVE);
  EXPECT_EQ(x.hold_count(), 1);
  ASSERT_EQ(x.messages_size(), 2) << "the subject is the chat's first message";
  EXPECT_EQ(x.messages(1).sender(), v1::MESSAGE_FROM_AGENT);
}

TEST_F(RouterTest, TransferToAQueueKeepsTheOriginalPosition) {
  AddAgent("a", {Channel("phone", 1)});
  TakeOffers();
  Enqueue("old", "phone");
  ASSERT_TRUE(router_.Accept("a", "old", now_, &out_).ok());
  TakeOffers();
  Advance(absl::Seconds(10));
  Enqueue("new", "phone");
  ASSERT_TRUE(router_.Transfer("a", "old", "phone", "", now_, &out_).ok());
  auto offers = TakeOffers();
  ASSERT_EQ(offers.size(), 1u) << "the only phone agent is free again";
  EXPECT_EQ(offers[0].first, "old") << "the transferred contact is ahead of 'new'";
  EXPECT_EQ(Get("old").transfer_count(), 1);
  EXPECT_EQ(Get("new").state(), v1::CONTACT_QUEUED);

  ASSERT_TRUE(router_.Accept("a", "old", now_, &out_).ok());
  auto wrong = router_.Transfer("a", "old", "chat", "", now_, &out_);
  EXPECT_EQ(wrong.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(wrong.status().message(), HasSubstr("it can go to: phone"));
}

TEST_F(RouterTest, TransferToAnAgentOffersItToThemAtOnce) {
  AddAgent("first-line");
  TakeOffers();
  Enqueue("x", "phone");
  ASSERT_TRUE(router_.Accept("first-line", "x", now_, &out_).ok());
  auto busy = router_.Transfer("first-line", "x", "", "expert", now_, &out_);
  EXPECT_EQ(busy.status().code(), absl::StatusCode::kFailedPrecondition) << busy.status();
  AddAgent("expert");
  TakeOffers();
  ASSERT_TRUE(router_.Transfer("first-line", "x", "", "expert", now_, &out_).ok());
  ASSERT_GE(out_.steps.size(), 2u);
  EXPECT_EQ(out_.steps[0].kind, Kind::kTransferred);
  EXPECT_EQ(out_.steps[0].agent_id, "first-line");
  EXPECT_THAT(TakeOffers(), ElementsAre(Pair("x", "expert")));
  EXPECT_TRUE(router_.AgentStatusOf("first-line").contact_ids().empty());
}

TEST_F(RouterTest, CustomerLeavingAbandonsAWaitingContactAndWrapsUpAnActiveOne) {
  Enqueue("waiting", "phone");
  ASSERT_TRUE(router_.EndContact("waiting", false, now_, &out_).ok());
  EXPECT_EQ(Get("waiting").state(), v1::CONTACT_ABANDONED);

  AddAgent("a");
  Enqueue("talking", "phone");
  ASSERT_TRUE(router_.Accept("a", "talking", now_, &out_).ok());
  EXPECT_EQ(router_.EndContact("talking", true, now_, &out_)->state(), v1::CONTACT_ACTIVE)
      << "only_if_waiting leaves an answered contact alone";
  EXPECT_EQ(router_.EndContact("talking", false, now_, &out_)->state(), v1::CONTACT_WRAP_UP);
  auto done = router_.Complete("a", "talking", "follow_up", "call back Monday", now_, &out_);
  ASSERT_TRUE(done.ok()) << done.status();
  EXPECT_EQ(done->state(), v1::CONTACT_COMPLETED);
  EXPECT_EQ(done->notes(), "call back Monday");
}

TEST_F(RouterTest, ARepeatedWrapUpIsANoOpAndADifferentOneIsRefused) {
  AddAgent("a");
  Enqueue("call", "phone");
  ASSERT_TRUE(router_.Accept("a", "call", now_, &out_).ok());
  ASSERT_TRUE(router_.Complete("a", "call", "resolved", "refund agreed", now_, &out_).ok());
  out_.steps.clear();

  auto again = router_.Complete("a", "call", "resolved", "refund agreed", now_ + absl::Seconds(5), &out_);
  ASSERT_TRUE(again.ok()) << "a desktop replaying its outbox must not fail: " << again.status();
  EXPECT_EQ(again->state(), v1::CONTACT_COMPLETED);
  EXPECT_TRUE(out_.steps.empty()) << "no second contact_completed step on the journey";

  EXPECT_EQ(router_.Complete("a", "call", "follow_up", "", now_, &out_).status().code(),
            absl::StatusCode::kFailedPrecondition)
      << "a different wrap-up of a completed contact is not a retry";
}

TEST_F(RouterTest, RestoreQueuesOfferedContactsAgainAndKeepsActiveOnesWithTheirAgent) {
  AddAgent("a");
  AddAgent("b");
  TakeOffers();
  Enqueue("active", "phone");
  Enqueue("offered", "phone");
  auto offers = TakeOffers();
  ASSERT_EQ(offers.size(), 2u);
  const std::string handler = offers[0].second;
  ASSERT_TRUE(router_.Accept(handler, "active", now_, &out_).ok());
  Enqueue("queued", "phone");

  std::vector<v1::Contact> stored = {Get("active"), Get("offered"), Get("queued")};
  std::vector<v1::AgentSettings> agents = {router_.AgentSettingsOf("a"), router_.AgentSettingsOf("b")};
  ContactRouter restarted(Config());
  RouterOutput out;
  restarted.Restore(stored, agents, now_);
  EXPECT_EQ(restarted.GetContact("active")->state(), v1::CONTACT_ACTIVE);
  EXPECT_THAT(restarted.AgentStatusOf(handler).contact_ids(), ElementsAre("active"));
  EXPECT_EQ(restarted.GetContact("offered")->state(), v1::CONTACT_QUEUED);
  EXPECT_EQ(restarted.WaitingCount(), 2);
  restarted.AgentConnected(offers[1].second, now_, &out);
  ASSERT_EQ(out.steps.size(), 1u) << "a reconnecting available agent is offered the oldest";
  EXPECT_EQ(out.steps[0].contact.contact_id(), "offered");
}

TEST_F(RouterTest, GoingAwayWithdrawsPendingOffers) {
  AddAgent("a");
  TakeOffers();
  Enqueue("x", "phone");
  ASSERT_TRUE(router_.SetAgentState("a", v1::AWAY, "break", now_, &out_).ok());
  EXPECT_EQ(Get("x").state(), v1::CONTACT_QUEUED);
  EXPECT_EQ(router_.AgentStatusOf("a").away_reason(), "break");
  EXPECT_EQ(router_.AgentStatusOf("a").missed_offers(), 0) << "withdrawn, not missed";
}

TEST_F(RouterTest, StepOrdinalsMakeStableTouchpointIds) {
  AddAgent("a");
  out_ = {};
  Enqueue("x", "chat");
  ASSERT_TRUE(router_.Accept("a", "x", now_, &out_).ok());
  ASSERT_TRUE(router_.Hold("a", "x", now_, &out_).ok());
  ASSERT_TRUE(router_.Resume("a", "x", now_, &out_).ok());
  ASSERT_TRUE(router_.Hold("a", "x", now_, &out_).ok());
  std::vector<std::pair<std::string, int>> steps;
  for (const RoutingStep& step : out_.steps) steps.push_back({std::string(StepName(step.kind)), step.ordinal});
  EXPECT_THAT(steps, ElementsAre(Pair("queued", 1), Pair("offered", 1), Pair("accepted", 1),
                                 Pair("held", 1), Pair("resumed", 1), Pair("held", 2)));
}

}  // namespace
}  // namespace journeydesk::routing
