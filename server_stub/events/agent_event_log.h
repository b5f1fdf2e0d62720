#pragma once
// AgentEventLog: each agent's events (offers, contact updates, customer messages, notices)
// as a numbered, bounded log that any number of AgentStreams read at their own pace.
//
// Resuming: every event carries a sequence number per agent and a resume token
// "<epoch>.<sequence>" (the epoch is random per journeyd process). A stream that reconnects
// with a token of this process whose events are still retained continues exactly after it
// (nothing lost, nothing twice); otherwise it starts fresh from a snapshot.
// A reader that falls more than `retained_per_agent` events behind gets kGap and must
// start fresh — publishing never waits for readers.
//
// Thread safety: every method may be called from any thread. Close() wakes every reader
// (kClosed) — used on graceful shutdown.

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "journeydesk/v1/contact_center.pb.h"

namespace journeydesk::events {

class AgentEventLog {
 public:
  enum class ReadResult { kEvents, kTimeout, kClosed, kGap };

  explicit AgentEventLog(size_t retained_per_agent = 1024);

  const std::string& epoch() const { return epoch_; }
  // Numbers the event (sequence, resume_token), appends it to the agent's log, wakes readers.
  void Publish(const std::string& agent_id, v1::AgentEvent event);
  // The last sequence published for the agent (0 when none).
  uint64_t LastSequence(const std::string& agent_id);
  // The sequence a resume token continues after, if it was issued by this process.
  std::optional<uint64_t> ParseResumeToken(const std::string& token) const;
  std::string MakeResumeToken(uint64_t sequence) const;
  // Waits up to `timeout` for events after `after` and appends them to `out`.
  ReadResult ReadAfter(const std::string& agent_id, uint64_t after, absl::Duration timeout,
                       std::vector<v1::AgentEvent>* out);
  // Whether events after `after` are all still retained (a resume is possible).
  bool CanResume(const std::string& agent_id, uint64_t after);
  void Close();

 private:
  struct Log {
    uint64_t last = 0;
    std::deque<v1::AgentEvent> events;  // sequences last − size + 1 … last
  };
  Log& LogFor(const std::string& agent_id) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const size_t retained_;
  const std::string epoch_;
  absl::Mutex mu_;
  bool closed_ ABSL_GUARDED_BY(mu_) = false;
  absl::flat_hash_map<std::string, std::unique_ptr<Log>> logs_ ABSL_GUARDED_BY(mu_);
};

// QueueBoardFeed: the latest queue board, for any number of WatchQueues streams. Each
// reader asks for a version newer than the one it has: slow readers skip boards, they never
// queue them up.
class QueueBoardFeed {
 public:
  enum class ReadResult { kBoard, kTimeout, kClosed };

  void Publish(v1::QueueBoard board);
  // Waits up to `timeout` for a board with version > `seen`.
  ReadResult Next(uint64_t seen, absl::Duration timeout, std::shared_ptr<const v1::QueueBoard>* out);
  void Close();

 private:
  absl::Mutex mu_;
  bool closed_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t version_ ABSL_GUARDED_BY(mu_) = 0;
  std::shared_ptr<const v1::QueueBoard> board_ ABSL_GUARDED_BY(mu_);
};

}  // namespace journeydesk::events
