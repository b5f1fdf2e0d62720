// Ingest → GetJourney round trip over gRPC: the bird's-eye view of a worked journey, each
// figure checked against the hand-worked value in the comments.
#include "absl/strings/str_format.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"
#include "support/journeyd_fixture.h"

namespace journeydesk::testing {
namespace {

using google::protobuf::util::TimeUtil;

class JourneyRoundTripTest : public JourneydTest {
 protected:
  // Noon UTC today: touchpoints are placed in whole days before it.
  absl::Time as_of_ = absl::FromCivil(absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()), absl::UTCTimeZone()) +
                      absl::Hours(12);

  v1::Touchpoint At(const std::string& id, double days_before, const std::string& channel,
                    const std::string& kind, v1::Direction direction = v1::DIRECTION_UNSPECIFIED) {
    v1::Touchpoint tp = MakeTouchpoint(id, "C-RT", channel, kind,
                                       as_of_ - absl::Seconds(days_before * 86400));
    tp.set_direction(direction);
    return tp;
  }

  const v1::StageView& Stage(const v1::Journey& journey, const std::string& id) {
    for (const auto& stage : journey.stages()) {
      if (stage.id() == id) return stage;
    }
    ADD_FAILURE() << "no stage " << id;
    return journey.stages(0);
  }
};

TEST_F(JourneyRoundTripTest, WorkedJourneyMatchesHandComputedFigures) {
  StartJourneyd();
  auto stub = Stub();
  v1::UpsertCustomerRequest upsert;
  upsert.mutable_customer()->set_id("C-RT");
  upsert.mutable_customer()->set_display_name("Rita Roundtrip");
  v1::UpsertCustomerResponse upserted;
  ASSERT_TRUE(stub->UpsertCustomer(Context("admin").get(), upsert, &upserted).ok());

  const std::string contract_end = absl::FormatCivilTime(
      absl::ToCivilDay(as_of_ + absl::Hours(24 * 40), absl::UTCTimeZone()));
  std::vector<v1::Touchpoint> tps;
  tps.push_back(At("rt-01", 60, "web", "page_view"));                 // information_search
  tps.push_back(At("rt-02", 50, "web", "viewed_rate_card"));          // consideration
  v1::Touchpoint purchase = At("rt-03", 45, "store", "purchase");      // purchase
  (*purchase.mutable_attributes())["contract_end"] = contract_end;
  tps.push_back(purchase);
  v1::Touchpoint nps10 = At("rt-04", 44, "email", "nps_response");
  nps10.set_stage("purchase");
  nps10.set_nps(10);
  nps10.set_effort(2);
  tps.push_back(nps10);
  v1::Touchpoint nps9 = At("rt-10", 43, "app", "nps_response");
  nps9.set_stage("purchase");
  nps9.set_nps(9);
  tps.push_back(nps9);
  v1::Touchpoint call1 = At("rt-05", 20, "phone", "call_inbound", v1::DIRECTION_INBOUND);  // support
  call1.set_outcome(v1::OUTCOME_UNRESOLVED);
  tps.push_back(call1);
  tps.push_back(At("rt-06", 15, "chat", "chat_inbound", v1::DIRECTION_INBOUND));
  v1::Touchpoint call2 = At("rt-07", 14.5, "phone", "call_inbound", v1::DIRECTION_INBOUND);
  call2.set_outcome(v1::OUTCOME_RESOLVED);
  tps.push_back(call2);
  v1::Touchpoint nps3 = At("rt-08", 14, "email", "nps_response");
  nps3.set_stage("support");
  nps3.set_nps(3);
  nps3.set_effort(6);
  tps.push_back(nps3);
  v1::Touchpoint complaint = At("rt-11", 3, "email", "complaint");
  complaint.set_summary("Charged twice for November");
  tps.push_back(complaint);
  tps.push_back(At("rt-09", 2, "web", "viewed_rate_card"));           // consideration, latest

  v1::RecordTouchpointsRequest record;
  for (const auto& tp : tps) *record.add_touchpoints() = tp;
  v1::RecordTouchpointsResponse recorded;
  ASSERT_TRUE(stub->RecordTouchpoints(Context("integration").get(), record, &recorded).ok());
  ASSERT_EQ(recorded.stored(), 11);

  v1::GetJourneyRequest get;
  get.set_customer_id("C-RT");
  *get.mutable_as_of() = TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(as_of_));
  v1::Journey journey;
  ASSERT_TRUE(stub->GetJourney(Context("agent").get(), get, &journey).ok());

  // Stages in map order; the latest staged touchpoint (rt-09, rate card) makes
  // consideration current even though support came later in the map.
  ASSERT_EQ(journey.stages_size(), 9);
  EXPECT_EQ(journey.stages(0).id(), "information_search");
  EXPECT_EQ(journey.current_stage(), "consideration");
  EXPECT_EQ(Stage(journey, "information_search").status(), v1::STAGE_REACHED);
  EXPECT_EQ(Stage(journey, "consideration").status(), v1::STAGE_CURRENT);
  EXPECT_EQ(Stage(journey, "purchase").status(), v1::STAGE_REACHED);
  EXPECT_EQ(Stage(journey, "support").status(), v1::STAGE_REACHED);
  EXPECT_EQ(Stage(journey, "onboarding").status(), v1::STAGE_NOT_REACHED);
  EXPECT_FALSE(Stage(journey, "support").recovery_policy().empty());

  // Support: phone 2 (rt-05, rt-07), email 2 (rt-08, rt-11), chat 1 (rt-06);
  // most used first, ties by name → email, phone, chat.
  const v1::StageView& support = Stage(journey, "support");
  EXPECT_EQ(support.touchpoint_count(), 5);
  ASSERT_EQ(support.channels_size(), 3);
  EXPECT_EQ(support.channels(0).channel(), "email");
  EXPECT_EQ(support.channels(0).touchpoints(), 2);
  EXPECT_EQ(support.channels(1).channel(), "phone");
  EXPECT_EQ(support.channels(2).channel(), "chat");
  EXPECT_EQ(support.last_touchpoint().id(), "rt-11");
  // rt-05 (unresolved) was closed by rt-07 (resolved, same stage); the complaint rt-11 is open.
  EXPECT_EQ(support.open_issues(), 1);
  ASSERT_EQ(support.open_issue_touchpoint_ids_size(), 1);
  EXPECT_EQ(support.open_issue_touchpoint_ids(0), "rt-11");

  // NPS per stage: purchase 10, 9 → 2 promoters of 2 → +100; support 3 → 1 detractor → −100.
  EXPECT_EQ(Stage(journey, "purchase").nps().responses(), 2);
  EXPECT_DOUBLE_EQ(Stage(journey, "purchase").nps().score(), 100.0);
  EXPECT_DOUBLE_EQ(support.nps().score(), -100.0);
  EXPECT_FALSE(Stage(journey, "use").nps().has_score()) << "no responses, no score";

  // Journey NPS: 10, 9, 3 → (2 promoters − 1 detractor) / 3 × 100 = 33.33…
  const v1::JourneyMetrics& m = journey.metrics();
  EXPECT_EQ(m.nps().responses(), 3);
  EXPECT_NEAR(m.nps().score(), 100.0 / 3.0, 1e-9);
  // Effort 2 and 6 → 4.0.
  EXPECT_EQ(m.effort_responses(), 2);
  EXPECT_DOUBLE_EQ(m.average_effort(), 4.0);
  // Contacts (inbound, not web/app): rt-05 (−20 d), rt-06 (−15 d), rt-07 (−14.5 d) → 3.
  EXPECT_EQ(m.contacts_last_30_days(), 3);
  // Repeats: rt-06 came 5 d after rt-05, rt-07 12 h after rt-06 → 2.
  EXPECT_EQ(m.repeat_contacts_7d(), 2);
  // Switches within 24 h: chat (rt-06) → phone (rt-07) 12 h later → 1 (rt-05 → rt-06 took 5 d).
  EXPECT_EQ(m.channel_switches_24h(), 1);
  // In consideration since rt-09, 2 days before as_of.
  EXPECT_EQ(TimeUtil::DurationToSeconds(m.time_in_current_stage()), 2 * 86400);
  EXPECT_EQ(m.total_touchpoints(), 11);
  EXPECT_EQ(m.open_issues(), 1);

  // Live signals in plain words, each pointing at its evidence.
  std::map<std::string, v1::LiveSignal> signals;
  for (const auto& signal : journey.signals()) signals[signal.code()] = signal;
  ASSERT_TRUE(signals.count("rate_card_viewed"));
  EXPECT_NE(signals["rate_card_viewed"].text().find("contract ends in 40 days"), std::string::npos)
      << signals["rate_card_viewed"].text();
  EXPECT_NE(std::find(signals["rate_card_viewed"].evidence_touchpoint_ids().begin(),
                      signals["rate_card_viewed"].evidence_touchpoint_ids().end(), "rt-09"),
            signals["rate_card_viewed"].evidence_touchpoint_ids().end());
  ASSERT_TRUE(signals.count("recent_detractor"));
  EXPECT_EQ(signals["recent_detractor"].evidence_touchpoint_ids(0), "rt-08");
  ASSERT_TRUE(signals.count("open_complaint"));
  EXPECT_NE(signals["open_complaint"].text().find("Charged twice"), std::string::npos);

  // Timeline newest first, paged: 11 touchpoints in pages of 4 → 4 + 4 + 3, no gaps.
  get.set_page_size(4);
  std::vector<std::string> walked;
  for (int page = 0; page < 5; ++page) {
    v1::Journey part;
    ASSERT_TRUE(stub->GetJourney(Context("agent").get(), get, &part).ok());
    for (const auto& tp : part.timeline()) walked.push_back(tp.id());
    if (part.next_page_token().empty()) break;
    get.set_page_token(part.next_page_token());
  }
  const std::vector<std::string> expected = {"rt-09", "rt-11", "rt-08", "rt-07", "rt-06", "rt-05",
                                             "rt-10", "rt-04", "rt-03", "rt-02", "rt-01"};
  EXPECT_EQ(walked, expected);

  // as_of in the past hides what came later: 30 days ago only rt-01…rt-04, rt-10 existed.
  v1::GetJourneyRequest past;
  past.set_customer_id("C-RT");
  *past.mutable_as_of() = TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(as_of_ - absl::Hours(24 * 30)));
  v1::Journey then;
  ASSERT_TRUE(stub->GetJourney(Context("agent").get(), past, &then).ok());
  EXPECT_EQ(then.metrics().total_touchpoints(), 5);
  EXPECT_EQ(then.current_stage(), "purchase");
}

TEST_F(JourneyRoundTripTest, UnknownCustomerAndBadPagingAreClearErrors) {
  StartJourneyd();
  v1::GetJourneyRequest get;
  get.set_customer_id("C-NOBODY");
  v1::Journey journey;
  grpc::Status status = Stub()->GetJourney(Context("agent").get(), get, &journey);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);

  v1::UpsertCustomerRequest upsert;
  upsert.mutable_customer()->set_id("C-PAGE");
  upsert.mutable_customer()->set_display_name("Page Turner");
  v1::UpsertCustomerResponse upserted;
  ASSERT_TRUE(Stub()->UpsertCustomer(Context("admin").get(), upsert, &upserted).ok());
  get.set_customer_id("C-PAGE");
  get.set_page_size(501);
  status = Stub()->GetJourney(Context("agent").get(), get, &journey);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message().rfind("page_size", 0), 0u) << status.error_message();
  get.set_page_size(10);
  get.set_page_token("garbage!");
  status = Stub()->GetJourney(Context("agent").get(), get, &journey);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message().rfind("page_token", 0), 0u) << status.error_message();
}

}  // namespace
}  // namespace journeydesk::testing
