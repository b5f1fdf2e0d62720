#pragma once
// A process-wide cache of each customer's touchpoints (oldest first, as the store returns
// them), so GetJourney does not read SQLite for a customer viewed a moment ago.
//
// Bounded by the total number of cached touchpoints: least recently used customers are
// evicted first; a customer with more touchpoints than the whole budget is not cached.
// Entries are immutable and shared: a reader keeps its shared_ptr while the cache evicts.
//
// Thread safety: every method may be called from any thread concurrently.
//
// Consistency: the service invalidates a customer on every write. To keep a load that
// raced with a write from caching stale data, read epoch() before loading from the store
// and pass it to Put; the Put is dropped if anything was invalidated in between.

#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "journeydesk/v1/touchpoint.pb.h"

namespace journeydesk::journey {

class TouchpointCache {
 public:
  using Entry = std::shared_ptr<const std::vector<v1::Touchpoint>>;

  explicit TouchpointCache(size_t max_touchpoints = 500'000);
  TouchpointCache(const TouchpointCache&) = delete;
  TouchpointCache& operator=(const TouchpointCache&) = delete;

  // The cached touchpoints, or nullptr on a miss. Marks the customer most recently used.
  Entry Get(std::string_view customer_id);

  // Caches (or replaces) a customer's touchpoints, then evicts least recently used
  // customers until the budget holds. Null entries are ignored.
  void Put(std::string_view customer_id, Entry touchpoints);
  // As above, but only if nothing was invalidated since `epoch_before_load` was read.
  void Put(std::string_view customer_id, Entry touchpoints, uint64_t epoch_before_load);

  void Invalidate(std::string_view customer_id);
  void Clear();

  // Changes whenever an entry is invalidated or the cache cleared.
  uint64_t epoch() const;
  size_t cached_touchpoints() const;
  size_t cached_customers() const;
  size_t max_touchpoints() const { return max_touchpoints_; }

 private:
  struct Node {
    std::string customer_id;
    Entry touchpoints;
  };
  using Lru = std::list<Node>;  // most recently used first

  void PutLocked(std::string_view customer_id, Entry touchpoints) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void EraseLocked(Lru::iterator it) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const size_t max_touchpoints_;
  mutable absl::Mutex mu_;
  Lru lru_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, Lru::iterator> index_ ABSL_GUARDED_BY(mu_);
  size_t size_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t epoch_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace journeydesk::journey
