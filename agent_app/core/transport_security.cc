#include "core/transport_security.h"

#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace journeydesk::agent {

bool IsLoopbackServer(std::string_view server) {
  absl::string_view host(server.data(), server.size());
  if (absl::StartsWith(host, "[")) {
    const size_t close = host.find(']');
    host = host.substr(1, close == absl::string_view::npos ? host.size() - 1 : close - 1);
  } else if (const size_t colon = host.rfind(':'); colon != absl::string_view::npos && host.find(':') == colon) {
    host = host.substr(0, colon);
  }
  return host == "localhost" || host == "::1" || absl::StartsWith(host, "127.");
}

absl::StatusOr<std::string> ReadTlsRoots(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("cannot read the TLS CA file ", file.string(),
                                            "; pass --tls-ca with the PEM file of the CA that signed "
                                            "journeyd's certificate"));
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (content.str().find("-----BEGIN CERTIFICATE-----") == std::string::npos) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the TLS CA file ", file.string(),
        " holds no PEM certificate (-----BEGIN CERTIFICATE-----); give the CA certificate, not a key or a DER file"));
  }
  return content.str();
}

absl::Status CheckTransportAllowed(const std::string& server, const TransportOptions& transport) {
  if (!transport.tls_ca_file.empty() || transport.allow_insecure_remote || IsLoopbackServer(server)) {
    return absl::OkStatus();
  }
  return absl::FailedPreconditionError(absl::StrCat(
      "refusing to connect to ", server,
      " in plain text: your token and customer data would cross the network unencrypted. Give --tls-ca FILE "
      "(the CA that signed journeyd's certificate), connect to 127.0.0.1, or pass --allow-insecure-remote if a "
      "proxy or tunnel encrypts the connection"));
}

}  // namespace journeydesk::agent
