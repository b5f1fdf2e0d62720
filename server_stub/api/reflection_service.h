#pragma once
// grpc.reflection.v1alpha.ServerReflection behind the bearer-token check that guards every
// other RPC (gRPC's stock reflection plugin cannot be authenticated). Any role may use it;
// it describes the contract in proto/ from the generated descriptor pool and reveals no data.
// Tools such as grpcurl pass the header with `-H 'authorization: Bearer …'`.

#include <string>
#include <vector>

#include "auth/authenticator.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"

namespace journeydesk::api {

class AuthenticatedReflectionService final
    : public grpc::reflection::v1alpha::ServerReflection::Service {
 public:
  // `service_names`: the fully qualified services journeyd serves, as listed to clients.
  AuthenticatedReflectionService(const auth::Authenticator& authenticator,
                                 std::vector<std::string> service_names)
      : authenticator_(authenticator), service_names_(std::move(service_names)) {}

  grpc::Status ServerReflectionInfo(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<grpc::reflection::v1alpha::ServerReflectionResponse,
                               grpc::reflection::v1alpha::ServerReflectionRequest>* stream) override;

 private:
  const auth::Authenticator& authenticator_;
  const std::vector<std::string> service_names_;
};

}  // namespace journeydesk::api
