// SuggestNextSteps, RecordActionOutcome and the proactive suggestions_changed push.
#include <utility>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/time_util.h"
#include "journey/touchpoint_validation.h"
#include "nba/engine.h"
#include "service/next_step_service.h"
#include "store/crypto_random.h"

namespace journeydesk::service {
namespace {

constexpr size_t kMaxRememberedTops = 100'000;
constexpr size_t kMaxDeclineReasonBytes = 500;

google::protobuf::Timestamp ToTimestamp(absl::Time time) {
  return google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(time));
}

std::string TopActionId(const v1::SuggestNextStepsResponse& response) {
  return response.suggestions_size() > 0 ? response.suggestions(0).action_id() : std::string();
}

const char* OutcomeVerb(v1::ActionOutcome outcome) {
  switch (outcome) {
    case v1::ACTION_OFFERED: return "Offered";
    case v1::ACTION_ACCEPTED: return "Accepted";
    case v1::ACTION_DECLINED: return "Declined";
    case v1::ACTION_COMPLETED: return "Completed";
    default: return "Recorded";
  }
}

}  // namespace

NextStepService::NextStepService(JourneyServiceCore& core, nba::RuleSetPtr rules)
    : core_(core),
      rules_(std::move(rules)),
      refresh_([this](const std::string& customer_id, const std::vector<std::string>& touchpoint_ids) {
        Refresh(customer_id, touchpoint_ids);
      }) {
  core_.SetIngestListener(
      [this](const std::vector<JourneyServiceCore::StoredTouchpoints>& stored) { OnTouchpointsStored(stored); });
}

NextStepService::~NextStepService() { core_.SetIngestListener(nullptr); }

void NextStepService::ReplaceRules(nba::RuleSetPtr rules) {
  absl::MutexLock lock(&rules_mu_);
  rules_ = std::move(rules);
}

nba::RuleSetPtr NextStepService::rules() const {
  absl::MutexLock lock(&rules_mu_);
  return rules_;
}

absl::Status NextStepService::Compute(const journey::CachedJourney& snapshot,
                                      const nba::RuleSet& rules, std::string_view channel,
                                      int max_suggestions, absl::Span<const std::string> left_out_ids,
                                      absl::Time as_of, v1::SuggestNextStepsResponse* out) const {
  static const std::vector<v1::Touchpoint> kReadFromIndex;
  nba::NbaInput input{snapshot.customer(), kReadFromIndex, core_.stage_map(), core_.stages(), as_of, left_out_ids};
  input.indexed = &snapshot.touchpoints();
  const nba::JourneyFacts facts(input);
  nba::SuggestOptions options;
  options.channel = channel;
  options.max_suggestions = max_suggestions;
  nba::Suggest(rules, facts, options, out);
  return absl::OkStatus();
}

void NextStepService::RememberTop(const std::string& customer_id, const v1::SuggestNextStepsResponse& response) {
  absl::MutexLock lock(&tops_mu_);
  if (last_top_.size() >= kMaxRememberedTops && !last_top_.contains(customer_id)) last_top_.clear();
  last_top_[customer_id] = TopActionId(response);
}

absl::StatusOr<v1::SuggestNextStepsResponse> NextStepService::SuggestNextSteps(
    const auth::Caller& caller, const v1::SuggestNextStepsRequest& request) {
  if (request.customer_id().empty()) return absl::InvalidArgumentError("customer_id: required");
  if (request.max_suggestions() < 0 || request.max_suggestions() > nba::kMaxSuggestionsLimit) {
    return absl::InvalidArgumentError(absl::StrCat("max_suggestions: between 1 and ", nba::kMaxSuggestionsLimit,
                                                   " (0 means ", nba::kDefaultMaxSuggestions, "), got ",
                                                   request.max_suggestions()));
  }
  absl::StatusOr<journey::JourneyCache::Entry> snapshot = core_.LoadJourney(request.customer_id());
  if (!snapshot.ok()) return snapshot.status();
  const nba::RuleSetPtr rules = this->rules();
  v1::SuggestNextStepsResponse response;
  const int max = request.max_suggestions() == 0 ? nba::kDefaultMaxSuggestions : request.max_suggestions();
  absl::Status status = Compute(**snapshot, *rules, request.context().channel(), max, {}, core_.Now(), &response);
  if (!status.ok()) return status;
  core_.AuditRead(caller, "SuggestNextSteps", request.customer_id());
  if (core_.bus().HasSubscribers(request.customer_id())) RememberTop(request.customer_id(), response);
  return response;
}

absl::StatusOr<v1::RecordActionOutcomeResponse> NextStepService::RecordActionOutcome(
    const auth::Caller& caller, const v1::RecordActionOutcomeRequest& request) {
  if (request.customer_id().empty()) return absl::InvalidArgumentError("customer_id: required");
  const std::string_view kind = nba::OutcomeKind(request.outcome());
  if (kind.empty()) {
    return absl::InvalidArgumentError("outcome: required (ACTION_OFFERED, ACTION_ACCEPTED, ACTION_DECLINED or ACTION_COMPLETED)");
  }
  std::string action_id = request.action_id();
  if (!request.suggestion_id().empty()) {
    const std::string from_suggestion = request.suggestion_id().substr(0, request.suggestion_id().find('@'));
    if (action_id.empty()) action_id = from_suggestion;
    if (action_id != from_suggestion) {
      return absl::InvalidArgumentError(absl::StrCat("suggestion_id: \"", request.suggestion_id(),
                                                     "\" is not a suggestion of action \"", action_id, "\""));
    }
  }
  if (action_id.empty()) return absl::InvalidArgumentError("action_id: required (or a suggestion_id)");
  const nba::RuleSetPtr rules = this->rules();
  const int action_index = rules->ActionIndex(action_id);
  if (action_index < 0) {
    return absl::InvalidArgumentError(absl::StrCat("action_id: no action \"", action_id, "\" in rules version ",
                                                   rules->version()));
  }
  if (request.outcome() == v1::ACTION_DECLINED && request.decline_reason().empty()) {
    return absl::InvalidArgumentError("decline_reason: required when the customer declined (e.g. \"too expensive\")");
  }
  if (request.decline_reason().size() > kMaxDeclineReasonBytes) {
    return absl::InvalidArgumentError(absl::StrCat("decline_reason: at most ", kMaxDeclineReasonBytes, " bytes"));
  }
  if (request.channel().empty()) return absl::InvalidArgumentError("channel: required (where it happened)");

  const nba::CompiledAction& action = rules->actions()[static_cast<size_t>(action_index)];
  const absl::Time now = core_.Now();
  v1::RecordTouchpointsRequest record;
  v1::Touchpoint* tp = record.add_touchpoints();
  if (request.outcome_touchpoint_id().empty()) {
    absl::StatusOr<std::string> random = store::RandomHex(12);
    if (!random.ok()) return random.status();
    tp->set_id(absl::StrCat("nba-", *random));
  } else {
    tp->set_id(request.outcome_touchpoint_id());
  }
  tp->set_customer_id(request.customer_id());
  tp->set_channel(request.channel());
  tp->set_kind(std::string(kind));
  *tp->mutable_occurred_at() = ToTimestamp(now);
  tp->set_direction(v1::DIRECTION_INTERNAL);
  tp->set_contact_id(request.contact_id());
  tp->set_stage(request.stage());  // empty: derived from the kind when it is recorded
  const std::string& title = action.definition->title();
  std::string summary = absl::StrCat(OutcomeVerb(request.outcome()), " next step \"",
                                     title.find('{') == std::string::npos ? title : action_id, "\"");
  if (!request.decline_reason().empty()) absl::StrAppend(&summary, ": ", request.decline_reason());
  tp->set_summary(std::move(summary));
  auto& attributes = *tp->mutable_attributes();
  attributes[std::string(nba::kActionIdAttribute)] = action_id;
  attributes[std::string(nba::kCategoryAttribute)] = std::string(nba::CategoryName(action.category));
  attributes["rules_version"] = rules->version();
  if (!request.suggestion_id().empty()) attributes[std::string(nba::kSuggestionIdAttribute)] = request.suggestion_id();
  if (!request.decline_reason().empty()) attributes[std::string(nba::kReasonAttribute)] = request.decline_reason();
  // Checked here so errors name the request's fields, not "touchpoints[0]".
  if (absl::Status valid = journey::ValidateTouchpoint(*tp, "", now, core_.stages()); !valid.ok()) {
    std::string message(valid.message());
    if (message.rfind("id:", 0) == 0) message = absl::StrCat("outcome_touchpoint_id", message.substr(2));
    if (message.rfind("attributes", 0) == 0) message = absl::StrCat("decline_reason: ", message);
    return absl::InvalidArgumentError(message);
  }

  absl::StatusOr<v1::RecordTouchpointsResponse> recorded = core_.RecordTouchpoints(caller, record);
  if (!recorded.ok()) {
    if (absl::IsNotFound(recorded.status())) {
      return absl::NotFoundError(absl::StrCat("customer_id: no customer \"", request.customer_id(), "\""));
    }
    return recorded.status();
  }
  v1::RecordActionOutcomeResponse response;
  response.set_touchpoint_id(recorded->results(0).id());
  response.set_duplicate(recorded->results(0).status() == v1::RECORD_DUPLICATE);

  absl::StatusOr<journey::JourneyCache::Entry> snapshot = core_.LoadJourney(request.customer_id());
  if (!snapshot.ok()) return snapshot.status();
  absl::Status status = Compute(**snapshot, *rules, request.channel(), nba::kDefaultMaxSuggestions, {},
                                core_.Now(), response.mutable_next());
  if (!status.ok()) return status;
  return response;
}

void NextStepService::OnTouchpointsStored(const std::vector<JourneyServiceCore::StoredTouchpoints>& stored) {
  for (const JourneyServiceCore::StoredTouchpoints& batch : stored) {
    if (core_.bus().HasSubscribers(batch.customer_id)) {
      refresh_.Enqueue(batch.customer_id, batch.touchpoint_ids);
      continue;
    }
    absl::MutexLock lock(&tops_mu_);
    last_top_.erase(batch.customer_id);
  }
}

void NextStepService::Refresh(const std::string& customer_id, const std::vector<std::string>& touchpoint_ids) {
  if (!core_.bus().HasSubscribers(customer_id)) return;  // the watcher left meanwhile
  const nba::RuleSetPtr rules = this->rules();
  absl::StatusOr<journey::JourneyCache::Entry> snapshot = core_.LoadJourney(customer_id);
  if (!snapshot.ok()) return;  // erased meanwhile: the watchers hear that instead
  const absl::Time now = core_.Now();
  std::optional<std::string> previous;
  {
    absl::MutexLock lock(&tops_mu_);
    if (auto it = last_top_.find(customer_id); it != last_top_.end()) previous = it->second;
  }
  if (!previous) {
    v1::SuggestNextStepsResponse before;
    if (!Compute(**snapshot, *rules, "", 1, touchpoint_ids, now, &before).ok()) return;
    previous = TopActionId(before);
  }
  v1::CustomerEvent event;
  v1::SuggestionsUpdate* update = event.mutable_suggestions_changed();
  if (!Compute(**snapshot, *rules, "", nba::kDefaultMaxSuggestions, {}, now, update->mutable_suggestions()).ok()) {
    return;
  }
  RememberTop(customer_id, update->suggestions());
  if (TopActionId(update->suggestions()) == *previous) return;
  update->set_previous_top_action_id(*previous);
  for (const std::string& id : touchpoint_ids) update->add_trigger_touchpoint_ids(id);
  *event.mutable_at() = ToTimestamp(core_.Now());
  core_.bus().Publish(customer_id, event);
}

}  // namespace journeydesk::service
