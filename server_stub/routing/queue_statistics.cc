#include "routing/queue_statistics.h"

namespace journeydesk::routing {

double QueueWindow::ServiceLevel() const {
  const int counted = answered + abandoned;
  return counted == 0 ? -1 : static_cast<double>(answered_within_target) / counted;
}

double QueueWindow::AbandonedPercent() const {
  const int counted = answered + abandoned;
  return counted == 0 ? -1 : 100.0 * abandoned / counted;
}

double QueueWindow::AverageHandlingSeconds() const {
  return handled == 0 ? -1 : handling_seconds / handled;
}

void QueueStatistics::RecordArrival(absl::Time at) {
  events_.push_back({at, Kind::kArrival, absl::ZeroDuration()});
}
void QueueStatistics::RecordAnswered(absl::Time at, absl::Duration waited) {
  events_.push_back({at, Kind::kAnswered, waited});
}
void QueueStatistics::RecordAbandoned(absl::Time at, absl::Duration waited) {
  events_.push_back({at, Kind::kAbandoned, waited});
}
void QueueStatistics::RecordHandled(absl::Time at, absl::Duration handling) {
  events_.push_back({at, Kind::kHandled, handling});
}

QueueWindow QueueStatistics::Over(absl::Time now, absl::Duration window,
                                  absl::Duration answer_within) const {
  QueueWindow result;
  const absl::Time from = now - window;
  for (auto it = events_.rbegin(); it != events_.rend() && it->at > from; ++it) {
    if (it->at > now) continue;
    switch (it->kind) {
      case Kind::kArrival:
        ++result.arrivals;
        break;
      case Kind::kAnswered:
        ++result.answered;
        if (it->duration <= answer_within) ++result.answered_within_target;
        break;
      case Kind::kAbandoned:
        ++result.abandoned;
        break;
      case Kind::kHandled:
        ++result.handled;
        result.handling_seconds += absl::ToDoubleSeconds(it->duration);
        break;
    }
  }
  return result;
}

void QueueStatistics::Prune(absl::Time now) {
  while (!events_.empty() && events_.front().at <= now - kRetention) events_.pop_front();
}

}  // namespace journeydesk::routing
