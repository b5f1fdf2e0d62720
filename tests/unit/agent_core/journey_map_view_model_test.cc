// The journey canvas's layout as a specification: where stages, channels and touchpoints go,
// what colour a touchpoint gets, what is under the mouse, and what a time window leaves.
#include "core/journey_map_view_model.h"

#include <chrono>

#include "gtest/gtest.h"
#include "core/proto_time.h"

namespace journeydesk::agent {
namespace {

const absl::Time kNow = absl::FromUnixSeconds(1'750'000'000);

v1::Touchpoint Tp(const std::string& id, const std::string& channel, const std::string& kind,
                  const std::string& stage, absl::Duration age) {
  v1::Touchpoint tp;
  tp.set_id(id);
  tp.set_customer_id("C-1");
  tp.set_channel(channel);
  tp.set_kind(kind);
  tp.set_stage(stage);
  *tp.mutable_occurred_at() = ToProto(kNow - age);
  return tp;
}

// Four stages in map order; the customer is in support with an open complaint by phone after
// browsing on the web; one agent note carries no stage.
std::shared_ptr<v1::Journey> HandMadeJourney() {
  auto journey = std::make_shared<v1::Journey>();
  journey->mutable_customer()->set_id("C-1");
  const std::vector<std::pair<std::string, std::string>> stages = {
      {"information_search", "Information search"}, {"consideration", "Consideration"},
      {"purchase", "Purchase"}, {"support", "Support"}};
  for (const auto& [id, name] : stages) {
    v1::StageView* stage = journey->add_stages();
    stage->set_id(id);
    stage->set_name(name);
    stage->set_status(v1::STAGE_NOT_REACHED);
  }
  journey->mutable_stages(0)->set_status(v1::STAGE_REACHED);
  journey->mutable_stages(3)->set_status(v1::STAGE_CURRENT);
  journey->mutable_stages(3)->mutable_nps()->set_responses(2);
  journey->mutable_stages(3)->mutable_nps()->set_score(-50);
  journey->mutable_stages(0)->mutable_nps()->set_responses(1);
  journey->mutable_stages(0)->mutable_nps()->set_score(100);
  journey->mutable_stages(3)->set_open_issues(1);
  journey->mutable_stages(3)->add_open_issue_touchpoint_ids("t-complaint");
  journey->set_current_stage("support");
  journey->add_channels("phone");
  journey->add_channels("web");
  v1::LiveSignal* signal = journey->add_signals();
  signal->set_code("open_complaint");
  signal->set_text("open complaint: billing error");
  signal->add_evidence_touchpoint_ids("t-complaint");

  // Newest first, as GetJourney returns them.
  *journey->add_timeline() = Tp("t-note", "phone", "agent_note", "", absl::Hours(1));
  v1::Touchpoint complaint = Tp("t-complaint", "phone", "complaint", "support", absl::Hours(2));
  complaint.set_outcome(v1::OUTCOME_UNRESOLVED);
  *journey->add_timeline() = complaint;
  v1::Touchpoint survey = Tp("t-nps", "web", "nps_response", "support", absl::Hours(30));
  survey.set_nps(9);
  *journey->add_timeline() = survey;
  *journey->add_timeline() = Tp("t-offer", "web", "offer_viewed", "consideration", absl::Hours(24 * 10));
  *journey->add_timeline() = Tp("t-page", "web", "page_view", "information_search", absl::Hours(24 * 20));
  return journey;
}

int IndexOf(const v1::Journey& journey, const std::string& id) {
  for (int i = 0; i < journey.timeline_size(); ++i) {
    if (journey.timeline(i).id() == id) return i;
  }
  return -1;
}

TEST(JourneyMapViewModelTest, StagesAreColumnsInMapOrderThenTouchpointsWithoutStage) {
  auto model = JourneyMapViewModel::Build(HandMadeJourney(), MapGeometry{});
  ASSERT_EQ(model.columns().size(), 5u);
  EXPECT_EQ(model.columns()[0].stage_id, "information_search");
  EXPECT_EQ(model.columns()[1].stage_id, "consideration");
  EXPECT_EQ(model.columns()[2].stage_id, "purchase");
  EXPECT_EQ(model.columns()[3].stage_id, "support");
  EXPECT_EQ(model.columns()[4].name, "No stage");
  for (size_t c = 1; c < model.columns().size(); ++c) {
    EXPECT_GT(model.columns()[c].header.x, model.columns()[c - 1].header.x) << "left to right in map order";
  }
  EXPECT_EQ(model.columns()[2].shown_touchpoints, 0) << "purchase not reached: an empty column, still shown";
  EXPECT_EQ(model.columns()[3].shown_touchpoints, 2);
}

TEST(JourneyMapViewModelTest, ChannelsAreLanesMostUsedFirst) {
  auto model = JourneyMapViewModel::Build(HandMadeJourney(), MapGeometry{});
  ASSERT_EQ(model.lanes().size(), 2u);
  EXPECT_EQ(model.lanes()[0].channel, "phone");
  EXPECT_EQ(model.lanes()[1].channel, "web");
  EXPECT_LT(model.lanes()[0].body.y, model.lanes()[1].body.y);
  EXPECT_EQ(model.lanes()[1].shown_touchpoints, 3);
}

TEST(JourneyMapViewModelTest, EachMarkSitsInItsStageColumnAndChannelLane) {
  auto journey = HandMadeJourney();
  auto model = JourneyMapViewModel::Build(journey, MapGeometry{});
  ASSERT_EQ(model.marks().size(), 5u);
  for (const Mark& mark : model.marks()) {
    const v1::Touchpoint& tp = journey->timeline(mark.timeline_index);
    const StageColumn& column = model.columns()[mark.column];
    const ChannelLane& lane = model.lanes()[mark.lane];
    EXPECT_EQ(lane.channel, tp.channel()) << tp.id();
    EXPECT_EQ(column.stage_id, tp.stage()) << tp.id();
    EXPECT_TRUE(column.body.Contains(mark.cx, mark.cy)) << tp.id() << " inside its stage column";
    EXPECT_TRUE(lane.body.Contains(mark.cx, mark.cy)) << tp.id() << " inside its channel lane";
  }
}

TEST(JourneyMapViewModelTest, HitTestFindsTheTouchpointUnderThePointerAndNothingElsewhere) {
  auto journey = HandMadeJourney();
  auto model = JourneyMapViewModel::Build(journey, MapGeometry{});
  const int complaint = IndexOf(*journey, "t-complaint");
  const Mark* mark = model.MarkOf(complaint);
  ASSERT_NE(mark, nullptr);
  EXPECT_EQ(model.HitTest(mark->cx, mark->cy), complaint);
  EXPECT_EQ(model.HitTest(mark->cx + mark->radius + 1, mark->cy), complaint) << "a little slack around a mark";
  EXPECT_EQ(model.HitTest(mark->cx + 40, mark->cy + 20), std::nullopt);
  EXPECT_EQ(model.HitTest(2, 2), std::nullopt) << "the corner holds no touchpoint";
}

TEST(JourneyMapViewModelTest, MarksAreColouredByOutcomeSentimentAndScore) {
  auto journey = HandMadeJourney();
  auto model = JourneyMapViewModel::Build(journey, MapGeometry{});
  EXPECT_EQ(model.MarkOf(IndexOf(*journey, "t-complaint"))->tone, MarkTone::kNegative);
  EXPECT_EQ(model.MarkOf(IndexOf(*journey, "t-nps"))->tone, MarkTone::kPositive) << "a promoter";
  EXPECT_EQ(model.MarkOf(IndexOf(*journey, "t-page"))->tone, MarkTone::kUnknown);
  v1::Touchpoint tp;
  tp.set_sentiment(v1::SENTIMENT_NEUTRAL);
  EXPECT_EQ(JourneyMapViewModel::ToneOf(tp), MarkTone::kNeutral);
  tp.set_kind("payment_failed");
  EXPECT_EQ(JourneyMapViewModel::ToneOf(tp), MarkTone::kNegative);
  v1::Touchpoint resolved;
  resolved.set_outcome(v1::OUTCOME_RESOLVED);
  EXPECT_EQ(JourneyMapViewModel::ToneOf(resolved), MarkTone::kPositive);
}

TEST(JourneyMapViewModelTest, CurrentStageNpsHeatBadgesAndEvidence) {
  auto journey = HandMadeJourney();
  auto model = JourneyMapViewModel::Build(journey, MapGeometry{});
  EXPECT_TRUE(model.columns()[3].current);
  EXPECT_FALSE(model.columns()[0].current);
  EXPECT_EQ(model.columns()[3].heat_class, NpsHeat::kNegative);
  EXPECT_EQ(model.columns()[0].heat_class, NpsHeat::kOnTarget);
  EXPECT_EQ(model.columns()[1].heat_class, NpsHeat::kNone) << "no responses, no colour";
  v1::NpsSummary below;
  below.set_responses(4);
  below.set_score(40);
  EXPECT_EQ(JourneyMapViewModel::HeatOf(below), NpsHeat::kBelowTarget);
  ASSERT_EQ(model.badges().size(), 1u);
  EXPECT_EQ(model.badges()[0].text, "open complaint: billing error");
  EXPECT_EQ(model.badges()[0].tone, MarkTone::kNegative);
  const Mark* complaint = model.MarkOf(IndexOf(*journey, "t-complaint"));
  EXPECT_TRUE(complaint->evidence);
  EXPECT_TRUE(complaint->open_issue);
  EXPECT_FALSE(model.MarkOf(IndexOf(*journey, "t-page"))->evidence);
}

TEST(JourneyMapViewModelTest, TimeWindowLeavesOnlyTouchpointsInsideIt) {
  auto journey = HandMadeJourney();
  TimeWindow last_week;
  last_week.from = kNow - absl::Hours(24 * 7);
  auto model = JourneyMapViewModel::Build(journey, MapGeometry{}, last_week);
  EXPECT_EQ(model.marks().size(), 3u);
  EXPECT_EQ(model.total_touchpoints(), 5);
  ASSERT_EQ(model.visible_timeline().size(), 3u);
  EXPECT_EQ(journey->timeline(model.visible_timeline()[0]).id(), "t-note") << "newest first";
  EXPECT_EQ(model.MarkOf(IndexOf(*journey, "t-page")), nullptr);
  EXPECT_EQ(model.columns()[0].shown_touchpoints, 0);
  EXPECT_EQ(model.lanes().size(), 2u) << "lanes stay put when zooming, so the eye keeps its place";
}

TEST(JourneyMapViewModelTest, CrowdedCellKeepsEveryMarkInsideIt) {
  auto journey = HandMadeJourney();
  for (int i = 0; i < 400; ++i) {
    *journey->add_timeline() = Tp("bulk-" + std::to_string(i), "web", "page_view", "information_search",
                                  absl::Hours(24 * 30) + absl::Minutes(i));
  }
  auto model = JourneyMapViewModel::Build(journey, MapGeometry{});
  const StageColumn& column = model.columns()[0];
  const ChannelLane& lane = model.lanes()[1];
  int inside = 0;
  for (const Mark& mark : model.marks()) {
    if (mark.column != 0) continue;
    EXPECT_TRUE(column.body.Contains(mark.cx, mark.cy));
    EXPECT_TRUE(lane.body.Contains(mark.cx, mark.cy));
    ++inside;
  }
  EXPECT_EQ(inside, 401);
}

// Speed (the 16 ms paint budget) belongs to the desktop benchmark in tests/bench, not here.
TEST(JourneyMapViewModelTest, LaysOutAThousandTouchpointsAsMarks) {
  auto journey = HandMadeJourney();
  const std::vector<std::string> channels = {"web", "phone", "email", "chat", "app", "sms"};
  const std::vector<std::string> stages = {"information_search", "consideration", "purchase", "support"};
  for (int i = 0; i < 1000; ++i) {
    *journey->add_timeline() = Tp("many-" + std::to_string(i), channels[i % channels.size()], "page_view",
                                  stages[i % stages.size()], absl::Hours(24 * 40) + absl::Minutes(i));
  }
  auto model = JourneyMapViewModel::Build(journey, MapGeometry{});
  EXPECT_EQ(model.marks().size(), 1005u);
}

}  // namespace
}  // namespace journeydesk::agent
