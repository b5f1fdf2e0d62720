#include "store/sqlite_contact_store.h"

#include "absl/strings/str_cat.h"
#include "common/absl_string_view.h"
#include "store/proto_time.h"
#include "store/schema_migrations.h"
#include "store/store_status_macros.h"

namespace journeydesk::store {
namespace {

bool IsOpen(v1::ContactState state) {
  return state != v1::CONTACT_COMPLETED && state != v1::CONTACT_ABANDONED;
}

}  // namespace

absl::StatusOr<std::unique_ptr<SqliteContactStore>> SqliteContactStore::Open(const std::string& path) {
  STORE_ASSIGN_OR_RETURN(SqliteDatabase db, SqliteDatabase::Open(path, SqliteOpenOptions{}));
  STORE_RETURN_IF_ERROR(ApplyMigrations(db));
  return std::unique_ptr<SqliteContactStore>(new SqliteContactStore(std::move(db)));
}

absl::Status SqliteContactStore::SaveContact(const v1::Contact& contact) {
  const std::string body = contact.SerializeAsString();
  absl::MutexLock lock(&mu_);
  STORE_ASSIGN_OR_RETURN(StatementLease s, db_.Prepare(R"sql(
      INSERT INTO contacts (id, version, open, queue, agent_id, customer_id, enqueued_at, body)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
      ON CONFLICT (id) DO UPDATE SET
        version = excluded.version, open = excluded.open, queue = excluded.queue,
        agent_id = excluded.agent_id, body = excluded.body
      WHERE excluded.version > contacts.version)sql"));
  STORE_RETURN_IF_ERROR(s->Bind(contact.contact_id(), contact.version(),
                                int64_t{IsOpen(contact.state()) ? 1 : 0}, contact.queue(),
                                contact.agent_id(), contact.customer_id(),
                                TimestampToMicros(contact.enqueued_at()), Blob{body}));
  return s->Run();
}

absl::StatusOr<std::vector<v1::Contact>> SqliteContactStore::ListOpenContacts() {
  absl::MutexLock lock(&mu_);
  STORE_ASSIGN_OR_RETURN(StatementLease s, db_.Prepare(
      "SELECT body FROM contacts WHERE open = 1 ORDER BY enqueued_at, id"));
  std::vector<v1::Contact> contacts;
  while (true) {
    STORE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return contacts;
    v1::Contact contact;
    STORE_RETURN_IF_ERROR(s->ColumnProto(0, &contact));
    contacts.push_back(std::move(contact));
  }
}

absl::StatusOr<v1::Contact> SqliteContactStore::GetContact(std::string_view contact_id) {
  absl::MutexLock lock(&mu_);
  STORE_ASSIGN_OR_RETURN(StatementLease s, db_.Prepare("SELECT body FROM contacts WHERE id = ?1"));
  STORE_RETURN_IF_ERROR(s->Bind(contact_id));
  STORE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return absl::NotFoundError(absl::StrCat("no contact '", ToAbsl(contact_id), "'"));
  v1::Contact contact;
  STORE_RETURN_IF_ERROR(s->ColumnProto(0, &contact));
  return contact;
}

absl::Status SqliteContactStore::SaveAgentSettings(const v1::AgentSettings& settings) {
  const std::string body = settings.SerializeAsString();
  absl::MutexLock lock(&mu_);
  STORE_ASSIGN_OR_RETURN(StatementLease s, db_.Prepare(R"sql(
      INSERT INTO agent_settings (agent_id, body) VALUES (?1, ?2)
      ON CONFLICT (agent_id) DO UPDATE SET body = excluded.body)sql"));
  STORE_RETURN_IF_ERROR(s->Bind(settings.agent_id(), Blob{body}));
  return s->Run();
}

absl::StatusOr<std::vector<v1::AgentSettings>> SqliteContactStore::ListAgentSettings() {
  absl::MutexLock lock(&mu_);
  STORE_ASSIGN_OR_RETURN(StatementLease s, db_.Prepare("SELECT body FROM agent_settings ORDER BY agent_id"));
  std::vector<v1::AgentSettings> list;
  while (true) {
    STORE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return list;
    v1::AgentSettings settings;
    STORE_RETURN_IF_ERROR(s->ColumnProto(0, &settings));
    list.push_back(std::move(settings));
  }
}

}  // namespace journeydesk::store
