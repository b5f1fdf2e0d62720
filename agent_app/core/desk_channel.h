#pragma once
// The desktop's gRPC channel to journeyd, one per window: gRPC's own subchannel reconnect
// backoff kept short (250 ms – 2 s), so a client's next call soon finds a journeyd that came
// back. `credentials` null: plaintext (loopback, trusted LAN).

#include <memory>
#include <string>

#include "grpcpp/channel.h"
#include "grpcpp/security/credentials.h"

namespace journeydesk::agent {

std::shared_ptr<grpc::Channel> NewDeskChannel(const std::string& server,
                                              std::shared_ptr<grpc::ChannelCredentials> credentials = nullptr);

}  // namespace journeydesk::agent
