#pragma once
// A real journeyd on loopback with a temporary SQLite file, for integration tests.
// Each test gets its own directory, database, port and one token per role.

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "child_process.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "journeydesk/v1/journey_service.grpc.pb.h"
#include "store/journey_store.h"

namespace journeydesk::testing {

class JourneydTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Starts journeyd on 127.0.0.1:<free port> with `extra_args`; fails the test if it does
  // not report listening within 60 s.
  void StartJourneyd(const std::vector<std::string>& extra_args = {});
  // Starts journeyd again on the port it had (clients keep their address), after a stop or
  // a kill.
  void RestartJourneydOnSamePort(const std::vector<std::string>& extra_args = {});
  // SIGTERM and wait; returns the wait status.
  int StopJourneyd();
  // SIGKILL: a crash.
  void KillJourneyd();

  // A self-signed certificate for localhost and 127.0.0.1, made with the openssl command line
  // into tls_cert_ / tls_key_ (PEM files in dir_). Without openssl the test is skipped with
  // the reason and this returns false.
  bool MakeLocalhostCertificate();

  std::unique_ptr<v1::JourneyService::Stub> Stub() const;
  // A context carrying the token of `role` ("agent", "supervisor", "admin",
  // "integration", or "none" for no token), with a 10 s deadline.
  std::unique_ptr<grpc::ClientContext> Context(const std::string& role) const;
  std::string Address() const;

  std::filesystem::path dir_;
  std::filesystem::path db_path_;
  std::map<std::string, std::string> tokens_;  // role → secret; agent token is agent "agent-1"
  std::map<std::string, std::string> token_ids_;
  std::unique_ptr<ChildProcess> journeyd_;
  int port_ = 0;
  std::string tls_cert_, tls_key_;
};

// A touchpoint for tests: id, customer, channel, kind, occurred `age` ago from `now`.
v1::Touchpoint MakeTouchpoint(const std::string& id, const std::string& customer_id,
                              const std::string& channel, const std::string& kind,
                              absl::Time occurred_at);

std::string ReadFileBytes(const std::filesystem::path& path);

}  // namespace journeydesk::testing
