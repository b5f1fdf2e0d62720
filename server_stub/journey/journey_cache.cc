#include "journey/journey_cache.h"

#include <utility>

#include "common/absl_string_view.h"

namespace journeydesk::journey {

JourneyCache::JourneyCache(size_t max_touchpoints) : max_touchpoints_(max_touchpoints) {}

JourneyCache::Entry JourneyCache::Get(std::string_view customer_id) {
  absl::MutexLock lock(&mu_);
  auto it = index_.find(ToAbsl(customer_id));
  if (it == index_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->journey;
}

void JourneyCache::Put(std::string_view customer_id, Entry journey) {
  absl::MutexLock lock(&mu_);
  PutLocked(customer_id, std::move(journey));
}

void JourneyCache::Put(std::string_view customer_id, Entry journey, uint64_t epoch_before_load) {
  absl::MutexLock lock(&mu_);
  if (epoch_ != epoch_before_load) return;
  PutLocked(customer_id, std::move(journey));
}

void JourneyCache::PutLocked(std::string_view customer_id, Entry journey) {
  if (journey == nullptr) return;
  auto existing = index_.find(ToAbsl(customer_id));
  if (existing != index_.end()) EraseLocked(existing->second);
  const size_t count = journey->touchpoints().size();
  if (count > max_touchpoints_) return;
  lru_.push_front(Node{std::string(customer_id), std::move(journey)});
  index_.emplace(lru_.front().customer_id, lru_.begin());
  size_ += count;
  while (size_ > max_touchpoints_ && !lru_.empty()) EraseLocked(std::prev(lru_.end()));
}

void JourneyCache::EraseLocked(Lru::iterator it) {
  size_ -= it->journey->touchpoints().size();
  index_.erase(it->customer_id);
  lru_.erase(it);
}

void JourneyCache::Invalidate(std::string_view customer_id) {
  absl::MutexLock lock(&mu_);
  ++epoch_;
  auto it = index_.find(ToAbsl(customer_id));
  if (it != index_.end()) EraseLocked(it->second);
}

void JourneyCache::AddTouchpoints(std::string_view customer_id,
                                  const std::function<Entry(const CachedJourney&)>& extend) {
  Entry before;
  {
    absl::MutexLock lock(&mu_);
    ++epoch_;
    auto it = index_.find(ToAbsl(customer_id));
    if (it == index_.end()) return;
    before = it->second->journey;
  }
  Entry after = extend(*before);
  absl::MutexLock lock(&mu_);
  ++epoch_;
  auto it = index_.find(ToAbsl(customer_id));
  if (it == index_.end()) return;  // evicted or invalidated meanwhile
  if (it->second->journey != before || after == nullptr) {
    EraseLocked(it->second);
    return;
  }
  // Keeps the customer's place in the LRU order: a write is not a view.
  size_ += after->touchpoints().size() - before->touchpoints().size();
  it->second->journey = std::move(after);
  while (size_ > max_touchpoints_ && !lru_.empty()) EraseLocked(std::prev(lru_.end()));
}

void JourneyCache::Clear() {
  absl::MutexLock lock(&mu_);
  ++epoch_;
  index_.clear();
  lru_.clear();
  size_ = 0;
}

uint64_t JourneyCache::epoch() const {
  absl::MutexLock lock(&mu_);
  return epoch_;
}

size_t JourneyCache::cached_touchpoints() const {
  absl::MutexLock lock(&mu_);
  return size_;
}

size_t JourneyCache::cached_customers() const {
  absl::MutexLock lock(&mu_);
  return lru_.size();
}

}  // namespace journeydesk::journey
