// Stage maps: the shipped ones load and validate; a broken one is refused with the file,
// the line and the reason, so an operator can fix it without reading code.
#include "journey/stage_map_loader.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "journey/default_stage_map.h"
#include "journey/stage_resolver.h"
#include "test_support.h"

namespace journeydesk::journey {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing_support::Message;

const std::string kMapDir = JD_STAGE_MAP_DIR;

std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::filesystem::path path = std::filesystem::path(::testing::TempDir()) / name;
  std::ofstream(path) << text;
  return path.string();
}

TEST(ShippedStageMaps, SubscriptionMapLoadsWithItsNineStagesInOrder) {
  absl::StatusOr<v1::StageMap> map = LoadStageMapFile(kMapDir + "/subscription.textproto");
  ASSERT_TRUE(map.ok()) << map.status();
  std::vector<std::string> ids;
  for (const auto& stage : map->stages()) ids.push_back(stage.id());
  EXPECT_THAT(ids, ::testing::ElementsAre("information_search", "consideration", "purchase",
                                          "onboarding", "use", "support", "renewal", "lapse",
                                          "win_back"));
  StageResolver stages(*map);
  EXPECT_EQ(stages.StageForKind("viewed_rate_card"), "consideration");
  EXPECT_EQ(stages.StageForKind("activation_failed"), "onboarding");
  EXPECT_EQ(stages.StageForKind("payment_failed"), "use");
  EXPECT_EQ(stages.StageForKind("complaint"), "support");
  EXPECT_EQ(stages.StageForKind("cancellation_request"), "renewal");
  EXPECT_EQ(stages.StageForKind("winback_offer"), "win_back");
  EXPECT_EQ(stages.StageForKind("agent_note"), "") << "unlisted kinds carry no stage";
  for (const auto& stage : map->stages()) {
    EXPECT_GE(stage.recovery_policy().size(), 120u) << stage.id() << ": a concrete policy";
    EXPECT_GE(stage.kinds_size(), 4) << stage.id();
  }
}

TEST(ShippedStageMaps, AirlineMapIsTheCircleOfContact) {
  absl::StatusOr<v1::StageMap> map = LoadStageMapFile(kMapDir + "/airline.textproto");
  ASSERT_TRUE(map.ok()) << map.status();
  std::vector<std::string> ids;
  for (const auto& stage : map->stages()) ids.push_back(stage.id());
  EXPECT_THAT(ids, ::testing::ElementsAre("information_search", "reservation", "ticketing",
                                          "payment", "check_in", "boarding", "in_flight",
                                          "after_travel"));
  StageResolver stages(*map);
  EXPECT_EQ(stages.StageForKind("bag_drop"), "check_in");
  EXPECT_EQ(stages.StageForKind("gate_change"), "boarding");
  EXPECT_EQ(stages.StageForKind("lost_baggage"), "after_travel");
  EXPECT_EQ(stages.StageIndex("payment"), 3);
  EXPECT_EQ(stages.StageIndex("lounge"), -1);
}

TEST(ShippedStageMaps, DefaultMapIsCompiledInAndMatchesTheFile) {
  std::ifstream file(kMapDir + "/subscription.textproto");
  const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  EXPECT_EQ(DefaultStageMapText(), text) << "rebuild after editing subscription.textproto";
  absl::StatusOr<v1::StageMap> map = LoadDefaultStageMap();
  ASSERT_TRUE(map.ok()) << map.status();
  EXPECT_EQ(map->name(), "Subscription (telecom)");
}

TEST(StageMapLoading, JsonFilesLoadToo) {
  const std::string path = WriteTemp("tiny.json", R"({
    "name": "Tiny",
    "stages": [
      {"id": "buy", "name": "Buy", "recoveryPolicy": "Refund at once.", "kinds": ["purchase"]},
      {"id": "use", "name": "Use", "recovery_policy": "Fix it.", "kinds": ["usage"]}
    ],
    "defaultStage": "use"
  })");
  absl::StatusOr<v1::StageMap> map = LoadStageMapFile(path);
  ASSERT_TRUE(map.ok()) << map.status();
  StageResolver stages(*map);
  EXPECT_EQ(stages.StageForKind("purchase"), "buy");
  EXPECT_EQ(stages.StageForKind("anything_else"), "use") << "default_stage";
}

constexpr char kBrokenDuplicateKind[] = R"(name: "Broken"
stages {
  id: "use"
  name: "Use"
  recovery_policy: "Fix it."
  kinds: "complaint"
}
stages {
  id: "support"
  name: "Support"
  recovery_policy: "Help."
  kinds: "complaint"
}
)";

TEST(StageMapLoading, DuplicateKindNamesFileLineStageAndKind) {
  const std::string path = WriteTemp("dup_kind.textproto", kBrokenDuplicateKind);
  absl::StatusOr<v1::StageMap> map = LoadStageMapFile(path);
  ASSERT_EQ(map.status().code(), absl::StatusCode::kInvalidArgument);
  // Line 9 holds `id: "support"`, the stage that maps the kind a second time.
  EXPECT_EQ(Message(map),
            path + ":9: stage \"support\": kind \"complaint\" is already mapped to stage \"use\"");
}

TEST(StageMapLoading, UnknownDefaultStageIsRefusedWithTheChoices) {
  absl::StatusOr<v1::StageMap> map = ParseStageMapText(
      "stages { id: \"use\" name: \"Use\" recovery_policy: \"Fix it.\" }\n"
      "default_stage: \"support\"\n",
      "m.textproto");
  ASSERT_EQ(map.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(map),
            "m.textproto:2: default_stage \"support\" is not a stage of this map; use one of: use");
}

TEST(StageMapLoading, SyntaxErrorGivesFileLineAndColumn) {
  const std::string path = WriteTemp("syntax.textproto", "name: \"x\"\nstages {\n  idd: \"a\"\n}\n");
  absl::StatusOr<v1::StageMap> map = LoadStageMapFile(path);
  ASSERT_EQ(map.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(map), StartsWith(path + ":3:6: "));
  // The parser points just after the unknown field name.
  EXPECT_THAT(Message(map), HasSubstr("has no field named \"idd\""));
}

TEST(StageMapLoading, JsonSyntaxErrorNamesTheFile) {
  absl::StatusOr<v1::StageMap> map = ParseStageMapJson("{\"stages\": [", "m.json");
  ASSERT_EQ(map.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(map), StartsWith("m.json: not a valid stage map in JSON: "));
}

TEST(StageMapLoading, MissingFileAndUnknownExtension) {
  EXPECT_EQ(LoadStageMapFile("/nonexistent/map.textproto").status().code(),
            absl::StatusCode::kNotFound);
  absl::Status status = LoadStageMapFile("map.yaml").status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(status), HasSubstr(".textproto, .txtpb, .pbtxt or .json"));
}

struct RuleCase {
  const char* text;
  const char* message;
};

class StageMapRules : public ::testing::TestWithParam<RuleCase> {};

TEST_P(StageMapRules, RefusesWithLineAndReason) {
  absl::StatusOr<v1::StageMap> map = ParseStageMapText(GetParam().text, "m.textproto");
  ASSERT_EQ(map.status().code(), absl::StatusCode::kInvalidArgument) << GetParam().text;
  EXPECT_EQ(Message(map), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    EachRule, StageMapRules,
    ::testing::Values(
        RuleCase{"name: \"empty\"\n",
                 "m.textproto: the stage map has no stages; add at least one `stages { id: ... "
                 "name: ... recovery_policy: ... kinds: ... }`"},
        RuleCase{"stages {\n  id: \"Use\" name: \"U\" recovery_policy: \"r\" }\n",
                 "m.textproto:2: stage #1: id \"Use\" must be 1 to 64 characters of a-z, 0-9 and _"},
        RuleCase{"stages { id: \"a\" name: \"A\" recovery_policy: \"r\" }\n"
                 "stages { id: \"a\" name: \"B\" recovery_policy: \"r\" }\n",
                 "m.textproto:2: stage \"a\": id is already used by stage #1; stage ids must be "
                 "unique"},
        RuleCase{"stages { id: \"a\" recovery_policy: \"r\" }\n",
                 "m.textproto:1: stage \"a\": name is required (agents see it on the journey map)"},
        RuleCase{"stages { id: \"a\" name: \"A\" }\n",
                 "m.textproto:1: stage \"a\": recovery_policy is required (what an agent does "
                 "when the service failed at this stage)"},
        RuleCase{"stages { id: \"a\" name: \"A\" recovery_policy: \"r\" kinds: \"Bad Kind\" }\n",
                 "m.textproto:1: stage \"a\": kind \"Bad Kind\" must be 1 to 64 characters of "
                 "a-z, 0-9 and _"}));

}  // namespace
}  // namespace journeydesk::journey
