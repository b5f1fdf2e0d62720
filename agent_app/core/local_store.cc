#include "core/local_store.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <cstdlib>

#include "absl/strings/str_cat.h"

namespace journeydesk::agent {
namespace {

constexpr int kSchemaVersion = 3;

absl::Status SqliteError(sqlite3* db, const std::string& what) {
  return absl::InternalError(absl::StrCat("local store: ", what, ": ", sqlite3_errmsg(db)));
}

// A prepared statement, finalized on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    ok_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) == SQLITE_OK;
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return ok_; }
  void Bind(int index, const std::string& text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }
  void BindBlob(int index, const std::string& bytes) {
    sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  }
  void Bind(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
  int Step() { return sqlite3_step(stmt_); }
  int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  std::string Blob(int column) const {
    const void* data = sqlite3_column_blob(stmt_, column);
    const int size = sqlite3_column_bytes(stmt_, column);
    return data ? std::string(static_cast<const char*>(data), size) : std::string();
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  bool ok_ = false;
};

}  // namespace

std::filesystem::path LocalStore::DefaultPath() {
  std::filesystem::path base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    base = std::filesystem::path(home) / ".local" / "share";
  } else {
    base = std::filesystem::temp_directory_path();
  }
  return base / "journeydesk" / "journeydesk.db";
}

absl::StatusOr<std::unique_ptr<LocalStore>> LocalStore::Open(const std::filesystem::path& path,
                                                             int max_cached_journeys) {
  std::error_code error;
  if (path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), error);
    if (error) {
      return absl::UnavailableError(absl::StrCat("cannot create ", path.parent_path().string(), ": ",
                                                 error.message()));
    }
    ::chmod(path.parent_path().c_str(), 0700);
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    absl::Status status = absl::UnavailableError(
        absl::StrCat("cannot open ", path.string(), ": ", db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_close(db);
    return status;
  }
  ::chmod(path.c_str(), 0600);  // cached journeys are customer data
  std::unique_ptr<LocalStore> store(new LocalStore(db, max_cached_journeys));
  sqlite3_busy_timeout(db, 5000);
  if (auto s = store->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"); !s.ok()) return s;

  int version = 0;
  {
    Statement query(db, "PRAGMA user_version");
    if (query.ok() && query.Step() == SQLITE_ROW) version = static_cast<int>(query.Int(0));
  }
  if (version > kSchemaVersion) {
    return absl::FailedPreconditionError(absl::StrCat(
        path.string(), " was written by a newer journeydesk (schema ", version,
        "); update journeydesk or move the file away"));
  }
  if (version < 1) {
    auto s = store->Exec(
        "BEGIN;"
        "CREATE TABLE journey_cache (customer_id TEXT PRIMARY KEY, fetched_at_us INTEGER NOT NULL,"
        "  journey BLOB NOT NULL);"
        "CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, queued_at_us INTEGER NOT NULL,"
        "  request BLOB NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,"
        "  state TEXT NOT NULL DEFAULT 'pending', last_error TEXT);"
        "PRAGMA user_version = 1;"
        "COMMIT;");
    if (!s.ok()) return s;
  }
  if (version < 2) {
    // Outboxed writes of several kinds; rows from schema 1 hold touchpoint batches.
    auto s = store->Exec(
        "BEGIN;"
        "ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'touchpoints';"
        "PRAGMA user_version = 2;"
        "COMMIT;");
    if (!s.ok()) return s;
  }
  if (version < 3) {
    // A write's touchpoint kept beside its request (a wrap-up's contact_completed, so it is
    // drawn while it waits); NULL in older rows, which replay as before.
    auto s = store->Exec(
        "BEGIN;"
        "ALTER TABLE outbox ADD COLUMN touchpoint BLOB;"
        "PRAGMA user_version = 3;"
        "COMMIT;");
    if (!s.ok()) return s;
  }
  return store;
}

LocalStore::~LocalStore() { sqlite3_close(db_); }

absl::Status LocalStore::Exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    absl::Status status = absl::InternalError(absl::StrCat("local store: ", message ? message : "error"));
    sqlite3_free(message);
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return status;
  }
  return absl::OkStatus();
}

absl::Status LocalStore::PutJourney(const v1::Journey& journey, absl::Time fetched_at) {
  std::lock_guard lock(mutex_);
  Statement insert(db_,
                   "INSERT INTO journey_cache (customer_id, fetched_at_us, journey) VALUES (?, ?, ?)"
                   " ON CONFLICT(customer_id) DO UPDATE SET fetched_at_us = excluded.fetched_at_us,"
                   " journey = excluded.journey");
  if (!insert.ok()) return SqliteError(db_, "prepare cache insert");
  insert.Bind(1, journey.customer().id());
  insert.Bind(2, absl::ToUnixMicros(fetched_at));
  insert.BindBlob(3, journey.SerializeAsString());
  if (insert.Step() != SQLITE_DONE) return SqliteError(db_, "cache journey");
  Statement evict(db_,
                  "DELETE FROM journey_cache WHERE customer_id NOT IN (SELECT customer_id FROM "
                  "journey_cache ORDER BY fetched_at_us DESC LIMIT ?)");
  if (!evict.ok()) return SqliteError(db_, "prepare cache eviction");
  evict.Bind(1, static_cast<int64_t>(max_cached_journeys_));
  if (evict.Step() != SQLITE_DONE) return SqliteError(db_, "evict cached journeys");
  return absl::OkStatus();
}

absl::StatusOr<std::optional<CachedJourney>> LocalStore::GetJourney(const std::string& customer_id) {
  std::lock_guard lock(mutex_);
  Statement query(db_, "SELECT fetched_at_us, journey FROM journey_cache WHERE customer_id = ?");
  if (!query.ok()) return SqliteError(db_, "prepare cache read");
  query.Bind(1, customer_id);
  const int rc = query.Step();
  if (rc == SQLITE_DONE) return std::optional<CachedJourney>();
  if (rc != SQLITE_ROW) return SqliteError(db_, "read cached journey");
  CachedJourney cached;
  cached.fetched_at = absl::FromUnixMicros(query.Int(0));
  if (!cached.journey.ParseFromString(query.Blob(1))) {
    return absl::DataLossError(absl::StrCat("cached journey of ", customer_id, " is corrupt"));
  }
  return std::optional<CachedJourney>(std::move(cached));
}

absl::StatusOr<int64_t> LocalStore::AddToOutbox(const OutboxWrite& write) {
  if (absl::Status replayable = CheckReplayable(write); !replayable.ok()) return replayable;
  std::lock_guard lock(mutex_);
  Statement insert(db_, "INSERT INTO outbox (queued_at_us, kind, request, touchpoint) VALUES (?, ?, ?, ?)");
  if (!insert.ok()) return SqliteError(db_, "prepare outbox insert");
  insert.Bind(1, absl::ToUnixMicros(absl::Now()));
  insert.Bind(2, OutboxKind(write));
  insert.BindBlob(3, SerializeOutboxWrite(write));
  if (std::string touchpoint = SerializeOutboxTouchpoint(write); !touchpoint.empty()) insert.BindBlob(4, touchpoint);
  if (insert.Step() != SQLITE_DONE) return SqliteError(db_, "queue write in outbox");
  return sqlite3_last_insert_rowid(db_);
}

absl::StatusOr<std::vector<OutboxEntry>> LocalStore::PendingOutbox() {
  std::lock_guard lock(mutex_);
  Statement query(db_,
                  "SELECT id, queued_at_us, kind, request, attempts, touchpoint FROM outbox"
                  " WHERE state = 'pending' "
                  "ORDER BY id");
  if (!query.ok()) return SqliteError(db_, "prepare outbox read");
  std::vector<OutboxEntry> entries;
  int rc;
  while ((rc = query.Step()) == SQLITE_ROW) {
    OutboxEntry entry;
    entry.id = query.Int(0);
    entry.queued_at = absl::FromUnixMicros(query.Int(1));
    absl::StatusOr<OutboxWrite> write = ParseOutboxWrite(query.Blob(2), query.Blob(3), query.Blob(5));
    if (!write.ok()) {
      return absl::DataLossError(absl::StrCat("outbox entry ", entry.id, ": ", write.status().message()));
    }
    entry.write = *std::move(write);
    entry.attempts = static_cast<int>(query.Int(4));
    entries.push_back(std::move(entry));
  }
  if (rc != SQLITE_DONE) return SqliteError(db_, "read outbox");
  return entries;
}

absl::Status LocalStore::RemoveFromOutbox(int64_t id) {
  std::lock_guard lock(mutex_);
  Statement remove(db_, "DELETE FROM outbox WHERE id = ?");
  if (!remove.ok()) return SqliteError(db_, "prepare outbox delete");
  remove.Bind(1, id);
  if (remove.Step() != SQLITE_DONE) return SqliteError(db_, "remove outbox entry");
  return absl::OkStatus();
}

absl::Status LocalStore::CountAttempt(int64_t id) {
  std::lock_guard lock(mutex_);
  Statement update(db_, "UPDATE outbox SET attempts = attempts + 1 WHERE id = ?");
  if (!update.ok()) return SqliteError(db_, "prepare outbox update");
  update.Bind(1, id);
  if (update.Step() != SQLITE_DONE) return SqliteError(db_, "count outbox attempt");
  return absl::OkStatus();
}

absl::Status LocalStore::MarkRejected(int64_t id, const std::string& reason) {
  std::lock_guard lock(mutex_);
  Statement update(db_, "UPDATE outbox SET state = 'rejected', last_error = ? WHERE id = ?");
  if (!update.ok()) return SqliteError(db_, "prepare outbox update");
  update.Bind(1, reason);
  update.Bind(2, id);
  if (update.Step() != SQLITE_DONE) return SqliteError(db_, "mark outbox entry rejected");
  return absl::OkStatus();
}

absl::StatusOr<int> LocalStore::PendingCount() {
  std::lock_guard lock(mutex_);
  Statement query(db_, "SELECT COUNT(*) FROM outbox WHERE state = 'pending'");
  if (!query.ok() || query.Step() != SQLITE_ROW) return SqliteError(db_, "count outbox");
  return static_cast<int>(query.Int(0));
}

}  // namespace journeydesk::agent
