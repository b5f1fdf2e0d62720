#include "routing/erlang_c.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace journeydesk::routing {

double TrafficErlangs(double contacts_per_hour, double average_handling_seconds) {
  if (contacts_per_hour <= 0 || average_handling_seconds <= 0) return 0;
  return contacts_per_hour * average_handling_seconds / 3600.0;
}

double ProbabilityOfWaiting(int agents, double traffic) {
  if (traffic <= 0) return 0;
  if (agents <= 0 || agents <= traffic) return 1;
  double erlang_b = 1;
  for (int k = 1; k <= agents; ++k) erlang_b = traffic * erlang_b / (k + traffic * erlang_b);
  const double n = agents;
  return n * erlang_b / (n - traffic * (1 - erlang_b));
}

double ServiceLevel(int agents, double traffic, double average_handling_seconds,
                    double answer_within_seconds) {
  if (traffic <= 0) return 1;
  if (agents <= traffic) return 0;
  const double waiting = ProbabilityOfWaiting(agents, traffic);
  const double level = 1 - waiting * std::exp(-(agents - traffic) * answer_within_seconds /
                                              average_handling_seconds);
  return std::clamp(level, 0.0, 1.0);
}

double AverageSpeedOfAnswer(int agents, double traffic, double average_handling_seconds) {
  if (traffic <= 0) return 0;
  if (agents <= traffic) return std::numeric_limits<double>::infinity();
  return ProbabilityOfWaiting(agents, traffic) * average_handling_seconds / (agents - traffic);
}

int AgentsNeeded(double traffic, double average_handling_seconds, double answer_within_seconds,
                 double target, int max_agents) {
  if (traffic <= 0) return 1;
  // The smallest stable staffing is floor(A) + 1; the service level grows with N from there.
  int agents = std::max(1, static_cast<int>(std::floor(traffic)) + 1);
  for (; agents < max_agents; ++agents) {
    if (ServiceLevel(agents, traffic, average_handling_seconds, answer_within_seconds) >= target) {
      return agents;
    }
  }
  return max_agents;
}

}  // namespace journeydesk::routing
