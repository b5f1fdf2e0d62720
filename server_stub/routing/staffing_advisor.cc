#include "routing/staffing_advisor.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/protobuf/util/time_util.h"
#include "routing/erlang_c.h"

namespace journeydesk::routing {
namespace {

constexpr double kFallbackHandlingSeconds = 300;

struct Plan {
  const QueueLoad* load;
  double handling_seconds;    // per contact (measured or default)
  double server_seconds;      // handling_seconds ÷ capacity: one agent as one server
  double traffic;             // Erlangs over servers
  int assigned;
  int needed;
};

double LevelWith(const Plan& plan, int agents) {
  return ServiceLevel(agents, plan.traffic, plan.server_seconds,
                      plan.load->config->answer_within_seconds());
}

std::string Percent(double level) { return absl::StrFormat("%.0f %%", level * 100); }

}  // namespace

v1::StaffingAdvice AdviseStaffing(const std::vector<QueueLoad>& loads,
                                  const std::vector<v1::AgentStatus>& agents, absl::Time now) {
  v1::StaffingAdvice advice;
  *advice.mutable_at() = google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(now));
  std::vector<Plan> plans;
  for (const QueueLoad& load : loads) {
    const v1::QueueConfig& config = *load.config;
    Plan plan{&load, 0, 0, 0, static_cast<int>(load.staffed_agents.size()), 0};
    plan.handling_seconds = load.last_60m.AverageHandlingSeconds();
    if (plan.handling_seconds <= 0) plan.handling_seconds = config.default_handling_seconds();
    if (plan.handling_seconds <= 0) plan.handling_seconds = kFallbackHandlingSeconds;
    plan.server_seconds = plan.handling_seconds / std::max(1, config.default_capacity());
    const double per_hour = load.last_15m.arrivals * 4.0;
    plan.traffic = TrafficErlangs(per_hour, plan.server_seconds);
    plan.needed = plan.traffic > 0 ? AgentsNeeded(plan.traffic, plan.server_seconds,
                                                  config.answer_within_seconds(),
                                                  config.service_level_target())
                                   : 0;
    v1::QueueStaffing* out = advice.add_queues();
    out->set_queue(config.name());
    out->set_channel(config.channel());
    out->set_real_time(config.real_time());
    out->set_contacts_per_hour(per_hour);
    out->set_average_handling_seconds(plan.handling_seconds);
    out->set_agents_assigned(plan.assigned);
    out->set_agents_needed(plan.needed);
    if (plan.traffic > 0) out->set_expected_service_level(LevelWith(plan, plan.assigned));
    out->set_service_level_target(config.service_level_target());
    out->set_answer_within_seconds(config.answer_within_seconds());
    plans.push_back(plan);
  }

  // Who serves what, to name agents who can move.
  absl::flat_hash_map<std::string, absl::flat_hash_set<std::string>> channels_of;
  absl::flat_hash_map<std::string, int> busy_of;
  for (const v1::AgentStatus& agent : agents) {
    for (const v1::ChannelCapacity& c : agent.channels()) channels_of[agent.agent_id()].insert(c.channel());
    busy_of[agent.agent_id()] = agent.active_contacts();
  }
  absl::flat_hash_set<std::string> moved;

  // Real-time queues short of agents, the largest gap first.
  std::vector<Plan*> short_queues;
  for (Plan& plan : plans) {
    if (plan.load->config->real_time() && plan.needed > plan.assigned) short_queues.push_back(&plan);
  }
  std::sort(short_queues.begin(), short_queues.end(), [](const Plan* a, const Plan* b) {
    return a->needed - a->assigned > b->needed - b->assigned;
  });
  for (Plan* target : short_queues) {
    // Donors: queues with more agents than they need; deferred (non-real-time) queues first.
    std::vector<Plan*> donors;
    for (Plan& plan : plans) {
      if (&plan != target && plan.assigned > plan.needed) donors.push_back(&plan);
    }
    std::sort(donors.begin(), donors.end(), [](const Plan* a, const Plan* b) {
      if (a->load->config->real_time() != b->load->config->real_time()) return !a->load->config->real_time();
      return a->assigned - a->needed > b->assigned - b->needed;
    });
    for (Plan* donor : donors) {
      const int gap = target->needed - target->assigned;
      if (gap <= 0) break;
      const std::string& from_channel = donor->load->config->channel();
      const std::string& to_channel = target->load->config->channel();
      std::vector<std::string> candidates;
      for (const std::string& id : donor->load->staffed_agents) {
        if (moved.contains(id) || channels_of[id].contains(to_channel)) continue;
        if (!channels_of[id].contains(from_channel)) continue;
        candidates.push_back(id);
      }
      std::sort(candidates.begin(), candidates.end(), [&](const std::string& a, const std::string& b) {
        return std::make_pair(busy_of[a], a) < std::make_pair(busy_of[b], b);
      });
      const int count = std::min({gap, donor->assigned - donor->needed, static_cast<int>(candidates.size())});
      if (count <= 0) continue;
      v1::StaffingMove* move = advice.add_moves();
      move->set_from_queue(donor->load->config->name());
      move->set_to_queue(target->load->config->name());
      move->set_agents(count);
      move->set_to_service_level_before(LevelWith(*target, target->assigned));
      move->set_to_service_level_after(LevelWith(*target, target->assigned + count));
      if (donor->traffic > 0) {
        move->set_from_service_level_before(LevelWith(*donor, donor->assigned));
        move->set_from_service_level_after(LevelWith(*donor, donor->assigned - count));
      }
      for (int i = 0; i < count; ++i) {
        move->add_agent_ids(candidates[i]);
        moved.insert(candidates[i]);
      }
      move->set_text(absl::StrCat("move ", count, count == 1 ? " agent" : " agents", " from ",
                                  donor->load->config->name(), " to ", target->load->config->name(), ": ",
                                  target->load->config->name(), " service level ",
                                  Percent(move->to_service_level_before()), " → ",
                                  Percent(move->to_service_level_after())));
      donor->assigned -= count;
      target->assigned += count;
    }
  }
  return advice;
}

absl::StatusOr<v1::ScenarioResult> EvaluateScenario(const v1::Scenario& scenario,
                                                    const v1::ContactCenterConfig& config) {
  const v1::QueueConfig* queue = nullptr;
  for (const v1::QueueConfig& q : config.queues()) {
    if (q.name() == scenario.queue()) queue = &q;
  }
  if (queue == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat("scenario.queue: no queue '", scenario.queue(), "'"));
  }
  if (!(scenario.contacts_per_hour() > 0) || !(scenario.average_handling_seconds() > 0)) {
    return absl::InvalidArgumentError(
        "scenario: contacts_per_hour and average_handling_seconds must be positive");
  }
  if (scenario.service_level_target() < 0 || scenario.service_level_target() >= 1.0 + 1e-9) {
    return absl::InvalidArgumentError("scenario.service_level_target: must be between 0 and 1, e.g. 0.8");
  }
  v1::ScenarioResult result;
  v1::Scenario& filled = *result.mutable_scenario();
  filled = scenario;
  if (filled.service_level_target() == 0) filled.set_service_level_target(queue->service_level_target());
  if (filled.answer_within_seconds() <= 0) filled.set_answer_within_seconds(queue->answer_within_seconds());
  const double server_seconds = filled.average_handling_seconds() / std::max(1, queue->default_capacity());
  const double traffic = TrafficErlangs(filled.contacts_per_hour(), server_seconds);
  const double within = filled.answer_within_seconds();
  const int needed = AgentsNeeded(traffic, server_seconds, within, filled.service_level_target());
  result.set_traffic_erlangs(traffic);
  result.set_agents_needed(needed);
  result.set_expected_service_level(ServiceLevel(needed, traffic, server_seconds, within));
  for (int agents = std::max(1, needed - 2); agents <= needed + 2; ++agents) {
    if (agents <= traffic) continue;
    v1::AgentsLevel* level = result.add_levels();
    level->set_agents(agents);
    level->set_service_level(ServiceLevel(agents, traffic, server_seconds, within));
    level->set_probability_of_waiting(ProbabilityOfWaiting(agents, traffic));
    level->set_average_speed_of_answer_seconds(AverageSpeedOfAnswer(agents, traffic, server_seconds));
  }
  return result;
}

}  // namespace journeydesk::routing
