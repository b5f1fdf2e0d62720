#pragma once
// Records reads of customer data in the audit log without putting a disk write on the
// read path: records are queued and written in batches by a background thread, at the
// latest `flush_interval` after they were queued. Changes are audited by the store in the
// same transaction as the change itself; this recorder is for reads.
//
// Thread safety: Record and Flush may be called from any thread. The destructor flushes.
// A failed batch write is logged and retried with the next batch; records are kept.

#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "store/journey_store.h"

namespace journeydesk::service {

class AuditRecorder {
 public:
  explicit AuditRecorder(store::AuditLog& log, absl::Duration flush_interval = absl::Milliseconds(200));
  ~AuditRecorder();
  AuditRecorder(const AuditRecorder&) = delete;
  AuditRecorder& operator=(const AuditRecorder&) = delete;

  void Record(store::AuditRecord record);
  // Writes everything queued so far before returning.
  absl::Status Flush();

 private:
  void Run();
  absl::Status WritePending() ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);

  store::AuditLog& log_;
  const absl::Duration flush_interval_;
  absl::Mutex write_mu_;  // serialises batch writes
  absl::Mutex mu_;
  std::vector<store::AuditRecord> pending_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace journeydesk::service
