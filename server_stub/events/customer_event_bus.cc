#include "events/customer_event_bus.h"
#include "common/absl_string_view.h"

#include <utility>

namespace journeydesk::events {

CustomerSubscription::CustomerSubscription(CustomerEventBus* bus, std::string customer_id,
                                           size_t max_queued)
    : bus_(bus), customer_id_(std::move(customer_id)), max_queued_(max_queued) {}

CustomerSubscription::~CustomerSubscription() { bus_->Unsubscribe(this); }

void CustomerSubscription::Push(const v1::CustomerEvent& event) {
  absl::MutexLock lock(&mu_);
  if (end_reason_ != WaitResult::kEvent) return;
  if (queue_.size() >= max_queued_) {
    queue_.clear();
    end_reason_ = WaitResult::kOverflowed;
    return;
  }
  queue_.push_back(event);
}

void CustomerSubscription::End(WaitResult reason) {
  absl::MutexLock lock(&mu_);
  if (end_reason_ == WaitResult::kEvent) end_reason_ = reason;
}

CustomerSubscription::WaitResult CustomerSubscription::Next(v1::CustomerEvent* out,
                                                            absl::Duration timeout) {
  absl::MutexLock lock(&mu_);
  auto ready = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return !queue_.empty() || end_reason_ != WaitResult::kEvent;
  };
  mu_.AwaitWithTimeout(absl::Condition(&ready), timeout);
  if (!queue_.empty()) {
    *out = std::move(queue_.front());
    queue_.pop_front();
    return WaitResult::kEvent;
  }
  return end_reason_ == WaitResult::kEvent ? WaitResult::kTimeout : end_reason_;
}

CustomerEventBus::CustomerEventBus(size_t max_queued_per_subscriber)
    : max_queued_(max_queued_per_subscriber) {}

CustomerEventBus::~CustomerEventBus() { Close(); }

std::unique_ptr<CustomerSubscription> CustomerEventBus::Subscribe(std::string_view customer_id) {
  std::unique_ptr<CustomerSubscription> subscription(
      new CustomerSubscription(this, std::string(customer_id), max_queued_));
  absl::MutexLock lock(&mu_);
  if (closed_) {
    subscription->End(CustomerSubscription::WaitResult::kClosed);
  } else {
    subscribers_[subscription->customer_id_].insert(subscription.get());
  }
  return subscription;
}

void CustomerEventBus::Publish(std::string_view customer_id, const v1::CustomerEvent& event) {
  absl::MutexLock lock(&mu_);
  auto it = subscribers_.find(ToAbsl(customer_id));
  if (it == subscribers_.end()) return;
  for (CustomerSubscription* subscription : it->second) subscription->Push(event);
}

void CustomerEventBus::EndCustomer(std::string_view customer_id,
                                   const v1::CustomerEvent& final_event) {
  absl::MutexLock lock(&mu_);
  auto it = subscribers_.find(ToAbsl(customer_id));
  if (it == subscribers_.end()) return;
  for (CustomerSubscription* subscription : it->second) {
    subscription->Push(final_event);
    subscription->End(CustomerSubscription::WaitResult::kEnded);
  }
}

void CustomerEventBus::Close() {
  absl::MutexLock lock(&mu_);
  closed_ = true;
  for (auto& [id, set] : subscribers_) {
    for (CustomerSubscription* subscription : set) {
      subscription->End(CustomerSubscription::WaitResult::kClosed);
    }
  }
}

size_t CustomerEventBus::SubscriberCount() const {
  absl::MutexLock lock(&mu_);
  size_t count = 0;
  for (const auto& [id, set] : subscribers_) count += set.size();
  return count;
}

bool CustomerEventBus::HasSubscribers(std::string_view customer_id) const {
  absl::MutexLock lock(&mu_);
  return subscribers_.contains(ToAbsl(customer_id));
}

void CustomerEventBus::Unsubscribe(CustomerSubscription* subscription) {
  absl::MutexLock lock(&mu_);
  auto it = subscribers_.find(subscription->customer_id_);
  if (it == subscribers_.end()) return;
  it->second.erase(subscription);
  if (it->second.empty()) subscribers_.erase(it);
}

}  // namespace journeydesk::events
