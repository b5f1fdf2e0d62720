#pragma once
// What a gRPC status means for the agent, in words that say what to do next.

#include <string>

#include "grpcpp/support/status.h"

namespace journeydesk::agent {

// UNAVAILABLE or DEADLINE_EXCEEDED: journeyd could not be reached (in time); worth retrying.
bool IsTransportFailure(const grpc::Status& status);
// journeyd's own message, or the code when it gave none.
std::string Describe(const grpc::Status& status);
// Why the connection failed, for the status bar: Describe(), except that a failed TLS
// handshake while connecting with `tls_ca_file` (empty: plain text) is said as what to
// check — journeyd's certificate must chain to that CA and name the server's host.
std::string DescribeConnectionFailure(const grpc::Status& status, const std::string& tls_ca_file);
// "could not accept: <journeyd's reason>", or for a transport failure that the action needs
// the connection and can be tried again when it is back.
std::string CommandFailureText(const std::string& action, const grpc::Status& status);
// Why the agent stream stopped, for the inbox's status line.
std::string StreamFailureText(const grpc::Status& status);

}  // namespace journeydesk::agent
