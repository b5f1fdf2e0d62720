#include "store/sqlite_database.h"
#include "common/absl_string_view.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "store/store_status_macros.h"

namespace journeydesk::store {

StatementLease::StatementLease(SqliteStatement* statement, bool* in_use,
                               std::unique_ptr<SqliteStatement> owned)
    : statement_(statement), in_use_(in_use), owned_(std::move(owned)) {}

StatementLease::StatementLease(StatementLease&& other) noexcept
    : statement_(std::exchange(other.statement_, nullptr)),
      in_use_(std::exchange(other.in_use_, nullptr)),
      owned_(std::move(other.owned_)) {}

StatementLease::~StatementLease() {
  if (statement_ != nullptr) statement_->Reset();
  if (in_use_ != nullptr) *in_use_ = false;
}

absl::StatusOr<SqliteDatabase> SqliteDatabase::Open(const std::string& path,
                                                    const SqliteOpenOptions& options) {
  if (sqlite3_threadsafe() == 0) {
    return absl::FailedPreconditionError(
        "SQLite was built without thread support (SQLITE_THREADSAFE=0); journeyd needs it");
  }
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (options.create_if_missing) flags |= SQLITE_OPEN_CREATE;
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  SqliteDatabase db(raw, path);  // closes `raw` on every return below
  if (rc != SQLITE_OK) {
    return SqliteError(raw, rc, absl::StrCat("opening database '", path, "'"));
  }
  sqlite3_extended_result_codes(raw, 1);
  STORE_RETURN_IF_ERROR(db.Configure(options));
  return db;
}

absl::Status SqliteDatabase::Configure(const SqliteOpenOptions& options) {
  int rc = sqlite3_busy_timeout(db_, options.busy_timeout_ms);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, "setting busy_timeout");
  STORE_ASSIGN_OR_RETURN(std::string mode, [&]() -> absl::StatusOr<std::string> {
    STORE_ASSIGN_OR_RETURN(StatementLease s, Prepare("PRAGMA journal_mode=WAL"));
    STORE_ASSIGN_OR_RETURN(bool row, s->Step());
    return row ? s->ColumnText(0) : std::string();
  }());
  if (mode != "wal") {
    return absl::FailedPreconditionError(absl::StrCat(
        "database '", path_, "' cannot use write-ahead logging (journal_mode is '", mode,
        "'); put it on a local file system that supports shared memory"));
  }
  STORE_RETURN_IF_ERROR(Exec(
      "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;"));
  STORE_RETURN_IF_ERROR(Exec(absl::StrCat("PRAGMA cache_size=-", options.cache_kib)));
  if (options.query_only) STORE_RETURN_IF_ERROR(Exec("PRAGMA query_only=ON"));
  return absl::OkStatus();
}

SqliteDatabase::SqliteDatabase(SqliteDatabase&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      cache_(std::move(other.cache_)) {}

SqliteDatabase& SqliteDatabase::operator=(SqliteDatabase&& other) noexcept {
  if (this != &other) {
    Close();
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
    cache_ = std::move(other.cache_);
  }
  return *this;
}

SqliteDatabase::~SqliteDatabase() { Close(); }

void SqliteDatabase::Close() {
  cache_.clear();
  if (db_ != nullptr) sqlite3_close_v2(db_);
  db_ = nullptr;
}

absl::Status SqliteDatabase::Exec(std::string_view sql) {
  std::string text(sql);
  char* error = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return absl::OkStatus();
  std::string detail = error != nullptr ? error : "";
  sqlite3_free(error);
  absl::Status status = SqliteError(nullptr, rc, absl::StrCat("running \"", ToAbsl(sql), "\""));
  return absl::Status(status.code(), absl::StrCat(status.message(), " (", detail, ")"));
}

absl::StatusOr<StatementLease> SqliteDatabase::Prepare(std::string_view sql) {
  auto it = cache_.find(ToAbsl(sql));
  if (it == cache_.end()) {
    STORE_ASSIGN_OR_RETURN(SqliteStatement statement, SqliteStatement::Prepare(db_, sql));
    auto entry = std::make_unique<CachedStatement>(CachedStatement{std::move(statement)});
    it = cache_.emplace(std::string(sql), std::move(entry)).first;
  }
  CachedStatement& cached = *it->second;
  if (cached.in_use) {
    STORE_ASSIGN_OR_RETURN(SqliteStatement statement, SqliteStatement::Prepare(db_, sql));
    auto owned = std::make_unique<SqliteStatement>(std::move(statement));
    SqliteStatement* raw = owned.get();
    return StatementLease(raw, nullptr, std::move(owned));
  }
  cached.in_use = true;
  return StatementLease(&cached.statement, &cached.in_use, nullptr);
}

absl::StatusOr<int64_t> SqliteDatabase::QueryInt64(std::string_view sql) {
  STORE_ASSIGN_OR_RETURN(SqliteStatement statement, SqliteStatement::Prepare(db_, sql));
  STORE_ASSIGN_OR_RETURN(bool row, statement.Step());
  if (!row) return absl::InternalError(absl::StrCat("\"", ToAbsl(sql), "\" returned no row"));
  return statement.ColumnInt64(0);
}

int64_t SqliteDatabase::ChangedRows() const { return sqlite3_changes64(db_); }

absl::Status SqliteDatabase::CheckpointTruncate() {
  int wal_frames = 0;
  int checkpointed = 0;
  int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &wal_frames,
                                     &checkpointed);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, "checkpointing and truncating the WAL");
  return absl::OkStatus();
}

}  // namespace journeydesk::store
