#pragma once
// journeydesk.v1.ContactCenter over gRPC: authenticate, authorise by role, call the
// ContactCenterCore, convert the status. No business logic here.
//
// Roles: EnqueueContact / PostCustomerMessage / EndContact — integration, admin. Agent
// RPCs — agent or supervisor, acting as the token's own agent id (never a request field).
// WatchQueues, ListAgents, SetAgentChannels, GetStaffingAdvice — supervisor, admin.
// Streams hold one server thread each and end with UNAVAILABLE on shutdown (clients
// reconnect; AgentStream resumes with the last resume_token).

#include "auth/authenticator.h"
#include "journeydesk/v1/contact_center.grpc.pb.h"
#include "service/contact_center_core.h"

namespace journeydesk::api {

class ContactCenterGrpcService final : public v1::ContactCenter::Service {
 public:
  ContactCenterGrpcService(service::ContactCenterCore& core, const auth::Authenticator& authenticator)
      : core_(core), authenticator_(authenticator) {}

  grpc::Status EnqueueContact(grpc::ServerContext* context, const v1::EnqueueContactRequest* request,
                              v1::EnqueueContactResponse* response) override;
  grpc::Status PostCustomerMessage(grpc::ServerContext* context,
                                   const v1::PostCustomerMessageRequest* request,
                                   v1::Contact* response) override;
  grpc::Status EndContact(grpc::ServerContext* context, const v1::EndContactRequest* request,
                          v1::Contact* response) override;
  grpc::Status AgentStream(grpc::ServerContext* context, const v1::AgentStreamRequest* request,
                           grpc::ServerWriter<v1::AgentEvent>* writer) override;
  grpc::Status SetAgentState(grpc::ServerContext* context, const v1::SetAgentStateRequest* request,
                             v1::AgentStatus* response) override;
  grpc::Status AcceptContact(grpc::ServerContext* context, const v1::AcceptContactRequest* request,
                             v1::Contact* response) override;
  grpc::Status DeclineContact(grpc::ServerContext* context, const v1::DeclineContactRequest* request,
                              v1::Contact* response) override;
  grpc::Status SendMessage(grpc::ServerContext* context, const v1::SendMessageRequest* request,
                           v1::Contact* response) override;
  grpc::Status HoldContact(grpc::ServerContext* context, const v1::HoldContactRequest* request,
                           v1::Contact* response) override;
  grpc::Status ResumeContact(grpc::ServerContext* context, const v1::ResumeContactRequest* request,
                             v1::Contact* response) override;
  grpc::Status TransferContact(grpc::ServerContext* context, const v1::TransferContactRequest* request,
                               v1::Contact* response) override;
  grpc::Status CompleteContact(grpc::ServerContext* context, const v1::CompleteContactRequest* request,
                               v1::Contact* response) override;
  grpc::Status WatchQueues(grpc::ServerContext* context, const v1::WatchQueuesRequest* request,
                           grpc::ServerWriter<v1::QueueBoard>* writer) override;
  grpc::Status ListAgents(grpc::ServerContext* context, const v1::ListAgentsRequest* request,
                          v1::ListAgentsResponse* response) override;
  grpc::Status SetAgentChannels(grpc::ServerContext* context, const v1::SetAgentChannelsRequest* request,
                                v1::AgentStatus* response) override;
  grpc::Status GetStaffingAdvice(grpc::ServerContext* context, const v1::GetStaffingAdviceRequest* request,
                                 v1::StaffingAdvice* response) override;

 private:
  service::ContactCenterCore& core_;
  const auth::Authenticator& authenticator_;
};

}  // namespace journeydesk::api
