// SqliteJourneyStore: customer profiles, consent and the merge of prospects.
#include "absl/strings/str_cat.h"
#include "store/customer_rows.h"
#include "common/absl_string_view.h"
#include "store/proto_time.h"
#include "store/sqlite_journey_store.h"
#include "store/store_status_macros.h"

namespace journeydesk::store {
namespace {

absl::Status NoCustomer(std::string_view customer_id) {
  return absl::NotFoundError(absl::StrCat("no customer '", ToAbsl(customer_id), "'"));
}

// The row to store for `input`: a new id when it has none; consent and created_at kept from
// the stored customer; updated_at now.
absl::StatusOr<v1::Customer> PrepareUpsert(SqliteDatabase& db, const v1::Customer& input,
                                           bool* created) {
  v1::Customer customer = input;
  std::optional<v1::Customer> stored;
  if (customer.id().empty()) {
    STORE_ASSIGN_OR_RETURN(*customer.mutable_id(), NewCustomerId(db, "C-"));
  } else {
    STORE_ASSIGN_OR_RETURN(stored, LoadCustomer(db, customer.id()));
  }
  *created = !stored.has_value();
  int64_t now = NowMicros();
  if (stored.has_value()) {
    *customer.mutable_consent() = stored->consent();
    *customer.mutable_created_at() = stored->created_at();
  } else {
    customer.clear_consent();
    SetTimestampMicros(now, customer.mutable_created_at());
  }
  SetTimestampMicros(now, customer.mutable_updated_at());
  return customer;
}

// Re-points every touchpoint of `from` to `to`, rewriting the stored bodies too.
absl::Status MoveTouchpoints(SqliteDatabase& db, std::string_view from, std::string_view to) {
  std::vector<v1::Touchpoint> moved;
  {
    STORE_ASSIGN_OR_RETURN(StatementLease s,
                           db.Prepare("SELECT body FROM touchpoints WHERE customer_id = ?1"));
    STORE_RETURN_IF_ERROR(s->Bind(from));
    while (true) {
      STORE_ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      STORE_RETURN_IF_ERROR(s->ColumnProto(0, &moved.emplace_back()));
    }
  }
  STORE_ASSIGN_OR_RETURN(StatementLease s, db.Prepare(
      "UPDATE touchpoints SET customer_id = ?1, body = ?2 WHERE id = ?3"));
  for (v1::Touchpoint& touchpoint : moved) {
    touchpoint.set_customer_id(std::string(to));
    STORE_RETURN_IF_ERROR(s->Bind(to, Blob{touchpoint.SerializeAsString()}, touchpoint.id()));
    STORE_RETURN_IF_ERROR(s->Run());
    s->Reset();
  }
  return absl::OkStatus();
}

// Folds the prospect into `customer`: its addresses join the customer's, its touchpoints
// move over, and the prospect row (with its addresses and search terms) is deleted.
absl::Status MergeProspect(SqliteDatabase& db, const std::string& prospect_id,
                           v1::Customer* customer) {
  STORE_ASSIGN_OR_RETURN(std::optional<v1::Customer> prospect, LoadCustomer(db, prospect_id));
  if (!prospect.has_value()) return NoCustomer(prospect_id);
  for (const Address& address : AddressesOf(*prospect)) AddAddress(address, customer);
  STORE_RETURN_IF_ERROR(MoveTouchpoints(db, prospect_id, customer->id()));
  return DeleteCustomerRow(db, prospect_id);
}

// Takes over every address of `customer` that a prospect owns; ALREADY_EXISTS when another
// non-prospect customer owns one. Returns the merged prospects' ids.
absl::StatusOr<std::vector<std::string>> ClaimAddresses(SqliteDatabase& db,
                                                         v1::Customer* customer) {
  std::vector<std::string> merged;
  for (const Address& address : AddressesOf(*customer)) {
    STORE_ASSIGN_OR_RETURN(std::optional<AddressOwner> owner, FindAddressOwner(db, address));
    if (!owner.has_value() || owner->customer_id == customer->id()) continue;
    if (!owner->is_prospect) {
      return absl::AlreadyExistsError(absl::StrCat(
          ToAbsl(AddressKindName(address.kind)), " '", address.value, "' already belongs to customer '",
          owner->customer_id, "'; remove it there first or update that customer instead"));
    }
    STORE_RETURN_IF_ERROR(MergeProspect(db, owner->customer_id, customer));
    merged.push_back(owner->customer_id);
  }
  return merged;
}

}  // namespace

absl::StatusOr<UpsertOutcome> SqliteJourneyStore::UpsertCustomer(const v1::Customer& input,
                                                                  const AuditRecord& audit) {
  UpsertOutcome outcome;
  STORE_RETURN_IF_ERROR(WriteTransaction([&](SqliteDatabase& db) -> absl::Status {
    STORE_ASSIGN_OR_RETURN(v1::Customer customer, PrepareUpsert(db, input, &outcome.created));
    STORE_ASSIGN_OR_RETURN(outcome.merged_prospect_ids, ClaimAddresses(db, &customer));
    STORE_RETURN_IF_ERROR(WriteCustomer(db, customer));
    AuditRecord record = audit;
    record.customer_id = customer.id();
    STORE_RETURN_IF_ERROR(InsertAudit(db, record));
    outcome.customer = std::move(customer);
    return absl::OkStatus();
  }));
  return outcome;
}

absl::StatusOr<v1::Customer> SqliteJourneyStore::GetCustomer(std::string_view customer_id) {
  ReaderLease reader = readers_->Acquire();
  STORE_ASSIGN_OR_RETURN(std::optional<v1::Customer> customer,
                         LoadCustomer(reader.db(), customer_id));
  if (!customer.has_value()) return NoCustomer(customer_id);
  return *std::move(customer);
}

absl::StatusOr<v1::Customer> SqliteJourneyStore::SetConsent(std::string_view customer_id,
                                                            std::optional<bool> profiling,
                                                            std::optional<bool> marketing,
                                                            std::string_view source,
                                                            const AuditRecord& audit) {
  v1::Customer result;
  STORE_RETURN_IF_ERROR(WriteTransaction([&](SqliteDatabase& db) -> absl::Status {
    STORE_ASSIGN_OR_RETURN(std::optional<v1::Customer> customer, LoadCustomer(db, customer_id));
    if (!customer.has_value()) return NoCustomer(customer_id);
    v1::Consent* consent = customer->mutable_consent();
    if (profiling.has_value()) consent->set_profiling(*profiling);
    if (marketing.has_value()) consent->set_marketing(*marketing);
    consent->set_source(std::string(source));
    int64_t now = NowMicros();
    SetTimestampMicros(now, consent->mutable_updated_at());
    SetTimestampMicros(now, customer->mutable_updated_at());
    STORE_RETURN_IF_ERROR(WriteCustomer(db, *customer));
    AuditRecord record = audit;
    record.customer_id = std::string(customer_id);
    STORE_RETURN_IF_ERROR(InsertAudit(db, record));
    result = *std::move(customer);
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<std::vector<std::string>> SqliteJourneyStore::ListCustomerIds() {
  ReaderLease reader = readers_->Acquire();
  STORE_ASSIGN_OR_RETURN(StatementLease s,
                         reader.db().Prepare("SELECT id FROM customers ORDER BY id"));
  std::vector<std::string> ids;
  while (true) {
    STORE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return ids;
    ids.push_back(s->ColumnText(0));
  }
}

}  // namespace journeydesk::store
