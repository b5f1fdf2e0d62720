#include "core/session.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace journeydesk::agent {

absl::StatusOr<std::string> LoadTokenFile(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return absl::NotFoundError(absl::StrCat("token file ", path.string(),
                                            " does not exist; create one with "
                                            "`jdctl token create --role agent --agent-id ID`"));
  }
  if (!S_ISREG(info.st_mode)) {
    return absl::InvalidArgumentError(absl::StrCat("token file ", path.string(), " is not a regular file"));
  }
  if ((info.st_mode & 077) != 0) {
    return absl::PermissionDeniedError(absl::StrFormat(
        "token file %s can be read by other users (mode %04o); the token is a password: "
        "run `chmod 600 %s` and try again",
        path.string(), info.st_mode & 07777, path.string()));
  }
  std::ifstream in(path);
  if (!in) {
    return absl::PermissionDeniedError(absl::StrCat("cannot read token file ", path.string()));
  }
  std::ostringstream content;
  content << in.rdbuf();
  std::string token(absl::StripAsciiWhitespace(content.str()));
  if (token.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("token file ", path.string(), " is empty"));
  }
  if (token.find('\n') != std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("token file ", path.string(), " holds more than one line; keep only the token"));
  }
  return token;
}

absl::StatusOr<Session> Session::Create(const std::string& server,
                                        const std::filesystem::path& token_file,
                                        const TransportOptions& transport) {
  const size_t colon = server.rfind(':');
  int port = 0;
  if (colon == std::string::npos || colon == 0 ||
      !absl::SimpleAtoi(server.substr(colon + 1), &port) || port <= 0 || port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("server address \"", server, "\" is not HOST:PORT, e.g. 127.0.0.1:50051"));
  }
  if (absl::Status allowed = CheckTransportAllowed(server, transport); !allowed.ok()) return allowed;
  Session session;
  if (!transport.tls_ca_file.empty()) {
    auto roots = ReadTlsRoots(transport.tls_ca_file);
    if (!roots.ok()) return roots.status();
    session.tls_ca_file = transport.tls_ca_file.string();
    session.tls_roots_pem = *std::move(roots);
  }
  auto token = LoadTokenFile(token_file);
  if (!token.ok()) return token.status();
  session.server = server;
  session.token = *std::move(token);
  return session;
}

}  // namespace journeydesk::agent
