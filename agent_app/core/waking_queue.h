#pragma once
// A queue from worker threads to the UI's main thread (FileZilla's "notifications out"):
// any thread Push()es, the main thread DrainAll()s. The waker runs on the pushing thread
// whenever the queue goes from empty to non-empty; the UI makes it schedule a drain on its
// own thread (wxEvtHandler::CallAfter), so one drain per burst. No wx here. Thread-safe.

#include <functional>
#include <mutex>
#include <utility>
#include <vector>

namespace journeydesk::agent {

template <typename T>
class WakingQueue {
 public:
  void Push(T item) {
    std::function<void()> wake;
    {
      std::lock_guard lock(mutex_);
      const bool was_empty = pending_.empty();
      pending_.push_back(std::move(item));
      if (was_empty) wake = waker_;
    }
    if (wake) wake();
  }

  // Everything pushed so far, oldest first.
  std::vector<T> DrainAll() {
    std::lock_guard lock(mutex_);
    return std::exchange(pending_, {});
  }

  // `waker` may be empty (then the UI polls). Clear it before the object it calls goes away.
  void SetWaker(std::function<void()> waker) {
    std::lock_guard lock(mutex_);
    waker_ = std::move(waker);
  }

 private:
  std::mutex mutex_;
  std::vector<T> pending_;
  std::function<void()> waker_;
};

}  // namespace journeydesk::agent
