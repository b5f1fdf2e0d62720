// The bird's-eye view, checked against a journey worked out by hand. Each expectation
// carries its arithmetic, so the test doubles as the definition of every number an agent
// sees.
#include "journey/journey_assembler.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "journey/default_stage_map.h"
#include "journey/stage_resolver.h"
#include "journey_fixtures.h"
#include "test_support.h"

namespace journeydesk::journey {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing_support::DaysBefore;
using testing_support::kAsOf;
using testing_support::Make;
using testing_support::MakeAll;
using testing_support::Message;
using testing_support::TouchpointSpec;

constexpr auto kIn = v1::DIRECTION_INBOUND;
constexpr auto kOut = v1::DIRECTION_OUTBOUND;
constexpr auto kInternal = v1::DIRECTION_INTERNAL;
constexpr auto kNone = v1::OUTCOME_UNSPECIFIED;

class JourneyAssembly : public ::testing::Test {
 protected:
  JourneyAssembly() : map_(*LoadDefaultStageMap()), stages_(map_) {
    customer_.set_id("C-0001");
    customer_.set_display_name("Anna Jansen");
    customer_.set_lifecycle_state(v1::LIFECYCLE_ACTIVE);
    (*customer_.mutable_attributes())["contract_end"] = "2025-07-25";
  }

  v1::Journey Assemble(const std::vector<v1::Touchpoint>& touchpoints, absl::Time as_of = kAsOf,
                       int page_size = 0, std::string_view token = "") {
    absl::StatusOr<v1::Journey> journey =
        AssembleJourney(customer_, touchpoints, map_, stages_, as_of, page_size, token);
    EXPECT_TRUE(journey.ok()) << journey.status();
    return journey.ok() ? *journey : v1::Journey();
  }

  static const v1::StageView& Stage(const v1::Journey& journey, std::string_view id) {
    for (const v1::StageView& stage : journey.stages()) {
      if (stage.id() == id) return stage;
    }
    ADD_FAILURE() << "no stage " << id;
    return v1::StageView::default_instance();
  }

  static std::vector<std::string> Channels(const v1::StageView& stage) {
    std::vector<std::string> out;
    for (const auto& channel : stage.channels()) {
      out.push_back(channel.channel() + ":" + std::to_string(channel.touchpoints()));
    }
    return out;
  }

  static const v1::LiveSignal* Signal(const v1::Journey& journey, std::string_view code) {
    for (const v1::LiveSignal& signal : journey.signals()) {
      if (signal.code() == code) return &signal;
    }
    return nullptr;
  }

  static std::vector<std::string> Codes(const v1::Journey& journey) {
    std::vector<std::string> codes;
    for (const v1::LiveSignal& signal : journey.signals()) codes.push_back(signal.code());
    return codes;
  }

  v1::StageMap map_;
  StageResolver stages_;
  v1::Customer customer_;
};

// Anna's subscription, oldest first; days before as_of (2025-06-15 12:00 UTC).
// "C" marks a contact: inbound on an assisted channel (not web, not app).
std::vector<v1::Touchpoint> AnnasJourney() {
  return MakeAll({
      {"t01", 60, "web", "page_view", kIn},                                        // information_search
      {"t02", 58, "web", "viewed_price_page", kIn},                                // consideration
      {"t03", 55, "store", "purchase", kIn},                                       // purchase (C, old)
      {"t04", 54, "email", "delivery_scheduled", kOut},                            // onboarding
      {"t05", 50, "app", "activation", kIn},                                       // onboarding
      {"t06", 45, "email", "bill_issued", kOut},                                   // use
      {"t07", 40, "web", "nps_response", kIn, kNone, 10, 1},                       // use
      {"t08", 35, "web", "nps_response", kIn, kNone, 8, 3},                        // use
      {"t09", 32, "phone", "call_inbound", kIn, v1::OUTCOME_UNRESOLVED, -1, -1,
       "No signal at home"},                                                       // support, C1
      {"t10", 27, "chat", "chat_inbound", kIn, v1::OUTCOME_RESOLVED, 9, 2,
       "Reset network settings; signal back"},                                     // support, C2
      {"t11", 20, "email", "complaint", kIn, kNone, -1, -1, "Charged twice for May"},  // support, C3
      {"t12", 16, "email", "bill_issued", kOut},                                   // use
      {"t13", 15, "app", "payment_failed", kIn},                                   // use
      {"t14", 14.5, "app", "payment_succeeded", kIn},                              // use
      {"t15", 12, "web", "viewed_rate_card", kIn},                                 // consideration
      {"t16", 10, "chat", "chat_inbound", kIn, kNone, -1, -1,
       "Asked where the refund is"},                                               // support, C4
      {"t17", 9.5, "phone", "call_inbound", kIn, v1::OUTCOME_ESCALATED, -1, -1,
       "Refund escalated to billing team"},                                        // support, C5
      {"t18", 5, "web", "nps_response", kIn, kNone, 3, 6, "", "support"},          // support (explicit)
      {"t19", 1.5, "phone", "call_inbound", kIn, kNone, -1, -1,
       "Called again about the refund"},                                           // support, C6
      {"t20", 1, "desk", "agent_note", kInternal},                                 // no stage
      {"t21", -0.5, "phone", "complaint_resolved", kIn, v1::OUTCOME_RESOLVED},     // after as_of
  });
}

TEST_F(JourneyAssembly, StagesShowStatusCountsChannelsAndNpsInMapOrder) {
  const v1::Journey journey = Assemble(AnnasJourney());

  ASSERT_EQ(journey.stages_size(), 9) << "every stage of the map, reached or not";
  EXPECT_EQ(journey.stages(0).id(), "information_search");
  EXPECT_EQ(journey.stages(8).id(), "win_back");
  EXPECT_EQ(journey.current_stage(), "support") << "t19 is the latest staged touchpoint";
  EXPECT_EQ(journey.stage_map_name(), "Subscription (telecom)");
  EXPECT_EQ(journey.customer().display_name(), "Anna Jansen");
  EXPECT_EQ(absl::FromUnixSeconds(journey.as_of().seconds()), kAsOf);

  EXPECT_EQ(Stage(journey, "information_search").status(), v1::STAGE_REACHED);
  EXPECT_EQ(Stage(journey, "renewal").status(), v1::STAGE_NOT_REACHED);
  EXPECT_EQ(Stage(journey, "renewal").touchpoint_count(), 0);
  EXPECT_FALSE(Stage(journey, "renewal").nps().has_score()) << "no responses, no score";
  EXPECT_FALSE(Stage(journey, "renewal").recovery_policy().empty());

  // consideration: t02 (day -58) and t15 (day -12), both on the web.
  const v1::StageView& consideration = Stage(journey, "consideration");
  EXPECT_EQ(consideration.touchpoint_count(), 2);
  EXPECT_THAT(Channels(consideration), ElementsAre("web:2"));
  EXPECT_EQ(consideration.last_touchpoint().id(), "t15");
  EXPECT_EQ(absl::FromUnixSeconds(consideration.first_at().seconds()), DaysBefore(58));
  EXPECT_EQ(absl::FromUnixSeconds(consideration.last_at().seconds()), DaysBefore(12));

  // onboarding: email 1, app 1 — equal counts sort by name.
  EXPECT_THAT(Channels(Stage(journey, "onboarding")), ElementsAre("app:1", "email:1"));

  // use: t06 t12 email, t07 t08 web, t13 t14 app → 2 each, by name.
  // NPS 10 and 8: 1 promoter, 1 passive → (1 − 0) / 2 × 100 = 50.
  const v1::StageView& use = Stage(journey, "use");
  EXPECT_EQ(use.status(), v1::STAGE_REACHED);
  EXPECT_EQ(use.touchpoint_count(), 6);
  EXPECT_THAT(Channels(use), ElementsAre("app:2", "email:2", "web:2"));
  EXPECT_EQ(use.nps().responses(), 2);
  EXPECT_EQ(use.nps().promoters(), 1);
  EXPECT_EQ(use.nps().passives(), 1);
  EXPECT_DOUBLE_EQ(use.nps().score(), 50.0);

  // support: t09 t17 t19 phone, t10 t16 chat, t11 email, t18 web (stage set explicitly).
  // NPS 9 (t10) and 3 (t18): 1 promoter, 1 detractor → (1 − 1) / 2 × 100 = 0.
  const v1::StageView& support = Stage(journey, "support");
  EXPECT_EQ(support.status(), v1::STAGE_CURRENT);
  EXPECT_EQ(support.touchpoint_count(), 7);
  EXPECT_THAT(Channels(support), ElementsAre("phone:3", "chat:2", "email:1", "web:1"));
  EXPECT_EQ(support.last_touchpoint().id(), "t19");
  EXPECT_EQ(support.nps().responses(), 2);
  EXPECT_EQ(support.nps().promoters(), 1);
  EXPECT_EQ(support.nps().detractors(), 1);
  ASSERT_TRUE(support.nps().has_score());
  EXPECT_DOUBLE_EQ(support.nps().score(), 0.0);
}

TEST_F(JourneyAssembly, OpenIssuesStayOpenUntilResolvedAtTheSameStage) {
  // t09 UNRESOLVED is closed by t10 (RESOLVED, same stage, later). t11 (complaint) and
  // t17 (ESCALATED) have nothing resolving after them: 2 open.
  const v1::Journey journey = Assemble(AnnasJourney());
  const v1::StageView& support = Stage(journey, "support");
  EXPECT_EQ(support.open_issues(), 2);
  EXPECT_THAT(support.open_issue_touchpoint_ids(), ElementsAre("t11", "t17"));
  EXPECT_EQ(journey.metrics().open_issues(), 2);
  EXPECT_EQ(Stage(journey, "use").open_issues(), 0);
}

TEST_F(JourneyAssembly, MetricsFollowTheProductDefinitions) {
  const v1::JourneyMetrics metrics = Assemble(AnnasJourney()).metrics();

  // NPS responses 10, 8, 9, 3 → promoters 2 (10, 9), passive 1, detractor 1 (3);
  // (2 − 1) / 4 × 100 = 25.
  EXPECT_EQ(metrics.nps().responses(), 4);
  EXPECT_EQ(metrics.nps().promoters(), 2);
  EXPECT_EQ(metrics.nps().passives(), 1);
  EXPECT_EQ(metrics.nps().detractors(), 1);
  EXPECT_DOUBLE_EQ(metrics.nps().score(), 25.0);

  // Effort 1, 3, 2, 6 → 12 / 4 = 3.0.
  EXPECT_EQ(metrics.effort_responses(), 4);
  EXPECT_DOUBLE_EQ(metrics.average_effort(), 3.0);

  // Contacts in (−30 d, 0]: t10 −27 chat, t11 −20 email, t16 −10 chat, t17 −9.5 phone,
  // t19 −1.5 phone → 5 (web and app touchpoints and outbound ones are no contacts).
  EXPECT_EQ(metrics.contacts_last_30_days(), 5);
  // Gaps to the previous contact: t10 5 d (after t09 at −32, outside the window but still
  // its predecessor) ✓, t11 7 d ✓ (at most 7 days), t16 10 d ✗, t17 0.5 d ✓, t19 8 d ✗ → 3.
  EXPECT_EQ(metrics.repeat_contacts_7d(), 3);
  // Other channel within 24 h: only t17 (chat → phone after 12 h) → 1.
  EXPECT_EQ(metrics.channel_switches_24h(), 1);

  // Latest run at support, walking back: t20 (no stage, skipped), t19, t18, t17, t16 at
  // support, then t15 at consideration ends it. Since t16: 10 days.
  EXPECT_EQ(metrics.time_in_current_stage().seconds(), 10 * 86400);

  // t01…t20; t21 is after as_of.
  EXPECT_EQ(metrics.total_touchpoints(), 20);
}

TEST_F(JourneyAssembly, ChannelsAreListedMostUsedFirst) {
  // web 6 (t01 t02 t07 t08 t15 t18), email 4, app 3 and phone 3 (ties by name), chat 2,
  // desk 1 and store 1.
  EXPECT_THAT(Assemble(AnnasJourney()).channels(),
              ElementsAre("web", "email", "app", "phone", "chat", "desk", "store"));
}

TEST_F(JourneyAssembly, LiveSignalsSpeakPlainWordsWithEvidenceMostUrgentFirst) {
  const v1::Journey journey = Assemble(AnnasJourney());
  // Not raised: payment_failed (t13 was followed by t14 payment_succeeded),
  // incomplete_onboarding (t05 activation), repeat_contacts (only t19 in the last 7 days),
  // lapsed (last touchpoint yesterday).
  EXPECT_THAT(Codes(journey),
              ElementsAre("open_complaint", "recent_detractor", "channel_switch", "rate_card_viewed"));

  const v1::LiveSignal* open = Signal(journey, "open_complaint");
  EXPECT_EQ(open->text(), "2 open issues: Refund escalated to billing team");
  EXPECT_THAT(open->evidence_touchpoint_ids(), ElementsAre("t11", "t17"));
  EXPECT_EQ(absl::FromUnixSeconds(open->occurred_at().seconds()), DaysBefore(9.5));

  const v1::LiveSignal* detractor = Signal(journey, "recent_detractor");
  EXPECT_EQ(detractor->text(), "gave NPS 3, 5 days ago");
  EXPECT_THAT(detractor->evidence_touchpoint_ids(), ElementsAre("t18"));

  const v1::LiveSignal* channel_switch = Signal(journey, "channel_switch");
  EXPECT_EQ(channel_switch->text(), "switched from chat to phone within 24 h, 9 days ago");
  EXPECT_THAT(channel_switch->evidence_touchpoint_ids(), ElementsAre("t16", "t17"));

  // Contract ends 2025-07-25; as_of is 2025-06-15: 15 days left in June + 25 = 40.
  const v1::LiveSignal* rate_card = Signal(journey, "rate_card_viewed");
  EXPECT_EQ(rate_card->text(), "viewed the rate card 12 days ago; contract ends in 40 days");
  EXPECT_THAT(rate_card->evidence_touchpoint_ids(), ElementsAre("t15"))
      << "t02 (price page, 58 days ago) is outside the 14 days";
}

TEST_F(JourneyAssembly, AsOfHidesLaterTouchpoints) {
  // One day later t21 (complaint_resolved, RESOLVED at support) counts and closes t11, t17.
  const v1::Journey later = Assemble(AnnasJourney(), kAsOf + absl::Hours(24));
  EXPECT_EQ(later.metrics().total_touchpoints(), 21);
  EXPECT_EQ(later.metrics().open_issues(), 0);
  EXPECT_EQ(Signal(later, "open_complaint"), nullptr);
  EXPECT_EQ(later.timeline(0).id(), "t21");

  // At day −40.5 only t01…t06 had happened (t07 is at −40).
  const v1::Journey earlier = Assemble(AnnasJourney(), DaysBefore(40.5));
  EXPECT_EQ(earlier.metrics().total_touchpoints(), 6);
  EXPECT_EQ(earlier.current_stage(), "use");
  EXPECT_EQ(Stage(earlier, "support").status(), v1::STAGE_NOT_REACHED);
  EXPECT_EQ(earlier.timeline(0).id(), "t06");
}

TEST_F(JourneyAssembly, EmptyJourneyHasEveryStageNotReachedAndNoNumbersToInvent) {
  const v1::Journey journey = Assemble({});
  ASSERT_EQ(journey.stages_size(), 9);
  for (const v1::StageView& stage : journey.stages()) {
    EXPECT_EQ(stage.status(), v1::STAGE_NOT_REACHED);
  }
  EXPECT_EQ(journey.current_stage(), "");
  EXPECT_FALSE(journey.metrics().nps().has_score());
  EXPECT_FALSE(journey.metrics().has_average_effort());
  EXPECT_FALSE(journey.metrics().has_time_in_current_stage());
  EXPECT_THAT(journey.timeline(), IsEmpty());
  EXPECT_EQ(journey.next_page_token(), "");
  EXPECT_THAT(journey.signals(), IsEmpty());
}

TEST_F(JourneyAssembly, UnorderedInputIsOrderedFirst) {
  std::vector<v1::Touchpoint> shuffled = AnnasJourney();
  std::reverse(shuffled.begin(), shuffled.end());
  const v1::Journey journey = Assemble(shuffled);
  EXPECT_EQ(journey.current_stage(), "support");
  EXPECT_EQ(journey.metrics().repeat_contacts_7d(), 3);
  EXPECT_EQ(journey.timeline(0).id(), "t20");
}

TEST_F(JourneyAssembly, StoredStageWinsAndEmptyStageFollowsTheKind) {
  // t1 carries no stage (stored before the map listed its kind): the kind decides.
  // t2 carries a stage the map no longer has: it belongs to no stage.
  const v1::Journey journey = Assemble(MakeAll({
      {"t1", 3, "web", "viewed_rate_card", kIn},
      {"t2", 2, "web", "page_view", kIn, kNone, -1, -1, "", "retired_stage"},
  }));
  EXPECT_EQ(journey.current_stage(), "consideration");
  EXPECT_EQ(Stage(journey, "information_search").touchpoint_count(), 0);
  EXPECT_EQ(journey.metrics().total_touchpoints(), 2);
}

// --- Signals one by one -------------------------------------------------------------

TEST_F(JourneyAssembly, PaymentFailedUntilAPaymentSucceeds) {
  const v1::Journey journey = Assemble(MakeAll({
      {"p1", 9, "app", "payment_failed", kIn},
      {"p2", 8, "app", "payment", kIn},
      {"p3", 3, "app", "payment_failed", kIn},
      {"p4", 2, "app", "payment_failed", kIn},
  }));
  const v1::LiveSignal* signal = Signal(journey, "payment_failed");
  ASSERT_NE(signal, nullptr);
  EXPECT_EQ(signal->text(), "payment failed 2 days ago (2 failed attempts); no successful payment since");
  EXPECT_THAT(signal->evidence_touchpoint_ids(), ElementsAre("p3", "p4")) << "p1 was paid by p2";
}

TEST_F(JourneyAssembly, StalledOnboardingIsRaisedAfterThreeQuietDays) {
  const std::vector<v1::Touchpoint> stalled = MakeAll({
      {"o1", 10, "email", "delivery_scheduled", kOut},
      {"o2", 6, "app", "onboarding_step", kIn},
  });
  const v1::Journey journey = Assemble(stalled);
  const v1::LiveSignal* signal = Signal(journey, "incomplete_onboarding");
  ASSERT_NE(signal, nullptr);
  EXPECT_EQ(signal->text(), "onboarding started 10 days ago and is not completed; last step 6 days ago");
  EXPECT_THAT(signal->evidence_touchpoint_ids(), ElementsAre("o1", "o2"));

  // Two days after the last step it is too early to worry.
  EXPECT_EQ(Signal(Assemble(stalled, DaysBefore(4)), "incomplete_onboarding"), nullptr);
}

TEST_F(JourneyAssembly, FailedActivationIsRaisedUntilActivationSucceeds) {
  std::vector<v1::Touchpoint> touchpoints = MakeAll({
      {"o1", 3, "store", "device_delivered", kOut},
      {"o2", 1, "app", "activation_failed", kIn},
  });
  const v1::Journey journey = Assemble(touchpoints);
  const v1::LiveSignal* signal = Signal(journey, "incomplete_onboarding");
  ASSERT_NE(signal, nullptr);
  EXPECT_EQ(signal->text(), "activation failed yesterday and has not succeeded since");
  EXPECT_THAT(signal->evidence_touchpoint_ids(), ElementsAre("o2"));

  touchpoints.push_back(Make({"o3", 0.5, "app", "activation", kIn}));
  EXPECT_EQ(Signal(Assemble(touchpoints), "incomplete_onboarding"), nullptr);
}

TEST_F(JourneyAssembly, RepeatContactsCountTheLastSevenDays) {
  const v1::Journey journey = Assemble(MakeAll({
      {"c1", 9, "phone", "call_inbound", kIn},  // outside the 7 days
      {"c2", 6, "phone", "call_inbound", kIn},
      {"c3", 4, "email", "email_inbound", kIn},
      {"c4", 3, "web", "page_view", kIn},       // web: no contact
      {"c5", 0.2, "phone", "call_inbound", kIn},
  }));
  const v1::LiveSignal* signal = Signal(journey, "repeat_contacts");
  ASSERT_NE(signal, nullptr);
  EXPECT_EQ(signal->text(), "3rd contact in 7 days");
  EXPECT_THAT(signal->evidence_touchpoint_ids(), ElementsAre("c2", "c3", "c5"));
}

TEST_F(JourneyAssembly, RecentDetractorSaysTodayOrYesterday) {
  EXPECT_EQ(Signal(Assemble(MakeAll({{"n1", 0.25, "web", "nps_response", kIn, kNone, 6}})),
                   "recent_detractor")->text(),
            "gave NPS 6 today");
  EXPECT_EQ(Signal(Assemble(MakeAll({{"n1", 1.25, "web", "nps_response", kIn, kNone, 0}})),
                   "recent_detractor")->text(),
            "gave NPS 0 yesterday");
  EXPECT_EQ(Signal(Assemble(MakeAll({{"n1", 31, "web", "nps_response", kIn, kNone, 2}})),
                   "recent_detractor"),
            nullptr)
      << "older than 30 days";
  EXPECT_EQ(Signal(Assemble(MakeAll({{"n1", 1, "web", "nps_response", kIn, kNone, 7}})),
                   "recent_detractor"),
            nullptr)
      << "7 is a passive";
}

TEST_F(JourneyAssembly, RateCardNoteUsesTheLatestTouchpointsContractEndWithoutOneOnTheProfile) {
  customer_.mutable_attributes()->clear();
  std::vector<v1::Touchpoint> touchpoints = MakeAll({
      {"r1", 20, "app", "usage", kIn},
      {"r2", 0.1, "web", "viewed_price_page", kIn},
  });
  (*touchpoints[0].mutable_attributes())["contract_end"] = "2025-06-12";  // 3 days before as_of
  const v1::Journey journey = Assemble(touchpoints);
  const v1::LiveSignal* signal = Signal(journey, "rate_card_viewed");
  ASSERT_NE(signal, nullptr);
  EXPECT_EQ(signal->text(), "viewed the price page today; contract ended 3 days ago");
}

TEST_F(JourneyAssembly, LapsedAfterNinetyQuietDaysOrByLifecycle) {
  const std::vector<v1::Touchpoint> quiet = MakeAll({{"l1", 120, "phone", "call_inbound", kIn}});
  const v1::Journey quiet_journey = Assemble(quiet);
  const v1::LiveSignal* signal = Signal(quiet_journey, "lapsed");
  ASSERT_NE(signal, nullptr);
  EXPECT_EQ(signal->text(), "no contact for 120 days");
  EXPECT_THAT(signal->evidence_touchpoint_ids(), ElementsAre("l1"));

  customer_.set_lifecycle_state(v1::LIFECYCLE_LAPSED);
  const v1::Journey lapsed_journey = Assemble(MakeAll({{"l2", 3, "web", "page_view", kIn}}));
  signal = Signal(lapsed_journey, "lapsed");
  ASSERT_NE(signal, nullptr);
  EXPECT_EQ(signal->text(), "lapsed customer; last contact 3 days ago");
}

TEST_F(JourneyAssembly, BadPagingIsRefusedNamingTheField) {
  absl::StatusOr<v1::Journey> journey =
      AssembleJourney(customer_, AnnasJourney(), map_, stages_, kAsOf, 501, "");
  EXPECT_EQ(journey.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(journey), "page_size: at most 500, got 501");

  journey = AssembleJourney(customer_, AnnasJourney(), map_, stages_, kAsOf, 10, "not a token!");
  EXPECT_EQ(journey.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(journey), ::testing::StartsWith("page_token: "));
}

// Not a benchmark (tests/bench has that); a guard against an accidental quadratic step.
TEST_F(JourneyAssembly, ThousandTouchpointsAssembleIntoOneView) {
  std::vector<v1::Touchpoint> touchpoints;
  touchpoints.reserve(1000);
  const char* kinds[] = {"page_view", "viewed_rate_card", "call_inbound", "chat_inbound",
                         "bill_issued", "payment", "complaint", "nps_response"};
  const char* channels[] = {"web", "web", "phone", "chat", "email", "app", "email", "web"};
  for (int i = 0; i < 1000; ++i) {
    TouchpointSpec spec{"tp" + std::to_string(10000 + i), 200.0 - i * 0.2, channels[i % 8],
                        kinds[i % 8], kIn};
    if (i % 8 == 7) spec.nps = i % 11;
    touchpoints.push_back(Make(spec));
    touchpoints.back().set_stage(std::string(stages_.StageForKind(spec.kind)));
    touchpoints.back().set_summary("A summary of moderate length for this touchpoint.");
  }
  // Speed is measured by tests/bench/journeyd_bench (GetJourney against an empty RPC).
  absl::StatusOr<v1::Journey> journey = AssembleJourney(customer_, touchpoints, map_, stages_, kAsOf, 0, "");
  ASSERT_TRUE(journey.ok()) << journey.status();
  EXPECT_EQ(journey->metrics().total_touchpoints(), 1000);
  EXPECT_EQ(journey->timeline_size(), 50) << "the default page";
  int staged = 0;
  for (const auto& stage : journey->stages()) staged += stage.touchpoint_count();
  EXPECT_EQ(staged, 1000) << "every touchpoint of these kinds has a stage";
}

}  // namespace
}  // namespace journeydesk::journey
