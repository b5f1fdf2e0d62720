#pragma once
// The desktop's own SQLite file (in the user's data directory, mode 0600): the journeys the
// agent viewed last, with when each was fetched, for showing while journeyd is unreachable;
// and the durable outbox of writes made while offline, replayed in order on reconnect.
// Replay is idempotent because every outboxed write carries what makes a re-send a no-op on
// journeyd (see core/outbox_write.h). Thread-safe (one connection behind a mutex).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "core/outbox_write.h"
#include "journeydesk/v1/journey.pb.h"

struct sqlite3;

namespace journeydesk::agent {

struct CachedJourney {
  v1::Journey journey;
  absl::Time fetched_at;
};

struct OutboxEntry {
  int64_t id = 0;
  absl::Time queued_at;
  OutboxWrite write;
  int attempts = 0;
};

class LocalStore {
 public:
  // $XDG_DATA_HOME/journeydesk/journeydesk.db, or ~/.local/share/journeydesk/journeydesk.db.
  static std::filesystem::path DefaultPath();
  // Creates the file (and its directory, mode 0700) if needed; refuses a newer schema.
  static absl::StatusOr<std::unique_ptr<LocalStore>> Open(const std::filesystem::path& path,
                                                          int max_cached_journeys = 50);
  ~LocalStore();
  LocalStore(const LocalStore&) = delete;
  LocalStore& operator=(const LocalStore&) = delete;

  // Replaces the cached copy of the journey's customer; evicts the least recently fetched
  // beyond max_cached_journeys.
  absl::Status PutJourney(const v1::Journey& journey, absl::Time fetched_at);
  absl::StatusOr<std::optional<CachedJourney>> GetJourney(const std::string& customer_id);

  // Durably queues a write (committed before returning); refuses one that could not be
  // replayed idempotently (CheckReplayable).
  absl::StatusOr<int64_t> AddToOutbox(const OutboxWrite& write);
  // Pending entries, oldest first.
  absl::StatusOr<std::vector<OutboxEntry>> PendingOutbox();
  absl::Status RemoveFromOutbox(int64_t id);
  absl::Status CountAttempt(int64_t id);
  // journeyd refused it for good (invalid, forbidden): kept for the record, not replayed.
  absl::Status MarkRejected(int64_t id, const std::string& reason);
  absl::StatusOr<int> PendingCount();

 private:
  LocalStore(sqlite3* db, int max_cached_journeys) : db_(db), max_cached_journeys_(max_cached_journeys) {}
  absl::Status Exec(const char* sql);

  std::mutex mutex_;
  sqlite3* db_;
  int max_cached_journeys_;
};

}  // namespace journeydesk::agent
