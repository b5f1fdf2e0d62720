#pragma once
// SqliteDatabase: one move-only SQLite connection, configured for journeyd, with a cache of
// prepared statements.
//
// Thread: a connection is used by one thread at a time (callers serialise: the writer under
// a mutex, readers through ReaderPool). Failures are absl::Status values with SQLite's text.

#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "store/sqlite_statement.h"

namespace journeydesk::store {

struct SqliteOpenOptions {
  bool create_if_missing = true;
  // Readers set this: the connection refuses to write (PRAGMA query_only).
  bool query_only = false;
  int busy_timeout_ms = 5000;
  // Page cache of this connection (PRAGMA cache_size). SQLite's 2 MiB default makes every
  // insert into a large touchpoint index read pages back from the OS; the writer wants more.
  int cache_kib = 16 * 1024;
};

// A cached statement on loan. Dereference to use it; on destruction it is reset and its
// bindings cleared, so a pooled connection never keeps a read transaction open.
class StatementLease {
 public:
  StatementLease(SqliteStatement* statement, bool* in_use,
                 std::unique_ptr<SqliteStatement> owned);
  StatementLease(StatementLease&& other) noexcept;
  StatementLease& operator=(StatementLease&&) = delete;
  StatementLease(const StatementLease&) = delete;
  StatementLease& operator=(const StatementLease&) = delete;
  ~StatementLease();

  SqliteStatement* operator->() const { return statement_; }
  SqliteStatement& operator*() const { return *statement_; }

 private:
  SqliteStatement* statement_;
  bool* in_use_;                            // cache slot flag; null when not cached
  std::unique_ptr<SqliteStatement> owned_;  // set when the cached one was already on loan
};

class SqliteDatabase {
 public:
  // Opens (creating if allowed) the file at `path` and sets journal_mode=WAL,
  // synchronous=FULL, foreign_keys=ON, secure_delete=ON and busy_timeout. INTERNAL (with
  // SQLite's message and the path) when the file cannot be opened or configured.
  static absl::StatusOr<SqliteDatabase> Open(const std::string& path,
                                             const SqliteOpenOptions& options);

  SqliteDatabase(SqliteDatabase&& other) noexcept;
  SqliteDatabase& operator=(SqliteDatabase&& other) noexcept;
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;
  ~SqliteDatabase();  // finalizes cached statements, then closes

  // Runs one or more SQL statements that return no rows needed by the caller.
  absl::Status Exec(std::string_view sql);
  // The statement for `sql`, compiled once per connection and reused. If the cached one is
  // already on loan (nested use), a fresh uncached statement is returned instead.
  absl::StatusOr<StatementLease> Prepare(std::string_view sql);
  // Reads a PRAGMA (or any one-value query) as an integer.
  absl::StatusOr<int64_t> QueryInt64(std::string_view sql);
  // Rows changed by the last INSERT/UPDATE/DELETE on this connection.
  int64_t ChangedRows() const;
  // PRAGMA wal_checkpoint(TRUNCATE): copies the WAL into the database and truncates it to
  // zero bytes. UNAVAILABLE when another connection is reading or writing.
  absl::Status CheckpointTruncate();

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  struct CachedStatement {
    SqliteStatement statement;
    bool in_use = false;
  };
  SqliteDatabase(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  absl::Status Configure(const SqliteOpenOptions& options);
  void Close();

  sqlite3* db_ = nullptr;
  std::string path_;
  absl::flat_hash_map<std::string, std::unique_ptr<CachedStatement>> cache_;
};

}  // namespace journeydesk::store
