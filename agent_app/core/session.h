#pragma once
// Who the desktop is talking to and as whom: the server address, the bearer token read from
// a file only its owner may read, and — after the first Ping — the agent id and role.

#include <filesystem>
#include <string>

#include "absl/status/statusor.h"
#include "core/transport_security.h"

namespace journeydesk::agent {

// Reads a token file: a regular file, not readable or writable by group or others (the
// token is a password), holding one non-empty line. Errors say what to run to fix it.
absl::StatusOr<std::string> LoadTokenFile(const std::filesystem::path& path);

struct Session {
  std::string server;      // HOST:PORT
  std::string token;       // bearer secret; never logged
  std::string agent_id;    // from Ping; empty until connected
  std::string role;        // from Ping
  std::string tls_ca_file;   // where tls_roots_pem came from, for messages
  std::string tls_roots_pem; // PEM roots journeyd's certificate must chain to; empty: plain text

  // Validates the address (HOST:PORT), checks the transport (transport_security.h: plain
  // text only to loopback unless allowed), reads the TLS roots and loads the token. Every
  // error says what to do next.
  static absl::StatusOr<Session> Create(const std::string& server,
                                        const std::filesystem::path& token_file,
                                        const TransportOptions& transport = {});
};

}  // namespace journeydesk::agent
