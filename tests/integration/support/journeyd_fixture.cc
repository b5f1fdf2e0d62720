#include "journeyd_fixture.h"

#include <signal.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/time_util.h"
#include "grpcpp/create_channel.h"
#include "store/sqlite_journey_store.h"

namespace journeydesk::testing {

void JourneydTest::SetUp() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  dir_ = std::filesystem::temp_directory_path() /
         absl::StrCat("jd-it-", info->test_suite_name(), "-", info->name(), "-", getpid());
  std::filesystem::remove_all(dir_);
  std::filesystem::create_directories(dir_);
  db_path_ = dir_ / "journey.db";
  auto store = store::SqliteJourneyStore::Open(db_path_.string());
  ASSERT_TRUE(store.ok()) << store.status();
  const std::vector<std::pair<std::string, store::Role>> roles = {
      {"agent", store::Role::kAgent},
      {"supervisor", store::Role::kSupervisor},
      {"admin", store::Role::kAdmin},
      {"integration", store::Role::kIntegration}};
  for (const auto& [name, role] : roles) {
    auto token = (*store)->CreateToken(role, name == "agent" ? "agent-1" : "", "test");
    ASSERT_TRUE(token.ok()) << token.status();
    tokens_[name] = token->secret;
    token_ids_[name] = token->info.token_id;
  }
}

void JourneydTest::TearDown() {
  journeyd_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

void JourneydTest::RestartJourneydOnSamePort(const std::vector<std::string>& extra_args) {
  const int port = port_;
  std::vector<std::string> args = extra_args;
  args.insert(args.begin(), {"--listen", absl::StrCat("127.0.0.1:", port)});
  StartJourneyd(args);
  EXPECT_EQ(port_, port);
}

void JourneydTest::StartJourneyd(const std::vector<std::string>& extra_args) {
  // A --listen in extra_args wins over the default.
  const bool has_listen = std::find(extra_args.begin(), extra_args.end(), "--listen") != extra_args.end();
  std::vector<std::string> argv = {JOURNEYD_PATH, "--db", db_path_.string(), "--log-level", "warn"};
  if (!has_listen) argv.insert(argv.end(), {"--listen", "127.0.0.1:0"});
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  auto process = ChildProcess::Start(argv);
  ASSERT_TRUE(process.ok()) << process.status();
  journeyd_ = std::make_unique<ChildProcess>(std::move(*process));
  std::optional<std::string> line = journeyd_->ReadLine(absl::Seconds(60));
  ASSERT_TRUE(line.has_value()) << "journeyd did not report listening";
  const std::string prefix = "journeyd listening on 127.0.0.1:";
  ASSERT_EQ(line->rfind(prefix, 0), 0u) << *line;
  ASSERT_TRUE(absl::SimpleAtoi(line->substr(prefix.size()), &port_)) << *line;
}

int JourneydTest::StopJourneyd() {
  int status = journeyd_->Signal(SIGTERM);
  journeyd_.reset();
  return status;
}

void JourneydTest::KillJourneyd() {
  journeyd_->Signal(SIGKILL);
  journeyd_.reset();
}

std::string JourneydTest::Address() const { return absl::StrCat("127.0.0.1:", port_); }

std::unique_ptr<v1::JourneyService::Stub> JourneydTest::Stub() const {
  return v1::JourneyService::NewStub(
      grpc::CreateChannel(Address(), grpc::InsecureChannelCredentials()));
}

std::unique_ptr<grpc::ClientContext> JourneydTest::Context(const std::string& role) const {
  auto context = std::make_unique<grpc::ClientContext>();
  if (auto it = tokens_.find(role); it != tokens_.end()) {
    context->AddMetadata("authorization", "Bearer " + it->second);
  }
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  return context;
}

v1::Touchpoint MakeTouchpoint(const std::string& id, const std::string& customer_id,
                              const std::string& channel, const std::string& kind,
                              absl::Time occurred_at) {
  v1::Touchpoint tp;
  tp.set_id(id);
  tp.set_customer_id(customer_id);
  tp.set_channel(channel);
  tp.set_kind(kind);
  *tp.mutable_occurred_at() =
      google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(occurred_at));
  return tp;
}

bool JourneydTest::MakeLocalhostCertificate() {
  tls_cert_ = (dir_ / "cert.pem").string();
  tls_key_ = (dir_ / "key.pem").string();
  CommandResult made = RunCommand({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                                   tls_key_, "-out", tls_cert_, "-days", "1", "-subj", "/CN=localhost", "-addext",
                                   "subjectAltName=DNS:localhost,IP:127.0.0.1"});
  if (made.exit_code != 0) {
    [&] { GTEST_SKIP() << "openssl command line not available: " << made.err; }();  // GTEST_SKIP returns void
    return false;
  }
  return true;
}

std::string ReadFileBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace journeydesk::testing
