#include "jdctl/service_connection.h"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

namespace journeydesk::jdctl {
namespace {

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace

absl::StatusOr<ServiceConnection> ServiceConnection::Open(const ConnectionFlags& flags) {
  ServiceConnection connection;
  if (!flags.token_file.empty()) {
    absl::StatusOr<std::string> token = ReadWholeFile(flags.token_file);
    if (!token.ok()) return token.status();
    connection.token_ = std::string(absl::StripAsciiWhitespace(*token));
  } else if (const char* env = std::getenv("JD_TOKEN"); env != nullptr) {
    connection.token_ = std::string(absl::StripAsciiWhitespace(env));
  }
  if (connection.token_.empty()) {
    return absl::InvalidArgumentError(
        "no token: pass --token-file FILE or set JD_TOKEN (create one with 'jdctl token create')");
  }
  std::string server = flags.server;
  if (server.empty()) {
    const char* env = std::getenv("JD_SERVER");
    server = env != nullptr ? env : "127.0.0.1:50051";
  }
  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
  if (!flags.tls_ca.empty()) {
    absl::StatusOr<std::string> roots = ReadWholeFile(flags.tls_ca);
    if (!roots.ok()) return roots.status();
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = *roots;
    credentials = grpc::SslCredentials(ssl);
  }
  connection.channel_ = grpc::CreateChannel(server, credentials);
  return connection;
}

std::unique_ptr<grpc::ClientContext> ServiceConnection::NewContext(int deadline_seconds) const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", absl::StrCat("Bearer ", token_));
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(deadline_seconds));
  return context;
}

}  // namespace journeydesk::jdctl
