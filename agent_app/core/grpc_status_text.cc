#include "core/grpc_status_text.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace journeydesk::agent {

bool IsTransportFailure(const grpc::Status& status) {
  return status.error_code() == grpc::StatusCode::UNAVAILABLE ||
         status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED;
}

std::string Describe(const grpc::Status& status) {
  return status.error_message().empty() ? absl::StrCat("gRPC status ", status.error_code())
                                        : status.error_message();
}

std::string DescribeConnectionFailure(const grpc::Status& status, const std::string& tls_ca_file) {
  if (tls_ca_file.empty() || status.error_code() != grpc::StatusCode::UNAVAILABLE) return Describe(status);
  const std::string message = absl::AsciiStrToLower(status.error_message());
  const bool tls = absl::StrContains(message, "handshake") || absl::StrContains(message, "ssl") ||
                   absl::StrContains(message, "certificate") || absl::StrContains(message, "tls");
  if (!tls) return Describe(status);
  return absl::StrCat("TLS handshake with journeyd failed: its certificate is not signed by the CA in ", tls_ca_file,
                      " or does not name the server's host; check --tls-ca and the server address (",
                      status.error_message(), ")");
}

std::string CommandFailureText(const std::string& action, const grpc::Status& status) {
  if (IsTransportFailure(status)) {
    return absl::StrCat("could not ", action, ": journeyd is unreachable; try again when the connection is back");
  }
  return absl::StrCat("could not ", action, ": ", Describe(status));
}

std::string StreamFailureText(const grpc::Status& status) {
  switch (status.error_code()) {
    case grpc::StatusCode::UNAUTHENTICATED:
    case grpc::StatusCode::PERMISSION_DENIED:
      return absl::StrCat("journeyd refused the contact stream: ", Describe(status),
                          "; ask an admin for an agent token (jdctl token create --role agent --agent-id …)");
    case grpc::StatusCode::FAILED_PRECONDITION:
      return absl::StrCat("no contacts for this sign-in: ", Describe(status));
    default:
      return IsTransportFailure(status) ? std::string("contact stream lost; reconnecting")
                                        : absl::StrCat("contact stream ended: ", Describe(status), "; reconnecting");
  }
}

}  // namespace journeydesk::agent
