#pragma once
// Erlang C (M/M/N queue) for staffing: the probability that a contact waits, the service
// level (share answered within a time) and the agents needed for a target.
//
// Numerically stable for any size: Erlang B is computed by its recurrence
// B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)) and Erlang C derived from it — no powers or
// factorials, so 10,000 agents are as exact as 10. Pure functions; thread-safe.

namespace journeydesk::routing {

// Offered traffic in Erlangs: arrivals per hour × handling seconds / 3600.
double TrafficErlangs(double contacts_per_hour, double average_handling_seconds);

// Probability that a contact has to wait with `agents` agents and `traffic` Erlangs
// (Erlang C). 1 when agents ≤ traffic (the queue grows without bound); 0 without traffic.
double ProbabilityOfWaiting(int agents, double traffic);

// Share of contacts answered within `answer_within_seconds`, 0–1:
// 1 − C·exp(−(N − A)·t / AHT). 0 when agents ≤ traffic.
double ServiceLevel(int agents, double traffic, double average_handling_seconds,
                    double answer_within_seconds);

// Average speed of answer in seconds: C·AHT / (N − A); +inf when agents ≤ traffic.
double AverageSpeedOfAnswer(int agents, double traffic, double average_handling_seconds);

// The fewest agents (≥ 1) whose ServiceLevel reaches `target` (0–1). At most `max_agents`
// (returned when even that is not enough).
int AgentsNeeded(double traffic, double average_handling_seconds, double answer_within_seconds,
                 double target, int max_agents = 100'000);

}  // namespace journeydesk::routing
