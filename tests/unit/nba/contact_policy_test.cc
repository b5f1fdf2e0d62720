// The contact policy, across every channel, from the outcome touchpoints of earlier
// suggestions: decline suppression, caps, cool-downs, handled actions, the customer cap.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "nba_fixtures.h"

namespace journeydesk::nba {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing_support::Make;
using testing_support::NbaTest;
using testing_support::Outcome;

// keep: at most 2 offers in 30 days, 48 h between offers, 30 days after a decline, 60 days
// after acceptance unless something new happens. grow: no limits of its own. Customer: at
// most 3 selling offers in 30 days.
constexpr char kPolicyRules[] = R"pb(
  version: "policy-1"
  customer_policy { max_offers: 3 per_days: 30 }
  actions { id: "keep" category: RETENTION title: "Keep" value: 100
            contact_policy { max_offers: 2 per_days: 30 cooldown_hours: 48
                             decline_suppression_days: 30 handled_suppression_days: 60 } }
  actions { id: "grow" category: UPSELL title: "Grow" value: 10 }
  rules { id: "keep_r" action_id: "keep" when { signal: "rate_card_viewed" } }
  rules { id: "grow_r" action_id: "grow" when { signal: "rate_card_viewed" } }
)pb";

class ContactPolicy : public NbaTest {
 protected:
  ContactPolicy() : rules_(Rules(kPolicyRules)) {}

  // A rate-card view 7 days ago, plus the given outcome touchpoints.
  v1::SuggestNextStepsResponse RunWith(std::vector<v1::Touchpoint> outcomes, double view_days_before = 7) {
    outcomes.push_back(Make({"view", view_days_before, "web", "viewed_rate_card"}));
    return Run(outcomes, rules_.get(), "phone");
  }

  const v1::SuppressedAction& Keep(const v1::SuggestNextStepsResponse& response) {
    const v1::SuppressedAction* keep = FindSuppressed(response, "keep");
    EXPECT_NE(keep, nullptr) << response.DebugString();
    return keep != nullptr ? *keep : v1::SuppressedAction::default_instance();
  }

  RuleSetPtr rules_;
};

TEST_F(ContactPolicy, NothingRecordedMeansNothingSuppressed) {
  EXPECT_THAT(Suggested(RunWith({})), ElementsAre("keep", "grow"));
}

TEST_F(ContactPolicy, ADeclineSuppressesTheActionForItsPeriodWhicheverChannel) {
  v1::SuggestNextStepsResponse response =
      RunWith({Outcome("o1", 5, "keep", v1::ACTION_DECLINED, "chat", "k1", "too expensive")});
  EXPECT_THAT(Suggested(response), ElementsAre("grow"));
  EXPECT_EQ(Keep(response).why(), v1::SUPPRESSED_DECLINED_RECENTLY);
  EXPECT_THAT(Keep(response).text(), HasSubstr("declined 5 days ago (too expensive)"));
  EXPECT_EQ(Keep(response).reasons(0).rule_id(), "keep_r") << "suppressed actions keep their reasons";
  // 31 days later the decline no longer suppresses.
  EXPECT_THAT(Suggested(RunWith({Outcome("o1", 31, "keep", v1::ACTION_DECLINED, "chat", "k1", "too expensive")})),
              ElementsAre("keep", "grow"));
}

TEST_F(ContactPolicy, ACoolDownFollowsEveryOffer) {
  v1::SuggestNextStepsResponse response = RunWith({Outcome("o1", 1, "keep", v1::ACTION_OFFERED, "email")});
  EXPECT_EQ(Keep(response).why(), v1::SUPPRESSED_CONTACT_POLICY);
  EXPECT_THAT(Keep(response).text(), HasSubstr("cool-down of 48 h"));
  // Three days later (past 48 h) it may be offered again.
  EXPECT_THAT(Suggested(RunWith({Outcome("o1", 3, "keep", v1::ACTION_OFFERED, "email")})),
              ElementsAre("keep", "grow"));
}

TEST_F(ContactPolicy, TheCapCountsOffersInItsWindowOncePerContact) {
  v1::SuggestNextStepsResponse capped = RunWith({Outcome("o1", 20, "keep", v1::ACTION_OFFERED, "phone", "k1"),
                                                 Outcome("o2", 10, "keep", v1::ACTION_OFFERED, "store", "k2")});
  EXPECT_EQ(Keep(capped).why(), v1::SUPPRESSED_CONTACT_POLICY);
  EXPECT_THAT(Keep(capped).text(), HasSubstr("offered 2 times in the last 30 days (at most 2)"));
  // Two outcomes in one contact are one offer.
  EXPECT_THAT(Suggested(RunWith({Outcome("o1", 10.1, "keep", v1::ACTION_OFFERED, "phone", "k1"),
                                 Outcome("o2", 10, "keep", v1::ACTION_OFFERED, "phone", "k1")})),
              ElementsAre("keep", "grow"));
  // An offer older than the window does not count.
  EXPECT_THAT(Suggested(RunWith({Outcome("o1", 40, "keep", v1::ACTION_OFFERED, "phone", "k1"),
                                 Outcome("o2", 10, "keep", v1::ACTION_OFFERED, "store", "k2")})),
              ElementsAre("keep", "grow"));
}

TEST_F(ContactPolicy, AnAcceptedActionIsHandledUntilSomethingNewHappens) {
  v1::SuggestNextStepsResponse handled = RunWith({Outcome("o1", 5, "keep", v1::ACTION_ACCEPTED)}, 7);
  EXPECT_EQ(Keep(handled).why(), v1::SUPPRESSED_ALREADY_HANDLED);
  EXPECT_THAT(Keep(handled).text(), HasSubstr("accepted 5 days ago"));
  // A new rate-card view after the acceptance is news: suggested again.
  EXPECT_THAT(Suggested(RunWith({Outcome("o1", 5, "keep", v1::ACTION_ACCEPTED)}, 2)),
              ElementsAre("keep", "grow"));
}

TEST_F(ContactPolicy, OutcomesOfOtherActionsDoNotCountAgainstAnAction) {
  v1::SuggestNextStepsResponse response =
      RunWith({Outcome("o1", 1, "grow", v1::ACTION_DECLINED, "phone", "k1", "not interested")});
  // keep is untouched by grow's decline; grow has no decline suppression of its own.
  EXPECT_THAT(Suggested(response), ElementsAre("keep", "grow"));
}

TEST_F(ContactPolicy, TheCustomerCapCoversAllSellingActionsTogether) {
  v1::SuggestNextStepsResponse response = RunWith({Outcome("o1", 25, "grow", v1::ACTION_OFFERED, "phone", "a"),
                                                   Outcome("o2", 15, "grow", v1::ACTION_OFFERED, "chat", "b"),
                                                   Outcome("o3", 5, "grow", v1::ACTION_OFFERED, "email", "c")});
  EXPECT_EQ(response.suggestions_size(), 0);
  EXPECT_EQ(Keep(response).why(), v1::SUPPRESSED_CONTACT_POLICY);
  EXPECT_THAT(Keep(response).text(), HasSubstr("selling actions offered 3 times in the last 30 days"));
}

TEST_F(ContactPolicy, OutcomeTouchpointsAreNotPartOfTheJourneyFacts) {
  // An internal outcome touchpoint on the phone is not a contact: no repeat-contact signal.
  std::vector<v1::Touchpoint> touchpoints = {Make({"c1", 2, "phone", "call_inbound"}),
                                             Outcome("o1", 1, "keep", v1::ACTION_OFFERED, "phone")};
  const JourneyFacts facts(NbaInput{customer_, touchpoints, map_, stages_, testing_support::kAsOf});
  EXPECT_EQ(facts.value(Feature::kTotalTouchpoints), 1);
  EXPECT_EQ(facts.value(Feature::kContacts30d), 1);
  ASSERT_EQ(facts.outcomes().size(), 1u);
  EXPECT_EQ(facts.outcomes()[0].action_id, "keep");
}

}  // namespace
}  // namespace journeydesk::nba
