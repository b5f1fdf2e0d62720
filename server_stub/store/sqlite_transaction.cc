#include "store/sqlite_transaction.h"

#include <utility>

namespace journeydesk::store {

absl::StatusOr<SqliteTransaction> SqliteTransaction::Begin(SqliteDatabase& db, Mode mode) {
  absl::Status status = db.Exec(mode == Mode::kImmediate ? "BEGIN IMMEDIATE" : "BEGIN");
  if (!status.ok()) return status;
  return SqliteTransaction(&db);
}

SqliteTransaction::SqliteTransaction(SqliteTransaction&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)) {}

SqliteTransaction::~SqliteTransaction() {
  if (db_ == nullptr) return;
  // Fails only if SQLite already rolled back by itself; the connection is usable either way.
  (void)db_->Exec("ROLLBACK");
}

absl::Status SqliteTransaction::Commit() {
  absl::Status status = db_->Exec("COMMIT");
  if (status.ok()) db_ = nullptr;
  return status;
}

}  // namespace journeydesk::store
