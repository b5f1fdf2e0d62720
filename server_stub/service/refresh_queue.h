#pragma once
// A background thread for follow-up work on customers whose journeys just changed (the
// proactive next-best-action recompute), so that it never delays the write that caused it,
// nor the pushes of that write to the customer's watchers.
//
// - Enqueue returns at once. Work for a customer already waiting is merged into one run
//   (its touchpoint ids appended), so a burst of writes for one customer costs one run.
// - Customers are run in the order they were first queued, one at a time, on one thread.
// - The thread runs at the lowest CPU priority (Linux SCHED_IDLE; nice +10 where that is
//   refused): request threads and stream writers that wake up take the CPU from it at once;
//   on a busy machine this work waits, with a small share of the CPU so it never starves.
// - The destructor drops work still queued, waits for a run in progress, then joins.
//
// Thread safety: Enqueue may be called from any thread.

#include <deque>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"

namespace journeydesk::service {

class RefreshQueue {
 public:
  // Runs on the queue's thread with a customer and the touchpoint ids queued for them.
  using Run = std::function<void(const std::string& customer_id, const std::vector<std::string>& touchpoint_ids)>;

  explicit RefreshQueue(Run run);
  ~RefreshQueue();
  RefreshQueue(const RefreshQueue&) = delete;
  RefreshQueue& operator=(const RefreshQueue&) = delete;

  void Enqueue(const std::string& customer_id, const std::vector<std::string>& touchpoint_ids);

 private:
  void Loop();

  const Run run_;
  absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::deque<std::string> order_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, std::vector<std::string>> waiting_ ABSL_GUARDED_BY(mu_);
  std::thread thread_;  // last: starts after everything above is ready
};

}  // namespace journeydesk::service
