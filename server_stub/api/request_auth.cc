#include "api/request_auth.h"

namespace journeydesk::api {

absl::StatusOr<auth::Caller> AuthorizeCall(const auth::Authenticator& authenticator,
                                           const grpc::ServerContext& context,
                                           std::initializer_list<store::Role> allowed,
                                           std::string_view rpc_name) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  std::string_view header;
  if (it != metadata.end()) header = std::string_view(it->second.data(), it->second.size());
  absl::StatusOr<auth::Caller> caller = authenticator.Authenticate(header);
  if (!caller.ok()) return caller.status();
  if (absl::Status allowed_status = auth::Authorize(*caller, allowed, rpc_name); !allowed_status.ok()) {
    return allowed_status;
  }
  return caller;
}

}  // namespace journeydesk::api
