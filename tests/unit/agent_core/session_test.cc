// Signing in: the token file is a password and must be readable by its owner only.
#include "core/session.h"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace journeydesk::agent {
namespace {

class SessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() / absl::StrCat("jd-session-", info->name(), "-", getpid());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path WriteToken(const std::string& content, mode_t mode) {
    const auto path = dir_ / "agent.token";
    std::ofstream(path) << content;
    ::chmod(path.c_str(), mode);
    return path;
  }

  std::filesystem::path dir_;
};

TEST_F(SessionTest, ReadsATokenOnlyItsOwnerCanRead) {
  auto session = Session::Create("127.0.0.1:50051", WriteToken("jd_secret_123\n", 0600));
  ASSERT_TRUE(session.ok()) << session.status();
  EXPECT_EQ(session->token, "jd_secret_123") << "trailing newline dropped";
  EXPECT_EQ(session->server, "127.0.0.1:50051");
  EXPECT_TRUE(LoadTokenFile(WriteToken("jd_secret_123", 0400)).ok());
}

TEST_F(SessionTest, RefusesATokenFileOthersCanReadAndSaysHowToFixIt) {
  for (mode_t mode : {0644, 0640, 0604, 0660}) {
    const auto path = WriteToken("jd_secret_123", mode);
    auto token = LoadTokenFile(path);
    ASSERT_FALSE(token.ok()) << std::oct << mode;
    EXPECT_EQ(token.status().code(), absl::StatusCode::kPermissionDenied);
    EXPECT_NE(token.status().message().find("chmod 600 " + path.string()), absl::string_view::npos)
        << token.status();
  }
}

TEST_F(SessionTest, RefusesMissingEmptyAndMultiLineTokenFiles) {
  EXPECT_EQ(LoadTokenFile(dir_ / "absent.token").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(LoadTokenFile(WriteToken("  \n", 0600)).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(LoadTokenFile(WriteToken("one\ntwo\n", 0600)).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(LoadTokenFile(dir_).status().code(), absl::StatusCode::kInvalidArgument) << "a directory";
}

TEST_F(SessionTest, ServerMustBeHostAndPort) {
  const auto token = WriteToken("jd_secret_123", 0600);
  EXPECT_TRUE(Session::Create("localhost:1", token).ok());
  EXPECT_TRUE(Session::Create("[::1]:50051", token).ok());
  for (const char* bad : {"localhost", ":50051", "host:0", "host:70000", "host:port"}) {
    auto session = Session::Create(bad, token);
    ASSERT_FALSE(session.ok()) << bad;
    EXPECT_NE(session.status().message().find("HOST:PORT"), absl::string_view::npos);
  }
}

}  // namespace
}  // namespace journeydesk::agent
