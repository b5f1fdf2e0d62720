#pragma once
// SqliteStatement: a move-only prepared statement. Binding and stepping report failures as
// absl::Status values carrying SQLite's error text; nothing throws.
//
// Thread: a statement belongs to its connection and is used by one thread at a time.

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/message_lite.h"

namespace journeydesk::store {

// Bytes bound as a BLOB (a plain string_view binds as TEXT).
struct Blob {
  std::string_view bytes;
};
// Binds SQL NULL.
struct SqlNull {};

// Maps a SQLite result code to a canonical status: BUSY/LOCKED → UNAVAILABLE,
// FULL → RESOURCE_EXHAUSTED, anything else → INTERNAL. `what` says what was attempted.
absl::Status SqliteError(sqlite3* db, int rc, std::string_view what);

class SqliteStatement {
 public:
  // Compiles one statement on `db` (which must outlive it). INTERNAL with SQLite's message
  // for a syntax error.
  static absl::StatusOr<SqliteStatement> Prepare(sqlite3* db, std::string_view sql);

  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement();  // finalizes

  // Binds parameters ?1..?N in order. Text and blobs are copied (SQLITE_TRANSIENT).
  template <typename... Args>
  absl::Status Bind(const Args&... args) {
    int index = 0;
    absl::Status status;
    ((status.ok() ? (status = BindOne(++index, args), 0) : 0), ...);
    return status;
  }
  absl::Status BindOne(int index, int64_t value);
  absl::Status BindOne(int index, std::string_view text);
  absl::Status BindOne(int index, Blob blob);
  absl::Status BindOne(int index, SqlNull);

  // true: a row is available; false: done.
  absl::StatusOr<bool> Step();
  // Steps to the end, ignoring rows (for INSERT/UPDATE/DELETE).
  absl::Status Run();

  int64_t ColumnInt64(int column) const;
  std::string ColumnText(int column) const;
  std::string ColumnBlob(int column) const;
  bool ColumnIsNull(int column) const;
  // DATA_LOSS when the column does not parse as `message`.
  absl::Status ColumnProto(int column, google::protobuf::MessageLite* message) const;

  // Ends the current execution and clears bindings so that the statement holds no read
  // transaction open; the statement can be bound and stepped again.
  void Reset();

 private:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  absl::Status CheckBind(int rc, int index);

  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace journeydesk::store
