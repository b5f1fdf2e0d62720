#include "store/schema_migrations.h"

#include <array>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "store/sqlite_transaction.h"
#include "store/store_status_macros.h"

namespace journeydesk::store {
namespace {

// Migration N (1-based) takes a database from user_version N-1 to N. Append only.
constexpr std::array<std::string_view, 2> kMigrations = {
    // 1: customers with addresses and search terms, touchpoints, tokens, audit log, meta.
    R"sql(
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  lifecycle_state INTEGER NOT NULL,
  consent_profiling INTEGER NOT NULL DEFAULT 0,
  consent_marketing INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,  -- unix micros
  updated_at INTEGER NOT NULL,  -- unix micros
  body BLOB NOT NULL            -- serialized journeydesk.v1.Customer
);

CREATE TABLE customer_addresses (
  kind INTEGER NOT NULL,        -- Address::Kind
  value TEXT NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  PRIMARY KEY (kind, value)
) WITHOUT ROWID;
CREATE INDEX customer_addresses_by_customer ON customer_addresses(customer_id);

CREATE TABLE search_terms (
  term TEXT NOT NULL,           -- lower case; phones as digits only
  field TEXT NOT NULL,          -- id, name, email, phone, chat_handle
  value TEXT NOT NULL,          -- the value shown as matched
  customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE
);
CREATE INDEX search_terms_by_term ON search_terms(term);
CREATE INDEX search_terms_by_customer ON search_terms(customer_id);

CREATE TABLE touchpoints (
  id TEXT PRIMARY KEY,
  -- deferred: a merge re-points touchpoints before the new owner row is written
  customer_id TEXT NOT NULL REFERENCES customers(id) DEFERRABLE INITIALLY DEFERRED,
  occurred_at INTEGER NOT NULL, -- unix micros
  channel TEXT NOT NULL,
  kind TEXT NOT NULL,
  stage TEXT NOT NULL,
  body BLOB NOT NULL            -- serialized journeydesk.v1.Touchpoint
);
CREATE INDEX touchpoints_by_customer_time ON touchpoints(customer_id, occurred_at, id);

CREATE TABLE tokens (
  token_id TEXT PRIMARY KEY,
  secret_sha256 BLOB NOT NULL UNIQUE,
  role TEXT NOT NULL,
  agent_id TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  customer_id TEXT,
  detail TEXT NOT NULL
);
CREATE INDEX audit_log_by_customer ON audit_log(customer_id, id);
)sql",
    // 2: the contact centre — live contacts (open ones survive a restart) and agents' settings.
    R"sql(
CREATE TABLE contacts (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,     -- Contact.version: a save never replaces a newer one
  open INTEGER NOT NULL,        -- 1 until completed or abandoned
  queue TEXT NOT NULL,
  agent_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  enqueued_at INTEGER NOT NULL, -- unix micros
  body BLOB NOT NULL            -- serialized journeydesk.v1.Contact
);
CREATE INDEX contacts_open ON contacts(enqueued_at, id) WHERE open = 1;

CREATE TABLE agent_settings (
  agent_id TEXT PRIMARY KEY,
  body BLOB NOT NULL            -- serialized journeydesk.v1.AgentSettings
) WITHOUT ROWID;
)sql",
};

absl::Status ApplyOne(SqliteDatabase& db, int version) {
  STORE_ASSIGN_OR_RETURN(SqliteTransaction transaction, SqliteTransaction::Begin(db));
  // Re-read inside the write lock: another process may have migrated meanwhile.
  STORE_ASSIGN_OR_RETURN(int64_t current, db.QueryInt64("PRAGMA user_version"));
  if (current >= version) return absl::OkStatus();
  STORE_RETURN_IF_ERROR(db.Exec(kMigrations[static_cast<size_t>(version - 1)]));
  STORE_RETURN_IF_ERROR(db.Exec(absl::StrCat("PRAGMA user_version=", version)));
  return transaction.Commit();
}

}  // namespace

int CurrentSchemaVersion() { return static_cast<int>(kMigrations.size()); }

absl::Status ApplyMigrations(SqliteDatabase& db) {
  STORE_ASSIGN_OR_RETURN(int64_t version, db.QueryInt64("PRAGMA user_version"));
  if (version > CurrentSchemaVersion()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "database '", db.path(), "' has schema version ", version,
        " but this journeyd supports up to version ", CurrentSchemaVersion(),
        "; run a newer journeyd or restore a backup made by this one"));
  }
  for (int next = static_cast<int>(version) + 1; next <= CurrentSchemaVersion(); ++next) {
    absl::Status status = ApplyOne(db, next);
    if (!status.ok()) {
      return absl::Status(status.code(), absl::StrCat("migrating database '", db.path(),
                                                      "' to schema version ", next, ": ",
                                                      status.message()));
    }
  }
  return absl::OkStatus();
}

}  // namespace journeydesk::store
