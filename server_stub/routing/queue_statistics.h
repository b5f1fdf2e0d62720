#pragma once
// QueueStatistics: what happened in one queue over the last hour — arrivals, answers (with
// their wait), abandons and handled contacts — for the board and staffing advice.
//
// Service level over a window = contacts answered within the target ÷ (answered +
// abandoned), counting each contact when it was answered or abandoned inside the window.
// Not thread-safe: owned by the ContactRouter, used under its caller's lock.

#include <deque>

#include "absl/time/time.h"

namespace journeydesk::routing {

struct QueueWindow {
  int arrivals = 0;
  int answered = 0;
  int answered_within_target = 0;
  int abandoned = 0;
  int handled = 0;
  double handling_seconds = 0;  // sum over `handled`

  // Absent (nullopt-like, negative) when nothing was answered or abandoned.
  double ServiceLevel() const;          // 0–1, or −1 without contacts
  double AbandonedPercent() const;      // 0–100, or −1 without contacts
  double AverageHandlingSeconds() const;  // or −1 without handled contacts
};

class QueueStatistics {
 public:
  static constexpr absl::Duration kRetention = absl::Hours(1);

  void RecordArrival(absl::Time at);
  void RecordAnswered(absl::Time at, absl::Duration waited);
  void RecordAbandoned(absl::Time at, absl::Duration waited);
  void RecordHandled(absl::Time at, absl::Duration handling);

  // Events in (now − window, now]; `answer_within` decides answered_within_target.
  QueueWindow Over(absl::Time now, absl::Duration window, absl::Duration answer_within) const;
  // Forgets events older than kRetention.
  void Prune(absl::Time now);

 private:
  enum class Kind { kArrival, kAnswered, kAbandoned, kHandled };
  struct Event {
    absl::Time at;
    Kind kind;
    absl::Duration duration;  // wait or handling time
  };
  std::deque<Event> events_;  // in recording order (time order)
};

}  // namespace journeydesk::routing
