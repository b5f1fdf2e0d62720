#pragma once
// Authenticates a gRPC call from its metadata and checks the caller's role.

#include <initializer_list>
#include <string_view>

#include "absl/status/statusor.h"
#include "auth/authenticator.h"
#include "grpcpp/server_context.h"

namespace journeydesk::api {

// The caller of `context`, if its bearer token is valid and its role is in `allowed`.
absl::StatusOr<auth::Caller> AuthorizeCall(const auth::Authenticator& authenticator,
                                           const grpc::ServerContext& context,
                                           std::initializer_list<store::Role> allowed,
                                           std::string_view rpc_name);

}  // namespace journeydesk::api
