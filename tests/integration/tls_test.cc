// With --tls-cert/--tls-key journeyd serves TLS only, and may then listen beyond loopback.
#include <signal.h>
#include <sys/wait.h>

#include <fstream>

#include "gtest/gtest.h"
#include "support/journeyd_fixture.h"

namespace journeydesk::testing {
namespace {

using TlsTest = JourneydTest;

TEST_F(TlsTest, TlsClientsGetInAndPlaintextClientsDoNot) {
  if (!MakeLocalhostCertificate()) return;
  StartJourneyd({"--tls-cert", tls_cert_, "--tls-key", tls_key_});
  const std::string token_path = (dir_ / "agent.token").string();
  std::ofstream(token_path) << tokens_["agent"];

  // An IP literal, checked against the certificate's IP SAN: no name resolution needed.
  CommandResult over_tls = RunCommand({JDCTL_PATH, "ping", "--server", "127.0.0.1:" + std::to_string(port_),
                                       "--tls-ca", tls_cert_, "--token-file", token_path});
  EXPECT_EQ(over_tls.exit_code, 0) << over_tls.err;
  EXPECT_NE(over_tls.out.find("role agent"), std::string::npos) << over_tls.out;

  v1::PingResponse pong;
  grpc::Status plaintext = Stub()->Ping(Context("agent").get(), {}, &pong);
  EXPECT_EQ(plaintext.error_code(), grpc::StatusCode::UNAVAILABLE) << "plaintext must not be served";
}

TEST_F(TlsTest, WithTlsANonLoopbackAddressIsAllowed) {
  if (!MakeLocalhostCertificate()) return;
  auto process = ChildProcess::Start({JOURNEYD_PATH, "--db", db_path_.string(), "--listen", "0.0.0.0:0",
                                      "--tls-cert", tls_cert_, "--tls-key", tls_key_});
  ASSERT_TRUE(process.ok());
  std::optional<std::string> line = process->ReadLine(absl::Seconds(30));
  ASSERT_TRUE(line.has_value());
  EXPECT_EQ(line->rfind("journeyd listening on 0.0.0.0:", 0), 0u) << *line;
  int status = process->Signal(SIGTERM);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

}  // namespace
}  // namespace journeydesk::testing
