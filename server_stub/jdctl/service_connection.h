#pragma once
// How jdctl reaches a running journeyd: address, TLS and the bearer token.

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"

namespace journeydesk::jdctl {

struct ConnectionFlags {
  std::string server;      // HOST:PORT; default $JD_SERVER or 127.0.0.1:50051
  std::string token_file;  // file holding the token; default $JD_TOKEN
  std::string tls_ca;      // PEM roots; set → TLS
};

class ServiceConnection {
 public:
  // Reads the token (never printed). INVALID_ARGUMENT when no token is given.
  static absl::StatusOr<ServiceConnection> Open(const ConnectionFlags& flags);

  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  // A context carrying the token and a deadline of `deadline_seconds`.
  std::unique_ptr<grpc::ClientContext> NewContext(int deadline_seconds = 30) const;

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::string token_;
};

}  // namespace journeydesk::jdctl
