#pragma once
// In-process fan-out of what happens to customers, feeding WatchCustomer streams.
//
// Thread safety: every method may be called from any thread. Publish never blocks on a
// slow subscriber: each subscription has a bounded queue, and a subscriber that falls
// behind by more than its bound is ended (Wait returns kOverflowed) rather than slowing
// ingest down. Close() ends every subscription (kClosed) — used on graceful shutdown.

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "journeydesk/v1/journey_service.pb.h"

namespace journeydesk::events {

class CustomerEventBus;

// One subscriber's view of one customer's events. Unsubscribes when destroyed.
class CustomerSubscription {
 public:
  enum class WaitResult { kEvent, kTimeout, kClosed, kOverflowed, kEnded };

  ~CustomerSubscription();
  CustomerSubscription(const CustomerSubscription&) = delete;
  CustomerSubscription& operator=(const CustomerSubscription&) = delete;

  // Waits up to `timeout` for the next event and moves it into `out`. kEnded: the
  // publisher ended this customer's stream (erasure) after the last queued event.
  WaitResult Next(v1::CustomerEvent* out, absl::Duration timeout);

 private:
  friend class CustomerEventBus;
  CustomerSubscription(CustomerEventBus* bus, std::string customer_id, size_t max_queued);
  void Push(const v1::CustomerEvent& event);  // called with the bus lock held
  void End(WaitResult reason);

  CustomerEventBus* bus_;
  std::string customer_id_;
  size_t max_queued_;
  absl::Mutex mu_;
  std::deque<v1::CustomerEvent> queue_ ABSL_GUARDED_BY(mu_);
  WaitResult end_reason_ ABSL_GUARDED_BY(mu_) = WaitResult::kEvent;  // kEvent: still open
};

class CustomerEventBus {
 public:
  explicit CustomerEventBus(size_t max_queued_per_subscriber = 4096);
  ~CustomerEventBus();

  // After Close(), Subscribe returns a subscription that is already closed.
  std::unique_ptr<CustomerSubscription> Subscribe(std::string_view customer_id);
  void Publish(std::string_view customer_id, const v1::CustomerEvent& event);
  // Delivers `final_event` and then ends every subscription to this customer (kEnded).
  void EndCustomer(std::string_view customer_id, const v1::CustomerEvent& final_event);
  void Close();
  size_t SubscriberCount() const;
  // Whether anyone watches this customer right now (a snapshot: may change at once).
  bool HasSubscribers(std::string_view customer_id) const;

 private:
  friend class CustomerSubscription;
  void Unsubscribe(CustomerSubscription* subscription);

  const size_t max_queued_;
  mutable absl::Mutex mu_;
  bool closed_ ABSL_GUARDED_BY(mu_) = false;
  absl::flat_hash_map<std::string, absl::flat_hash_set<CustomerSubscription*>> subscribers_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace journeydesk::events
