// Erlang C against published figures.
//
// Source 1 — Call Centre Helper, "Erlang C Formula – Made Simple with an Easy Worked
// Example" (callcentrehelper.com): 100 calls in 30 minutes (200 an hour), average handling
// time 180 s, target 80 % answered within 20 s. Traffic intensity 10 Erlangs; with 11
// agents the probability of waiting is 0.6821 (68.2 %) and the service level 39 %; the
// target needs 14 agents, at 88.8 %.
// Source 2 — closed forms every queueing textbook gives (e.g. Kleinrock, Queueing Systems
// Vol. 1, §3.5, M/M/m): for m = 2 servers and A = 1 Erlang, C = A²/(A² + 2(2 − A)(1 + A))·…
// = 1/3; for m = 1, C = ρ (the M/M/1 queue: a contact waits with probability ρ).
#include "routing/erlang_c.h"

#include <cmath>

#include "gtest/gtest.h"
#include "routing/contact_center_config.h"
#include "routing/staffing_advisor.h"

namespace journeydesk::routing {
namespace {

TEST(ErlangCTest, CallCentreHelperWorkedExample) {
  const double traffic = TrafficErlangs(200, 180);
  EXPECT_DOUBLE_EQ(traffic, 10.0);
  EXPECT_NEAR(ProbabilityOfWaiting(11, traffic), 0.6821, 0.00005);
  EXPECT_NEAR(ServiceLevel(11, traffic, 180, 20), 0.3896, 0.0005);
  EXPECT_NEAR(ServiceLevel(14, traffic, 180, 20), 0.888, 0.0005);
  EXPECT_LT(ServiceLevel(13, traffic, 180, 20), 0.80);
  EXPECT_EQ(AgentsNeeded(traffic, 180, 20, 0.80), 14);
  // Average speed of answer with 11 agents: C·AHT/(N − A) = 0.6821·180/1 = 122.8 s.
  EXPECT_NEAR(AverageSpeedOfAnswer(11, traffic, 180), 122.8, 0.05);
}

TEST(ErlangCTest, TextbookClosedForms) {
  EXPECT_NEAR(ProbabilityOfWaiting(2, 1.0), 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(ProbabilityOfWaiting(1, 0.6), 0.6, 1e-12);
  EXPECT_NEAR(ProbabilityOfWaiting(3, 2.0), 4.0 / 9.0, 1e-12);
}

TEST(ErlangCTest, UnstableAndEmptyQueues) {
  EXPECT_EQ(ProbabilityOfWaiting(10, 10.0), 1.0) << "N ≤ A: everyone waits";
  EXPECT_EQ(ServiceLevel(5, 10.0, 180, 20), 0.0);
  EXPECT_TRUE(std::isinf(AverageSpeedOfAnswer(10, 10.0, 180)));
  EXPECT_EQ(ServiceLevel(1, 0.0, 180, 20), 1.0) << "no traffic, no wait";
  EXPECT_EQ(AgentsNeeded(0.0, 180, 20, 0.8), 1);
}

TEST(ErlangCTest, LargeCentresStayFiniteWithoutFactorials) {
  // 9,000 Erlangs: A^N/N! overflows any double; the recurrence does not.
  const double traffic = 9000;
  const int needed = AgentsNeeded(traffic, 180, 20, 0.8);
  EXPECT_GT(needed, 9000);
  EXPECT_LT(needed, 9100);
  const double level = ServiceLevel(needed, traffic, 180, 20);
  EXPECT_TRUE(std::isfinite(level));
  EXPECT_GE(level, 0.8);
  EXPECT_LT(ServiceLevel(needed - 1, traffic, 180, 20), 0.8);
}

TEST(ErlangCTest, ScenarioAnswersAgentsNeededAndTheLevelsAround) {
  auto config = LoadDefaultContactCenterConfig();
  ASSERT_TRUE(config.ok());
  v1::Scenario scenario;
  scenario.set_queue("phone");
  scenario.set_contacts_per_hour(200);
  scenario.set_average_handling_seconds(180);
  auto result = EvaluateScenario(scenario, *config);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->scenario().service_level_target(), 0.8) << "the phone queue's target";
  EXPECT_EQ(result->scenario().answer_within_seconds(), 20);
  EXPECT_EQ(result->agents_needed(), 14);
  EXPECT_NEAR(result->expected_service_level(), 0.888, 0.0005);
  ASSERT_EQ(result->levels_size(), 5);
  EXPECT_EQ(result->levels(0).agents(), 12);
  EXPECT_EQ(result->levels(4).agents(), 16);
  EXPECT_NEAR(result->levels(0).service_level(), 0.640, 0.0005);

  scenario.set_queue("fax");
  EXPECT_EQ(EvaluateScenario(scenario, *config).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace journeydesk::routing
