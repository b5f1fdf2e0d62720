// The shipped default rules (config/nba_rules/default.textproto): each fires on the
// situation it is written for, and stays quiet on a near miss.
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "demo/demo_population.h"
#include "nba_fixtures.h"

namespace journeydesk::nba {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing_support::MakeAll;
using testing_support::NbaTest;
using testing_support::Tp;

constexpr auto kIn = v1::DIRECTION_INBOUND;
constexpr auto kOut = v1::DIRECTION_OUTBOUND;
constexpr auto kNone = v1::OUTCOME_UNSPECIFIED;

using DefaultRules = NbaTest;

TEST_F(DefaultRules, ServiceRecoveryAfterAFailureAtTheCurrentStageUsesThatStagesPolicy) {
  // The latest staged touchpoint is the complaint, so "support" is the current stage.
  auto touchpoints = MakeAll({{"p1", 60, "store", "purchase"},
                              {"c1", 2, "phone", "call_inbound"},
                              {"c2", 1, "phone", "complaint", kIn, v1::OUTCOME_UNRESOLVED}});
  v1::SuggestNextStepsResponse response = Run(touchpoints);
  ASSERT_EQ(Top(response), "recover_current_stage");
  const v1::Suggestion& top = response.suggestions(0);
  EXPECT_EQ(top.category(), v1::SERVICE_RECOVERY);
  EXPECT_EQ(top.title(), "Put right what failed at Support");
  std::string support_policy;
  for (const auto& stage : map_.stages()) {
    if (stage.id() == "support") support_policy = stage.recovery_policy();
  }
  EXPECT_EQ(top.script(), support_policy) << "the script is the current stage's recovery policy";
  ASSERT_EQ(top.reasons_size(), 1);
  EXPECT_EQ(top.reasons(0).rule_id(), "failure_at_current_stage");
  EXPECT_THAT(top.reasons(0).evidence_touchpoint_ids(), ElementsAre("c2"));

  // Near miss: the complaint was resolved afterwards.
  touchpoints.push_back(testing_support::Make({"c3", 0.5, "phone", "complaint_resolved", kOut}));
  EXPECT_FALSE(Mentions(Run(touchpoints), "recover_current_stage"));
}

TEST_F(DefaultRules, AnIssueOpenAtAnEarlierStageIsResolvedButIsNotACurrentStageFailure) {
  // The complaint is at "support"; a bill since then moved the customer to "use".
  auto touchpoints = MakeAll({{"c1", 5, "phone", "complaint", kIn, v1::OUTCOME_UNRESOLVED},
                              {"b1", 1, "email", "bill_issued", kOut}});
  v1::SuggestNextStepsResponse response = Run(touchpoints);
  EXPECT_FALSE(Mentions(response, "recover_current_stage"));
  ASSERT_EQ(Top(response), "resolve_open_issue");
  EXPECT_THAT(response.suggestions(0).reasons(0).evidence_touchpoint_ids(), ElementsAre("c1"));
}

TEST_F(DefaultRules, RetentionOnARateCardViewIsMoreUrgentWhenTheContractEndsSoon) {
  const auto touchpoints = MakeAll({{"v1", 2, "web", "viewed_rate_card"}});
  // Contract end unknown: the rate-card view alone still counts.
  v1::SuggestNextStepsResponse unknown_end = Run(touchpoints);
  ASSERT_EQ(Top(unknown_end), "retention_offer");
  EXPECT_THAT(RuleIds(unknown_end.suggestions(0)), ElementsAre("rate_card_viewed"));
  EXPECT_THAT(unknown_end.suggestions(0).reasons(0).evidence_touchpoint_ids(), ElementsAre("v1"));

  // 2025-07-25 is 40 days after as_of (2025-06-15).
  (*customer_.mutable_attributes())["contract_end"] = "2025-07-25";
  v1::SuggestNextStepsResponse near_end = Run(touchpoints);
  ASSERT_EQ(Top(near_end), "retention_offer");
  const v1::Suggestion& top = near_end.suggestions(0);
  EXPECT_THAT(RuleIds(top), ElementsAre("rate_card_near_contract_end", "rate_card_viewed"))
      << "the stronger rule explains first";
  EXPECT_THAT(top.reasons(0).text(), HasSubstr("contract ends in 40 days"));
  EXPECT_DOUBLE_EQ(top.priority().lever(), 1.6);
  EXPECT_GT(top.priority().score(), unknown_end.suggestions(0).priority().score());

  // A contract end far away counts as the plain rate-card view.
  (*customer_.mutable_attributes())["contract_end"] = "2026-06-01";
  EXPECT_THAT(RuleIds(Run(touchpoints).suggestions(0)), ElementsAre("rate_card_viewed"));
}

TEST_F(DefaultRules, ContractEndOnATouchpointCountsAndIsEvidence) {
  const auto touchpoints = MakeAll({{"n1", 30, "email", "contract_renewal_notice", kOut, kNone, -1, "2025-07-10"},
                                    {"v1", 1, "app", "viewed_price_page"}});
  v1::SuggestNextStepsResponse response = Run(touchpoints);
  ASSERT_EQ(Top(response), "retention_offer");
  EXPECT_EQ(response.suggestions(0).reasons(0).rule_id(), "rate_card_near_contract_end");
  EXPECT_THAT(response.suggestions(0).reasons(0).evidence_touchpoint_ids(), ElementsAre("v1", "n1"));
}

TEST_F(DefaultRules, RetentionStaysQuietWhenTheRateCardViewIsOld) {
  EXPECT_FALSE(Mentions(Run(MakeAll({{"v1", 20, "web", "viewed_rate_card"}})), "retention_offer"));
}

TEST_F(DefaultRules, CloseTheLoopWithARecentDetractor) {
  v1::SuggestNextStepsResponse response = Run(MakeAll({{"s1", 5, "email", "nps_response", kIn, kNone, 3}}));
  ASSERT_EQ(Top(response), "close_the_loop");
  EXPECT_EQ(response.suggestions(0).category(), v1::CLOSE_THE_LOOP);
  EXPECT_THAT(response.suggestions(0).reasons(0).evidence_touchpoint_ids(), ElementsAre("s1"));
  // Near misses: a passive score, and a detractor score from long ago.
  EXPECT_FALSE(Mentions(Run(MakeAll({{"s1", 5, "email", "nps_response", kIn, kNone, 7}})), "close_the_loop"));
  EXPECT_FALSE(Mentions(Run(MakeAll({{"s1", 40, "email", "nps_response", kIn, kNone, 3}})), "close_the_loop"));
}

TEST_F(DefaultRules, EffortReductionAfterRepeatContacts) {
  v1::SuggestNextStepsResponse response = Run(MakeAll({{"c1", 5, "phone", "call_inbound"},
                                                        {"c2", 3, "phone", "call_inbound"},
                                                        {"c3", 1, "phone", "call_inbound"}}));
  ASSERT_EQ(Top(response), "resolve_now_one_owner");
  EXPECT_THAT(RuleIds(response.suggestions(0)), ElementsAre("repeat_contacts"));
  EXPECT_THAT(response.suggestions(0).reasons(0).evidence_touchpoint_ids(), ElementsAre("c1", "c2", "c3"));
  // Near miss: one contact this week, the previous one a fortnight ago.
  EXPECT_FALSE(Mentions(Run(MakeAll({{"c1", 14, "phone", "call_inbound"}, {"c2", 1, "phone", "call_inbound"}})),
                        "resolve_now_one_owner"));
}

TEST_F(DefaultRules, EffortReductionAfterAChannelSwitch) {
  v1::SuggestNextStepsResponse response =
      Run(MakeAll({{"c1", 10.5, "chat", "chat_inbound"}, {"c2", 10, "phone", "call_inbound"}}));
  ASSERT_EQ(Top(response), "resolve_now_one_owner");
  EXPECT_THAT(RuleIds(response.suggestions(0)), ElementsAre("channel_switch"));
  EXPECT_THAT(response.suggestions(0).reasons(0).evidence_touchpoint_ids(), ElementsAre("c1", "c2"));
  // Near miss: the second contact came two days later.
  EXPECT_FALSE(Mentions(Run(MakeAll({{"c1", 12, "chat", "chat_inbound"}, {"c2", 10, "phone", "call_inbound"}})),
                        "resolve_now_one_owner"));
}

TEST_F(DefaultRules, WinBackALapsedCustomer) {
  customer_.set_lifecycle_state(v1::LIFECYCLE_LAPSED);
  v1::SuggestNextStepsResponse response = Run(MakeAll({{"e1", 120, "email", "contract_ended", kOut}}));
  ASSERT_EQ(Top(response), "win_back_offer");
  EXPECT_EQ(response.suggestions(0).category(), v1::WIN_BACK);
  // Near miss: an active customer seen a month ago is not lapsed.
  customer_.set_lifecycle_state(v1::LIFECYCLE_ACTIVE);
  EXPECT_FALSE(Mentions(Run(MakeAll({{"e1", 30, "web", "page_view"}})), "win_back_offer"));
}

TEST_F(DefaultRules, HelpWithAFailedPayment) {
  auto touchpoints = MakeAll({{"f1", 3, "email", "payment_failed", kOut}});
  v1::SuggestNextStepsResponse response = Run(touchpoints);
  ASSERT_EQ(Top(response), "fix_failed_payment");
  EXPECT_EQ(response.suggestions(0).category(), v1::PAYMENT);
  // Near miss: paid since.
  touchpoints.push_back(testing_support::Make({"p1", 1, "app", "payment_succeeded"}));
  EXPECT_FALSE(Mentions(Run(touchpoints), "fix_failed_payment"));
}

TEST_F(DefaultRules, GuideIncompleteOnboarding) {
  auto touchpoints = MakeAll({{"d1", 10, "store", "device_delivered", kOut}, {"a1", 8, "app", "activation_failed"}});
  v1::SuggestNextStepsResponse response = Run(touchpoints);
  ASSERT_EQ(Top(response), "complete_onboarding");
  EXPECT_THAT(response.suggestions(0).reasons(0).evidence_touchpoint_ids(), ElementsAre("a1"));
  // Near miss: activation succeeded afterwards.
  touchpoints.push_back(testing_support::Make({"a2", 7, "app", "activation"}));
  EXPECT_FALSE(Mentions(Run(touchpoints), "complete_onboarding"));
}

TEST_F(DefaultRules, UpsellOnlyForASatisfiedCustomerWithoutOpenIssues) {
  auto touchpoints = MakeAll({{"s1", 10, "email", "nps_response", kIn, kNone, 10}});
  v1::SuggestNextStepsResponse response = Run(touchpoints);
  ASSERT_EQ(Top(response), "upgrade_offer");
  EXPECT_THAT(response.suggestions(0).script(), HasSubstr("Mobile 20GB")) << "names the current plan";
  // Near miss: a passive score is not satisfaction.
  EXPECT_FALSE(Mentions(Run(MakeAll({{"s1", 10, "email", "nps_response", kIn, kNone, 8}})), "upgrade_offer"));
  // Near miss: a promoter with an open complaint is not sold to, and is told why.
  touchpoints.push_back(testing_support::Make({"c1", 2, "chat", "complaint", kIn, v1::OUTCOME_UNRESOLVED}));
  response = Run(touchpoints);
  EXPECT_EQ(Find(response, "upgrade_offer"), nullptr);
  const v1::SuppressedAction* suppressed = FindSuppressed(response, "upgrade_offer");
  ASSERT_NE(suppressed, nullptr);
  EXPECT_EQ(suppressed->why(), v1::SUPPRESSED_OPEN_COMPLAINT);
  EXPECT_EQ(Top(response), "recover_current_stage") << "service recovery comes before selling";
}

TEST_F(DefaultRules, ExplainTheContractEndWhenItIsNear) {
  (*customer_.mutable_attributes())["contract_end"] = "2025-07-05";  // 20 days
  v1::SuggestNextStepsResponse response = Run(MakeAll({{"b1", 3, "email", "bill_issued", kOut}}));
  ASSERT_EQ(Top(response), "explain_contract_end");
  EXPECT_EQ(response.suggestions(0).category(), v1::INFORMATION);
  EXPECT_EQ(response.suggestions(0).reasons(0).text(), "contract ends in 20 days");
  EXPECT_THAT(response.suggestions(0).script(), HasSubstr("ends in 20 days"));
  (*customer_.mutable_attributes())["contract_end"] = "2025-07-30";  // 45 days: near miss
  EXPECT_FALSE(Mentions(Run(MakeAll({{"b1", 3, "email", "bill_issued", kOut}})), "explain_contract_end"));
}

TEST_F(DefaultRules, AnOrdinaryQuietJourneyGetsNoSuggestion) {
  v1::SuggestNextStepsResponse response =
      Run(MakeAll({{"p1", 200, "store", "purchase"}, {"b1", 20, "email", "bill_issued", kOut}}));
  EXPECT_EQ(response.suggestions_size(), 0);
  EXPECT_EQ(response.suppressed_size(), 0);
  EXPECT_EQ(response.rules_version(), "default-2026.1");
}

// On the demo population (every scenario among the first customers): reasons point only at
// the customer's own touchpoints, and the channel never changes the top suggestion.
TEST_F(DefaultRules, OnTheDemoPopulationEvidenceExistsAndTheChannelDoesNotMatter) {
  demo::DemoOptions options;
  options.now = testing_support::kAsOf;
  int with_suggestion = 0;
  for (int index = 0; index < 200; ++index) {
    demo::DemoCustomer demo_customer = demo::GenerateDemoCustomer(options, index);
    customer_ = demo_customer.customer;
    customer_.mutable_consent()->set_profiling(demo_customer.consent.profiling);
    std::set<std::string> ids;
    for (const v1::Touchpoint& tp : demo_customer.touchpoints) ids.insert(tp.id());
    v1::SuggestNextStepsResponse phone = Run(demo_customer.touchpoints, nullptr, "phone");
    for (const v1::Suggestion& suggestion : phone.suggestions()) {
      for (const v1::Reason& reason : suggestion.reasons()) {
        EXPECT_FALSE(reason.text().empty()) << customer_.id() << " " << reason.rule_id();
        for (const std::string& id : reason.evidence_touchpoint_ids()) {
          EXPECT_TRUE(ids.contains(id)) << customer_.id() << ": " << reason.rule_id() << " points at " << id;
        }
      }
    }
    with_suggestion += phone.suggestions_size() > 0;
    for (const char* channel : {"chat", "email", "store"}) {
      v1::SuggestNextStepsResponse other = Run(demo_customer.touchpoints, nullptr, channel);
      ASSERT_EQ(other.suggestions_size(), phone.suggestions_size()) << customer_.id();
      for (int i = 0; i < phone.suggestions_size(); ++i) {
        v1::Suggestion a = phone.suggestions(i);
        v1::Suggestion b = other.suggestions(i);
        a.clear_channel_hint();
        b.clear_channel_hint();
        EXPECT_EQ(a.SerializeAsString(), b.SerializeAsString()) << customer_.id() << " on " << channel;
      }
    }
  }
  EXPECT_GT(with_suggestion, 80) << "most demo customers are built around a situation";
}

}  // namespace
}  // namespace journeydesk::nba
