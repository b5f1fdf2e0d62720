// Rules files: the shipped ones load; a broken file is refused with its line and a reason
// an operator can act on.
#include <fstream>
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "nba_fixtures.h"

namespace journeydesk::nba {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing_support::NbaTest;

class RulesFile : public NbaTest {
 protected:
  std::string ErrorOf(std::string_view text) {
    absl::StatusOr<RuleSetPtr> rules = ParseRulesText(text, "rules.textproto", &map_);
    EXPECT_FALSE(rules.ok()) << "accepted:\n" << text;
    return rules.ok() ? "" : std::string(rules.status().message());
  }
};

constexpr char kValidHead[] = R"pb(version: "v1"
actions {
  id: "pay"
  category: PAYMENT
  title: "Pay"
  value: 10
}
)pb";

TEST_F(RulesFile, TheShippedFilesLoad) {
  ASSERT_NE(default_rules_, nullptr);
  EXPECT_EQ(default_rules_->version(), "default-2026.1");
  EXPECT_GE(default_rules_->rules().size(), 10u);
  absl::StatusOr<RuleSetPtr> from_file = LoadRulesFile(JD_NBA_RULES_DIR "/default.textproto", &map_);
  ASSERT_TRUE(from_file.ok()) << from_file.status();
  EXPECT_EQ((*from_file)->proto().SerializeAsString(), default_rules_->proto().SerializeAsString())
      << "the compiled-in rules are the file's";
  absl::StatusOr<RuleSetPtr> bench = LoadRulesFile(JD_NBA_RULES_DIR "/bench_50_rules.textproto", &map_);
  ASSERT_TRUE(bench.ok()) << bench.status();
  EXPECT_GE((*bench)->rules().size(), 50u);
  // Every category of the product is covered by the defaults.
  std::set<int> categories;
  for (const CompiledAction& action : default_rules_->actions()) categories.insert(action.category);
  EXPECT_EQ(categories.size(), 9u);
}

TEST_F(RulesFile, ASyntaxErrorNamesLineAndColumn) {
  EXPECT_THAT(ErrorOf("version: \"v1\"\nactions {\n  id \"pay\"\n}\n"), StartsWith("rules.textproto:3:6: "));
}

TEST_F(RulesFile, AnUnknownFieldIsASyntaxError) {
  EXPECT_THAT(ErrorOf(std::string(kValidHead) + "rules { id: \"r\" action_id: \"pay\" wehn { signal: \"x\" } }\n"),
              StartsWith("rules.textproto:8:"));
}

TEST_F(RulesFile, AnUnknownSignalNamesItsLineAndTheKnownSignals) {
  const std::string error = ErrorOf(std::string(kValidHead) +
                                    "rules {\n"
                                    "  id: \"r\"\n"
                                    "  action_id: \"pay\"\n"
                                    "  when { signal: \"payment_faild\" }\n"
                                    "}\n");
  EXPECT_THAT(error, StartsWith("rules.textproto:11: rule \"r\": unknown signal \"payment_faild\""));
  EXPECT_THAT(error, HasSubstr("known signals: open_complaint, payment_failed"));
}

TEST_F(RulesFile, AnUnknownFeatureOrMissingComparisonIsRefused) {
  EXPECT_THAT(ErrorOf(std::string(kValidHead) +
                      "rules { id: \"r\" action_id: \"pay\"\n"
                      "  when { feature { name: \"days_to_contrct_end\" op: AT_MOST value: 3 } } }\n"),
              StartsWith("rules.textproto:9: rule \"r\": unknown feature \"days_to_contrct_end\""));
  EXPECT_THAT(ErrorOf(std::string(kValidHead) +
                      "rules { id: \"r\" action_id: \"pay\"\n"
                      "  when { feature { name: \"open_issues\" value: 3 } } }\n"),
              StartsWith("rules.textproto:9: rule \"r\": feature \"open_issues\" needs op"));
}

TEST_F(RulesFile, ARuleForAnUnknownActionNamesTheActionIdLine) {
  EXPECT_THAT(ErrorOf(std::string(kValidHead) +
                      "rules {\n  id: \"r\"\n  action_id: \"payy\"\n  when { signal: \"payment_failed\" }\n}\n"),
              StartsWith("rules.textproto:10: rule \"r\": action_id \"payy\" is not an action of this file"));
}

TEST_F(RulesFile, DuplicateIdsPointAtTheSecondOne) {
  EXPECT_THAT(ErrorOf(std::string(kValidHead) +
                      "actions {\n  id: \"pay\"\n  category: PAYMENT\n  title: \"Again\"\n  value: 1\n}\n"
                      "rules { id: \"r\" action_id: \"pay\" when { signal: \"lapsed\" } }\n"),
              StartsWith("rules.textproto:9: action \"pay\": id is already used"));
}

TEST_F(RulesFile, ActionsNeedCategoryValueAndARule) {
  EXPECT_THAT(ErrorOf("version: \"v\"\nactions { id: \"a\" title: \"A\" value: 1 }\n"
                      "rules { id: \"r\" action_id: \"a\" when { signal: \"lapsed\" } }\n"),
              StartsWith("rules.textproto:2: action \"a\": category is required"));
  EXPECT_THAT(ErrorOf("version: \"v\"\nactions { id: \"a\" category: PAYMENT title: \"A\"\n value: -1 }\n"
                      "rules { id: \"r\" action_id: \"a\" when { signal: \"lapsed\" } }\n"),
              StartsWith("rules.textproto:3: action \"a\": value must be a number > 0"));
  EXPECT_THAT(ErrorOf(std::string(kValidHead) +
                      "actions { id: \"b\" category: PAYMENT title: \"B\" value: 1 }\n"
                      "rules { id: \"r\" action_id: \"pay\" when { signal: \"lapsed\" } }\n"),
              StartsWith("rules.textproto:8: action \"b\": no rule suggests it"));
}

TEST_F(RulesFile, ABadPlaceholderNamesTheReasonLine) {
  EXPECT_THAT(ErrorOf(std::string(kValidHead) +
                      "rules { id: \"r\" action_id: \"pay\" when { signal: \"lapsed\" }\n"
                      "  reason: \"quiet for {feature:days_quiet}\" }\n"),
              StartsWith("rules.textproto:9: rule \"r\": reason: unknown feature \"days_quiet\""));
}

TEST_F(RulesFile, StagesAreCheckedAgainstTheStageMap) {
  EXPECT_THAT(ErrorOf(std::string(kValidHead) +
                      "rules { id: \"r\" action_id: \"pay\"\n  when { current_stage { ids: \"suport\" } } }\n"),
              StartsWith("rules.textproto:9: rule \"r\": current_stage \"suport\" is not a stage"));
}

TEST_F(RulesFile, ContactPolicyNeedsAWindowForItsCap) {
  EXPECT_THAT(ErrorOf("version: \"v\"\nactions { id: \"a\" category: PAYMENT title: \"A\" value: 1\n"
                      "  contact_policy { max_offers: 2 } }\n"
                      "rules { id: \"r\" action_id: \"a\" when { signal: \"lapsed\" } }\n"),
              StartsWith("rules.textproto:3: action \"a\": max_offers needs per_days"));
}

TEST_F(RulesFile, AVersionIsRequired) {
  EXPECT_THAT(ErrorOf("actions { id: \"a\" category: PAYMENT title: \"A\" value: 1 }\n"
                      "rules { id: \"r\" action_id: \"a\" when { signal: \"lapsed\" } }\n"),
              StartsWith("rules.textproto: version is required"));
}

TEST_F(RulesFile, JsonLoadsAndItsErrorsPointAtTheItem) {
  const std::string json = R"({
  "version": "json-1",
  "actions": [{"id": "pay", "category": "PAYMENT", "title": "Pay", "value": 10}],
  "rules": [
    {"id": "r1", "action_id": "pay", "when": [{"signal": "payment_failed"}]},
    {"id": "r2", "action_id": "pay", "when": [{"signal": "nope"}]}
  ]
})";
  absl::StatusOr<RuleSetPtr> rules = ParseRulesJson(json, "rules.json", &map_);
  ASSERT_FALSE(rules.ok());
  EXPECT_THAT(std::string(rules.status().message()), StartsWith("rules.json:6: rule \"r2\": unknown signal \"nope\""));
  std::string fixed = json;
  fixed.replace(fixed.find("\"nope\""), 6, "\"lapsed\"");
  EXPECT_TRUE(ParseRulesJson(fixed, "rules.json", &map_).ok());
  EXPECT_THAT(std::string(ParseRulesJson("{\"version\": 3", "rules.json").status().message()), StartsWith("rules.json: not a valid rules file in JSON"));
}

TEST_F(RulesFile, FilesAreReadByExtension) {
  EXPECT_EQ(LoadRulesFile("/nonexistent/rules.textproto").status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(LoadRulesFile("rules.yaml").status().message()), HasSubstr("name the file .textproto"));
}

}  // namespace
}  // namespace journeydesk::nba
