// The next best action over gRPC against a real journeyd: consent applies at once, every
// channel gets the same top suggestion, reasons point at the journey's own touchpoints, a
// decline suppresses the action, watchers hear about a new top suggestion, SIGHUP reloads
// rules (an invalid file keeps the old ones), and jdctl checks and backtests rules.
#include <signal.h>

#include <fstream>
#include <set>
#include <thread>

#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "support/journeyd_fixture.h"

namespace journeydesk::testing {
namespace {

class NextStepsTest : public JourneydTest {
 protected:
  void SeedCustomer(const std::string& id, bool profiling, const std::string& contract_end = "") {
    v1::UpsertCustomerRequest request;
    request.mutable_customer()->set_id(id);
    request.mutable_customer()->set_display_name("Nina Next");
    request.mutable_customer()->set_lifecycle_state(v1::LIFECYCLE_ACTIVE);
    if (!contract_end.empty()) (*request.mutable_customer()->mutable_attributes())["contract_end"] = contract_end;
    v1::UpsertCustomerResponse response;
    ASSERT_TRUE(Stub()->UpsertCustomer(Context("admin").get(), request, &response).ok());
    SetProfiling(id, profiling);
  }

  void SetProfiling(const std::string& id, bool profiling) {
    v1::SetConsentRequest consent;
    consent.set_customer_id(id);
    consent.set_profiling(profiling);
    v1::Customer customer;
    ASSERT_TRUE(Stub()->SetConsent(Context("agent").get(), consent, &customer).ok());
  }

  void Record(std::vector<v1::Touchpoint> touchpoints) {
    v1::RecordTouchpointsRequest request;
    for (v1::Touchpoint& tp : touchpoints) *request.add_touchpoints() = std::move(tp);
    v1::RecordTouchpointsResponse response;
    grpc::Status status = Stub()->RecordTouchpoints(Context("integration").get(), request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  v1::SuggestNextStepsResponse Suggest(const std::string& id, const std::string& channel = "phone") {
    v1::SuggestNextStepsRequest request;
    request.set_customer_id(id);
    request.mutable_context()->set_channel(channel);
    request.mutable_context()->set_contact_id("contact-1");
    v1::SuggestNextStepsResponse response;
    grpc::Status status = Stub()->SuggestNextSteps(Context("agent").get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  static const v1::SuppressedAction* Suppressed(const v1::SuggestNextStepsResponse& response,
                                                const std::string& action_id) {
    for (const auto& suppressed : response.suppressed()) {
      if (suppressed.action_id() == action_id) return &suppressed;
    }
    return nullptr;
  }

  static std::string Top(const v1::SuggestNextStepsResponse& response) {
    return response.suggestions_size() > 0 ? response.suggestions(0).action_id() : "(none)";
  }

  std::string WriteRules(const std::string& name, const std::string& version) {
    std::string text = ReadFileBytes(JD_NBA_RULES_DIR "/default.textproto");
    text = absl::StrReplaceAll(text, {{"version: \"default-2026.1\"", "version: \"" + version + "\""}});
    const std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }

  std::string WriteToken(const std::string& role) {
    const std::string path = (dir_ / (role + ".token")).string();
    std::ofstream(path) << tokens_[role] << "\n";
    return path;
  }
};

TEST_F(NextStepsTest, WithdrawnConsentRemovesPropensityBasedActionsOnTheVeryNextCall) {
  StartJourneyd();
  SeedCustomer("C-NBA", /*profiling=*/true);
  Record({MakeTouchpoint("v1", "C-NBA", "web", "viewed_rate_card", absl::Now() - absl::Hours(20))});
  v1::SuggestNextStepsResponse with_consent = Suggest("C-NBA");
  ASSERT_EQ(Top(with_consent), "retention_offer");
  EXPECT_LT(with_consent.suggestions(0).priority().propensity(), 1) << "scored by the propensity model";
  EXPECT_TRUE(with_consent.profiling_consent());

  SetProfiling("C-NBA", false);
  v1::SuggestNextStepsResponse without = Suggest("C-NBA");
  EXPECT_FALSE(without.profiling_consent());
  EXPECT_EQ(without.note(), "without profiling consent only service actions are offered");
  for (const v1::Suggestion& suggestion : without.suggestions()) {
    EXPECT_NE(suggestion.category(), v1::RETENTION);
    EXPECT_EQ(suggestion.priority().propensity(), 1);
  }
  const v1::SuppressedAction* retention = Suppressed(without, "retention_offer");
  ASSERT_NE(retention, nullptr);
  EXPECT_EQ(retention->why(), v1::SUPPRESSED_NO_CONSENT);
}

TEST_F(NextStepsTest, TheSameJourneyGetsTheSameTopSuggestionOnEveryChannel) {
  StartJourneyd();
  SeedCustomer("C-NBA", true, absl::FormatTime("%Y-%m-%d", absl::Now() + absl::Hours(24 * 40), absl::UTCTimeZone()));
  const absl::Time now = absl::Now();
  Record({MakeTouchpoint("v1", "C-NBA", "web", "viewed_rate_card", now - absl::Hours(30)),
          MakeTouchpoint("c1", "C-NBA", "chat", "chat_inbound", now - absl::Hours(5)),
          MakeTouchpoint("c2", "C-NBA", "phone", "call_inbound", now - absl::Hours(2))});
  const v1::SuggestNextStepsResponse phone = Suggest("C-NBA", "phone");
  ASSERT_GT(phone.suggestions_size(), 0);
  for (const std::string channel : {"chat", "email", "store"}) {
    const v1::SuggestNextStepsResponse other = Suggest("C-NBA", channel);
    ASSERT_GT(other.suggestions_size(), 0) << channel;
    EXPECT_EQ(other.suggestions(0).id(), phone.suggestions(0).id()) << channel;
    EXPECT_EQ(other.suggestions(0).priority().score(), phone.suggestions(0).priority().score()) << channel;
  }
}

TEST_F(NextStepsTest, EveryReasonPointsAtTouchpointsOfTheJourney) {
  StartJourneyd({"--demo", "--demo-customers", "20"});
  int suggested = 0;
  for (int i = 1; i <= 20; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "C-%06d", i);
    v1::GetJourneyRequest request;
    request.set_customer_id(id);
    request.set_page_size(500);
    v1::Journey journey;
    ASSERT_TRUE(Stub()->GetJourney(Context("agent").get(), request, &journey).ok());
    std::set<std::string> ids;
    for (const v1::Touchpoint& tp : journey.timeline()) ids.insert(tp.id());
    const v1::SuggestNextStepsResponse response = Suggest(id);
    suggested += response.suggestions_size() > 0;
    auto check = [&](const v1::Reason& reason) {
      for (const std::string& evidence : reason.evidence_touchpoint_ids()) {
        EXPECT_TRUE(ids.contains(evidence)) << id << ": " << reason.rule_id() << " points at " << evidence;
      }
    };
    for (const auto& suggestion : response.suggestions()) {
      for (const auto& reason : suggestion.reasons()) check(reason);
    }
    for (const auto& suppressed : response.suppressed()) {
      for (const auto& reason : suppressed.reasons()) check(reason);
    }
  }
  EXPECT_GE(suggested, 10) << "the first 20 demo customers cover every situation";
}

TEST_F(NextStepsTest, ADeclineIsRecordedOnTheJourneyAndSuppressesTheAction) {
  StartJourneyd();
  SeedCustomer("C-NBA", true);
  Record({MakeTouchpoint("v1", "C-NBA", "app", "viewed_price_page", absl::Now() - absl::Hours(3))});
  const v1::SuggestNextStepsResponse before = Suggest("C-NBA", "phone");
  ASSERT_EQ(Top(before), "retention_offer");

  v1::RecordActionOutcomeRequest decline;
  decline.set_customer_id("C-NBA");
  decline.set_suggestion_id(before.suggestions(0).id());
  decline.set_outcome(v1::ACTION_DECLINED);
  decline.set_decline_reason("too expensive");
  decline.set_channel("phone");
  decline.set_contact_id("contact-1");
  decline.set_outcome_touchpoint_id("outcome-1");
  v1::RecordActionOutcomeResponse recorded;
  grpc::Status status = Stub()->RecordActionOutcome(Context("agent").get(), decline, &recorded);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(recorded.touchpoint_id(), "outcome-1");
  EXPECT_FALSE(recorded.duplicate());
  EXPECT_NE(Top(recorded.next()), "retention_offer");
  ASSERT_NE(Suppressed(recorded.next(), "retention_offer"), nullptr);
  EXPECT_EQ(Suppressed(recorded.next(), "retention_offer")->why(), v1::SUPPRESSED_DECLINED_RECENTLY);

  // On another channel, too: the policy holds across channels.
  const v1::SuggestNextStepsResponse chat = Suggest("C-NBA", "chat");
  ASSERT_NE(Suppressed(chat, "retention_offer"), nullptr);
  EXPECT_EQ(Suppressed(chat, "retention_offer")->why(), v1::SUPPRESSED_DECLINED_RECENTLY);

  // The journey shows the outcome.
  v1::GetJourneyRequest get;
  get.set_customer_id("C-NBA");
  v1::Journey journey;
  ASSERT_TRUE(Stub()->GetJourney(Context("agent").get(), get, &journey).ok());
  ASSERT_GT(journey.timeline_size(), 0);
  EXPECT_EQ(journey.timeline(0).kind(), "nba_declined");
  EXPECT_EQ(journey.timeline(0).attributes().at("action_id"), "retention_offer");
  EXPECT_EQ(journey.timeline(0).attributes().at("reason"), "too expensive");
  EXPECT_EQ(journey.timeline(0).agent_id(), "agent-1");

  // A retry is a no-op; bad requests name the field.
  ASSERT_TRUE(Stub()->RecordActionOutcome(Context("agent").get(), decline, &recorded).ok());
  EXPECT_TRUE(recorded.duplicate());
  decline.clear_decline_reason();
  decline.set_outcome_touchpoint_id("outcome-2");
  status = Stub()->RecordActionOutcome(Context("agent").get(), decline, &recorded);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("decline_reason"), std::string::npos) << status.error_message();
  decline.clear_suggestion_id();
  decline.set_action_id("free_pizza");
  decline.set_outcome(v1::ACTION_ACCEPTED);
  status = Stub()->RecordActionOutcome(Context("agent").get(), decline, &recorded);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("no action \"free_pizza\""), std::string::npos) << status.error_message();
  // The stage to file it in must be one of the stage map's.
  decline.set_action_id("retention_offer");
  decline.set_stage("somewhere_else");
  status = Stub()->RecordActionOutcome(Context("agent").get(), decline, &recorded);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("stage"), std::string::npos) << status.error_message();
  EXPECT_NE(status.error_message().find("somewhere_else"), std::string::npos) << status.error_message();
}

TEST_F(NextStepsTest, AWatcherHearsTheNewTopSuggestionWhenTheRateCardIsOpenedDuringTheCall) {
  StartJourneyd();
  SeedCustomer("C-NBA", true);
  Record({MakeTouchpoint("c1", "C-NBA", "phone", "call_inbound", absl::Now() - absl::Minutes(3))});
  grpc::ClientContext watch_context;
  watch_context.AddMetadata("authorization", "Bearer " + tokens_["agent"]);
  v1::WatchCustomerRequest watch;
  watch.set_customer_id("C-NBA");
  auto watcher_stub = Stub();
  auto reader = watcher_stub->WatchCustomer(&watch_context, watch);
  v1::CustomerEvent event;
  ASSERT_TRUE(reader->Read(&event));
  ASSERT_TRUE(event.started());
  ASSERT_EQ(Top(Suggest("C-NBA")), "(none)") << "one call is no situation yet";

  Record({MakeTouchpoint("rc-1", "C-NBA", "web", "viewed_rate_card", absl::Now())});
  bool got_update = false;
  while (!got_update && reader->Read(&event)) {
    if (!event.has_suggestions_changed()) continue;
    got_update = true;
    const v1::SuggestionsUpdate& update = event.suggestions_changed();
    EXPECT_EQ(update.previous_top_action_id(), "");
    ASSERT_GT(update.suggestions().suggestions_size(), 0);
    EXPECT_EQ(update.suggestions().suggestions(0).action_id(), "retention_offer");
    ASSERT_EQ(update.trigger_touchpoint_ids_size(), 1);
    EXPECT_EQ(update.trigger_touchpoint_ids(0), "rc-1");
  }
  EXPECT_TRUE(got_update);
  watch_context.TryCancel();
  while (reader->Read(&event)) {
  }
}

TEST_F(NextStepsTest, SighupReloadsTheRulesAndAnInvalidFileKeepsTheOldOnes) {
  const std::string path = WriteRules("rules.textproto", "file-a");
  StartJourneyd({"--nba-rules", path});
  SeedCustomer("C-NBA", true);
  ASSERT_EQ(Suggest("C-NBA").rules_version(), "file-a");

  std::ofstream(path) << "version: \"broken\"\nactions { id: \"x\" \n";  // a syntax error
  ASSERT_EQ(::kill(journeyd_->pid(), SIGHUP), 0);
  absl::SleepFor(absl::Milliseconds(500));
  EXPECT_EQ(Suggest("C-NBA").rules_version(), "file-a") << "an invalid file keeps the old rules";

  WriteRules("rules.textproto", "file-b");
  ASSERT_EQ(::kill(journeyd_->pid(), SIGHUP), 0);
  std::string version;
  for (int i = 0; i < 50 && version != "file-b"; ++i) {
    absl::SleepFor(absl::Milliseconds(100));
    version = Suggest("C-NBA").rules_version();
  }
  EXPECT_EQ(version, "file-b");
}

TEST_F(NextStepsTest, AnInvalidRulesFileRefusesToStart) {
  const std::string path = (dir_ / "bad.textproto").string();
  std::ofstream(path) << "version: \"v\"\nactions { id: \"a\" category: PAYMENT title: \"A\" value: 1 }\n"
                      << "rules { id: \"r\" action_id: \"a\" when { signal: \"no_such\" } }\n";
  CommandResult result = RunCommand({JOURNEYD_PATH, "--db", db_path_.string(), "--listen", "127.0.0.1:0",
                                     "--nba-rules", path});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(path + ":3: rule \"r\": unknown signal \"no_such\""), std::string::npos) << result.err;
}

TEST_F(NextStepsTest, JdctlChecksRulesAndBacktestsThemOnStoredJourneys) {
  StartJourneyd({"--demo", "--demo-customers", "60"});
  // Two recorded outcomes for the acceptance table.
  for (const auto& [id, outcome] : std::vector<std::pair<std::string, v1::ActionOutcome>>{
           {"o-1", v1::ACTION_ACCEPTED}, {"o-2", v1::ACTION_DECLINED}}) {
    v1::RecordActionOutcomeRequest request;
    request.set_customer_id("C-000002");
    request.set_action_id("close_the_loop");
    request.set_outcome(outcome);
    request.set_decline_reason(outcome == v1::ACTION_DECLINED ? "no time now" : "");
    request.set_channel("phone");
    request.set_outcome_touchpoint_id(id);
    v1::RecordActionOutcomeResponse response;
    grpc::Status status = Stub()->RecordActionOutcome(Context("agent").get(), request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  const std::string bench = JD_NBA_RULES_DIR "/bench_50_rules.textproto";
  CommandResult ok = RunCommand({JDCTL_PATH, "rules", "check", bench});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("OK — version bench-50-2026.1"), std::string::npos) << ok.out;

  const std::string bad = (dir_ / "bad.textproto").string();
  std::ofstream(bad) << "version: \"v\"\nactions { id: \"a\" category: PAYMENT title: \"A\" value: 1 }\n"
                     << "rules {\n  id: \"r\"\n  action_id: \"b\"\n  when { signal: \"lapsed\" }\n}\n";
  CommandResult refused = RunCommand({JDCTL_PATH, "rules", "check", bad});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.err.find(bad + ":5: rule \"r\": action_id \"b\" is not an action"), std::string::npos)
      << refused.err;

  CommandResult backtest =
      RunCommand({JDCTL_PATH, "rules", "backtest", "--rules", bench, "--db", db_path_.string()});
  ASSERT_EQ(backtest.exit_code, 0) << backtest.err;
  EXPECT_NE(backtest.out.find("replayed 60 customers: baseline rules default-2026.1, new rules bench-50-2026.1"),
            std::string::npos)
      << backtest.out;
  EXPECT_NE(backtest.out.find("top suggestion by category (baseline → new)"), std::string::npos) << backtest.out;
  EXPECT_NE(backtest.out.find("close_the_loop"), std::string::npos) << backtest.out;
  EXPECT_NE(backtest.out.find("50%"), std::string::npos) << "1 accepted of 2 answered\n" << backtest.out;

  CommandResult same = RunCommand({JDCTL_PATH, "rules", "backtest", "--rules", JD_NBA_RULES_DIR "/default.textproto",
                                   "--db", db_path_.string()});
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_NE(same.out.find("top suggestion changed for 0 of 60 customers"), std::string::npos) << same.out;
}

}  // namespace
}  // namespace journeydesk::testing
