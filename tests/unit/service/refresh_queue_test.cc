// Follow-up work after a write runs in the background: at once after a quiet spell, then
// at most once per interval per customer, with everything that arrived meanwhile merged.
#include "service/refresh_queue.h"

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"

namespace journeydesk::service {
namespace {

using ::testing::ElementsAre;

struct RunRecord {
  std::string customer_id;
  std::vector<std::string> touchpoint_ids;
  absl::Time at;
};

class Runs {
 public:
  RefreshQueue::Run Recorder() {
    return [this](const std::string& customer_id, const std::vector<std::string>& ids) {
      absl::MutexLock lock(&mu_);
      runs_.push_back({customer_id, ids, absl::Now()});
    };
  }
  // Waits up to `timeout` for `n` runs; returns them all.
  std::vector<RunRecord> WaitFor(size_t n, absl::Duration timeout = absl::Seconds(5)) {
    absl::MutexLock lock(&mu_);
    auto enough = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return runs_.size() >= n; };
    mu_.AwaitWithTimeout(absl::Condition(&enough), timeout);
    return runs_;
  }

 private:
  absl::Mutex mu_;
  std::vector<RunRecord> runs_ ABSL_GUARDED_BY(mu_);
};

TEST(RefreshQueue, TheFirstWriteAfterAQuietSpellIsLookedAtAtOnce) {
  Runs runs;
  RefreshQueue queue(runs.Recorder(), absl::Seconds(10));
  const absl::Time start = absl::Now();
  queue.Enqueue("C-1", {"t1"});
  const std::vector<RunRecord> done = runs.WaitFor(1);
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].customer_id, "C-1");
  EXPECT_THAT(done[0].touchpoint_ids, ElementsAre("t1"));
  EXPECT_LT(done[0].at - start, absl::Seconds(5)) << "not held back by the interval";
}

TEST(RefreshQueue, WritesWithinTheIntervalAreMergedIntoOneLaterRun) {
  Runs runs;
  const absl::Duration interval = absl::Milliseconds(300);
  RefreshQueue queue(runs.Recorder(), interval);
  queue.Enqueue("C-1", {"t1"});
  ASSERT_EQ(runs.WaitFor(1).size(), 1u);
  queue.Enqueue("C-1", {"t2"});
  queue.Enqueue("C-1", {"t3", "t4"});
  queue.Enqueue("C-2", {"u1"});  // another customer is not held up by C-1's interval

  const std::vector<RunRecord> done = runs.WaitFor(3);
  ASSERT_EQ(done.size(), 3u);
  EXPECT_EQ(done[1].customer_id, "C-2");
  EXPECT_EQ(done[2].customer_id, "C-1");
  EXPECT_THAT(done[2].touchpoint_ids, ElementsAre("t2", "t3", "t4"));
  EXPECT_GE(done[2].at - done[0].at, interval - absl::Milliseconds(5));
}

TEST(RefreshQueue, WorkStillWaitingWhenTheQueueGoesIsDropped) {
  Runs runs;
  {
    RefreshQueue queue(runs.Recorder(), absl::Hours(1));
    queue.Enqueue("C-1", {"t1"});
    ASSERT_EQ(runs.WaitFor(1).size(), 1u);
    queue.Enqueue("C-1", {"t2"});  // due in an hour
  }  // returns without waiting for it
  EXPECT_EQ(runs.WaitFor(2, absl::Milliseconds(300)).size(), 1u);
}

}  // namespace
}  // namespace journeydesk::service
