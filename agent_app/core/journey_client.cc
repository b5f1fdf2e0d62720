#include "core/journey_client.h"

#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/desk_channel.h"
#include "core/grpc_status_text.h"
#include "core/pending_touchpoints.h"
#include "core/proto_time.h"

namespace journeydesk::agent {
namespace {

std::string NewTouchpointId() {
  thread_local absl::BitGen gen;
  return absl::StrFormat("desk-%016x%016x", absl::Uniform<uint64_t>(gen), absl::Uniform<uint64_t>(gen));
}

std::chrono::system_clock::time_point Deadline(absl::Duration after) {
  return absl::ToChronoTime(absl::Now() + after);
}

}  // namespace

JourneyClient::JourneyClient(JourneyClientOptions options, NotificationQueue* queue, LocalStore* store)
    : options_(std::move(options)), queue_(queue), store_(store), backoff_(options_.backoff) {
  channel_ = options_.channel ? options_.channel : NewDeskChannel(options_.server, options_.credentials);
  stub_ = v1::JourneyService::NewStub(channel_);
  contact_stub_ = v1::ContactCenter::NewStub(channel_);
}

JourneyClient::~JourneyClient() { Stop(); }

void JourneyClient::Start() {
  std::lock_guard lock(mutex_);
  if (started_) return;
  started_ = true;
  tasks_.push_front([this] { DoPing(); });  // sign in first: the agent id for the status bar
  // Writes left waiting by the last run are shown on their journeys before anything else.
  if (store_ != nullptr) tasks_.push_front([this] { queue_->Push(OutboxNow()); });
  worker_ = std::thread([this] { WorkerLoop(); });
  watcher_ = std::thread([this] { WatchLoop(); });
}

void JourneyClient::Stop() {
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

ConnectionState JourneyClient::state() const {
  std::lock_guard lock(mutex_);
  return state_;
}

void JourneyClient::Post(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    tasks_.push_back(std::move(task));
  }
  cv_.notify_all();
}

void JourneyClient::Search(std::string query, uint64_t request_id) {
  bool post = false;
  {
    std::lock_guard lock(mutex_);
    pending_search_query_ = std::move(query);
    pending_search_id_ = request_id;
    post = !search_queued_;
    search_queued_ = true;
  }
  if (post) Post([this] { DoSearch(); });
}

void JourneyClient::LoadJourney(std::string customer_id) {
  bool post = false;
  {
    std::lock_guard lock(mutex_);
    post = !load_queued_;
    load_queued_ = true;
    pending_load_customer_ = std::move(customer_id);
  }
  if (post) Post([this] { DoLoadJourney(); });
}

void JourneyClient::Watch(std::string customer_id) {
  {
    std::lock_guard lock(watch_mutex_);
    if (customer_id == watch_customer_) return;
    watch_customer_ = std::move(customer_id);
    ++watch_generation_;
    if (watch_context_) watch_context_->TryCancel();
  }
  watch_cv_.notify_all();
}

absl::Status JourneyClient::RecordTouchpoints(v1::RecordTouchpointsRequest request) {
  for (auto& touchpoint : *request.mutable_touchpoints()) {
    if (touchpoint.id().empty()) touchpoint.set_id(NewTouchpointId());
  }
  return QueueWrite(std::move(request));
}

absl::Status JourneyClient::RecordActionOutcome(v1::RecordActionOutcomeRequest request) {
  if (request.outcome_touchpoint_id().empty()) request.set_outcome_touchpoint_id(NewTouchpointId());
  return QueueWrite(std::move(request));
}

absl::Status JourneyClient::CompleteContact(WrapUpWrite wrap_up) {
  return QueueWrite(std::move(wrap_up));
}

absl::Status JourneyClient::QueueWrite(OutboxWrite write) {
  if (absl::Status replayable = CheckReplayable(write); !replayable.ok()) return replayable;
  if (store_ == nullptr) {
    Post([this, write = std::move(write)] { NoteOutcome(SendWrite(write)); });
    return absl::OkStatus();
  }
  auto queued = store_->AddToOutbox(write);
  if (!queued.ok()) return queued.status();
  queue_->Push(OutboxNow());
  Post([this] { ReplayOutbox(); });
  return absl::OkStatus();
}

void JourneyClient::SuggestNextSteps(v1::SuggestNextStepsRequest request) {
  bool post = false;
  {
    std::lock_guard lock(mutex_);
    pending_suggest_ = std::move(request);
    post = !suggest_queued_;
    suggest_queued_ = true;
  }
  if (post) Post([this] { DoSuggestNextSteps(); });
}

std::unique_ptr<grpc::ClientContext> JourneyClient::NewContext(absl::Duration deadline) const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", "Bearer " + options_.token);
  context->set_deadline(Deadline(deadline));
  return context;
}

void JourneyClient::NoteOutcome(const grpc::Status& status) {
  std::optional<ConnectionChanged> change;
  bool reconnected = false;
  {
    std::lock_guard lock(mutex_);
    const ConnectionState before = state_;
    if (!IsTransportFailure(status)) {
      consecutive_failures_ = 0;
      backoff_.Reset();
      next_probe_at_ = absl::Now() + options_.liveness_interval;
      state_ = ConnectionState::kConnected;
      reconnected = before != ConnectionState::kConnected;
    } else {
      ++consecutive_failures_;
      next_probe_at_ = absl::Now() + backoff_.NextDelay();
      if (consecutive_failures_ >= options_.offline_after_failures) {
        state_ = ConnectionState::kOffline;
      } else if (before == ConnectionState::kConnected) {
        state_ = ConnectionState::kReconnecting;
      }
    }
    if (state_ != before) {
      change = ConnectionChanged{state_, status.ok() ? "" : DescribeConnectionFailure(status, options_.tls_ca_file)};
    }
  }
  if (change) queue_->Push(*change);
  if (reconnected && store_ != nullptr) Post([this] { ReplayOutbox(); });
}

void JourneyClient::NoteStreamLost(const grpc::Status& status) {
  std::optional<ConnectionChanged> change;
  {
    std::lock_guard lock(mutex_);
    next_probe_at_ = absl::Now();
    if (state_ == ConnectionState::kConnected) {
      state_ = ConnectionState::kReconnecting;
      change = ConnectionChanged{state_, DescribeConnectionFailure(status, options_.tls_ca_file)};
    }
  }
  cv_.notify_all();
  if (change) queue_->Push(*change);
}

void JourneyClient::WorkerLoop() {
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
    if (absl::Now() >= next_probe_at_) {
      lock.unlock();
      DoPing();
      lock.lock();
      continue;
    }
    cv_.wait_until(lock, absl::ToChronoTime(next_probe_at_));
  }
}

void JourneyClient::DoPing() {
  auto context = NewContext(options_.call_deadline);
  v1::PingResponse response;
  const grpc::Status status = stub_->Ping(context.get(), v1::PingRequest(), &response);
  NoteOutcome(status);
  if (status.ok()) {
    bool announce = false;
    {
      std::lock_guard lock(mutex_);
      announce = !session_announced_;
      session_announced_ = true;
    }
    if (announce) queue_->Push(SessionReady{response.agent_id(), response.role()});
  } else if (!IsTransportFailure(status)) {
    queue_->Push(ConnectionChanged{ConnectionState::kConnected,
                                   absl::StrCat("journeyd refused the token: ", Describe(status),
                                                "; ask an admin for a new one (jdctl token create)")});
  }
}

void JourneyClient::DoSearch() {
  std::string query;
  uint64_t request_id = 0;
  {
    std::lock_guard lock(mutex_);
    query = pending_search_query_;
    request_id = pending_search_id_;
    search_queued_ = false;
  }
  SearchResults results{request_id, query, {}, ""};
  v1::SearchCustomersRequest request;
  request.set_query(query);
  request.set_limit(20);
  v1::SearchCustomersResponse response;
  auto context = NewContext(options_.call_deadline);
  const grpc::Status status = stub_->SearchCustomers(context.get(), request, &response);
  NoteOutcome(status);
  if (status.ok()) {
    results.matches.assign(response.matches().begin(), response.matches().end());
  } else if (IsTransportFailure(status)) {
    results.error = "journeyd is unreachable; search needs the connection";
  } else {
    results.error = Describe(status);
  }
  queue_->Push(std::move(results));
}

void JourneyClient::DoLoadJourney() {
  std::string customer_id;
  {
    std::lock_guard lock(mutex_);
    customer_id = pending_load_customer_;
    load_queued_ = false;
  }
  v1::Journey journey;
  v1::GetJourneyRequest request;
  request.set_customer_id(customer_id);
  request.set_page_size(500);
  grpc::Status status;
  for (int page = 0;; ++page) {
    v1::Journey response;
    auto context = NewContext(options_.journey_deadline);
    status = stub_->GetJourney(context.get(), request, &response);
    NoteOutcome(status);
    if (!status.ok()) break;
    const std::string next_page_token = response.next_page_token();  // read before the move
    if (page == 0) {
      journey = std::move(response);
    } else {
      for (auto& touchpoint : *response.mutable_timeline()) *journey.add_timeline() = std::move(touchpoint);
    }
    if (next_page_token.empty() || journey.timeline_size() >= options_.max_touchpoints) break;
    request.set_page_token(next_page_token);
  }
  if (status.ok()) {
    journey.clear_next_page_token();
    const absl::Time fetched_at = absl::Now();
    // The screen first; the offline copy (a durable SQLite write) after, off the UI's path.
    std::optional<v1::Journey> for_cache;
    if (store_ != nullptr) for_cache = journey;
    queue_->Push(JourneyLoaded{std::move(journey), fetched_at, false});
    if (for_cache) store_->PutJourney(*for_cache, fetched_at).IgnoreError();  // the cache is best effort
    return;
  }
  if (IsTransportFailure(status)) {
    if (store_ != nullptr) {
      auto cached = store_->GetJourney(customer_id);
      if (cached.ok() && cached->has_value()) {
        queue_->Push(JourneyLoaded{std::move((*cached)->journey), (*cached)->fetched_at, true});
        return;
      }
    }
    queue_->Push(JourneyFailed{customer_id, absl::StrCat("journeyd is unreachable and no copy of ", customer_id,
                                                         "'s journey is kept on this computer; it will "
                                                         "load when the connection returns")});
    return;
  }
  if (status.error_code() == grpc::StatusCode::NOT_FOUND) {
    queue_->Push(JourneyFailed{customer_id, absl::StrCat("no customer ", customer_id, "; search with Ctrl+K")});
    return;
  }
  queue_->Push(JourneyFailed{customer_id, absl::StrCat("journeyd refused the journey of ", customer_id, ": ",
                                                       Describe(status))});
}

void JourneyClient::DoSuggestNextSteps() {
  v1::SuggestNextStepsRequest request;
  {
    std::lock_guard lock(mutex_);
    request = std::move(pending_suggest_);
    suggest_queued_ = false;
  }
  v1::SuggestNextStepsResponse response;
  auto context = NewContext(options_.call_deadline);
  const grpc::Status status = stub_->SuggestNextSteps(context.get(), request, &response);
  NoteOutcome(status);
  if (status.ok()) {
    queue_->Push(SuggestionsLoaded{request.customer_id(), request.context().contact_id(), std::move(response),
                                   false, {}});
  } else {
    queue_->Push(SuggestionsFailed{request.customer_id(),
                                   IsTransportFailure(status)
                                       ? std::string("next steps need the connection; they return with it")
                                       : Describe(status)});
  }
}

grpc::Status JourneyClient::SendWrite(const OutboxWrite& write) {
  auto context = NewContext(options_.call_deadline);
  if (const auto* touchpoints = std::get_if<v1::RecordTouchpointsRequest>(&write)) {
    v1::RecordTouchpointsResponse response;
    return stub_->RecordTouchpoints(context.get(), *touchpoints, &response);
  }
  if (const auto* outcome = std::get_if<v1::RecordActionOutcomeRequest>(&write)) {
    v1::RecordActionOutcomeResponse response;
    grpc::Status status = stub_->RecordActionOutcome(context.get(), *outcome, &response);
    if (status.ok() && response.has_next()) {
      queue_->Push(SuggestionsLoaded{outcome->customer_id(), outcome->contact_id(),
                                     std::move(*response.mutable_next()), false, {}});
    }
    return status;
  }
  const auto& wrap_up = std::get<WrapUpWrite>(write);
  v1::Contact contact;
  grpc::Status status = contact_stub_->CompleteContact(context.get(), wrap_up.request, &contact);
  if (status.ok()) queue_->Push(ContactChanged{std::move(contact)});
  return status;
}

void JourneyClient::ReplayOutbox() {
  if (store_ == nullptr || state() != ConnectionState::kConnected) return;
  auto entries = store_->PendingOutbox();
  if (!entries.ok()) {
    queue_->Push(OutboxChanged{0, 0, std::string(entries.status().message())});
    return;
  }
  if (entries->empty()) return;
  OutboxChanged result;
  for (const OutboxEntry& entry : *entries) {
    store_->CountAttempt(entry.id).IgnoreError();
    const grpc::Status status = SendWrite(entry.write);
    NoteOutcome(status);
    if (status.ok()) {
      store_->RemoveFromOutbox(entry.id).IgnoreError();
      ++result.sent;
    } else if (IsTransportFailure(status)) {
      break;  // still offline: the rest waits, in order
    } else {
      store_->MarkRejected(entry.id, Describe(status)).IgnoreError();
      result.rejected = absl::StrCat(DescribeOutboxWrite(entry.write), ": ", Describe(status));
    }
  }
  OutboxChanged now = OutboxNow();
  result.pending = now.pending;
  result.waiting_touchpoints = std::move(now.waiting_touchpoints);
  queue_->Push(std::move(result));
}

OutboxChanged JourneyClient::OutboxNow() {
  OutboxChanged now;
  auto entries = store_->PendingOutbox();
  if (!entries.ok()) {
    now.rejected = std::string(entries.status().message());
    return now;
  }
  now.pending = static_cast<int>(entries->size());
  now.waiting_touchpoints = PendingTouchpoints(*entries);
  return now;
}

void JourneyClient::WatchLoop() {
  ReconnectBackoff backoff(options_.backoff);
  uint64_t generation = 0;
  std::string customer;
  bool gap = false;  // a failure since Watch(): the next start must trigger a reload
  std::unique_lock lock(watch_mutex_);
  while (!watch_stopping_) {
    if (watch_customer_.empty()) {
      watch_cv_.wait(lock);
      continue;
    }
    if (generation != watch_generation_) {
      generation = watch_generation_;
      customer = watch_customer_;
      backoff.Reset();
      gap = false;
    }
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + options_.token);
    watch_context_ = &context;
    lock.unlock();

    v1::WatchCustomerRequest request;
    request.set_customer_id(customer);
    auto reader = stub_->WatchCustomer(&context, request);
    v1::CustomerEvent event;
    bool erased = false;
    while (reader->Read(&event)) {
      if (event.has_started()) {
        backoff.Reset();
        // Live from here on. A journey loaded before this moment may lack a touchpoint
        // recorded just before it (the first start) or during the gap: reload.
        queue_->Push(WatchResumed{customer});
        gap = false;
      } else if (event.has_touchpoint_recorded()) {
        queue_->Push(TouchpointArrived{customer, event.touchpoint_recorded()});
      } else if (event.has_suggestions_changed()) {
        v1::SuggestionsUpdate* update = event.mutable_suggestions_changed();
        queue_->Push(SuggestionsLoaded{customer, "", std::move(*update->mutable_suggestions()), true,
                                       {update->trigger_touchpoint_ids().begin(),
                                        update->trigger_touchpoint_ids().end()}});
      } else if (event.has_customer_updated()) {
        queue_->Push(WatchResumed{customer});
      } else if (event.has_customer_erased()) {
        queue_->Push(JourneyFailed{customer, absl::StrCat(customer, " was erased")});
        erased = true;
      }
    }
    const grpc::Status status = reader->Finish();

    lock.lock();
    watch_context_ = nullptr;
    if (watch_stopping_) break;
    if (generation != watch_generation_) continue;  // cancelled on purpose: another customer
    if (erased || status.error_code() == grpc::StatusCode::NOT_FOUND ||
        status.error_code() == grpc::StatusCode::PERMISSION_DENIED ||
        status.error_code() == grpc::StatusCode::UNAUTHENTICATED) {
      // Nothing to resume; wait for another customer.
      watch_cv_.wait(lock, [&] { return watch_stopping_ || generation != watch_generation_; });
      continue;
    }
    gap = true;
    if (IsTransportFailure(status)) {
      lock.unlock();
      NoteStreamLost(status);
      lock.lock();
    }
    const absl::Duration delay = backoff.NextDelay();
    watch_cv_.wait_for(lock, absl::ToChronoMilliseconds(delay),
                       [&] { return watch_stopping_ || generation != watch_generation_; });
  }
}

}  // namespace journeydesk::agent
