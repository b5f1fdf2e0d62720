#include "core/supervisor/supervisor_client.h"

#include <algorithm>
#include <optional>

#include "absl/strings/str_cat.h"
#include "core/desk_channel.h"
#include "core/grpc_status_text.h"

namespace journeydesk::agent::supervisor {
namespace {

bool IsRefusal(const grpc::Status& status) {
  return status.error_code() == grpc::StatusCode::PERMISSION_DENIED ||
         status.error_code() == grpc::StatusCode::UNAUTHENTICATED;
}

constexpr char kNeedsSupervisorToken[] =
    "the supervisor window needs a supervisor or admin token (ask an admin: jdctl token create --role supervisor)";

}  // namespace

SupervisorClient::SupervisorClient(SupervisorClientOptions options, SupervisorNotificationQueue* queue)
    : options_(std::move(options)), queue_(queue), ping_backoff_(options_.backoff) {
  channel_ = NewDeskChannel(options_.server, options_.credentials);
  center_ = v1::ContactCenter::NewStub(channel_);
  journeys_ = v1::JourneyService::NewStub(channel_);
}

SupervisorClient::~SupervisorClient() { Stop(); }

void SupervisorClient::Start() {
  std::lock_guard lock(mutex_);
  if (started_) return;
  started_ = true;
  worker_ = std::thread([this] { WorkerLoop(); });
  watcher_ = std::thread([this] { WatchLoop(); });
}

void SupervisorClient::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  {
    std::lock_guard lock(watch_mutex_);
    watch_stopping_ = true;
    if (watch_context_) watch_context_->TryCancel();
  }
  watch_cv_.notify_all();
  if (worker_.joinable()) worker_.join();
  if (watcher_.joinable()) watcher_.join();
}

ConnectionState SupervisorClient::state() const {
  std::lock_guard lock(mutex_);
  return state_;
}

void SupervisorClient::Post(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    tasks_.push_back(std::move(task));
  }
  cv_.notify_all();
}

void SupervisorClient::Refresh() {
  {
    std::lock_guard lock(mutex_);
    if (signed_in_) {
      next_agents_at_ = absl::InfinitePast();
      next_advice_at_ = absl::InfinitePast();
    } else if (!refused_) {
      next_ping_at_ = absl::InfinitePast();
    }
  }
  cv_.notify_all();
  {
    std::lock_guard lock(watch_mutex_);
    watch_kick_ = true;
  }
  watch_cv_.notify_all();
}

void SupervisorClient::ChangeChannels(std::vector<v1::SetAgentChannelsRequest> requests, uint64_t request_id) {
  Post([this, requests = std::move(requests), request_id] { DoChangeChannels(requests, request_id); });
}

std::unique_ptr<grpc::ClientContext> SupervisorClient::NewContext() const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", "Bearer " + options_.token);
  context->set_deadline(absl::ToChronoTime(absl::Now() + options_.call_deadline));
  return context;
}

void SupervisorClient::NoteOutcome(const grpc::Status& status) {
  std::optional<SupervisorConnectionChanged> change;
  {
    std::lock_guard lock(mutex_);
    const ConnectionState before = state_;
    if (!IsTransportFailure(status)) {
      consecutive_failures_ = 0;
      state_ = ConnectionState::kConnected;
    } else {
      ++consecutive_failures_;
      if (consecutive_failures_ >= options_.offline_after_failures) {
        state_ = ConnectionState::kOffline;
      } else if (before == ConnectionState::kConnected) {
        state_ = ConnectionState::kReconnecting;
      }
    }
    if (state_ != before) {
      change = SupervisorConnectionChanged{
          state_, status.ok() ? "" : DescribeConnectionFailure(status, options_.tls_ca_file)};
    }
  }
  if (change) queue_->Push(*change);
}

void SupervisorClient::RequestAgentsSoon() {
  {
    std::lock_guard lock(mutex_);
    next_agents_at_ = std::min(next_agents_at_, last_agents_at_ + options_.agents_min_interval);
  }
  cv_.notify_all();
}

void SupervisorClient::WorkerLoop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (!tasks_.empty()) {
      auto task = std::move(tasks_.front());
      tasks_.pop_front();
      lock.unlock();
      task();
      lock.lock();
      continue;
    }
    const absl::Time now = absl::Now();
    if (!signed_in_) {
      if (refused_) {
        cv_.wait(lock);
        continue;
      }
      if (now >= next_ping_at_) {
        lock.unlock();
        DoPing();
        lock.lock();
        continue;
      }
      cv_.wait_until(lock, absl::ToChronoTime(next_ping_at_));
      continue;
    }
    if (now >= next_agents_at_) {
      lock.unlock();
      DoListAgents();
      lock.lock();
      continue;
    }
    if (now >= next_advice_at_) {
      lock.unlock();
      DoAdvice();
      lock.lock();
      continue;
    }
    cv_.wait_until(lock, absl::ToChronoTime(std::min(next_agents_at_, next_advice_at_)));
  }
}

void SupervisorClient::DoPing() {
  auto context = NewContext();
  v1::PingResponse response;
  const grpc::Status status = journeys_->Ping(context.get(), v1::PingRequest(), &response);
  NoteOutcome(status);
  if (IsTransportFailure(status)) {
    std::lock_guard lock(mutex_);
    next_ping_at_ = absl::Now() + ping_backoff_.NextDelay();
    return;
  }
  SupervisorSignedIn signed_in{response.agent_id(), response.role(), false, ""};
  if (!status.ok()) {
    signed_in.message = absl::StrCat("journeyd refused the token: ", Describe(status), "; ", kNeedsSupervisorToken);
  } else if (response.role() != "supervisor" && response.role() != "admin") {
    signed_in.message = absl::StrCat("this token's role is ", response.role().empty() ? "unknown" : response.role(),
                                     "; ", kNeedsSupervisorToken);
  } else {
    signed_in.may_supervise = true;
  }
  {
    std::lock_guard lock(mutex_);
    signed_in_ = signed_in.may_supervise;
    refused_ = !signed_in.may_supervise;
    if (signed_in_) {
      next_agents_at_ = absl::InfinitePast();
      next_advice_at_ = absl::InfinitePast();
    }
  }
  queue_->Push(signed_in);
  if (signed_in.may_supervise) {
    {
      std::lock_guard lock(watch_mutex_);
      watch_enabled_ = true;
    }
    watch_cv_.notify_all();
  }
}

void SupervisorClient::ReportFailure(const std::string& what, const grpc::Status& status) {
  if (IsTransportFailure(status)) return;  // the connection state says it
  std::string message = absl::StrCat("journeyd refused the ", what, ": ", Describe(status));
  if (IsRefusal(status)) absl::StrAppend(&message, "; ", kNeedsSupervisorToken);
  queue_->Push(SupervisorCallFailed{what, std::move(message)});
}

void SupervisorClient::DoListAgents() {
  {
    std::lock_guard lock(mutex_);
    last_agents_at_ = absl::Now();
    next_agents_at_ = last_agents_at_ + options_.agents_interval;
  }
  auto context = NewContext();
  v1::ListAgentsResponse response;
  const grpc::Status status = center_->ListAgents(context.get(), v1::ListAgentsRequest(), &response);
  NoteOutcome(status);
  if (!status.ok()) {
    ReportFailure("agent list", status);
    return;
  }
  std::vector<v1::AgentStatus> agents(response.agents().begin(), response.agents().end());
  queue_->Push(AgentsReceived{std::move(agents), absl::Now()});
}

void SupervisorClient::DoAdvice() {
  {
    std::lock_guard lock(mutex_);
    next_advice_at_ = absl::Now() + options_.advice_interval;
  }
  auto context = NewContext();
  v1::StaffingAdvice advice;
  const grpc::Status status = center_->GetStaffingAdvice(context.get(), v1::GetStaffingAdviceRequest(), &advice);
  NoteOutcome(status);
  if (!status.ok()) {
    ReportFailure("staffing advice", status);
    return;
  }
  queue_->Push(AdviceReceived{std::move(advice)});
}

void SupervisorClient::DoChangeChannels(const std::vector<v1::SetAgentChannelsRequest>& requests,
                                        uint64_t request_id) {
  ChannelsChanged result;
  result.request_id = request_id;
  for (const v1::SetAgentChannelsRequest& request : requests) {
    auto context = NewContext();
    v1::AgentStatus changed;
    const grpc::Status status = center_->SetAgentChannels(context.get(), request, &changed);
    NoteOutcome(status);
    if (status.ok()) {
      result.changed.push_back(std::move(changed));
    } else if (IsTransportFailure(status)) {
      result.failures.push_back(absl::StrCat(request.agent_id(), ": journeyd is unreachable (", Describe(status),
                                             "); nothing was changed for this agent, apply again when connected"));
    } else {
      result.failures.push_back(absl::StrCat(request.agent_id(), ": ", Describe(status)));
    }
  }
  queue_->Push(std::move(result));
  DoListAgents();
  DoAdvice();
}

void SupervisorClient::WatchLoop() {
  ReconnectBackoff backoff(options_.backoff);
  std::unique_lock lock(watch_mutex_);
  while (!watch_stopping_) {
    if (!watch_enabled_) {
      watch_cv_.wait(lock);
      continue;
    }
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + options_.token);
    watch_context_ = &context;
    watch_kick_ = false;
    lock.unlock();

    auto reader = center_->WatchQueues(&context, v1::WatchQueuesRequest());
    v1::QueueBoard board;
    bool received = false;
    while (reader->Read(&board)) {
      if (!received) {
        received = true;
        backoff.Reset();
        NoteOutcome(grpc::Status::OK);
      }
      queue_->Push(BoardReceived{board});
      RequestAgentsSoon();
    }
    const grpc::Status status = reader->Finish();

    lock.lock();
    watch_context_ = nullptr;
    if (watch_stopping_) break;
    if (IsRefusal(status)) {
      lock.unlock();
      ReportFailure("queue board", status);
      lock.lock();
      watch_cv_.wait(lock, [&] { return watch_stopping_; });
      continue;
    }
    lock.unlock();
    // Anything else (journeyd gone, restarted, shutting down) is worth retrying.
    NoteOutcome(IsTransportFailure(status) ? status : grpc::Status(grpc::StatusCode::UNAVAILABLE, Describe(status)));
    lock.lock();
    const absl::Duration delay = backoff.NextDelay();
    watch_cv_.wait_for(lock, absl::ToChronoMilliseconds(delay), [&] { return watch_stopping_ || watch_kick_; });
  }
}

}  // namespace journeydesk::agent::supervisor
