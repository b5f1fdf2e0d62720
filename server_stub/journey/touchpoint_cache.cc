#include "journey/touchpoint_cache.h"

#include <utility>

#include "common/absl_string_view.h"

namespace journeydesk::journey {

TouchpointCache::TouchpointCache(size_t max_touchpoints) : max_touchpoints_(max_touchpoints) {}

TouchpointCache::Entry TouchpointCache::Get(std::string_view customer_id) {
  absl::MutexLock lock(&mu_);
  auto it = index_.find(ToAbsl(customer_id));
  if (it == index_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->touchpoints;
}

void TouchpointCache::Put(std::string_view customer_id, Entry touchpoints) {
  absl::MutexLock lock(&mu_);
  PutLocked(customer_id, std::move(touchpoints));
}

void TouchpointCache::Put(std::string_view customer_id, Entry touchpoints,
                          uint64_t epoch_before_load) {
  absl::MutexLock lock(&mu_);
  if (epoch_ != epoch_before_load) return;
  PutLocked(customer_id, std::move(touchpoints));
}

void TouchpointCache::PutLocked(std::string_view customer_id, Entry touchpoints) {
  if (touchpoints == nullptr) return;
  auto existing = index_.find(ToAbsl(customer_id));
  if (existing != index_.end()) EraseLocked(existing->second);
  const size_t count = touchpoints->size();
  if (count > max_touchpoints_) return;
  lru_.push_front(Node{std::string(customer_id), std::move(touchpoints)});
  index_.emplace(lru_.front().customer_id, lru_.begin());
  size_ += count;
  while (size_ > max_touchpoints_ && !lru_.empty()) EraseLocked(std::prev(lru_.end()));
}

void TouchpointCache::EraseLocked(Lru::iterator it) {
  size_ -= it->touchpoints->size();
  index_.erase(it->customer_id);
  lru_.erase(it);
}

void TouchpointCache::Invalidate(std::string_view customer_id) {
  absl::MutexLock lock(&mu_);
  ++epoch_;
  auto it = index_.find(ToAbsl(customer_id));
  if (it != index_.end()) EraseLocked(it->second);
}

void TouchpointCache::Clear() {
  absl::MutexLock lock(&mu_);
  ++epoch_;
  index_.clear();
  lru_.clear();
  size_ = 0;
}

uint64_t TouchpointCache::epoch() const {
  absl::MutexLock lock(&mu_);
  return epoch_;
}

size_t TouchpointCache::cached_touchpoints() const {
  absl::MutexLock lock(&mu_);
  return size_;
}

size_t TouchpointCache::cached_customers() const {
  absl::MutexLock lock(&mu_);
  return lru_.size();
}

}  // namespace journeydesk::journey
