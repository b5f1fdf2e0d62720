#include "service/audit_recorder.h"

#include <utility>

#include "spdlog/spdlog.h"

namespace journeydesk::service {

AuditRecorder::AuditRecorder(store::AuditLog& log, absl::Duration flush_interval)
    : log_(log), flush_interval_(flush_interval), thread_([this] { Run(); }) {}

AuditRecorder::~AuditRecorder() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  thread_.join();
  (void)Flush();
}

void AuditRecorder::Record(store::AuditRecord record) {
  absl::MutexLock lock(&mu_);
  pending_.push_back(std::move(record));
}

absl::Status AuditRecorder::Flush() {
  absl::MutexLock write_lock(&write_mu_);
  return WritePending();
}

absl::Status AuditRecorder::WritePending() {
  std::vector<store::AuditRecord> batch;
  {
    absl::MutexLock lock(&mu_);
    batch.swap(pending_);
  }
  if (batch.empty()) return absl::OkStatus();
  absl::Status status = log_.Append(batch);
  if (!status.ok()) {
    spdlog::error("audit log write failed, {} records kept for the next try: {}", batch.size(),
                  status.ToString());
    absl::MutexLock lock(&mu_);
    pending_.insert(pending_.begin(), std::make_move_iterator(batch.begin()),
                    std::make_move_iterator(batch.end()));
  }
  return status;
}

void AuditRecorder::Run() {
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      auto stopping = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return stopping_; };
      mu_.AwaitWithTimeout(absl::Condition(&stopping), flush_interval_);
      if (stopping_) return;
    }
    (void)Flush();
  }
}

}  // namespace journeydesk::service
