#include "store_test_fixture.h"

namespace journeydesk::store::testing {
namespace {

using ::testing::MatchesRegex;
using TokenStoreTest = StoreTest;

TEST_F(TokenStoreTest, CreatedTokenAuthenticatesWithItsRoleAndAgent) {
  auto token = store_->CreateToken(Role::kSupervisor, "agent-7", "night shift");
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_THAT(token->info.token_id, MatchesRegex("[0-9a-f]{8}"));
  EXPECT_THAT(token->secret, MatchesRegex("jd_" + token->info.token_id + "_[A-Za-z0-9_-]{43}"));

  auto info = store_->Authenticate(token->secret);
  ASSERT_TRUE(info.ok()) << info.status();
  EXPECT_EQ(info->token_id, token->info.token_id);
  EXPECT_EQ(info->role, Role::kSupervisor);
  EXPECT_EQ(info->agent_id, "agent-7");
  EXPECT_EQ(info->label, "night shift");
}

TEST_F(TokenStoreTest, WrongOrRevokedSecretIsNotFound) {
  auto token = store_->CreateToken(Role::kAgent, "a1", "");
  ASSERT_TRUE(token.ok());
  std::string wrong = token->secret;
  wrong.back() = wrong.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(store_->Authenticate(wrong).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->Authenticate("Bearer nonsense").status().code(), absl::StatusCode::kNotFound);

  ASSERT_TRUE(store_->RevokeToken(token->info.token_id).ok());
  EXPECT_EQ(store_->Authenticate(token->secret).status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(store_->RevokeToken(token->info.token_id).ok()) << "revoking twice is harmless";
  EXPECT_EQ(store_->RevokeToken("ffffffff").code(), absl::StatusCode::kNotFound);
}

TEST_F(TokenStoreTest, ListShowsRevokedTokensWithTheirRevocationTime) {
  auto kept = store_->CreateToken(Role::kAdmin, "", "ops");
  auto revoked = store_->CreateToken(Role::kIntegration, "", "crm feed");
  ASSERT_TRUE(store_->RevokeToken(revoked->info.token_id).ok());
  auto tokens = store_->ListTokens();
  ASSERT_TRUE(tokens.ok());
  ASSERT_EQ(tokens->size(), 2u);
  for (const TokenInfo& info : *tokens) {
    EXPECT_EQ(info.revoked_at.has_value(), info.token_id == revoked->info.token_id);
  }
}

TEST_F(TokenStoreTest, SecretIsNeverWrittenToTheDatabaseFiles) {
  auto token = store_->CreateToken(Role::kAgent, "a1", "desk");
  ASSERT_TRUE(token.ok());
  // "jd_" + 8 hex digits + "_" + 43 base64url characters (which may themselves contain '_').
  ASSERT_EQ(token->secret.size(), 3u + 8u + 1u + 43u);
  std::string random_part = token->secret.substr(3 + 8 + 1);
  std::string files = ReadFile(db_path()) + ReadFile(db_path() + "-wal");
  ASSERT_FALSE(files.empty());
  EXPECT_EQ(files.find(random_part), std::string::npos);
  store_.reset();
  files = ReadFile(db_path()) + ReadFile(db_path() + "-wal");
  EXPECT_EQ(files.find(random_part), std::string::npos);
}

TEST(RoleNames, RoundTrip) {
  for (Role role : {Role::kAgent, Role::kSupervisor, Role::kAdmin, Role::kIntegration}) {
    EXPECT_EQ(ParseRole(RoleName(role)), role);
  }
  EXPECT_EQ(ParseRole("root"), std::nullopt);
}

}  // namespace
}  // namespace journeydesk::store::testing
