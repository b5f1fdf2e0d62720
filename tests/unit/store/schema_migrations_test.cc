#include <sqlite3.h>

#include "absl/strings/str_cat.h"
#include "store/schema_migrations.h"
#include "store_test_fixture.h"

namespace journeydesk::store::testing {
namespace {

using SchemaMigrationsTest = StoreTest;

int64_t UserVersion(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr);
  sqlite3_step(stmt);
  int64_t version = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return version;
}

void SetUserVersion(const std::string& path, int version) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  std::string sql = absl::StrCat("PRAGMA user_version=", version);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

TEST_F(SchemaMigrationsTest, FreshFileGetsTheCurrentSchemaVersion) {
  store_.reset();
  EXPECT_EQ(UserVersion(db_path()), CurrentSchemaVersion());
  EXPECT_GE(CurrentSchemaVersion(), 1);
}

TEST_F(SchemaMigrationsTest, DatabaseFromANewerJourneydIsRefusedNamingBothVersions) {
  store_.reset();
  int newer = CurrentSchemaVersion() + 41;
  SetUserVersion(db_path(), newer);

  auto store = SqliteJourneyStore::Open(db_path());

  ASSERT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(store.status().message()),
              ::testing::AllOf(::testing::HasSubstr(absl::StrCat("version ", newer)),
                               ::testing::HasSubstr(
                                   absl::StrCat("up to version ", CurrentSchemaVersion()))));
  EXPECT_EQ(UserVersion(db_path()), newer) << "a refused file must be left untouched";
}

TEST_F(SchemaMigrationsTest, ReopeningKeepsDataAndThePseudonymKey) {
  Upsert(Customer("C-1", "Ada Lovelace"));
  auto key = store_->PseudonymKey();
  ASSERT_TRUE(key.ok()) << key.status();
  EXPECT_EQ(key->size(), 64u);
  store_.reset();

  store_ = OpenStore();
  ASSERT_NE(store_, nullptr);
  auto customer = store_->GetCustomer("C-1");
  ASSERT_TRUE(customer.ok()) << customer.status();
  EXPECT_EQ(customer->display_name(), "Ada Lovelace");
  EXPECT_EQ(*store_->PseudonymKey(), *key);
}

TEST_F(SchemaMigrationsTest, InMemoryPathIsRefusedBecauseReadersNeedAFile) {
  EXPECT_EQ(SqliteJourneyStore::Open(":memory:").status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace journeydesk::store::testing
