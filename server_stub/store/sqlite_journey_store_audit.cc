// SqliteJourneyStore: the audit log of who read or changed which customer.
#include "store/customer_rows.h"
#include "store/sqlite_journey_store.h"
#include "store/store_status_macros.h"

namespace journeydesk::store {

absl::Status SqliteJourneyStore::Append(const std::vector<AuditRecord>& records) {
  if (records.empty()) return absl::OkStatus();
  return WriteTransaction([&](SqliteDatabase& db) -> absl::Status {
    for (const AuditRecord& record : records) STORE_RETURN_IF_ERROR(InsertAudit(db, record));
    return absl::OkStatus();
  });
}

absl::StatusOr<std::vector<AuditRecord>> SqliteJourneyStore::ListForCustomer(
    std::string_view customer_id) {
  ReaderLease reader = readers_->Acquire();
  STORE_ASSIGN_OR_RETURN(StatementLease s, reader.db().Prepare(R"sql(
      SELECT at, actor, role, action, customer_id, detail FROM audit_log
      WHERE customer_id = ?1 ORDER BY id)sql"));
  STORE_RETURN_IF_ERROR(s->Bind(customer_id));
  std::vector<AuditRecord> records;
  while (true) {
    STORE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return records;
    records.push_back({absl::FromUnixMicros(s->ColumnInt64(0)), s->ColumnText(1),
                       s->ColumnText(2), s->ColumnText(3), s->ColumnText(4), s->ColumnText(5)});
  }
}

}  // namespace journeydesk::store
