#pragma once
// A background thread for follow-up work on customers whose journeys just changed (the
// proactive next-best-action recompute), so that it never delays the write that caused it,
// nor the pushes of that write to the customer's watchers.
//
// - Enqueue returns at once. Work for a customer already waiting is merged into one run
//   (its touchpoint ids appended), so a burst of writes for one customer costs one run.
// - A customer runs at most once per `min_interval`: work queued sooner after their last
//   run waits for the interval to pass (merging whatever else arrives). The first run after
//   a quiet spell starts at once.
// - Customers are run in the order they were first queued, one at a time, on one thread;
//   a customer still within their interval lets the ones behind them go first.
// - The thread runs at the lowest CPU priority (Linux SCHED_IDLE; nice +10 where that is
//   refused): request threads and stream writers that wake up take the CPU from it at once;
//   on a busy machine this work waits, with a small share of the CPU so it never starves.
// - The destructor drops work still queued, waits for a run in progress, then joins.
//
// Thread safety: Enqueue may be called from any thread.

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace journeydesk::service {

class RefreshQueue {
 public:
  // Runs on the queue's thread with a customer and the touchpoint ids queued for them.
  using Run = std::function<void(const std::string& customer_id, const std::vector<std::string>& touchpoint_ids)>;

  explicit RefreshQueue(Run run, absl::Duration min_interval = absl::Milliseconds(500));
  ~RefreshQueue();
  RefreshQueue(const RefreshQueue&) = delete;
  RefreshQueue& operator=(const RefreshQueue&) = delete;

  void Enqueue(const std::string& customer_id, const std::vector<std::string>& touchpoint_ids);

 private:
  struct Pending {
    std::vector<std::string> touchpoint_ids;
    absl::Time not_before;
  };

  void Loop();
  // The first waiting customer whose interval has passed, or order_.end(); `next` is set to
  // the earliest time one will be due.
  std::deque<std::string>::iterator NextDue(absl::Time now, absl::Time* next) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const Run run_;
  const absl::Duration min_interval_;
  absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t enqueued_ ABSL_GUARDED_BY(mu_) = 0;  // counts Enqueue calls: wakes the loop
  std::deque<std::string> order_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, Pending> waiting_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, absl::Time> last_run_ ABSL_GUARDED_BY(mu_);
  std::thread thread_;  // last: starts after everything above is ready
};

}  // namespace journeydesk::service
