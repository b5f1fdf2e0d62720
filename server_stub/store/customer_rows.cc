#include "store/customer_rows.h"
#include "common/absl_string_view.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "store/crypto_random.h"
#include "store/proto_time.h"
#include "store/search_terms.h"
#include "store/store_status_macros.h"

namespace journeydesk::store {
namespace {

google::protobuf::RepeatedPtrField<std::string>* FieldFor(Address::Kind kind,
                                                          v1::Customer* customer) {
  switch (kind) {
    case Address::Kind::kEmail:
      return customer->mutable_emails();
    case Address::Kind::kPhone:
      return customer->mutable_phones();
    case Address::Kind::kChatHandle:
      return customer->mutable_chat_handles();
  }
  return customer->mutable_emails();
}

absl::Status WriteCustomerRow(SqliteDatabase& db, const v1::Customer& customer) {
  STORE_ASSIGN_OR_RETURN(StatementLease s, db.Prepare(R"sql(
      INSERT INTO customers (id, display_name, lifecycle_state, consent_profiling,
                             consent_marketing, created_at, updated_at, body)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
      ON CONFLICT (id) DO UPDATE SET
        display_name = excluded.display_name, lifecycle_state = excluded.lifecycle_state,
        consent_profiling = excluded.consent_profiling,
        consent_marketing = excluded.consent_marketing, created_at = excluded.created_at,
        updated_at = excluded.updated_at, body = excluded.body)sql"));
  std::string body = customer.SerializeAsString();
  STORE_RETURN_IF_ERROR(s->Bind(
      customer.id(), customer.display_name(), int64_t{customer.lifecycle_state()},
      int64_t{customer.consent().profiling()}, int64_t{customer.consent().marketing()},
      TimestampToMicros(customer.created_at()), TimestampToMicros(customer.updated_at()),
      Blob{body}));
  return s->Run();
}

absl::Status ReplaceAddresses(SqliteDatabase& db, const v1::Customer& customer) {
  {
    STORE_ASSIGN_OR_RETURN(StatementLease s,
                           db.Prepare("DELETE FROM customer_addresses WHERE customer_id = ?1"));
    STORE_RETURN_IF_ERROR(s->Bind(customer.id()));
    STORE_RETURN_IF_ERROR(s->Run());
  }
  STORE_ASSIGN_OR_RETURN(StatementLease s, db.Prepare(
      "INSERT OR IGNORE INTO customer_addresses (kind, value, customer_id) VALUES (?1, ?2, ?3)"));
  for (const Address& address : AddressesOf(customer)) {
    STORE_RETURN_IF_ERROR(
        s->Bind(static_cast<int64_t>(address.kind), address.value, customer.id()));
    STORE_RETURN_IF_ERROR(s->Run());
    s->Reset();
  }
  return absl::OkStatus();
}

absl::Status ReplaceSearchTerms(SqliteDatabase& db, const v1::Customer& customer) {
  {
    STORE_ASSIGN_OR_RETURN(StatementLease s,
                           db.Prepare("DELETE FROM search_terms WHERE customer_id = ?1"));
    STORE_RETURN_IF_ERROR(s->Bind(customer.id()));
    STORE_RETURN_IF_ERROR(s->Run());
  }
  STORE_ASSIGN_OR_RETURN(StatementLease s, db.Prepare(
      "INSERT INTO search_terms (term, field, value, customer_id) VALUES (?1, ?2, ?3, ?4)"));
  for (const SearchTerm& term : SearchTermsFor(customer)) {
    STORE_RETURN_IF_ERROR(s->Bind(term.term, term.field, term.value, customer.id()));
    STORE_RETURN_IF_ERROR(s->Run());
    s->Reset();
  }
  return absl::OkStatus();
}

}  // namespace

std::string_view AddressKindName(Address::Kind kind) {
  switch (kind) {
    case Address::Kind::kEmail:
      return "email";
    case Address::Kind::kPhone:
      return "phone";
    case Address::Kind::kChatHandle:
      return "chat handle";
  }
  return "address";
}

std::vector<Address> AddressesOf(const v1::Customer& customer) {
  std::vector<Address> addresses;
  for (const auto& v : customer.emails()) addresses.push_back({Address::Kind::kEmail, v});
  for (const auto& v : customer.phones()) addresses.push_back({Address::Kind::kPhone, v});
  for (const auto& v : customer.chat_handles()) {
    addresses.push_back({Address::Kind::kChatHandle, v});
  }
  return addresses;
}

void AddAddress(const Address& address, v1::Customer* customer) {
  auto* field = FieldFor(address.kind, customer);
  if (std::find(field->begin(), field->end(), address.value) != field->end()) return;
  field->Add(std::string(address.value));
}

absl::StatusOr<std::optional<v1::Customer>> LoadCustomer(SqliteDatabase& db,
                                                         std::string_view customer_id) {
  STORE_ASSIGN_OR_RETURN(StatementLease s,
                         db.Prepare("SELECT body FROM customers WHERE id = ?1"));
  STORE_RETURN_IF_ERROR(s->Bind(customer_id));
  STORE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return std::optional<v1::Customer>();
  v1::Customer customer;
  STORE_RETURN_IF_ERROR(s->ColumnProto(0, &customer));
  return std::optional<v1::Customer>(std::move(customer));
}

absl::StatusOr<bool> CustomerExists(SqliteDatabase& db, std::string_view customer_id) {
  STORE_ASSIGN_OR_RETURN(StatementLease s,
                         db.Prepare("SELECT 1 FROM customers WHERE id = ?1"));
  STORE_RETURN_IF_ERROR(s->Bind(customer_id));
  return s->Step();
}

absl::Status WriteCustomer(SqliteDatabase& db, const v1::Customer& customer) {
  STORE_RETURN_IF_ERROR(WriteCustomerRow(db, customer));
  STORE_RETURN_IF_ERROR(ReplaceAddresses(db, customer));
  return ReplaceSearchTerms(db, customer);
}

absl::Status DeleteCustomerRow(SqliteDatabase& db, std::string_view customer_id) {
  STORE_ASSIGN_OR_RETURN(StatementLease s, db.Prepare("DELETE FROM customers WHERE id = ?1"));
  STORE_RETURN_IF_ERROR(s->Bind(customer_id));
  return s->Run();
}

absl::StatusOr<std::optional<AddressOwner>> FindAddressOwner(SqliteDatabase& db,
                                                             const Address& address) {
  STORE_ASSIGN_OR_RETURN(StatementLease s, db.Prepare(R"sql(
      SELECT a.customer_id, c.lifecycle_state FROM customer_addresses a
      JOIN customers c ON c.id = a.customer_id WHERE a.kind = ?1 AND a.value = ?2)sql"));
  STORE_RETURN_IF_ERROR(s->Bind(static_cast<int64_t>(address.kind), address.value));
  STORE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return std::optional<AddressOwner>();
  return AddressOwner{s->ColumnText(0), s->ColumnInt64(1) == v1::LIFECYCLE_PROSPECT};
}

absl::StatusOr<std::string> NewCustomerId(SqliteDatabase& db, std::string_view prefix) {
  for (int attempt = 0; attempt < 8; ++attempt) {
    STORE_ASSIGN_OR_RETURN(std::string hex, RandomHex(6));
    std::string id = absl::StrCat(ToAbsl(prefix), hex);
    STORE_ASSIGN_OR_RETURN(bool taken, CustomerExists(db, id));
    if (!taken) return id;
  }
  return absl::InternalError("could not find an unused customer id after 8 random tries");
}

absl::StatusOr<std::string> CreateProspect(SqliteDatabase& db, const Address& address) {
  v1::Customer prospect;
  STORE_ASSIGN_OR_RETURN(*prospect.mutable_id(), NewCustomerId(db, "P-"));
  prospect.set_display_name(address.value);
  prospect.set_lifecycle_state(v1::LIFECYCLE_PROSPECT);
  AddAddress(address, &prospect);
  int64_t now = NowMicros();
  SetTimestampMicros(now, prospect.mutable_created_at());
  SetTimestampMicros(now, prospect.mutable_updated_at());
  STORE_RETURN_IF_ERROR(WriteCustomer(db, prospect));
  return prospect.id();
}

absl::Status InsertAudit(SqliteDatabase& db, const AuditRecord& record) {
  STORE_ASSIGN_OR_RETURN(StatementLease s, db.Prepare(R"sql(
      INSERT INTO audit_log (at, actor, role, action, customer_id, detail)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6))sql"));
  STORE_RETURN_IF_ERROR(s->Bind(absl::ToUnixMicros(record.at), record.actor, record.role,
                                record.action, record.customer_id, record.detail));
  if (record.customer_id.empty()) STORE_RETURN_IF_ERROR(s->BindOne(5, SqlNull{}));
  return s->Run();
}

}  // namespace journeydesk::store
