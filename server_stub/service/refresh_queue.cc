#include "service/refresh_queue.h"

#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <utility>

namespace journeydesk::service {
namespace {

constexpr int kNiceIncrement = 10;

// Lowers the calling thread's priority: SCHED_IDLE (any other thread that wakes up takes
// the CPU from it at once; it still gets a small share on a busy machine, so it never
// starves), else nice +10. Best effort: a failure leaves the thread as it was.
void LowerThisThreadsPriority() {
  sched_param param{};
  param.sched_priority = 0;
  if (pthread_setschedparam(pthread_self(), SCHED_IDLE, &param) == 0) return;
  const pid_t tid = gettid();
  const int current = getpriority(PRIO_PROCESS, static_cast<id_t>(tid));
  (void)setpriority(PRIO_PROCESS, static_cast<id_t>(tid), current + kNiceIncrement);
}

}  // namespace

RefreshQueue::RefreshQueue(Run run, absl::Duration min_interval)
    : run_(std::move(run)), min_interval_(min_interval), thread_([this] { Loop(); }) {}

RefreshQueue::~RefreshQueue() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  thread_.join();
}

void RefreshQueue::Enqueue(const std::string& customer_id, const std::vector<std::string>& touchpoint_ids) {
  absl::MutexLock lock(&mu_);
  if (stopping_) return;
  ++enqueued_;
  auto [it, inserted] = waiting_.try_emplace(customer_id);
  if (inserted) {
    order_.push_back(customer_id);
    auto last = last_run_.find(customer_id);
    it->second.not_before = last == last_run_.end() ? absl::InfinitePast() : last->second + min_interval_;
  }
  it->second.touchpoint_ids.insert(it->second.touchpoint_ids.end(), touchpoint_ids.begin(),
                                   touchpoint_ids.end());
}

std::deque<std::string>::iterator RefreshQueue::NextDue(absl::Time now, absl::Time* next) {
  *next = absl::InfiniteFuture();
  for (auto it = order_.begin(); it != order_.end(); ++it) {
    const absl::Time not_before = waiting_.at(*it).not_before;
    if (not_before <= now) return it;
    *next = std::min(*next, not_before);
  }
  return order_.end();
}

void RefreshQueue::Loop() {
  LowerThisThreadsPriority();
  while (true) {
    std::string customer_id;
    std::vector<std::string> touchpoint_ids;
    {
      absl::MutexLock lock(&mu_);
      while (true) {
        if (stopping_) return;
        absl::Time next;
        const absl::Time now = absl::Now();
        auto due = NextDue(now, &next);
        if (due != order_.end()) {
          customer_id = std::move(*due);
          order_.erase(due);
          break;
        }
        const uint64_t seen = enqueued_;
        auto changed = [this, seen]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
          return stopping_ || enqueued_ != seen;
        };
        mu_.AwaitWithDeadline(absl::Condition(&changed), next);
      }
      auto it = waiting_.find(customer_id);
      touchpoint_ids = std::move(it->second.touchpoint_ids);
      waiting_.erase(it);
      const absl::Time now = absl::Now();
      if (last_run_.size() > 4096) {  // forget customers whose interval passed long ago
        absl::erase_if(last_run_, [&](const auto& entry) { return entry.second + min_interval_ < now; });
      }
      last_run_[customer_id] = now;
    }
    run_(customer_id, touchpoint_ids);
  }
}

}  // namespace journeydesk::service
