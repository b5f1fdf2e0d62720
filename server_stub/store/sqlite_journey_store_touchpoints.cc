// SqliteJourneyStore: touchpoint ingest (idempotent on id, all or nothing per batch) and
// timeline reads.
#include <limits>

#include "absl/container/flat_hash_map.h"
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

// What one batch has already learnt: customers known to exist and the owners of addresses.
// A batch usually holds many touchpoints of few customers, so each is looked up once.
struct BatchMemo {
  absl::flat_hash_set<std::string> customers;
  absl::flat_hash_map<std::string, std::string> address_owners;  // "<kind>:<value>" → customer

  static std::string AddressKey(const Address& address) {
    return absl::StrCat(static_cast<int>(address.kind), ":", address.value);
  }
};

// The customer named by write `index`'s customer_id, which must exist.
absl::StatusOr<std::string> ResolveCustomerId(SqliteDatabase& db, const std::string& customer_id,
                                              size_t index, BatchMemo& memo) {
  if (memo.customers.contains(customer_id)) return customer_id;
  STORE_ASSIGN_OR_RETURN(bool exists, CustomerExists(db, customer_id));
  if (!exists) {
    return absl::NotFoundError(absl::StrCat("touchpoints[", index, "].customer_id: no customer '",
                                            customer_id, "'"));
  }
  memo.customers.insert(customer_id);
  return customer_id;
}

// The customer of the address, or nullopt when nobody has it yet.
absl::StatusOr<std::optional<std::string>> LookupAddress(SqliteDatabase& db, const Address& address,
                                                         BatchMemo& memo) {
  const std::string key = BatchMemo::AddressKey(address);
  if (auto it = memo.address_owners.find(key); it != memo.address_owners.end()) return it->second;
  STORE_ASSIGN_OR_RETURN(std::optional<AddressOwner> owner, FindAddressOwner(db, address));
  if (!owner.has_value()) return std::nullopt;
  memo.address_owners.emplace(key, owner->customer_id);
  return owner->customer_id;
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

// Resolves the owner, creating a prospect for an unknown address — unless the id is stored
// already (then `result` is the duplicate and the returned owner empty): re-sending a
// touchpoint must never create a prospect.
absl::StatusOr<std::string> ResolveOwner(SqliteDatabase& db, const TouchpointWrite& write, size_t index,
                                         BatchMemo& memo, TouchpointWriteResult& result) {
  if (!write.touchpoint.customer_id().empty()) {
    return ResolveCustomerId(db, write.touchpoint.customer_id(), index, memo);
  }
  if (!write.address.has_value() || write.address->value.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "touchpoints[", index, "]: set customer_id or an address (email, phone, chat handle)"));
  }
  STORE_ASSIGN_OR_RETURN(std::optional<std::string> known, LookupAddress(db, *write.address, memo));
  if (known.has_value()) return *known;
  STORE_ASSIGN_OR_RETURN(bool stored, FindStored(db, result.id, &result));
  if (stored) return std::string();
  STORE_ASSIGN_OR_RETURN(std::string prospect, CreateProspect(db, *write.address));
  result.created_prospect = true;
  memo.address_owners.emplace(BatchMemo::AddressKey(*write.address), prospect);
  memo.customers.insert(prospect);
  return prospect;
}

absl::StatusOr<TouchpointWriteResult> RecordOne(SqliteDatabase& db, TouchpointWrite& write,
                                                size_t index, int64_t now, BatchMemo& memo) {
  TouchpointWriteResult result;
  result.id = write.touchpoint.id();
  if (result.id.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("touchpoints[", index, "].id: empty"));
  }
  STORE_ASSIGN_OR_RETURN(std::string owner, ResolveOwner(db, write, index, memo, result));
  if (result.duplicate) return result;
  result.customer_id = owner;
  v1::Touchpoint& touchpoint = write.touchpoint;
  touchpoint.set_customer_id(std::move(owner));
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
    BatchMemo memo;
    for (size_t i = 0; i < writes.size(); ++i) {
      STORE_ASSIGN_OR_RETURN(TouchpointWriteResult result, RecordOne(db, writes[i], i, now, memo));
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
