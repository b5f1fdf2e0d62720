#pragma once
// SqliteJourneyStore: the journey store on one SQLite file (WAL mode).
//
// Ownership: owns one writer connection and a pool of reader connections to the file.
// Thread safety: every method may be called from any thread concurrently. Writes are
// serialised on the writer connection (BEGIN IMMEDIATE … COMMIT, synchronous=FULL: durable
// once a write returns OK). Reads use the reader pool and never wait for writes; only
// EraseCustomer briefly drains the readers to checkpoint and truncate the WAL.
// Errors: absl::Status values as described in journey_store.h; nothing throws.

#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/functional/function_ref.h"
#include "absl/synchronization/mutex.h"
#include "store/journey_store.h"
#include "store/reader_pool.h"
#include "store/sqlite_database.h"

namespace journeydesk::store {

struct SqliteJourneyStoreOptions {
  int reader_connections = 4;
  int busy_timeout_ms = 5000;
};

class SqliteJourneyStore final : public CustomerStore,
                                 public TouchpointStore,
                                 public AuditLog,
                                 public PrivacyStore,
                                 public TokenStore {
 public:
  // Opens (creating if missing) the database at `path`, applies schema migrations and makes
  // the pseudonym key on first use. FAILED_PRECONDITION for a database written by a newer
  // journeyd (the message names both schema versions); INTERNAL for SQLite failures.
  // `path` must be a file (not ":memory:"): readers open their own connections to it.
  static absl::StatusOr<std::unique_ptr<SqliteJourneyStore>> Open(
      const std::string& path, const SqliteJourneyStoreOptions& options = {});

  // CustomerStore
  absl::StatusOr<UpsertOutcome> UpsertCustomer(const v1::Customer& customer,
                                               const AuditRecord& audit) override;
  absl::StatusOr<v1::Customer> GetCustomer(std::string_view customer_id) override;
  absl::StatusOr<std::vector<SearchHit>> SearchCustomers(std::string_view query,
                                                         int limit) override;
  absl::StatusOr<v1::Customer> SetConsent(std::string_view customer_id,
                                          std::optional<bool> profiling,
                                          std::optional<bool> marketing,
                                          std::string_view source,
                                          const AuditRecord& audit) override;
  absl::StatusOr<std::vector<std::string>> ListCustomerIds() override;

  // TouchpointStore
  absl::StatusOr<std::vector<TouchpointWriteResult>> RecordTouchpoints(
      std::vector<TouchpointWrite> writes) override;
  absl::StatusOr<std::vector<v1::Touchpoint>> ListTouchpoints(
      std::string_view customer_id, std::optional<absl::Time> as_of) override;
  absl::StatusOr<int64_t> CountTouchpoints() override;

  // AuditLog
  absl::Status Append(const std::vector<AuditRecord>& records) override;
  absl::StatusOr<std::vector<AuditRecord>> ListForCustomer(
      std::string_view customer_id) override;

  // PrivacyStore
  absl::StatusOr<EraseOutcome> EraseCustomer(std::string_view customer_id,
                                             std::string_view pseudonym,
                                             const AuditRecord& audit) override;
  absl::StatusOr<std::string> PseudonymKey() override;

  // TokenStore
  absl::StatusOr<NewToken> CreateToken(Role role, std::string_view agent_id,
                                       std::string_view label) override;
  absl::StatusOr<TokenInfo> Authenticate(std::string_view secret) override;
  absl::Status RevokeToken(std::string_view token_id) override;
  absl::StatusOr<std::vector<TokenInfo>> ListTokens() override;

  const std::string& path() const { return path_; }

 private:
  SqliteJourneyStore(std::string path, SqliteDatabase writer,
                     std::unique_ptr<ReaderPool> readers);

  // Runs `body` inside BEGIN IMMEDIATE … COMMIT on the writer connection, holding the
  // writer mutex. Rolled back when `body` fails.
  absl::Status WriteTransaction(absl::FunctionRef<absl::Status(SqliteDatabase&)> body)
      ABSL_LOCKS_EXCLUDED(writer_mu_);
  absl::Status EnsurePseudonymKey();
  absl::Status CheckpointAfterErase() ABSL_EXCLUSIVE_LOCKS_REQUIRED(writer_mu_);

  const std::string path_;
  absl::Mutex writer_mu_;
  SqliteDatabase writer_ ABSL_GUARDED_BY(writer_mu_);
  std::unique_ptr<ReaderPool> readers_;
};

}  // namespace journeydesk::store
