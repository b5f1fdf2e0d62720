#pragma once
// Who the desktop is talking to and as whom: the server address, the bearer token read from
// a file only its owner may read, and — after the first Ping — the agent id and role.

#include <filesystem>
#include <string>

#include "absl/status/statusor.h"

namespace journeydesk::agent {

// Reads a token file: a regular file, not readable or writable by group or others (the
// token is a password), holding one non-empty line. Errors say what to run to fix it.
absl::StatusOr<std::string> LoadTokenFile(const std::filesystem::path& path);

struct Session {
  std::string server;      // HOST:PORT
  std::string token;       // bearer secret; never logged
  std::string agent_id;    // from Ping; empty until connected
  std::string role;        // from Ping

  // Validates the address (HOST:PORT) and loads the token.
  static absl::StatusOr<Session> Create(const std::string& server,
                                        const std::filesystem::path& token_file);
};

}  // namespace journeydesk::agent
