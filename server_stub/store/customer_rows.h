#pragma once
// Row-level helpers shared by the SQLite journey store's operations. Every function runs on
// the connection it is given, inside the caller's transaction; none commits.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "journeydesk/v1/customer.pb.h"
#include "store/journey_store.h"
#include "store/sqlite_database.h"

namespace journeydesk::store {

// "email", "phone" or "chat handle", for messages.
std::string_view AddressKindName(Address::Kind kind);
// Every email, phone and chat handle of `customer`.
std::vector<Address> AddressesOf(const v1::Customer& customer);
// Adds `address` to the matching repeated field of `customer` unless already there.
void AddAddress(const Address& address, v1::Customer* customer);

// The stored customer, or nullopt when there is none with this id.
absl::StatusOr<std::optional<v1::Customer>> LoadCustomer(SqliteDatabase& db,
                                                         std::string_view customer_id);
absl::StatusOr<bool> CustomerExists(SqliteDatabase& db, std::string_view customer_id);
// Writes the customer row (insert or replace) and replaces its addresses and search terms.
// The caller has checked that no address belongs to another customer.
absl::Status WriteCustomer(SqliteDatabase& db, const v1::Customer& customer);
// Deletes the customer; its addresses and search terms go with it (ON DELETE CASCADE).
absl::Status DeleteCustomerRow(SqliteDatabase& db, std::string_view customer_id);

struct AddressOwner {
  std::string customer_id;
  bool is_prospect = false;
};
absl::StatusOr<std::optional<AddressOwner>> FindAddressOwner(SqliteDatabase& db,
                                                             const Address& address);

// A fresh unused id: `prefix` + 12 lower-case hex digits ("C-…", "P-…").
absl::StatusOr<std::string> NewCustomerId(SqliteDatabase& db, std::string_view prefix);
// Creates a prospect known only by `address` (display name = the address); returns its id.
absl::StatusOr<std::string> CreateProspect(SqliteDatabase& db, const Address& address);

// Appends one audit row.
absl::Status InsertAudit(SqliteDatabase& db, const AuditRecord& record);

}  // namespace journeydesk::store
