// Arbitration: priority = propensity × value × lever, worked by hand; consent gates
// propensity and selling; the ranking is deterministic and independent of the channel.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "nba_fixtures.h"

namespace journeydesk::nba {
namespace {

using ::testing::ElementsAre;
using testing_support::MakeAll;
using testing_support::NbaTest;

constexpr auto kIn = v1::DIRECTION_INBOUND;
constexpr auto kNone = v1::OUTCOME_UNSPECIFIED;

// Three actions, one rule each:
//   listen  CLOSE_THE_LOOP  value 50, lever 1 (unset), no propensity model → propensity 1
//   keep    RETENTION       value 100, lever 2; rule lever 1.5;
//                           propensity: intercept −1, +0.5 per rate-card view in 14 days
//   grow    UPSELL          value 200; propensity: intercept −3
constexpr char kWorkedRules[] = R"pb(
  version: "worked-1"
  actions { id: "listen" category: CLOSE_THE_LOOP title: "Listen" value: 50 channel_hint: "any"
            channel_hints { channel: "chat" text: "in chat" } }
  actions { id: "keep" category: RETENTION title: "Keep" value: 100 lever: 2
            propensity { intercept: -1 weights { feature: "rate_card_views_14d" weight: 0.5 } } }
  actions { id: "grow" category: UPSELL title: "Grow" value: 200 propensity { intercept: -3 } }
  rules { id: "listen_r" action_id: "listen" when { signal: "recent_detractor" } }
  rules { id: "keep_r" action_id: "keep" when { signal: "rate_card_viewed" } lever: 1.5 }
  rules { id: "grow_r" action_id: "grow"
          when { feature { name: "total_touchpoints" op: AT_LEAST value: 1 } } }
)pb";

class Arbitration : public NbaTest {
 protected:
  // Two rate-card views in the last 14 days and a detractor score 3 days ago.
  std::vector<v1::Touchpoint> Journey() {
    return MakeAll({{"v1", 6, "web", "viewed_rate_card"},
                    {"v2", 2, "web", "viewed_rate_card"},
                    {"s1", 3, "email", "nps_response", kIn, kNone, 5}});
  }
};

TEST_F(Arbitration, WorkedExampleRanksByPropensityTimesValueTimesLever) {
  RuleSetPtr rules = Rules(kWorkedRules);
  v1::SuggestNextStepsResponse response = Run(Journey(), rules.get(), "phone", 2);
  ASSERT_THAT(Suggested(response), ElementsAre("keep", "listen"));

  // keep: z = −1 + 0.5 × 2 views = 0 → propensity 1/(1+e^0) = 0.5;
  //       lever = 2 (action) × 1.5 (rule) = 3; score = 0.5 × 100 × 3 = 150.
  const v1::Priority& keep = response.suggestions(0).priority();
  EXPECT_DOUBLE_EQ(keep.propensity(), 0.5);
  EXPECT_DOUBLE_EQ(keep.value(), 100);
  EXPECT_DOUBLE_EQ(keep.lever(), 3);
  EXPECT_DOUBLE_EQ(keep.score(), 150);
  // listen: no model → propensity 1; score = 1 × 50 × 1 = 50.
  const v1::Priority& listen = response.suggestions(1).priority();
  EXPECT_DOUBLE_EQ(listen.propensity(), 1);
  EXPECT_DOUBLE_EQ(listen.score(), 50);
  // grow: z = −3 → propensity 1/(1+e^3) ≈ 0.0474; score ≈ 0.0474 × 200 ≈ 9.49 — third,
  // so with max_suggestions 2 it is suppressed as lower priority.
  const v1::SuppressedAction* grow = FindSuppressed(response, "grow");
  ASSERT_NE(grow, nullptr);
  EXPECT_EQ(grow->why(), v1::SUPPRESSED_LOWER_PRIORITY);
  EXPECT_THAT(grow->text(), ::testing::HasSubstr("9.49"));
  EXPECT_EQ(grow->reasons(0).rule_id(), "grow_r");

  v1::SuggestNextStepsResponse all = Run(Journey(), rules.get(), "phone", 3);
  ASSERT_THAT(Suggested(all), ElementsAre("keep", "listen", "grow"));
  EXPECT_NEAR(all.suggestions(2).priority().score(), 200 / (1 + std::exp(3.0)), 1e-9);
  EXPECT_TRUE(all.profiling_consent());
  EXPECT_TRUE(all.note().empty());
}

TEST_F(Arbitration, WithoutProfilingConsentOnlyServiceActionsWithPropensityOne) {
  customer_.mutable_consent()->set_profiling(false);
  v1::SuggestNextStepsResponse response = Run(Journey(), Rules(kWorkedRules).get());
  ASSERT_THAT(Suggested(response), ElementsAre("listen"));
  EXPECT_DOUBLE_EQ(response.suggestions(0).priority().propensity(), 1);
  EXPECT_DOUBLE_EQ(response.suggestions(0).priority().score(), 50);
  EXPECT_FALSE(response.profiling_consent());
  EXPECT_EQ(response.note(), "without profiling consent only service actions are offered");
  for (const char* action : {"keep", "grow"}) {
    const v1::SuppressedAction* suppressed = FindSuppressed(response, action);
    ASSERT_NE(suppressed, nullptr) << action;
    EXPECT_EQ(suppressed->why(), v1::SUPPRESSED_NO_CONSENT) << action;
  }
}

TEST_F(Arbitration, ServiceActionsWithAModelUseNoPropensityWithoutConsent) {
  // A service action with a propensity model: used with consent, ignored (1) without.
  RuleSetPtr rules = Rules(R"pb(
    version: "svc-model"
    actions { id: "listen" category: CLOSE_THE_LOOP title: "Listen" value: 50
              propensity { intercept: -2 } }
    rules { id: "r" action_id: "listen" when { signal: "recent_detractor" } })pb");
  EXPECT_NEAR(Run(Journey(), rules.get()).suggestions(0).priority().propensity(), 1 / (1 + std::exp(2.0)), 1e-12);
  customer_.mutable_consent()->set_profiling(false);
  EXPECT_DOUBLE_EQ(Run(Journey(), rules.get()).suggestions(0).priority().propensity(), 1);
}

TEST_F(Arbitration, NoSellingWhileAnIssueIsOpen) {
  std::vector<v1::Touchpoint> journey = Journey();
  journey.push_back(testing_support::Make({"c1", 1, "phone", "call_inbound", kIn, v1::OUTCOME_ESCALATED}));
  v1::SuggestNextStepsResponse response = Run(journey, Rules(kWorkedRules).get());
  EXPECT_THAT(Suggested(response), ElementsAre("listen"));
  const v1::SuppressedAction* keep = FindSuppressed(response, "keep");
  ASSERT_NE(keep, nullptr);
  EXPECT_EQ(keep->why(), v1::SUPPRESSED_OPEN_COMPLAINT);
  EXPECT_THAT(keep->text(), ::testing::HasSubstr("1 open issue"));
}

TEST_F(Arbitration, TheChannelChangesOnlyTheHint) {
  RuleSetPtr rules = Rules(kWorkedRules);
  const v1::SuggestNextStepsResponse phone = Run(Journey(), rules.get(), "phone");
  for (const char* channel : {"chat", "email", "store"}) {
    v1::SuggestNextStepsResponse other = Run(Journey(), rules.get(), channel);
    ASSERT_EQ(Suggested(other), Suggested(phone)) << channel;
    for (int i = 0; i < other.suggestions_size(); ++i) {
      EXPECT_EQ(other.suggestions(i).id(), phone.suggestions(i).id()) << "ids are stable";
      EXPECT_EQ(other.suggestions(i).priority().score(), phone.suggestions(i).priority().score());
    }
  }
  const v1::SuggestNextStepsResponse chat = Run(Journey(), rules.get(), "chat");
  EXPECT_EQ(Find(chat, "listen")->channel_hint(), "in chat");
  EXPECT_EQ(Find(phone, "listen")->channel_hint(), "any");
}

TEST_F(Arbitration, EqualScoresAreOrderedByActionId) {
  RuleSetPtr rules = Rules(R"pb(
    version: "ties"
    actions { id: "zeta" category: INFORMATION title: "Z" value: 10 }
    actions { id: "alpha" category: INFORMATION title: "A" value: 10 }
    rules { id: "z" action_id: "zeta" when { signal: "rate_card_viewed" } }
    rules { id: "a" action_id: "alpha" when { signal: "rate_card_viewed" } })pb");
  EXPECT_THAT(Suggested(Run(Journey(), rules.get())), ElementsAre("alpha", "zeta"));
}

TEST_F(Arbitration, SuggestionsExpireAfterTheRulesTtl) {
  v1::SuggestNextStepsResponse response = Run(Journey(), Rules(kWorkedRules).get());
  EXPECT_EQ(response.suggestions(0).expires_at().seconds() - response.as_of().seconds(), 30 * 60);
  EXPECT_EQ(response.rules_version(), "worked-1");
}

// The cost the SuggestNextSteps budget rests on: one customer with 1,000 touchpoints
// under the 51-rule benchmark file. Printed for the record; the bound is loose so the
// test does not flake on a busy machine.
TEST_F(Arbitration, OneThousandTouchpointsUnderFiftyRulesGiveTheSameSuggestionsEveryTime) {
  absl::StatusOr<RuleSetPtr> rules = LoadRulesFile(JD_NBA_RULES_DIR "/bench_50_rules.textproto", &map_);
  ASSERT_TRUE(rules.ok()) << rules.status();
  ASSERT_GE((*rules)->rules().size(), 50u);
  const char* kinds[] = {"page_view", "call_inbound", "viewed_rate_card", "bill_issued", "payment",
                         "chat_inbound", "nps_response", "app_login"};
  const char* channels[] = {"web", "phone", "web", "email", "app", "chat", "email", "app"};
  std::vector<v1::Touchpoint> touchpoints;
  for (int i = 0; i < 1000; ++i) {
    v1::Touchpoint tp = testing_support::Make({"t" + std::to_string(i), 700.0 - i * 0.7, channels[i % 8], kinds[i % 8]});
    if (i % 8 == 6) tp.set_nps(i % 11);
    touchpoints.push_back(std::move(tp));
  }
  (*customer_.mutable_attributes())["contract_end"] = "2025-07-25";
  // Speed is measured by tests/bench/journeyd_bench (SuggestNextSteps against an empty RPC).
  v1::SuggestNextStepsResponse first;
  v1::SuggestNextStepsResponse again;
  const JourneyFacts facts(NbaInput{customer_, touchpoints, map_, stages_, testing_support::kAsOf});
  Suggest(**rules, facts, SuggestOptions{"phone", 3}, &first);
  Suggest(**rules, facts, SuggestOptions{"chat", 3}, &again);
  ASSERT_GT(first.suggestions_size(), 0);
  EXPECT_EQ(first.suggestions(0).action_id(), again.suggestions(0).action_id());
}

}  // namespace
}  // namespace journeydesk::nba
