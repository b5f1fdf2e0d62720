#pragma once
// What a gRPC status means for the agent, in words that say what to do next.

#include <string>

#include "grpcpp/support/status.h"

namespace journeydesk::agent {

// UNAVAILABLE or DEADLINE_EXCEEDED: journeyd could not be reached (in time); worth retrying.
bool IsTransportFailure(const grpc::Status& status);
// journeyd's own message, or the code when it gave none.
std::string Describe(const grpc::Status& status);
// "could not accept: <journeyd's reason>", or for a transport failure that the action needs
// the connection and can be tried again when it is back.
std::string CommandFailureText(const std::string& action, const grpc::Status& status);
// Why the agent stream stopped, for the inbox's status line.
std::string StreamFailureText(const grpc::Status& status);

}  // namespace journeydesk::agent
