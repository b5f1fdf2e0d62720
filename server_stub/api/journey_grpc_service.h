#pragma once
// journeydesk.v1.JourneyService over gRPC: authenticate, authorise by role, call the
// core, convert the status. No business logic here.
//
// GetJourney sends the bytes JourneyServiceCore::GetJourneySerialized makes (most of them
// kept with the cached journey), through a streamed-unary handler — a unary RPC on the
// wire, but one whose response the service writes as bytes. Clients see an ordinary
// GetJourney.
//
// WatchCustomer holds one server thread per stream and ends with UNAVAILABLE when
// journeyd shuts down (clients reconnect), RESOURCE_EXHAUSTED when the watcher fell too
// far behind, OK after the customer was erased.

#include "auth/authenticator.h"
#include "grpcpp/support/byte_buffer.h"
#include "grpcpp/support/sync_stream.h"
#include "journeydesk/v1/journey_service.grpc.pb.h"
#include "service/journey_service_core.h"
#include "service/next_step_service.h"

namespace journeydesk::api {

class JourneyGrpcService final : public v1::JourneyService::Service {
 public:
  JourneyGrpcService(service::JourneyServiceCore& core, service::NextStepService& next_steps,
                     const auth::Authenticator& authenticator);

  grpc::Status UpsertCustomer(grpc::ServerContext* context, const v1::UpsertCustomerRequest* request,
                              v1::UpsertCustomerResponse* response) override;
  grpc::Status GetCustomer(grpc::ServerContext* context, const v1::GetCustomerRequest* request,
                           v1::Customer* response) override;
  grpc::Status SearchCustomers(grpc::ServerContext* context, const v1::SearchCustomersRequest* request,
                               v1::SearchCustomersResponse* response) override;
  grpc::Status RecordTouchpoints(grpc::ServerContext* context,
                                 const v1::RecordTouchpointsRequest* request,
                                 v1::RecordTouchpointsResponse* response) override;
  grpc::Status WatchCustomer(grpc::ServerContext* context, const v1::WatchCustomerRequest* request,
                             grpc::ServerWriter<v1::CustomerEvent>* writer) override;
  grpc::Status SetConsent(grpc::ServerContext* context, const v1::SetConsentRequest* request,
                          v1::Customer* response) override;
  grpc::Status ExportCustomer(grpc::ServerContext* context, const v1::ExportCustomerRequest* request,
                              v1::CustomerExport* response) override;
  grpc::Status EraseCustomer(grpc::ServerContext* context, const v1::EraseCustomerRequest* request,
                             v1::EraseCustomerResponse* response) override;
  grpc::Status Ping(grpc::ServerContext* context, const v1::PingRequest* request,
                    v1::PingResponse* response) override;
  grpc::Status SuggestNextSteps(grpc::ServerContext* context, const v1::SuggestNextStepsRequest* request,
                                v1::SuggestNextStepsResponse* response) override;
  grpc::Status RecordActionOutcome(grpc::ServerContext* context, const v1::RecordActionOutcomeRequest* request,
                                   v1::RecordActionOutcomeResponse* response) override;

 private:
  // GetJourney: one request read, one response written as bytes.
  grpc::Status StreamedGetJourney(grpc::ServerContext* context,
                                  grpc::ServerUnaryStreamer<v1::GetJourneyRequest, grpc::ByteBuffer>* stream);

  service::JourneyServiceCore& core_;
  service::NextStepService& next_steps_;
  const auth::Authenticator& authenticator_;
};

}  // namespace journeydesk::api
