#include "events/agent_event_log.h"

#include <random>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/absl_string_view.h"

namespace journeydesk::events {
namespace {

std::string RandomEpoch() {
  std::random_device random;
  return absl::StrFormat("%08x", random());
}

}  // namespace

AgentEventLog::AgentEventLog(size_t retained_per_agent)
    : retained_(retained_per_agent), epoch_(RandomEpoch()) {}

AgentEventLog::Log& AgentEventLog::LogFor(const std::string& agent_id) {
  std::unique_ptr<Log>& log = logs_[agent_id];
  if (!log) log = std::make_unique<Log>();
  return *log;
}

void AgentEventLog::Publish(const std::string& agent_id, v1::AgentEvent event) {
  absl::MutexLock lock(&mu_);
  Log& log = LogFor(agent_id);
  event.set_sequence(++log.last);
  event.set_resume_token(MakeResumeToken(log.last));
  log.events.push_back(std::move(event));
  while (log.events.size() > retained_) log.events.pop_front();
}

uint64_t AgentEventLog::LastSequence(const std::string& agent_id) {
  absl::MutexLock lock(&mu_);
  return LogFor(agent_id).last;
}

std::string AgentEventLog::MakeResumeToken(uint64_t sequence) const {
  return absl::StrCat(epoch_, ".", sequence);
}

std::optional<uint64_t> AgentEventLog::ParseResumeToken(const std::string& token) const {
  const size_t dot = token.find('.');
  if (dot == std::string::npos || token.substr(0, dot) != epoch_) return std::nullopt;
  uint64_t sequence = 0;
  if (!absl::SimpleAtoi(token.substr(dot + 1), &sequence)) return std::nullopt;
  return sequence;
}

bool AgentEventLog::CanResume(const std::string& agent_id, uint64_t after) {
  absl::MutexLock lock(&mu_);
  Log& log = LogFor(agent_id);
  if (after > log.last) return false;
  const uint64_t first_retained = log.last - log.events.size() + 1;
  return after + 1 >= first_retained;
}

AgentEventLog::ReadResult AgentEventLog::ReadAfter(const std::string& agent_id, uint64_t after,
                                                   absl::Duration timeout,
                                                   std::vector<v1::AgentEvent>* out) {
  absl::MutexLock lock(&mu_);
  Log& log = LogFor(agent_id);  // stable address: logs are never removed
  auto ready = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return closed_ || log.last > after; };
  mu_.AwaitWithTimeout(absl::Condition(&ready), timeout);
  if (closed_) return ReadResult::kClosed;
  if (log.last <= after) return ReadResult::kTimeout;
  const uint64_t first_retained = log.last - log.events.size() + 1;
  if (after + 1 < first_retained) return ReadResult::kGap;
  for (size_t i = after + 1 - first_retained; i < log.events.size(); ++i) out->push_back(log.events[i]);
  return ReadResult::kEvents;
}

void AgentEventLog::Close() {
  absl::MutexLock lock(&mu_);
  closed_ = true;
}

void QueueBoardFeed::Publish(v1::QueueBoard board) {
  absl::MutexLock lock(&mu_);
  board.set_version(++version_);
  board_ = std::make_shared<const v1::QueueBoard>(std::move(board));
}

QueueBoardFeed::ReadResult QueueBoardFeed::Next(uint64_t seen, absl::Duration timeout,
                                                std::shared_ptr<const v1::QueueBoard>* out) {
  absl::MutexLock lock(&mu_);
  auto ready = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return closed_ || version_ > seen; };
  mu_.AwaitWithTimeout(absl::Condition(&ready), timeout);
  if (closed_) return ReadResult::kClosed;
  if (version_ <= seen) return ReadResult::kTimeout;
  *out = board_;
  return ReadResult::kBoard;
}

void QueueBoardFeed::Close() {
  absl::MutexLock lock(&mu_);
  closed_ = true;
}

}  // namespace journeydesk::events
