#pragma once
// The journey service's storage contract. journeyd's layers above `store/` talk only to
// these interfaces, so another backend (PostgreSQL for scale-out) can follow the SQLite one.
//
// Thread safety: every method may be called from any thread concurrently.
// Errors: absl::Status with canonical codes (NOT_FOUND for an unknown customer,
// ALREADY_EXISTS for an address owned by another non-prospect customer, INTERNAL for a
// storage failure with the SQLite message). Nothing throws.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "journeydesk/v1/customer.pb.h"
#include "journeydesk/v1/journey_service.pb.h"
#include "journeydesk/v1/touchpoint.pb.h"

namespace journeydesk::store {

// An email, phone number or chat handle, already normalised by the caller.
struct Address {
  enum class Kind { kEmail, kPhone, kChatHandle };
  Kind kind;
  std::string value;
};

struct UpsertOutcome {
  v1::Customer customer;                      // as stored, with created_at / updated_at
  bool created = false;
  std::vector<std::string> merged_prospect_ids;  // prospects whose touchpoints moved here
};

// One touchpoint to store. `touchpoint.customer_id` is set, or `address` is, not both.
// `touchpoint.stage` is already resolved by the caller; `recorded_at` is set by the store.
struct TouchpointWrite {
  v1::Touchpoint touchpoint;
  std::optional<Address> address;
};

struct TouchpointWriteResult {
  std::string id;
  bool duplicate = false;         // id already stored: nothing was written
  std::string customer_id;        // resolved owner (for a duplicate: the stored owner)
  std::string stage;              // stored stage
  bool created_prospect = false;  // the address was unknown and a prospect was created
  v1::Touchpoint stored;          // as stored (moved out of the write); empty for a duplicate
};

struct SearchHit {
  v1::Customer customer;
  std::string matched_field;  // id, name, email, phone, chat_handle
  std::string matched_value;
  double score = 0;           // higher is better: exact > prefix; id/email/phone > name
};

struct AuditRecord {
  absl::Time at;
  std::string actor;        // "token:<token id>" plus " agent:<agent id>" when known
  std::string role;
  std::string action;       // RPC or command name
  std::string customer_id;  // empty when the action concerns no single customer
  std::string detail;       // never contains personal data or secrets
};

struct EraseOutcome {
  int touchpoints_erased = 0;
};

class CustomerStore {
 public:
  virtual ~CustomerStore() = default;

  // Creates (empty id: assigns "C-" + 12 hex digits) or replaces the profile fields of a
  // customer; consent and created_at are kept. Addresses owned by a prospect are taken over
  // and the prospect merged (its touchpoints re-pointed, the prospect deleted); an address
  // owned by another non-prospect customer → ALREADY_EXISTS naming it. Writes `audit`
  // (customer_id filled in) in the same transaction.
  virtual absl::StatusOr<UpsertOutcome> UpsertCustomer(const v1::Customer& customer,
                                                       const AuditRecord& audit) = 0;
  virtual absl::StatusOr<v1::Customer> GetCustomer(std::string_view customer_id) = 0;
  // Prefix match of every query word against name words, emails, phones (digits), chat
  // handles and ids, case-insensitive; a customer must match every word. Best first.
  virtual absl::StatusOr<std::vector<SearchHit>> SearchCustomers(std::string_view query,
                                                                 int limit) = 0;
  // Absent values stay unchanged. `source` is recorded as Consent.source.
  virtual absl::StatusOr<v1::Customer> SetConsent(std::string_view customer_id,
                                                  std::optional<bool> profiling,
                                                  std::optional<bool> marketing,
                                                  std::string_view source,
                                                  const AuditRecord& audit) = 0;
  // Ids of every customer, in id order (for replay, export tools and benchmarks).
  virtual absl::StatusOr<std::vector<std::string>> ListCustomerIds() = 0;
};

class TouchpointStore {
 public:
  virtual ~TouchpointStore() = default;

  // Stores the batch in one transaction: all or nothing. Addresses are resolved to their
  // customer; an unknown address creates a prospect (display name = the address). A
  // customer_id that does not exist → NOT_FOUND naming `touchpoints[i].customer_id`.
  // Returns one result per write, in order. Durable once it returns OK.
  virtual absl::StatusOr<std::vector<TouchpointWriteResult>> RecordTouchpoints(
      std::vector<TouchpointWrite> writes) = 0;
  // The customer's touchpoints with occurred_at <= as_of (all when absent), oldest first;
  // ties broken by id. Uses the (customer_id, occurred_at) index.
  virtual absl::StatusOr<std::vector<v1::Touchpoint>> ListTouchpoints(
      std::string_view customer_id, std::optional<absl::Time> as_of) = 0;
  virtual absl::StatusOr<int64_t> CountTouchpoints() = 0;
};

class AuditLog {
 public:
  virtual ~AuditLog() = default;
  virtual absl::Status Append(const std::vector<AuditRecord>& records) = 0;
  // Records about one customer, oldest first.
  virtual absl::StatusOr<std::vector<AuditRecord>> ListForCustomer(std::string_view customer_id) = 0;
};

class PrivacyStore {
 public:
  virtual ~PrivacyStore() = default;
  // Deletes the customer, their addresses, search terms and touchpoints for good: deleted
  // content is overwritten (secure_delete) and the WAL checkpointed and truncated, so no
  // byte of it stays in the database files. Audit records about the customer are rewritten
  // to `pseudonym`, and `audit` (customer_id = pseudonym) is appended. NOT_FOUND if unknown.
  virtual absl::StatusOr<EraseOutcome> EraseCustomer(std::string_view customer_id,
                                                     std::string_view pseudonym,
                                                     const AuditRecord& audit) = 0;
  // A random secret made once per database, for pseudonymising erased ids.
  virtual absl::StatusOr<std::string> PseudonymKey() = 0;
};

enum class Role { kAgent, kSupervisor, kAdmin, kIntegration };

struct TokenInfo {
  std::string token_id;   // public, 8 hex digits; shown in lists and audit records
  Role role;
  std::string agent_id;   // may be empty
  std::string label;
  absl::Time created_at;
  std::optional<absl::Time> revoked_at;
};

struct NewToken {
  TokenInfo info;
  std::string secret;     // "jd_" + token_id + "_" + 43 base64url chars; shown once, stored hashed
};

class TokenStore {
 public:
  virtual ~TokenStore() = default;
  virtual absl::StatusOr<NewToken> CreateToken(Role role, std::string_view agent_id,
                                               std::string_view label) = 0;
  // The live token whose SHA-256 matches; NOT_FOUND for unknown or revoked ones.
  virtual absl::StatusOr<TokenInfo> Authenticate(std::string_view secret) = 0;
  virtual absl::Status RevokeToken(std::string_view token_id) = 0;  // NOT_FOUND if unknown
  virtual absl::StatusOr<std::vector<TokenInfo>> ListTokens() = 0;
};

std::string_view RoleName(Role role);                         // "agent", "supervisor", …
std::optional<Role> ParseRole(std::string_view name);

}  // namespace journeydesk::store
