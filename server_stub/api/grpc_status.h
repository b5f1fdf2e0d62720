#pragma once
// The one place absl::Status becomes grpc::Status: canonical codes map one to one.

#include <string>

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace journeydesk::api {

inline grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), std::string(status.message()));
}

}  // namespace journeydesk::api
