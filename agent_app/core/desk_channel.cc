#include "core/desk_channel.h"

#include "grpcpp/create_channel.h"
#include "grpcpp/support/channel_arguments.h"

namespace journeydesk::agent {

std::shared_ptr<grpc::Channel> NewDeskChannel(const std::string& server,
                                              std::shared_ptr<grpc::ChannelCredentials> credentials) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 250);
  args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, 250);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
  return grpc::CreateCustomChannel(server, credentials ? credentials : grpc::InsecureChannelCredentials(), args);
}

std::shared_ptr<grpc::ChannelCredentials> DeskCredentials(const Session& session) {
  if (session.tls_roots_pem.empty()) return grpc::InsecureChannelCredentials();
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = session.tls_roots_pem;
  return grpc::SslCredentials(ssl);
}

std::shared_ptr<grpc::Channel> NewDeskChannel(const Session& session) {
  return NewDeskChannel(session.server, DeskCredentials(session));
}

}  // namespace journeydesk::agent
