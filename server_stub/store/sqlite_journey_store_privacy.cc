// SqliteJourneyStore: erasure for good (GDPR art. 17). Deleted content is overwritten
// (secure_delete=ON on every connection) and the WAL is checkpointed and truncated, so no
// byte of the customer stays in the .db or -wal file.

#include "absl/strings/str_cat.h"
#include "store/customer_rows.h"
#include "common/absl_string_view.h"
#include "store/sqlite_journey_store.h"
#include "store/sqlite_transaction.h"
#include "store/store_status_macros.h"

namespace journeydesk::store {
namespace {

constexpr int kCheckpointAttempts = 50;
constexpr absl::Duration kCheckpointRetryDelay = absl::Milliseconds(20);

absl::StatusOr<int> DeleteTouchpoints(SqliteDatabase& db, std::string_view customer_id) {
  STORE_ASSIGN_OR_RETURN(StatementLease s,
                         db.Prepare("DELETE FROM touchpoints WHERE customer_id = ?1"));
  STORE_RETURN_IF_ERROR(s->Bind(customer_id));
  STORE_RETURN_IF_ERROR(s->Run());
  return static_cast<int>(db.ChangedRows());
}

absl::Status PseudonymiseAudit(SqliteDatabase& db, std::string_view customer_id,
                               std::string_view pseudonym) {
  STORE_ASSIGN_OR_RETURN(StatementLease s, db.Prepare(
      "UPDATE audit_log SET customer_id = ?2 WHERE customer_id = ?1"));
  STORE_RETURN_IF_ERROR(s->Bind(customer_id, pseudonym));
  return s->Run();
}

}  // namespace

absl::StatusOr<EraseOutcome> SqliteJourneyStore::EraseCustomer(std::string_view customer_id,
                                                               std::string_view pseudonym,
                                                               const AuditRecord& audit) {
  if (pseudonym.empty() || pseudonym == customer_id) {
    return absl::InvalidArgumentError("erasure needs a pseudonym different from the customer id");
  }
  absl::MutexLock lock(&writer_mu_);
  EraseOutcome outcome;
  {
    STORE_ASSIGN_OR_RETURN(SqliteTransaction transaction, SqliteTransaction::Begin(writer_));
    STORE_ASSIGN_OR_RETURN(bool exists, CustomerExists(writer_, customer_id));
    if (!exists) return absl::NotFoundError(absl::StrCat("no customer '", ToAbsl(customer_id), "'"));
    STORE_ASSIGN_OR_RETURN(outcome.touchpoints_erased, DeleteTouchpoints(writer_, customer_id));
    STORE_RETURN_IF_ERROR(DeleteCustomerRow(writer_, customer_id));
    STORE_RETURN_IF_ERROR(PseudonymiseAudit(writer_, customer_id, pseudonym));
    AuditRecord record = audit;
    record.customer_id = std::string(pseudonym);
    STORE_RETURN_IF_ERROR(InsertAudit(writer_, record));
    STORE_RETURN_IF_ERROR(transaction.Commit());
  }
  STORE_RETURN_IF_ERROR(CheckpointAfterErase());
  return outcome;
}

absl::Status SqliteJourneyStore::CheckpointAfterErase() {
  // Our own readers are drained so that none holds an old snapshot; other processes with
  // the file open may still delay the checkpoint, hence the retries.
  std::unique_ptr<ExclusiveReaderLease> no_readers = readers_->AcquireAll();
  absl::Status status;
  for (int attempt = 0; attempt < kCheckpointAttempts; ++attempt) {
    status = writer_.CheckpointTruncate();
    if (status.code() != absl::StatusCode::kUnavailable) break;
    absl::SleepFor(kCheckpointRetryDelay);
  }
  if (status.ok()) return status;
  return absl::Status(status.code(),
                      absl::StrCat("the customer was erased, but the write-ahead log still "
                                   "holds erased bytes until the next checkpoint: ",
                                   status.message(),
                                   "; close other programs using the database and restart "
                                   "journeyd to complete it"));
}

}  // namespace journeydesk::store
