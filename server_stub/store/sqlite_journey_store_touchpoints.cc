// SqliteJourneyStore: touchpoint ingest (idempotent on id, all or nothing per batch) and
// timeline reads.
#include <limits>

#include "absl/container/flat_hash_set.h"

#include "absl/strings/str_cat.h"
#include "store/customer_rows.h"
#include "store/proto_time.h"
#include "store/sqlite_journey_store.h"
#include "store/store_status_macros.h"

namespace journeydesk::store {
namespace {

// Fills `result` from the stored touchpoint with this id; false when there is none.
absl::StatusOr<bool> FindStored(SqliteDatabase& db, std::string_view id,
                                TouchpointWriteResult* result) {
  STORE_ASSIGN_OR_RETURN(StatementLease s,
                         db.Prepare("SELECT customer_id, stage FROM touchpoints WHERE id = ?1"));
  STORE_RETURN_IF_ERROR(s->Bind(id));
  STORE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return false;
  result->duplicate = true;
  result->customer_id = s->ColumnText(0);
  result->stage = s->ColumnText(1);
  return true;
}

// Customers already known to exist within one batch: a batch usually holds many
// touchpoints of few customers, so each is looked up once.
using KnownCustomers = absl::flat_hash_set<std::string>;

// The owner of write `index`: its customer_id (which must exist) or the customer of its
// address, creating a prospect for an unknown address.
absl::StatusOr<std::string> ResolveOwner(SqliteDatabase& db, const TouchpointWrite& write,
                                         size_t index, KnownCustomers& known,
                                         bool* created_prospect) {
  const std::string& customer_id = write.touchpoint.customer_id();
  if (!customer_id.empty()) {
    if (known.contains(customer_id)) return customer_id;
    STORE_ASSIGN_OR_RETURN(bool exists, CustomerExists(db, customer_id));
    if (exists) {
      known.insert(customer_id);
      return customer_id;
    }
    return absl::NotFoundError(absl::StrCat("touchpoints[", index, "].customer_id: no customer '",
                                            customer_id, "'"));
  }
  if (!write.address.has_value() || write.address->value.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "touchpoints[", index, "]: set customer_id or an address (email, phone, chat handle)"));
  }
  STORE_ASSIGN_OR_RETURN(std::optional<AddressOwner> owner,
                         FindAddressOwner(db, *write.address));
  if (owner.has_value()) return owner->customer_id;
  *created_prospect = true;
  return CreateProspect(db, *write.address);
}

// Inserts unless the id is stored already; true when it was inserted.
absl::StatusOr<bool> InsertTouchpoint(SqliteDatabase& db, const v1::Touchpoint& touchpoint) {
  STORE_ASSIGN_OR_RETURN(StatementLease s, db.Prepare(R"sql(
      INSERT INTO touchpoints (id, customer_id, occurred_at, channel, kind, stage, body)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO NOTHING)sql"));
  STORE_RETURN_IF_ERROR(s->Bind(touchpoint.id(), touchpoint.customer_id(),
                                TimestampToMicros(touchpoint.occurred_at()), touchpoint.channel(),
                                touchpoint.kind(), touchpoint.stage(),
                                Blob{touchpoint.SerializeAsString()}));
  STORE_RETURN_IF_ERROR(s->Run());
  return db.ChangedRows() == 1;
}

absl::StatusOr<TouchpointWriteResult> RecordOne(SqliteDatabase& db, TouchpointWrite& write,
                                                size_t index, int64_t now, KnownCustomers& known) {
  TouchpointWriteResult result;
  result.id = write.touchpoint.id();
  if (result.id.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("touchpoints[", index, "].id: empty"));
  }
  // An address write looks for a stored duplicate first, so that re-sending it never
  // creates a prospect; a customer_id write learns it from the insert itself.
  if (write.touchpoint.customer_id().empty()) {
    STORE_ASSIGN_OR_RETURN(bool stored, FindStored(db, result.id, &result));
    if (stored) return result;
  }
  STORE_ASSIGN_OR_RETURN(result.customer_id,
                         ResolveOwner(db, write, index, known, &result.created_prospect));
  v1::Touchpoint& touchpoint = write.touchpoint;
  touchpoint.set_customer_id(result.customer_id);
  SetTimestampMicros(now, touchpoint.mutable_recorded_at());
  result.stage = touchpoint.stage();
  STORE_ASSIGN_OR_RETURN(bool inserted, InsertTouchpoint(db, touchpoint));
  if (inserted) {
    result.stored = std::move(touchpoint);
    return result;
  }
  result = TouchpointWriteResult{};
  result.id = write.touchpoint.id();
  STORE_RETURN_IF_ERROR(FindStored(db, result.id, &result).status());
  return result;
}

}  // namespace

absl::StatusOr<std::vector<TouchpointWriteResult>> SqliteJourneyStore::RecordTouchpoints(
    std::vector<TouchpointWrite> writes) {
  std::vector<TouchpointWriteResult> results;
  STORE_RETURN_IF_ERROR(WriteTransaction([&](SqliteDatabase& db) -> absl::Status {
    results.clear();
    int64_t now = NowMicros();
    KnownCustomers known;
    for (size_t i = 0; i < writes.size(); ++i) {
      STORE_ASSIGN_OR_RETURN(TouchpointWriteResult result, RecordOne(db, writes[i], i, now, known));
      results.push_back(std::move(result));
    }
    return absl::OkStatus();
  }));
  return results;
}

absl::StatusOr<std::vector<v1::Touchpoint>> SqliteJourneyStore::ListTouchpoints(
    std::string_view customer_id, std::optional<absl::Time> as_of) {
  int64_t until = as_of.has_value() ? absl::ToUnixMicros(*as_of)
                                    : std::numeric_limits<int64_t>::max();
  ReaderLease reader = readers_->Acquire();
  STORE_ASSIGN_OR_RETURN(StatementLease s, reader.db().Prepare(R"sql(
      SELECT body FROM touchpoints WHERE customer_id = ?1 AND occurred_at <= ?2
      ORDER BY occurred_at, id)sql"));
  STORE_RETURN_IF_ERROR(s->Bind(customer_id, until));
  std::vector<v1::Touchpoint> touchpoints;
  while (true) {
    STORE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return touchpoints;
    STORE_RETURN_IF_ERROR(s->ColumnProto(0, &touchpoints.emplace_back()));
  }
}

absl::StatusOr<int64_t> SqliteJourneyStore::CountTouchpoints() {
  ReaderLease reader = readers_->Acquire();
  STORE_ASSIGN_OR_RETURN(StatementLease s, reader.db().Prepare("SELECT count(*) FROM touchpoints"));
  STORE_ASSIGN_OR_RETURN(bool row, s->Step());
  return row ? s->ColumnInt64(0) : 0;
}

}  // namespace journeydesk::store
