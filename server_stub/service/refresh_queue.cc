#include "service/refresh_queue.h"

#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

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

RefreshQueue::RefreshQueue(Run run) : run_(std::move(run)), thread_([this] { Loop(); }) {}

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
  auto [it, inserted] = waiting_.try_emplace(customer_id);
  if (inserted) order_.push_back(customer_id);
  it->second.insert(it->second.end(), touchpoint_ids.begin(), touchpoint_ids.end());
}

void RefreshQueue::Loop() {
  LowerThisThreadsPriority();
  while (true) {
    std::string customer_id;
    std::vector<std::string> touchpoint_ids;
    {
      absl::MutexLock lock(&mu_);
      auto ready = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return stopping_ || !order_.empty(); };
      mu_.Await(absl::Condition(&ready));
      if (stopping_) return;
      customer_id = std::move(order_.front());
      order_.pop_front();
      auto it = waiting_.find(customer_id);
      touchpoint_ids = std::move(it->second);
      waiting_.erase(it);
    }
    run_(customer_id, touchpoint_ids);
  }
}

}  // namespace journeydesk::service
