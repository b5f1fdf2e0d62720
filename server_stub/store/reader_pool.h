#pragma once
// ReaderPool: a fixed set of read-only connections to one database. In WAL mode readers
// never wait for the writer, so many gRPC threads can read while one writes.
//
// Thread-safe. A connection is lent to one thread at a time; statements used through it are
// reset when their StatementLease ends, so an idle pooled connection holds no read snapshot.

#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "store/sqlite_database.h"

namespace journeydesk::store {

class ReaderPool;

// One borrowed connection, given back on destruction.
class ReaderLease {
 public:
  ReaderLease(ReaderPool* pool, SqliteDatabase* db) : pool_(pool), db_(db) {}
  ReaderLease(ReaderLease&& other) noexcept;
  ReaderLease& operator=(ReaderLease&&) = delete;
  ReaderLease(const ReaderLease&) = delete;
  ReaderLease& operator=(const ReaderLease&) = delete;
  ~ReaderLease();

  SqliteDatabase& db() const { return *db_; }

 private:
  ReaderPool* pool_;
  SqliteDatabase* db_;
};

// Every connection of the pool, borrowed at once: no reader runs while it lives.
class ExclusiveReaderLease {
 public:
  explicit ExclusiveReaderLease(ReaderPool* pool) : pool_(pool) {}
  ExclusiveReaderLease(const ExclusiveReaderLease&) = delete;
  ExclusiveReaderLease& operator=(const ExclusiveReaderLease&) = delete;
  ~ExclusiveReaderLease();

 private:
  ReaderPool* pool_;
};

class ReaderPool {
 public:
  // Opens `size` query-only connections to the existing database at `path`.
  static absl::StatusOr<std::unique_ptr<ReaderPool>> Open(const std::string& path, int size);

  // Blocks until a connection is free. Never waits for the writer.
  ReaderLease Acquire();
  // Blocks until every connection is free and keeps them all until the lease ends (used
  // before a WAL checkpoint that must not be held up by readers).
  std::unique_ptr<ExclusiveReaderLease> AcquireAll();

 private:
  friend class ReaderLease;
  friend class ExclusiveReaderLease;
  ReaderPool() = default;
  void Release(SqliteDatabase* db);
  void ReleaseAll();

  std::vector<std::unique_ptr<SqliteDatabase>> connections_;
  absl::Mutex mu_;
  std::vector<SqliteDatabase*> free_ ABSL_GUARDED_BY(mu_);
  bool exclusive_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace journeydesk::store
