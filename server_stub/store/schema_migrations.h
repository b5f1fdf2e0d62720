#pragma once
// The journey store's schema, as an append-only list of migrations keyed by
// PRAGMA user_version. Never edit a shipped migration: append a new one.

#include "absl/status/status.h"
#include "store/sqlite_database.h"

namespace journeydesk::store {

// The user_version a database has after all migrations this build knows.
int CurrentSchemaVersion();

// Brings `db` up to CurrentSchemaVersion(). Each migration runs in its own IMMEDIATE
// transaction together with its user_version bump, so a crash leaves a consistent version.
// FAILED_PRECONDITION (naming the file's version and the supported one) for a database made
// by a newer journeyd; it is left untouched.
absl::Status ApplyMigrations(SqliteDatabase& db);

}  // namespace journeydesk::store
