// The desktop's connection to journeyd: over TLS when given journeyd's CA (the whole core —
// journeys and the contact stream — on one TLS channel), turned away with a reason naming
// --tls-ca when the CA is the wrong one, and never plain text to a remote address by
// accident.
#include "core/transport_security.h"

#include <sys/stat.h>

#include <fstream>

#include "absl/strings/match.h"
#include "core/desk_core.h"
#include "core/session.h"
#include "gtest/gtest.h"
#include "notification_wait.h"
#include "support/child_process.h"
#include "support/journeyd_fixture.h"

namespace journeydesk::agent {
namespace {

using journeydesk::testing::CommandResult;
using journeydesk::testing::JourneydTest;
using journeydesk::testing::RunCommand;

class TransportSecurityTest : public JourneydTest {
 protected:
  // A self-signed certificate for localhost / 127.0.0.1 (its own CA), as an operator makes
  // one for journeyd. Skips the test without the openssl command line.
  std::string MakeCertificate(const std::string& name) {
    const std::string cert = (dir_ / (name + ".pem")).string();
    const std::string key = (dir_ / (name + ".key")).string();
    CommandResult made = RunCommand({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                                     "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost",
                                     "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"});
    if (made.exit_code != 0) ADD_FAILURE() << "openssl command line not available: " << made.err;
    return cert;
  }

  std::filesystem::path WriteTokenFile() {
    const auto path = dir_ / "agent.token";
    std::ofstream(path) << tokens_["agent"];
    ::chmod(path.c_str(), 0600);
    return path;
  }

  std::unique_ptr<DeskCore> StartCore(const Session& session) {
    DeskCoreOptions options;
    options.session = session;
    options.store_path = dir_ / "desk" / "journeydesk.db";
    options.customer_id = "C-000001";
    return std::make_unique<DeskCore>(std::move(options));
  }
};

TEST_F(TransportSecurityTest, TheDesktopSignsInAndLoadsAJourneyOverTls) {
  const std::string cert = MakeCertificate("journeyd");
  StartJourneyd({"--tls-cert", cert, "--tls-key", (dir_ / "journeyd.key").string(), "--demo", "--demo-customers",
                 "5"});
  auto session = Session::Create(Address(), WriteTokenFile(), {.tls_ca_file = cert});
  ASSERT_TRUE(session.ok()) << session.status();
  EXPECT_FALSE(session->tls_roots_pem.empty());

  auto core = StartCore(*session);
  NotificationRecorder recorder(core->queue());
  auto ready = recorder.WaitFor<SessionReady>([](const SessionReady&) { return true; });
  ASSERT_TRUE(ready.has_value()) << "Ping over TLS";
  EXPECT_EQ(ready->agent_id, "agent-1");
  auto loaded = recorder.WaitFor<JourneyLoaded>([](const JourneyLoaded&) { return true; });
  ASSERT_TRUE(loaded.has_value());
  EXPECT_FALSE(loaded->from_cache) << "from journeyd, over TLS";
  EXPECT_EQ(loaded->journey.customer().id(), "C-000001");
  // The contact stream shares the channel: it is up too.
  EXPECT_TRUE(recorder.WaitFor<AgentStreamStarted>([](const AgentStreamStarted&) { return true; }).has_value());
}

TEST_F(TransportSecurityTest, AWrongCaIsTurnedAwayWithAReasonThatNamesTheCaFile) {
  const std::string cert = MakeCertificate("journeyd");
  const std::string other = MakeCertificate("someone-else");
  StartJourneyd({"--tls-cert", cert, "--tls-key", (dir_ / "journeyd.key").string()});
  auto session = Session::Create(Address(), WriteTokenFile(), {.tls_ca_file = other});
  ASSERT_TRUE(session.ok()) << session.status();

  auto core = StartCore(*session);
  NotificationRecorder recorder(core->queue());
  auto change = recorder.WaitFor<ConnectionChanged>(
      [](const ConnectionChanged& c) { return c.state != ConnectionState::kConnected && !c.detail.empty(); });
  ASSERT_TRUE(change.has_value());
  EXPECT_TRUE(absl::StrContains(change->detail, "TLS")) << change->detail;
  EXPECT_TRUE(absl::StrContains(change->detail, "--tls-ca")) << change->detail;
  EXPECT_TRUE(absl::StrContains(change->detail, other)) << change->detail;
  EXPECT_FALSE(recorder.WaitFor<SessionReady>([](const SessionReady&) { return true; }, absl::Seconds(1)))
      << "never signed in";
}

TEST_F(TransportSecurityTest, PlainTextGoesOnlyToLoopbackUnlessTheUserAllowsIt) {
  const auto token = WriteTokenFile();
  for (const char* local : {"127.0.0.1:50051", "127.1.2.3:7", "localhost:50051", "[::1]:50051"}) {
    EXPECT_TRUE(Session::Create(local, token).ok()) << local;
  }
  auto refused = Session::Create("10.0.0.7:50051", token);
  ASSERT_TRUE(absl::IsFailedPrecondition(refused.status())) << refused.status();
  const std::string message(refused.status().message());
  EXPECT_TRUE(absl::StrContains(message, "refusing to connect to 10.0.0.7:50051 in plain text")) << message;
  EXPECT_TRUE(absl::StrContains(message, "--tls-ca FILE")) << message;
  EXPECT_TRUE(absl::StrContains(message, "--allow-insecure-remote")) << message;
  EXPECT_FALSE(Session::Create("journeyd.example.com:50051", token).ok());

  auto allowed = Session::Create("10.0.0.7:50051", token, {.allow_insecure_remote = true});
  ASSERT_TRUE(allowed.ok()) << allowed.status();
  EXPECT_TRUE(allowed->tls_roots_pem.empty());
  const std::string cert = MakeCertificate("journeyd");
  EXPECT_TRUE(Session::Create("journeyd.example.com:50051", token, {.tls_ca_file = cert}).ok());
}

TEST_F(TransportSecurityTest, ACaFileThatIsMissingOrNotPemSaysWhatToGive) {
  const auto token = WriteTokenFile();
  auto missing = Session::Create("127.0.0.1:50051", token, {.tls_ca_file = dir_ / "nope.pem"});
  ASSERT_TRUE(absl::IsNotFound(missing.status())) << missing.status();
  EXPECT_TRUE(absl::StrContains(missing.status().message(), "cannot read the TLS CA file"));

  std::ofstream(dir_ / "key-not-cert.pem") << "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n";
  auto wrong = Session::Create("127.0.0.1:50051", token, {.tls_ca_file = dir_ / "key-not-cert.pem"});
  ASSERT_TRUE(absl::IsInvalidArgument(wrong.status())) << wrong.status();
  EXPECT_TRUE(absl::StrContains(wrong.status().message(), "holds no PEM certificate"));
}

}  // namespace
}  // namespace journeydesk::agent
