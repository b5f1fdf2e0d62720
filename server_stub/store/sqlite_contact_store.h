#pragma once
// SqliteContactStore: ContactStore on journeyd's SQLite file (the same file as the journey
// store; schema migration 2 made its tables).
//
// Ownership: owns one connection to the file, used for reads and writes under its own
// mutex. The journey store's writer is a different connection: SQLite serialises the two
// (busy_timeout), and contact writes are short single-row upserts.
// Durability: synchronous=FULL, like the journey store.

#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "store/contact_store.h"
#include "store/sqlite_database.h"

namespace journeydesk::store {

class SqliteContactStore final : public ContactStore {
 public:
  // Opens the database at `path` and applies migrations (a no-op when the journey store
  // already did). FAILED_PRECONDITION for a database from a newer journeyd.
  static absl::StatusOr<std::unique_ptr<SqliteContactStore>> Open(const std::string& path);

  absl::Status SaveContact(const v1::Contact& contact) override;
  absl::StatusOr<std::vector<v1::Contact>> ListOpenContacts() override;
  absl::StatusOr<v1::Contact> GetContact(std::string_view contact_id) override;
  absl::Status SaveAgentSettings(const v1::AgentSettings& settings) override;
  absl::StatusOr<std::vector<v1::AgentSettings>> ListAgentSettings() override;

 private:
  explicit SqliteContactStore(SqliteDatabase db) : db_(std::move(db)) {}

  absl::Mutex mu_;
  SqliteDatabase db_ ABSL_GUARDED_BY(mu_);
};

}  // namespace journeydesk::store
