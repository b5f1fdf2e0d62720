#include "core/contact_center_client.h"

#include "absl/strings/str_cat.h"
#include "core/grpc_status_text.h"

namespace journeydesk::agent {

ContactCenterClient::ContactCenterClient(ContactCenterClientOptions options, NotificationQueue* queue)
    : options_(std::move(options)), queue_(queue), stub_(v1::ContactCenter::NewStub(options_.channel)) {}

ContactCenterClient::~ContactCenterClient() { Stop(); }

void ContactCenterClient::Start() {
  std::lock_guard lock(mutex_);
  if (started_) return;
  started_ = true;
  worker_ = std::thread([this] { WorkerLoop(); });
  streamer_ = std::thread([this] { StreamLoop(); });
}

void ContactCenterClient::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  {
    std::lock_guard lock(stream_mutex_);
    stream_stopping_ = true;
    if (stream_context_) stream_context_->TryCancel();
  }
  stream_cv_.notify_all();
  if (worker_.joinable()) worker_.join();
  if (streamer_.joinable()) streamer_.join();
}

std::unique_ptr<grpc::ClientContext> ContactCenterClient::NewContext() const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", "Bearer " + options_.token);
  context->set_deadline(absl::ToChronoTime(absl::Now() + options_.call_deadline));
  return context;
}

void ContactCenterClient::Post(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    tasks_.push_back(std::move(task));
  }
  cv_.notify_all();
}

void ContactCenterClient::WorkerLoop() {
  std::unique_lock lock(mutex_);
  while (true) {
    cv_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
    if (stopping_) return;
    auto task = std::move(tasks_.front());
    tasks_.pop_front();
    lock.unlock();
    task();
    lock.lock();
  }
}

template <typename Request>
void ContactCenterClient::RunContactCommand(
    const std::string& action, const std::string& contact_id, const Request& request,
    grpc::Status (v1::ContactCenter::Stub::*call)(grpc::ClientContext*, const Request&, v1::Contact*)) {
  auto context = NewContext();
  v1::Contact contact;
  const grpc::Status status = (stub_.get()->*call)(context.get(), request, &contact);
  if (status.ok()) {
    queue_->Push(ContactChanged{std::move(contact)});
    return;
  }
  queue_->Push(ContactCommandFailed{contact_id, action, CommandFailureText(action, status)});
}

void ContactCenterClient::SetAgentState(v1::AgentState state, std::string reason) {
  Post([this, state, reason = std::move(reason)] {
    v1::SetAgentStateRequest request;
    request.set_state(state);
    request.set_reason(reason);
    auto context = NewContext();
    v1::AgentStatus status;
    const grpc::Status result = stub_->SetAgentState(context.get(), request, &status);
    if (result.ok()) {
      queue_->Push(AgentStatusChanged{std::move(status)});
    } else {
      queue_->Push(ContactCommandFailed{"", "change state", CommandFailureText("change state", result)});
    }
  });
}

void ContactCenterClient::Accept(std::string contact_id) {
  Post([this, contact_id = std::move(contact_id)] {
    v1::AcceptContactRequest request;
    request.set_contact_id(contact_id);
    RunContactCommand("accept", contact_id, request, &v1::ContactCenter::Stub::AcceptContact);
  });
}

void ContactCenterClient::Decline(std::string contact_id, std::string reason) {
  Post([this, contact_id = std::move(contact_id), reason = std::move(reason)] {
    v1::DeclineContactRequest request;
    request.set_contact_id(contact_id);
    request.set_reason(reason);
    RunContactCommand("decline", contact_id, request, &v1::ContactCenter::Stub::DeclineContact);
  });
}

void ContactCenterClient::SendMessage(std::string contact_id, std::string text) {
  Post([this, contact_id = std::move(contact_id), text = std::move(text)] {
    v1::SendMessageRequest request;
    request.set_contact_id(contact_id);
    request.set_text(text);
    RunContactCommand("send", contact_id, request, &v1::ContactCenter::Stub::SendMessage);
  });
}

void ContactCenterClient::Hold(std::string contact_id) {
  Post([this, contact_id = std::move(contact_id)] {
    v1::HoldContactRequest request;
    request.set_contact_id(contact_id);
    RunContactCommand("hold", contact_id, request, &v1::ContactCenter::Stub::HoldContact);
  });
}

void ContactCenterClient::Resume(std::string contact_id) {
  Post([this, contact_id = std::move(contact_id)] {
    v1::ResumeContactRequest request;
    request.set_contact_id(contact_id);
    RunContactCommand("resume", contact_id, request, &v1::ContactCenter::Stub::ResumeContact);
  });
}

void ContactCenterClient::Transfer(v1::TransferContactRequest request) {
  Post([this, request = std::move(request)] {
    RunContactCommand("transfer", request.contact_id(), request, &v1::ContactCenter::Stub::TransferContact);
  });
}

void ContactCenterClient::HandleEvent(v1::AgentEvent& event) {
  resume_token_ = event.resume_token();
  switch (event.event_case()) {
    case v1::AgentEvent::kStarted:
      queue_->Push(AgentStreamStarted{std::move(*event.mutable_started())});
      break;
    case v1::AgentEvent::kOffer:
      queue_->Push(OfferArrived{std::move(*event.mutable_offer()), absl::Now()});
      break;
    case v1::AgentEvent::kContactUpdated:
      queue_->Push(ContactChanged{std::move(*event.mutable_contact_updated())});
      break;
    case v1::AgentEvent::kCustomerMessage:
      queue_->Push(CustomerMessageArrived{event.contact_id(), std::move(*event.mutable_customer_message())});
      break;
    case v1::AgentEvent::kNotice:
      queue_->Push(AgentNoticeArrived{std::move(*event.mutable_notice())});
      break;
    case v1::AgentEvent::kAgentUpdated:
      queue_->Push(AgentStatusChanged{std::move(*event.mutable_agent_updated())});
      break;
    case v1::AgentEvent::EVENT_NOT_SET:
      break;
  }
}

void ContactCenterClient::StreamLoop() {
  ReconnectBackoff backoff(options_.backoff);
  std::unique_lock lock(stream_mutex_);
  while (!stream_stopping_) {
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + options_.token);
    stream_context_ = &context;
    lock.unlock();

    v1::AgentStreamRequest request;
    request.set_resume_token(resume_token_);
    auto reader = stub_->AgentStream(&context, request);
    v1::AgentEvent event;
    while (reader->Read(&event)) {
      if (event.has_started()) backoff.Reset();
      HandleEvent(event);
    }
    const grpc::Status status = reader->Finish();

    lock.lock();
    stream_context_ = nullptr;
    if (stream_stopping_) break;
    const bool permanent = status.error_code() == grpc::StatusCode::UNAUTHENTICATED ||
                           status.error_code() == grpc::StatusCode::PERMISSION_DENIED ||
                           status.error_code() == grpc::StatusCode::FAILED_PRECONDITION;
    queue_->Push(AgentStreamLost{StreamFailureText(status), permanent});
    if (permanent) {
      stream_cv_.wait(lock, [&] { return stream_stopping_; });
      break;
    }
    stream_cv_.wait_for(lock, absl::ToChronoMilliseconds(backoff.NextDelay()),
                        [&] { return stream_stopping_; });
  }
}

}  // namespace journeydesk::agent
