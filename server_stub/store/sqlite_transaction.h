#pragma once
// SqliteTransaction: RAII transaction on one connection. Rolled back on destruction unless
// Commit() succeeded, so every early error return leaves the database unchanged.

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "store/sqlite_database.h"

namespace journeydesk::store {

class SqliteTransaction {
 public:
  enum class Mode {
    kImmediate,  // BEGIN IMMEDIATE: takes the write lock now (for writes)
    kDeferred,   // BEGIN: a consistent read snapshot (for multi-statement reads)
  };
  // `db` must outlive the transaction. UNAVAILABLE if the write lock stayed busy past
  // busy_timeout.
  static absl::StatusOr<SqliteTransaction> Begin(SqliteDatabase& db,
                                                 Mode mode = Mode::kImmediate);

  SqliteTransaction(SqliteTransaction&& other) noexcept;
  SqliteTransaction& operator=(SqliteTransaction&&) = delete;
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;
  ~SqliteTransaction();

  // COMMIT. With synchronous=FULL the changes are durable once this returns OK. On failure
  // the destructor rolls back.
  absl::Status Commit();

 private:
  explicit SqliteTransaction(SqliteDatabase* db) : db_(db) {}
  SqliteDatabase* db_;  // null once committed or moved from
};

}  // namespace journeydesk::store
