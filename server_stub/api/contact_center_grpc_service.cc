#include "api/contact_center_grpc_service.h"

#include <utility>
#include <vector>

#include "api/grpc_status.h"
#include "api/request_auth.h"
#include "api/unary_call.h"

namespace journeydesk::api {
namespace {

using store::Role;

constexpr std::initializer_list<Role> kIntegrations = {Role::kIntegration, Role::kAdmin};
constexpr std::initializer_list<Role> kAgents = {Role::kAgent, Role::kSupervisor};
constexpr std::initializer_list<Role> kSupervisors = {Role::kSupervisor, Role::kAdmin};
constexpr absl::Duration kPoll = absl::Milliseconds(250);

grpc::Status ShuttingDown() {
  return grpc::Status(grpc::StatusCode::UNAVAILABLE, "journeyd is shutting down; reconnect");
}

}  // namespace

#define JD_UNARY(Rpc, Roles, Request, Response)                                               \
  grpc::Status ContactCenterGrpcService::Rpc(grpc::ServerContext* context,                  \
                                             const Request* request, Response* response) {  \
    return RunUnary(authenticator_, context, Roles, #Rpc, response,                         \
                    [&](const auth::Caller& caller) { return core_.Rpc(caller, *request); }); \
  }

JD_UNARY(EnqueueContact, kIntegrations, v1::EnqueueContactRequest, v1::EnqueueContactResponse)
JD_UNARY(PostCustomerMessage, kIntegrations, v1::PostCustomerMessageRequest, v1::Contact)
JD_UNARY(EndContact, kIntegrations, v1::EndContactRequest, v1::Contact)
JD_UNARY(SetAgentState, kAgents, v1::SetAgentStateRequest, v1::AgentStatus)
JD_UNARY(AcceptContact, kAgents, v1::AcceptContactRequest, v1::Contact)
JD_UNARY(DeclineContact, kAgents, v1::DeclineContactRequest, v1::Contact)
JD_UNARY(SendMessage, kAgents, v1::SendMessageRequest, v1::Contact)
JD_UNARY(HoldContact, kAgents, v1::HoldContactRequest, v1::Contact)
JD_UNARY(ResumeContact, kAgents, v1::ResumeContactRequest, v1::Contact)
JD_UNARY(TransferContact, kAgents, v1::TransferContactRequest, v1::Contact)
JD_UNARY(CompleteContact, kAgents, v1::CompleteContactRequest, v1::Contact)
JD_UNARY(SetAgentChannels, kSupervisors, v1::SetAgentChannelsRequest, v1::AgentStatus)
JD_UNARY(GetStaffingAdvice, kSupervisors, v1::GetStaffingAdviceRequest, v1::StaffingAdvice)

#undef JD_UNARY

grpc::Status ContactCenterGrpcService::ListAgents(grpc::ServerContext* context,
                                                  const v1::ListAgentsRequest*,
                                                  v1::ListAgentsResponse* response) {
  return RunUnary(authenticator_, context, kSupervisors, "ListAgents", response,
                  [&](const auth::Caller& caller) { return core_.ListAgents(caller); });
}

grpc::Status ContactCenterGrpcService::AgentStream(grpc::ServerContext* context,
                                                   const v1::AgentStreamRequest* request,
                                                   grpc::ServerWriter<v1::AgentEvent>* writer) {
  absl::StatusOr<auth::Caller> caller = AuthorizeCall(authenticator_, *context, kAgents, "AgentStream");
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  auto session = core_.OpenAgentStream(*caller, *request);
  if (!session.ok()) return ToGrpcStatus(session.status());
  if (!writer->Write((*session)->started())) return grpc::Status::CANCELLED;
  using Read = events::AgentEventLog::ReadResult;
  std::vector<v1::AgentEvent> events;
  while (true) {
    events.clear();
    switch ((*session)->Next(kPoll, &events)) {
      case Read::kEvents:
        for (const v1::AgentEvent& event : events) {
          if (!writer->Write(event)) return grpc::Status::CANCELLED;
        }
        break;
      case Read::kTimeout:
        if (context->IsCancelled()) return grpc::Status::CANCELLED;
        break;
      case Read::kClosed:
        return ShuttingDown();
      case Read::kGap:
        return grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                            "this stream fell too far behind; reconnect without a resume_token");
    }
  }
}

grpc::Status ContactCenterGrpcService::WatchQueues(grpc::ServerContext* context,
                                                   const v1::WatchQueuesRequest*,
                                                   grpc::ServerWriter<v1::QueueBoard>* writer) {
  absl::StatusOr<auth::Caller> caller = AuthorizeCall(authenticator_, *context, kSupervisors, "WatchQueues");
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  events::QueueBoardFeed& feed = core_.board_feed();
  // The current board at once; then every newer one the feed publishes.
  std::shared_ptr<const v1::QueueBoard> latest;
  uint64_t seen = 0;
  if (feed.Next(0, absl::ZeroDuration(), &latest) == events::QueueBoardFeed::ReadResult::kBoard) {
    seen = latest->version();
  }
  if (!writer->Write(core_.CurrentBoard())) return grpc::Status::CANCELLED;
  using Read = events::QueueBoardFeed::ReadResult;
  while (true) {
    switch (feed.Next(seen, kPoll, &latest)) {
      case Read::kBoard:
        seen = latest->version();
        if (!writer->Write(*latest)) return grpc::Status::CANCELLED;
        break;
      case Read::kTimeout:
        if (context->IsCancelled()) return grpc::Status::CANCELLED;
        break;
      case Read::kClosed:
        return ShuttingDown();
    }
  }
}

}  // namespace journeydesk::api
