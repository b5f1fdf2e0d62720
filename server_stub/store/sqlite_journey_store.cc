#include "store/sqlite_journey_store.h"

#include <algorithm>
#include <utility>

#include "store/crypto_random.h"
#include "store/schema_migrations.h"
#include "store/sqlite_transaction.h"
#include "store/store_status_macros.h"

namespace journeydesk::store {
namespace {
constexpr std::string_view kPseudonymKey = "pseudonym_key";
}  // namespace

SqliteJourneyStore::SqliteJourneyStore(std::string path, SqliteDatabase writer,
                                       std::unique_ptr<ReaderPool> readers)
    : path_(std::move(path)), writer_(std::move(writer)), readers_(std::move(readers)) {}

absl::StatusOr<std::unique_ptr<SqliteJourneyStore>> SqliteJourneyStore::Open(
    const std::string& path, const SqliteJourneyStoreOptions& options) {
  if (path.empty() || path == ":memory:" || path.rfind("file:", 0) == 0) {
    return absl::InvalidArgumentError(
        "the journey store needs a database file path (not empty, ':memory:' or a URI)");
  }
  SqliteOpenOptions writer_options;
  writer_options.busy_timeout_ms = options.busy_timeout_ms;
  writer_options.cache_kib = 64 * 1024;  // every insert walks the touchpoint indexes
  STORE_ASSIGN_OR_RETURN(SqliteDatabase writer, SqliteDatabase::Open(path, writer_options));
  STORE_RETURN_IF_ERROR(ApplyMigrations(writer));
  STORE_ASSIGN_OR_RETURN(std::unique_ptr<ReaderPool> readers,
                         ReaderPool::Open(path, std::max(1, options.reader_connections)));
  std::unique_ptr<SqliteJourneyStore> store(
      new SqliteJourneyStore(path, std::move(writer), std::move(readers)));
  STORE_RETURN_IF_ERROR(store->EnsurePseudonymKey());
  return store;
}

absl::Status SqliteJourneyStore::WriteTransaction(
    absl::FunctionRef<absl::Status(SqliteDatabase&)> body) {
  absl::MutexLock lock(&writer_mu_);
  STORE_ASSIGN_OR_RETURN(SqliteTransaction transaction, SqliteTransaction::Begin(writer_));
  STORE_RETURN_IF_ERROR(body(writer_));
  return transaction.Commit();
}

absl::Status SqliteJourneyStore::EnsurePseudonymKey() {
  return WriteTransaction([](SqliteDatabase& db) -> absl::Status {
    STORE_ASSIGN_OR_RETURN(std::string key, RandomHex(32));
    STORE_ASSIGN_OR_RETURN(StatementLease s, db.Prepare(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING"));
    STORE_RETURN_IF_ERROR(s->Bind(kPseudonymKey, key));
    return s->Run();
  });
}

absl::StatusOr<std::string> SqliteJourneyStore::PseudonymKey() {
  ReaderLease reader = readers_->Acquire();
  STORE_ASSIGN_OR_RETURN(StatementLease s,
                         reader.db().Prepare("SELECT value FROM meta WHERE key = ?1"));
  STORE_RETURN_IF_ERROR(s->Bind(kPseudonymKey));
  STORE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return absl::InternalError("the database has no pseudonym key in its meta table");
  return s->ColumnText(0);
}

}  // namespace journeydesk::store
