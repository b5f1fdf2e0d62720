#pragma once
// How the desktop protects its connection to journeyd — the same rule journeyd applies to
// itself: TLS when given the CA that signed journeyd's certificate (`--tls-ca FILE`, the
// same flag as jdctl's); plain text only to a loopback address (127.0.0.0/8, ::1,
// localhost), unless the user says an encrypting proxy or tunnel is in between
// (`--allow-insecure-remote`). A bearer token and customer data must not cross a network
// unencrypted by accident.

#include <filesystem>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace journeydesk::agent {

struct TransportOptions {
  std::filesystem::path tls_ca_file;   // PEM root certificates; set → TLS
  bool allow_insecure_remote = false;  // plain text to a non-loopback address
};

// HOST:PORT or [IPv6]:PORT whose host is 127.x.x.x, ::1 or localhost (journeyd's
// IsLoopbackListenAddress rule, seen from the client).
bool IsLoopbackServer(std::string_view server);

// The PEM roots in `file`. NOT_FOUND when it cannot be read, INVALID_ARGUMENT when it holds
// no "BEGIN CERTIFICATE" block; both say what to pass instead.
absl::StatusOr<std::string> ReadTlsRoots(const std::filesystem::path& file);

// OK for TLS, for loopback, or with allow_insecure_remote; otherwise FAILED_PRECONDITION
// naming the three ways out.
absl::Status CheckTransportAllowed(const std::string& server, const TransportOptions& transport);

}  // namespace journeydesk::agent
