// The rules a plugin must meet before any of its code runs: ABI versions, plugin.json,
// permissions, and the state machine the plugin manager shows.
#include <fstream>

#include "core/plugin_host/abi_version.h"
#include "core/plugin_host/permissions.h"
#include "core/plugin_host/plugin_manifest.h"
#include "core/plugin_host/plugin_state.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "plugin_test_support.h"

namespace journeydesk::agent::plugins {
namespace {

using ::testing::HasSubstr;

TEST(AbiVersion, SameMajorAndOlderOrEqualMinorRuns) {
  EXPECT_TRUE(CheckAbiCompatible({1, 0}, {1, 0}).ok());
  EXPECT_TRUE(CheckAbiCompatible({1, 0}, {1, 3}).ok());
  EXPECT_FALSE(CheckAbiCompatible({1, 4}, {1, 3}).ok());
  EXPECT_FALSE(CheckAbiCompatible({2, 0}, {1, 3}).ok());
  EXPECT_FALSE(CheckAbiCompatible({0, 9}, {1, 3}).ok());
}

TEST(AbiVersion, OnlyMajorDotMinorParses) {
  EXPECT_EQ(ParseAbiVersion("1.0")->minor, 0);
  EXPECT_EQ(ParseAbiVersion("12.7")->major, 12);
  EXPECT_FALSE(ParseAbiVersion("1").ok());
  EXPECT_FALSE(ParseAbiVersion("1.0.0").ok());
  EXPECT_FALSE(ParseAbiVersion("v1.0").ok());
  EXPECT_FALSE(ParseAbiVersion("-1.0").ok());
}

TEST(Manifest, TheBundledManifestsAreValid) {
  for (const char* id : {"email", "chat", "phone"}) {
    auto manifest = ReadManifest(std::filesystem::path(testing::BundledRoot()) / id);
    ASSERT_TRUE(manifest.ok()) << manifest.status();
    EXPECT_EQ(manifest->fields.id(), id);
    EXPECT_TRUE(manifest->permissions.count("customer.name"));
  }
}

TEST(Manifest, MalformedManifestNamesTheFileAndTheProblem) {
  auto manifest = ReadManifest(std::filesystem::path(testing::FixtureRoot()) / "invalid_manifest");
  ASSERT_FALSE(manifest.ok());
  EXPECT_TRUE(absl::IsInvalidArgument(manifest.status()));
  EXPECT_THAT(std::string(manifest.status().message()), HasSubstr("plugin.json"));
  EXPECT_THAT(std::string(manifest.status().message()), HasSubstr("colour"));
}

TEST(Manifest, UnknownPermissionIsRefusedWithTheKnownOnes) {
  auto manifest = ReadManifest(std::filesystem::path(testing::FixtureRoot()) / "unknown_permission");
  ASSERT_FALSE(manifest.ok());
  EXPECT_THAT(std::string(manifest.status().message()), HasSubstr("customer.password"));
  EXPECT_THAT(std::string(manifest.status().message()), HasSubstr("customer.email"));
}

TEST(Manifest, MissingFieldsAreNamed) {
  auto dir = std::filesystem::temp_directory_path() / "jd-manifest-missing-name";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "plugin.json") << R"({"id": "x", "version": "1.0.0", "abi": "1.0", "channels": ["x"], "library": "libx.so"})";
  auto manifest = ReadManifest(dir);
  ASSERT_FALSE(manifest.ok());
  EXPECT_THAT(std::string(manifest.status().message()), HasSubstr("\"name\" is missing"));
  std::filesystem::remove_all(dir);
}

TEST(Manifest, NewerAbiIsRefusedBeforeLoading) {
  auto manifest = ReadManifest(std::filesystem::path(testing::FixtureRoot()) / "newer_abi_minor");
  ASSERT_FALSE(manifest.ok());
  EXPECT_TRUE(absl::IsFailedPrecondition(manifest.status()));
  EXPECT_THAT(std::string(manifest.status().message()), HasSubstr("newer than this desktop's 1.0"));
}

TEST(Permissions, CustomerDataOutsideTheManifestIsCleared) {
  plugin::v1::HostEvent event;
  *event.mutable_contact_assigned() = testing::MakeContact("K-1", "email");
  FilterEvent(event, {"customer.name"});
  const auto& customer = event.contact_assigned().customer();
  EXPECT_EQ(customer.display_name(), "Ada Lovelace");
  EXPECT_EQ(customer.customer_id(), "C-000001");
  EXPECT_EQ(customer.email(), "");
  EXPECT_EQ(customer.phone(), "");
  EXPECT_EQ(customer.current_stage(), "");
  EXPECT_EQ(event.contact_assigned().contact().address(), "");
  // The conversation itself is the channel's business.
  EXPECT_EQ(event.contact_assigned().contact().messages_size(), 1);
}

TEST(Permissions, CodeNeedingUndeclaredDataIsNamed) {
  absl::Status status = CheckCodeNeedsDeclared("customer.name, customer.email", {"customer.name"});
  EXPECT_TRUE(absl::IsPermissionDenied(status));
  EXPECT_THAT(std::string(status.message()), HasSubstr("customer.email"));
  EXPECT_TRUE(CheckCodeNeedsDeclared("", {}).ok());
}

TEST(PluginState, OnlyTheDocumentedTransitionsAreAllowed) {
  using S = PluginState;
  EXPECT_TRUE(CheckTransition(S::kDiscovered, S::kStarting).ok());
  EXPECT_TRUE(CheckTransition(S::kRunning, S::kRestarting).ok());
  EXPECT_TRUE(CheckTransition(S::kRestarting, S::kRunning).ok());
  EXPECT_TRUE(CheckTransition(S::kFailed, S::kStarting).ok());
  EXPECT_FALSE(CheckTransition(S::kRefused, S::kStarting).ok());
  EXPECT_FALSE(CheckTransition(S::kDiscovered, S::kRunning).ok());
}

}  // namespace
}  // namespace journeydesk::agent::plugins
