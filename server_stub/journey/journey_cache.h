#pragma once
// A process-wide cache of what reading a journey needs from the store: the customer row and
// their touchpoints, indexed (IndexedTouchpoints). GetJourney, SuggestNextSteps and the
// proactive suggestions after an ingest read it instead of SQLite for a customer viewed a
// moment ago.
//
// Bounded by the total number of cached touchpoints: least recently used customers are
// evicted first; a customer with more touchpoints than the whole budget is not cached.
// Entries are immutable and shared: a reader keeps its shared_ptr while the cache evicts.
//
// Thread safety: every method may be called from any thread concurrently.
//
// Consistency: the service tells the cache about every write that touches a customer, after
// the write committed — Invalidate for a change of the customer row or a merge or erasure,
// AddTouchpoints for touchpoints recorded. To keep a load that raced with a write from
// caching stale data, read epoch() before loading from the store and pass it to Put; the
// Put is dropped if any write was reported in between.

#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "journey/cached_journey.h"

namespace journeydesk::journey {

class JourneyCache {
 public:
  using Entry = std::shared_ptr<const CachedJourney>;

  explicit JourneyCache(size_t max_touchpoints = 500'000);
  JourneyCache(const JourneyCache&) = delete;
  JourneyCache& operator=(const JourneyCache&) = delete;

  // The cached journey, or nullptr on a miss. Marks the customer most recently used.
  Entry Get(std::string_view customer_id);

  // Caches (or replaces) a customer's journey, then evicts least recently used customers
  // until the budget holds. Null entries are ignored.
  void Put(std::string_view customer_id, Entry journey);
  // As above, but only if no write was reported since `epoch_before_load` was read.
  void Put(std::string_view customer_id, Entry journey, uint64_t epoch_before_load);

  // The customer changed in a way only a reload shows: drops their entry.
  void Invalidate(std::string_view customer_id);
  // Touchpoints were recorded for the customer. When the customer is cached, their entry is
  // replaced by `extend(entry)` (built outside the cache's lock: an entry of many thousand
  // touchpoints does not hold up readers of other customers); when the entry changed in the
  // meantime, or `extend` returns null, the customer is dropped instead. Either way this
  // counts as a write for Put's epoch check.
  void AddTouchpoints(std::string_view customer_id,
                      const std::function<Entry(const CachedJourney&)>& extend);
  void Clear();

  // Changes whenever a write is reported or the cache cleared.
  uint64_t epoch() const;
  size_t cached_touchpoints() const;
  size_t cached_customers() const;
  size_t max_touchpoints() const { return max_touchpoints_; }

 private:
  struct Node {
    std::string customer_id;
    Entry journey;
  };
  using Lru = std::list<Node>;  // most recently used first

  void PutLocked(std::string_view customer_id, Entry journey) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void EraseLocked(Lru::iterator it) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const size_t max_touchpoints_;
  mutable absl::Mutex mu_;
  Lru lru_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, Lru::iterator> index_ ABSL_GUARDED_BY(mu_);
  size_t size_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t epoch_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace journeydesk::journey
