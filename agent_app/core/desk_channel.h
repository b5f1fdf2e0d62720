#pragma once
// The desktop's gRPC channel to journeyd, one per window: gRPC's own subchannel reconnect
// backoff kept short (250 ms – 2 s), so a client's next call soon finds a journeyd that came
// back. `credentials` null: plaintext (loopback, or what Session::Create allowed).

#include <memory>
#include <string>

#include "grpcpp/channel.h"
#include "grpcpp/security/credentials.h"
#include "core/session.h"

namespace journeydesk::agent {

std::shared_ptr<grpc::Channel> NewDeskChannel(const std::string& server,
                                              std::shared_ptr<grpc::ChannelCredentials> credentials = nullptr);

// The credentials a signed-in session connects with: TLS checked against its roots when it
// has them (journeyd's certificate must chain to them and name the server's host), plain
// text otherwise. For the clients that make their own channel (SupervisorClient).
std::shared_ptr<grpc::ChannelCredentials> DeskCredentials(const Session& session);

// NewDeskChannel(session.server, DeskCredentials(session)).
std::shared_ptr<grpc::Channel> NewDeskChannel(const Session& session);

}  // namespace journeydesk::agent
