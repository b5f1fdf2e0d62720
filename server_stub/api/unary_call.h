#pragma once
// The shape of every unary RPC handler: authenticate, authorise by role, run the use case,
// convert its absl::Status once. Handlers stay one line and hold no business logic.

#include <initializer_list>
#include <string_view>
#include <utility>

#include "absl/status/statusor.h"
#include "api/grpc_status.h"
#include "api/request_auth.h"
#include "grpcpp/server_context.h"

namespace journeydesk::api {

// Runs `call(caller)` for an authorised caller and moves its result into `response`.
template <typename Response, typename Call>
grpc::Status RunUnary(const auth::Authenticator& authenticator, grpc::ServerContext* context,
                      std::initializer_list<store::Role> allowed, std::string_view rpc_name,
                      Response* response, Call&& call) {
  absl::StatusOr<auth::Caller> caller = AuthorizeCall(authenticator, *context, allowed, rpc_name);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  absl::StatusOr<Response> result = call(*caller);
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = std::move(*result);
  return grpc::Status::OK;
}

}  // namespace journeydesk::api
