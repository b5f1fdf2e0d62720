#include "api/journey_grpc_service.h"

#include <utility>

#include "api/grpc_status.h"
#include "api/request_auth.h"
#include "api/unary_call.h"

namespace journeydesk::api {
namespace {

using store::Role;

constexpr std::initializer_list<Role> kReaders = {Role::kAgent, Role::kSupervisor, Role::kAdmin};
constexpr std::initializer_list<Role> kWriters = {Role::kAgent, Role::kSupervisor, Role::kAdmin,
                                                  Role::kIntegration};
constexpr std::initializer_list<Role> kAdmins = {Role::kAdmin};

// Position of GetJourney among the service's methods, as the generated code numbers them.
int GetJourneyMethodIndex() {
  const google::protobuf::ServiceDescriptor* service =
      v1::GetJourneyRequest::descriptor()->file()->FindServiceByName("JourneyService");
  return service->FindMethodByName("GetJourney")->index();
}

}  // namespace

JourneyGrpcService::JourneyGrpcService(service::JourneyServiceCore& core,
                                       service::NextStepService& next_steps,
                                       const auth::Authenticator& authenticator)
    : core_(core), next_steps_(next_steps), authenticator_(authenticator) {
  MarkMethodStreamed(
      GetJourneyMethodIndex(),
      new grpc::internal::StreamedUnaryHandler<v1::GetJourneyRequest, grpc::ByteBuffer>(
          [this](grpc::ServerContext* context,
                 grpc::ServerUnaryStreamer<v1::GetJourneyRequest, grpc::ByteBuffer>* stream) {
            return StreamedGetJourney(context, stream);
          }));
}

grpc::Status JourneyGrpcService::UpsertCustomer(grpc::ServerContext* context,
                                                const v1::UpsertCustomerRequest* request,
                                                v1::UpsertCustomerResponse* response) {
  return RunUnary(authenticator_, context, kWriters, "UpsertCustomer", response,
                  [&](const auth::Caller& caller) { return core_.UpsertCustomer(caller, *request); });
}

grpc::Status JourneyGrpcService::GetCustomer(grpc::ServerContext* context,
                                             const v1::GetCustomerRequest* request,
                                             v1::Customer* response) {
  return RunUnary(authenticator_, context, kReaders, "GetCustomer", response,
                  [&](const auth::Caller& caller) { return core_.GetCustomer(caller, *request); });
}

grpc::Status JourneyGrpcService::SearchCustomers(grpc::ServerContext* context,
                                                 const v1::SearchCustomersRequest* request,
                                                 v1::SearchCustomersResponse* response) {
  return RunUnary(authenticator_, context, kReaders, "SearchCustomers", response,
                  [&](const auth::Caller& caller) { return core_.SearchCustomers(caller, *request); });
}

grpc::Status JourneyGrpcService::RecordTouchpoints(grpc::ServerContext* context,
                                                   const v1::RecordTouchpointsRequest* request,
                                                   v1::RecordTouchpointsResponse* response) {
  return RunUnary(authenticator_, context, kWriters, "RecordTouchpoints", response,
                  [&](const auth::Caller& caller) { return core_.RecordTouchpoints(caller, *request); });
}

grpc::Status JourneyGrpcService::StreamedGetJourney(
    grpc::ServerContext* context, grpc::ServerUnaryStreamer<v1::GetJourneyRequest, grpc::ByteBuffer>* stream) {
  v1::GetJourneyRequest request;
  if (!stream->Read(&request)) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "GetJourney: no request message; send one");
  }
  absl::StatusOr<auth::Caller> caller = AuthorizeCall(authenticator_, *context, kReaders, "GetJourney");
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  absl::StatusOr<std::string> journey = core_.GetJourneySerialized(*caller, request);
  if (!journey.ok()) return ToGrpcStatus(journey.status());
  grpc::Slice slice(*journey);
  // The last message: sent together with the status, as a unary response is.
  if (!stream->Write(grpc::ByteBuffer(&slice, 1), grpc::WriteOptions().set_last_message())) {
    return grpc::Status::CANCELLED;
  }
  return grpc::Status::OK;
}

grpc::Status JourneyGrpcService::SetConsent(grpc::ServerContext* context,
                                            const v1::SetConsentRequest* request,
                                            v1::Customer* response) {
  return RunUnary(authenticator_, context, kReaders, "SetConsent", response,
                  [&](const auth::Caller& caller) { return core_.SetConsent(caller, *request); });
}

grpc::Status JourneyGrpcService::ExportCustomer(grpc::ServerContext* context,
                                                const v1::ExportCustomerRequest* request,
                                                v1::CustomerExport* response) {
  return RunUnary(authenticator_, context, kAdmins, "ExportCustomer", response,
                  [&](const auth::Caller& caller) { return core_.ExportCustomer(caller, *request); });
}

grpc::Status JourneyGrpcService::EraseCustomer(grpc::ServerContext* context,
                                               const v1::EraseCustomerRequest* request,
                                               v1::EraseCustomerResponse* response) {
  return RunUnary(authenticator_, context, kAdmins, "EraseCustomer", response,
                  [&](const auth::Caller& caller) { return core_.EraseCustomer(caller, *request); });
}

grpc::Status JourneyGrpcService::Ping(grpc::ServerContext* context, const v1::PingRequest* request,
                                      v1::PingResponse* response) {
  return RunUnary(authenticator_, context, kWriters, "Ping", response,
                  [&](const auth::Caller& caller) -> absl::StatusOr<v1::PingResponse> {
                    v1::PingResponse pong;
                    pong.set_role(std::string(store::RoleName(caller.role)));
                    pong.set_agent_id(caller.agent_id);
                    return pong;
                  });
}

grpc::Status JourneyGrpcService::SuggestNextSteps(grpc::ServerContext* context,
                                                  const v1::SuggestNextStepsRequest* request,
                                                  v1::SuggestNextStepsResponse* response) {
  return RunUnary(authenticator_, context, kReaders, "SuggestNextSteps", response,
                  [&](const auth::Caller& caller) { return next_steps_.SuggestNextSteps(caller, *request); });
}

grpc::Status JourneyGrpcService::RecordActionOutcome(grpc::ServerContext* context,
                                                     const v1::RecordActionOutcomeRequest* request,
                                                     v1::RecordActionOutcomeResponse* response) {
  return RunUnary(authenticator_, context, kReaders, "RecordActionOutcome", response,
                  [&](const auth::Caller& caller) { return next_steps_.RecordActionOutcome(caller, *request); });
}

grpc::Status JourneyGrpcService::WatchCustomer(grpc::ServerContext* context,
                                               const v1::WatchCustomerRequest* request,
                                               grpc::ServerWriter<v1::CustomerEvent>* writer) {
  absl::StatusOr<auth::Caller> caller = AuthorizeCall(authenticator_, *context, kReaders, "WatchCustomer");
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  auto subscription = core_.WatchCustomer(*caller, *request);
  if (!subscription.ok()) return ToGrpcStatus(subscription.status());

  v1::CustomerEvent event;
  event.set_started(true);
  if (!writer->Write(event)) return grpc::Status::CANCELLED;
  using Wait = events::CustomerSubscription::WaitResult;
  while (true) {
    switch ((*subscription)->Next(&event, absl::Milliseconds(250))) {
      case Wait::kEvent:
        if (!writer->Write(event)) return grpc::Status::CANCELLED;
        break;
      case Wait::kTimeout:
        if (context->IsCancelled()) return grpc::Status::CANCELLED;
        break;
      case Wait::kEnded:
        return grpc::Status::OK;
      case Wait::kClosed:
        return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                            "journeyd is shutting down; reconnect and watch again");
      case Wait::kOverflowed:
        return grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                            "this watcher fell too far behind; read the journey again and re-watch");
    }
  }
}

}  // namespace journeydesk::api
