// ContactCenterCore: wiring around the router — delivery in router order, the ticker,
// agents' streams and the supervisors' reads.
#include "service/contact_center_core.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/time_util.h"
#include "routing/staffing_advisor.h"
#include "spdlog/spdlog.h"

namespace journeydesk::service {

using routing::RouterOutput;

absl::StatusOr<std::unique_ptr<ContactCenterCore>> ContactCenterCore::Create(
    v1::ContactCenterConfig config, store::ContactStore& contacts, store::CustomerStore& customers,
    JourneyServiceCore& journeys, ContactCenterOptions options) {
  absl::StatusOr<std::vector<v1::Contact>> open = contacts.ListOpenContacts();
  if (!open.ok()) return open.status();
  absl::StatusOr<std::vector<v1::AgentSettings>> agents = contacts.ListAgentSettings();
  if (!agents.ok()) return agents.status();
  // Whole microseconds, the resolution of stored timestamps: a time read back from a
  // contact compares equal to the one the router used.
  options.clock = [clock = std::move(options.clock)] {
    return absl::FromUnixMicros(absl::ToUnixMicros(clock()));
  };
  std::unique_ptr<ContactCenterCore> core(
      new ContactCenterCore(std::move(config), contacts, customers, journeys, std::move(options)));
  {
    absl::MutexLock lock(&core->mu_);
    core->router_.Restore(*open, *agents, core->options_.clock());
  }
  if (!open->empty()) spdlog::info("contact centre: {} open contacts restored", open->size());
  core->ticker_ = std::thread([raw = core.get()] { raw->TickerLoop(); });
  return core;
}

ContactCenterCore::ContactCenterCore(v1::ContactCenterConfig config, store::ContactStore& contacts,
                                     store::CustomerStore& customers, JourneyServiceCore& journeys,
                                     ContactCenterOptions options)
    : config_(config),
      contacts_(contacts),
      customers_(customers),
      journeys_(journeys),
      options_(std::move(options)),
      router_(std::move(config)) {}

ContactCenterCore::~ContactCenterCore() { Shutdown(); }

void ContactCenterCore::Shutdown() {
  {
    absl::MutexLock lock(&ticker_mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  if (ticker_.joinable()) ticker_.join();
  agent_log_.Close();
  board_feed_.Close();
}

// ---------------------------------------------------------------- ordered delivery

void ContactCenterCore::WaitTurn(uint64_t ticket) {
  absl::MutexLock lock(&turn_mu_);
  auto mine = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(turn_mu_) { return serving_ == ticket; };
  turn_mu_.Await(absl::Condition(&mine));
}

void ContactCenterCore::EndTurn() {
  absl::MutexLock lock(&turn_mu_);
  ++serving_;
}

absl::Status ContactCenterCore::Deliver(RouterOutput output, uint64_t ticket) {
  // Screen pops are read before taking the turn, so slow reads do not hold up others.
  std::vector<v1::AgentEvent> offers;
  for (const routing::RoutingStep& step : output.steps) {
    if (step.kind != routing::RoutingStep::Kind::kOffered) continue;
    v1::AgentEvent event;
    *event.mutable_offer() = MakeOffer(step.contact, step.detail);
    offers.push_back(std::move(event));
  }
  WaitTurn(ticket);
  PublishEvents(output, offers);
  EndTurn();
  absl::Status saved = Persist(output);
  RecordJourneySteps(output);
  return saved;
}

absl::Status ContactCenterCore::Persist(const RouterOutput& output) {
  absl::Status first_error;
  // The newest stored-worthy snapshot of each contact.
  std::vector<const v1::Contact*> latest;
  for (const routing::RoutingStep& step : output.steps) {
    if (!routing::StepIsPersisted(step.kind)) continue;
    auto same = std::find_if(latest.begin(), latest.end(), [&](const v1::Contact* c) {
      return c->contact_id() == step.contact.contact_id();
    });
    if (same == latest.end()) {
      latest.push_back(&step.contact);
    } else if ((*same)->version() < step.contact.version()) {
      *same = &step.contact;
    }
  }
  for (const v1::Contact* contact : latest) {
    absl::Status saved = contacts_.SaveContact(*contact);
    if (!saved.ok() && first_error.ok()) first_error = saved;
  }
  if (!output.agents_changed.empty()) {
    std::vector<v1::AgentSettings> settings;
    {
      absl::MutexLock lock(&mu_);
      for (const std::string& agent_id : output.agents_changed) {
        settings.push_back(router_.AgentSettingsOf(agent_id));
      }
    }
    for (const v1::AgentSettings& agent : settings) {
      absl::Status saved = contacts_.SaveAgentSettings(agent);
      if (!saved.ok() && first_error.ok()) first_error = saved;
    }
  }
  return first_error;
}

// ---------------------------------------------------------------- ticker

void ContactCenterCore::TickerLoop() {
  absl::Time last_board = absl::InfinitePast();
  while (true) {
    {
      absl::MutexLock lock(&ticker_mu_);
      auto stop = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(ticker_mu_) { return stopping_; };
      if (ticker_mu_.AwaitWithTimeout(absl::Condition(&stop), options_.tick)) return;
    }
    (void)Mutate<bool>([](routing::ContactRouter& router, absl::Time now, RouterOutput* out) {
      router.Tick(now, out);
      return absl::StatusOr<bool>(true);
    });
    const absl::Time now = options_.clock();
    if (now - last_board < options_.board_interval) continue;
    std::optional<v1::QueueBoard> board;
    {
      absl::MutexLock lock(&mu_);
      const bool refresh = router_.WaitingCount() > 0 && now - last_board >= options_.board_refresh;
      if (board_dirty_ || refresh) {
        board = router_.Board(now);
        board_dirty_ = false;
      }
    }
    if (board.has_value()) {
      board_feed_.Publish(std::move(*board));
      last_board = now;
    }
  }
}

// ---------------------------------------------------------------- streams

absl::StatusOr<std::unique_ptr<ContactCenterCore::AgentSession>> ContactCenterCore::OpenAgentStream(
    const auth::Caller& caller, const v1::AgentStreamRequest& request) {
  absl::StatusOr<std::string> agent_id = AgentOf(caller);
  if (!agent_id.ok()) return agent_id.status();
  std::unique_ptr<AgentSession> session(new AgentSession(this, *agent_id));
  std::optional<uint64_t> resume_after;
  if (!request.resume_token().empty()) {
    resume_after = agent_log_.ParseResumeToken(request.resume_token());
    if (resume_after.has_value() && !agent_log_.CanResume(*agent_id, *resume_after)) resume_after.reset();
  }
  v1::AgentStarted* started = session->started_.mutable_started();
  *started->mutable_wrap_up_codes() = config_.wrap_up_codes();
  started->set_contact_completed_stage(std::string(journeys_.stages().StageForKind(kContactCompletedKind)));
  std::vector<v1::Contact> contacts;
  RouterOutput output;
  uint64_t ticket = 0;
  {
    absl::MutexLock lock(&mu_);
    contacts = router_.ContactsOf(*agent_id);
    router_.AgentConnected(*agent_id, options_.clock(), &output);
    *started->mutable_agent() = router_.AgentStatusOf(*agent_id);
    ticket = next_ticket_++;
    board_dirty_ = true;
  }
  // The snapshot is taken in turn: every event published before it is in the snapshot,
  // every later one (including offers made on connecting) follows it in the log.
  WaitTurn(ticket);
  session->after_ = resume_after.value_or(agent_log_.LastSequence(*agent_id));
  EndTurn();
  // Offers made on connecting get their own (later) ticket.
  uint64_t offer_ticket = 0;
  {
    absl::MutexLock lock(&mu_);
    offer_ticket = next_ticket_++;
  }
  (void)Deliver(std::move(output), offer_ticket);

  started->set_resumed(resume_after.has_value());
  if (!resume_after.has_value()) {
    for (const v1::Contact& contact : contacts) {
      if (contact.state() == v1::CONTACT_OFFERED) {
        *started->add_offers() = MakeOffer(contact, "");
      }
      *started->add_contacts() = contact;
    }
  }
  *session->started_.mutable_at() = google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(
      absl::ToUnixMicros(options_.clock()));
  session->started_.set_sequence(session->after_);
  session->started_.set_resume_token(agent_log_.MakeResumeToken(session->after_));
  return session;
}

ContactCenterCore::AgentSession::~AgentSession() {
  absl::MutexLock lock(&core_->mu_);
  core_->router_.AgentDisconnected(agent_id_, core_->options_.clock());
  core_->board_dirty_ = true;
}

events::AgentEventLog::ReadResult ContactCenterCore::AgentSession::Next(
    absl::Duration timeout, std::vector<v1::AgentEvent>* out) {
  const size_t before = out->size();
  auto result = core_->agent_log_.ReadAfter(agent_id_, after_, timeout, out);
  if (out->size() > before) after_ = out->back().sequence();
  return result;
}

// ---------------------------------------------------------------- supervisors

v1::QueueBoard ContactCenterCore::CurrentBoard() {
  absl::MutexLock lock(&mu_);
  return router_.Board(options_.clock());
}

absl::StatusOr<v1::ListAgentsResponse> ContactCenterCore::ListAgents(const auth::Caller&) {
  v1::ListAgentsResponse response;
  absl::MutexLock lock(&mu_);
  for (v1::AgentStatus& agent : router_.ListAgents()) *response.add_agents() = std::move(agent);
  return response;
}

absl::StatusOr<v1::AgentStatus> ContactCenterCore::SetAgentChannels(
    const auth::Caller&, const v1::SetAgentChannelsRequest& request) {
  std::vector<v1::ChannelCapacity> channels(request.channels().begin(), request.channels().end());
  return Mutate<v1::AgentStatus>(
      [&](routing::ContactRouter& router, absl::Time now, RouterOutput* out) {
        return router.SetAgentChannels(request.agent_id(), channels, now, out);
      },
      /*must_persist=*/true);
}

absl::StatusOr<v1::StaffingAdvice> ContactCenterCore::GetStaffingAdvice(
    const auth::Caller&, const v1::GetStaffingAdviceRequest& request) {
  std::vector<v1::ScenarioResult> scenarios;
  for (int i = 0; i < request.scenarios_size(); ++i) {
    absl::StatusOr<v1::ScenarioResult> result = routing::EvaluateScenario(request.scenarios(i), config_);
    if (!result.ok()) {
      return absl::Status(result.status().code(),
                          absl::StrCat("scenarios[", i, "]: ", result.status().message()));
    }
    scenarios.push_back(std::move(*result));
  }
  v1::StaffingAdvice advice;
  {
    absl::MutexLock lock(&mu_);
    const absl::Time now = options_.clock();
    advice = routing::AdviseStaffing(router_.QueueLoads(now), router_.ListAgents(), now);
  }
  for (v1::ScenarioResult& result : scenarios) *advice.add_scenarios() = std::move(result);
  return advice;
}

}  // namespace journeydesk::service
