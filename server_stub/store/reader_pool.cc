#include "store/reader_pool.h"

#include <utility>

#include "store/store_status_macros.h"

namespace journeydesk::store {

ReaderLease::ReaderLease(ReaderLease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)), db_(std::exchange(other.db_, nullptr)) {}

ReaderLease::~ReaderLease() {
  if (pool_ != nullptr) pool_->Release(db_);
}

ExclusiveReaderLease::~ExclusiveReaderLease() { pool_->ReleaseAll(); }

absl::StatusOr<std::unique_ptr<ReaderPool>> ReaderPool::Open(const std::string& path,
                                                             int size) {
  std::unique_ptr<ReaderPool> pool(new ReaderPool());
  SqliteOpenOptions options;
  options.create_if_missing = false;
  options.query_only = true;
  for (int i = 0; i < size; ++i) {
    STORE_ASSIGN_OR_RETURN(SqliteDatabase db, SqliteDatabase::Open(path, options));
    pool->connections_.push_back(std::make_unique<SqliteDatabase>(std::move(db)));
  }
  absl::MutexLock lock(&pool->mu_);
  for (auto& connection : pool->connections_) pool->free_.push_back(connection.get());
  return pool;
}

ReaderLease ReaderPool::Acquire() {
  absl::MutexLock lock(&mu_);
  mu_.Await(absl::Condition(
      +[](ReaderPool* pool) ABSL_EXCLUSIVE_LOCKS_REQUIRED(pool->mu_) {
        return !pool->exclusive_ && !pool->free_.empty();
      },
      this));
  SqliteDatabase* db = free_.back();
  free_.pop_back();
  return ReaderLease(this, db);
}

std::unique_ptr<ExclusiveReaderLease> ReaderPool::AcquireAll() {
  absl::MutexLock lock(&mu_);
  // Claim first, so that new readers queue behind us instead of starving us.
  mu_.Await(absl::Condition(
      +[](ReaderPool* pool) ABSL_EXCLUSIVE_LOCKS_REQUIRED(pool->mu_) { return !pool->exclusive_; },
      this));
  exclusive_ = true;
  mu_.Await(absl::Condition(
      +[](ReaderPool* pool) ABSL_EXCLUSIVE_LOCKS_REQUIRED(pool->mu_) {
        return pool->free_.size() == pool->connections_.size();
      },
      this));
  return std::make_unique<ExclusiveReaderLease>(this);
}

void ReaderPool::Release(SqliteDatabase* db) {
  absl::MutexLock lock(&mu_);
  free_.push_back(db);
}

void ReaderPool::ReleaseAll() {
  absl::MutexLock lock(&mu_);
  exclusive_ = false;
}

}  // namespace journeydesk::store
