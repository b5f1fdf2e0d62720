// The desktop's local file: journeys kept for offline viewing and the outbox of writes,
// both surviving a restart of the desktop.
#include "core/local_store.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace journeydesk::agent {
namespace {

class LocalStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() / absl::StrCat("jd-desk-", info->name(), "-", getpid());
    std::filesystem::remove_all(dir_);
    path_ = dir_ / "data" / "journeydesk.db";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<LocalStore> Open(int max_cached = 50) {
    auto store = LocalStore::Open(path_, max_cached);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }

  // A file an older journeydesk wrote: `schema` (its tables and user_version), then one outbox
  // row by `insert`, whose one parameter is `request`.
  void WriteOldFile(const char* schema, const char* insert_sql, const std::string& request) {
    std::filesystem::create_directories(path_.parent_path());
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, schema, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_stmt* insert = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, insert_sql, -1, &insert, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_bind_blob(insert, 1, request.data(), static_cast<int>(request.size()), SQLITE_TRANSIENT);
    ASSERT_EQ(sqlite3_step(insert), SQLITE_DONE);
    sqlite3_finalize(insert);
    sqlite3_close(db);
  }

  static v1::Journey JourneyOf(const std::string& customer_id, int touchpoints) {
    v1::Journey journey;
    journey.mutable_customer()->set_id(customer_id);
    journey.mutable_customer()->set_display_name("Ada " + customer_id);
    for (int i = 0; i < touchpoints; ++i) journey.add_timeline()->set_id(absl::StrCat(customer_id, "-", i));
    return journey;
  }

  static v1::RecordTouchpointsRequest WrapUp(const std::string& id) {
    v1::RecordTouchpointsRequest request;
    v1::Touchpoint* tp = request.add_touchpoints();
    tp->set_id(id);
    tp->set_customer_id("C-000001");
    tp->set_channel("phone");
    tp->set_kind("wrap_up");
    return request;
  }

  std::filesystem::path dir_;
  std::filesystem::path path_;
};

TEST_F(LocalStoreTest, AViewedJourneyIsThereAfterTheDesktopRestarts) {
  const absl::Time fetched_at = absl::FromUnixSeconds(1'750'000'123);
  {
    auto store = Open();
    ASSERT_TRUE(store->PutJourney(JourneyOf("C-1", 3), fetched_at).ok());
  }
  auto store = Open();
  auto cached = store->GetJourney("C-1");
  ASSERT_TRUE(cached.ok()) << cached.status();
  ASSERT_TRUE(cached->has_value());
  EXPECT_EQ((*cached)->journey.customer().display_name(), "Ada C-1");
  EXPECT_EQ((*cached)->journey.timeline_size(), 3);
  EXPECT_EQ((*cached)->fetched_at, fetched_at) << "the banner says how old the copy is";
  auto missing = store->GetJourney("C-2");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_F(LocalStoreTest, FileAndFolderAreReadableByTheUserOnly) {
  auto store = Open();
  struct stat info {};
  ASSERT_EQ(::stat(path_.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 077, 0u) << "cached journeys are customer data";
  ASSERT_EQ(::stat(path_.parent_path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 077, 0u);
}

TEST_F(LocalStoreTest, KeepsOnlyTheMostRecentlyFetchedJourneys) {
  auto store = Open(/*max_cached=*/2);
  const absl::Time t0 = absl::FromUnixSeconds(1'750'000'000);
  ASSERT_TRUE(store->PutJourney(JourneyOf("C-1", 1), t0).ok());
  ASSERT_TRUE(store->PutJourney(JourneyOf("C-2", 1), t0 + absl::Minutes(1)).ok());
  ASSERT_TRUE(store->PutJourney(JourneyOf("C-3", 1), t0 + absl::Minutes(2)).ok());
  EXPECT_FALSE(store->GetJourney("C-1")->has_value());
  EXPECT_TRUE(store->GetJourney("C-2")->has_value());
  EXPECT_TRUE(store->GetJourney("C-3")->has_value());
  // Fetching again replaces the copy instead of adding one.
  ASSERT_TRUE(store->PutJourney(JourneyOf("C-2", 5), t0 + absl::Minutes(3)).ok());
  EXPECT_EQ((*store->GetJourney("C-2"))->journey.timeline_size(), 5);
  EXPECT_TRUE(store->GetJourney("C-3")->has_value());
}

TEST_F(LocalStoreTest, OutboxSurvivesARestartInOrderUntilRemoved) {
  {
    auto store = Open();
    ASSERT_TRUE(store->AddToOutbox(WrapUp("w-1")).ok());
    ASSERT_TRUE(store->AddToOutbox(WrapUp("w-2")).ok());
  }
  auto store = Open();
  auto pending = store->PendingOutbox();
  ASSERT_TRUE(pending.ok()) << pending.status();
  ASSERT_EQ(pending->size(), 2u);
  EXPECT_EQ(std::get<v1::RecordTouchpointsRequest>((*pending)[0].write).touchpoints(0).id(), "w-1")
      << "oldest first";
  EXPECT_EQ(std::get<v1::RecordTouchpointsRequest>((*pending)[1].write).touchpoints(0).id(), "w-2");
  ASSERT_TRUE(store->RemoveFromOutbox((*pending)[0].id).ok());
  ASSERT_TRUE(store->MarkRejected((*pending)[1].id, "touchpoints[0].kind: unknown").ok());
  EXPECT_EQ(*store->PendingCount(), 0) << "a rejected write is kept but not replayed";
}

TEST_F(LocalStoreTest, OutboxRefusesTouchpointsWithoutIdsBecauseReplayMustBeIdempotent) {
  auto store = Open();
  v1::RecordTouchpointsRequest request = WrapUp("");
  auto queued = store->AddToOutbox(request);
  EXPECT_EQ(queued.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(*store->PendingCount(), 0);
}

TEST_F(LocalStoreTest, OutboxKeepsWrapUpsAndOutcomesOfEveryKindInOrder) {
  {
    auto store = Open();
    v1::RecordActionOutcomeRequest outcome;
    outcome.set_customer_id("C-000001");
    outcome.set_action_id("callback");
    outcome.set_outcome(v1::ACTION_ACCEPTED);
    outcome.set_channel("phone");
    outcome.set_outcome_touchpoint_id("desk-outcome-1");
    WrapUpWrite wrap_up;
    wrap_up.request.set_contact_id("K-000007");
    wrap_up.request.set_wrap_up_code("resolved");
    wrap_up.request.set_notes("refund agreed");
    wrap_up.touchpoint.emplace().set_id("K-000007.completed");
    wrap_up.touchpoint->set_customer_id("C-000001");
    ASSERT_TRUE(store->AddToOutbox(outcome).ok());
    ASSERT_TRUE(store->AddToOutbox(wrap_up).ok());
  }
  auto store = Open();
  auto pending = store->PendingOutbox();
  ASSERT_TRUE(pending.ok()) << pending.status();
  ASSERT_EQ(pending->size(), 2u);
  EXPECT_EQ(std::get<v1::RecordActionOutcomeRequest>((*pending)[0].write).outcome_touchpoint_id(),
            "desk-outcome-1");
  const auto& wrap_up = std::get<WrapUpWrite>((*pending)[1].write);
  EXPECT_EQ(wrap_up.request.contact_id(), "K-000007");
  EXPECT_EQ(wrap_up.request.notes(), "refund agreed");
  ASSERT_TRUE(wrap_up.touchpoint.has_value()) << "the wrap-up keeps the touchpoint it will record";
  EXPECT_EQ(wrap_up.touchpoint->customer_id(), "C-000001") << "the customer its request does not name";
}

TEST_F(LocalStoreTest, OutboxRefusesWritesThatCouldNotBeReplayedOnce) {
  auto store = Open();
  v1::RecordActionOutcomeRequest outcome;
  outcome.set_customer_id("C-000001");
  outcome.set_action_id("callback");
  EXPECT_EQ(store->AddToOutbox(outcome).status().code(), absl::StatusCode::kInvalidArgument)
      << "an outcome without its touchpoint id could be recorded twice";
  WrapUpWrite wrap_up;
  wrap_up.request.set_contact_id("K-000007");
  EXPECT_EQ(store->AddToOutbox(wrap_up).status().code(), absl::StatusCode::kInvalidArgument)
      << "a wrap-up needs its code";
  EXPECT_EQ(*store->PendingCount(), 0);
}

TEST_F(LocalStoreTest, OutboxRowsFromTheFirstSchemaAreReplayedAsTouchpoints) {
  // A file written by the first journeydesk: outbox rows without a kind.
  ASSERT_NO_FATAL_FAILURE(WriteOldFile(
      "CREATE TABLE journey_cache (customer_id TEXT PRIMARY KEY, fetched_at_us INTEGER NOT NULL,"
      " journey BLOB NOT NULL);"
      "CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, queued_at_us INTEGER NOT NULL,"
      " request BLOB NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,"
      " state TEXT NOT NULL DEFAULT 'pending', last_error TEXT);"
      "PRAGMA user_version = 1;",
      "INSERT INTO outbox (queued_at_us, request) VALUES (1, ?)", WrapUp("old-1").SerializeAsString()));

  auto store = Open();
  auto pending = store->PendingOutbox();
  ASSERT_TRUE(pending.ok()) << pending.status();
  ASSERT_EQ(pending->size(), 1u);
  EXPECT_EQ(std::get<v1::RecordTouchpointsRequest>((*pending)[0].write).touchpoints(0).id(), "old-1");
}

TEST_F(LocalStoreTest, AWrapUpQueuedByTheSecondSchemaIsStillReplayed) {
  // A file of schema 2: a wrap-up kept as its request alone, without its touchpoint.
  v1::CompleteContactRequest request;
  request.set_contact_id("K-000009");
  request.set_wrap_up_code("resolved");
  ASSERT_NO_FATAL_FAILURE(WriteOldFile(
      "CREATE TABLE journey_cache (customer_id TEXT PRIMARY KEY, fetched_at_us INTEGER NOT NULL,"
      " journey BLOB NOT NULL);"
      "CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, queued_at_us INTEGER NOT NULL,"
      " request BLOB NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,"
      " state TEXT NOT NULL DEFAULT 'pending', last_error TEXT, kind TEXT NOT NULL DEFAULT 'touchpoints');"
      "PRAGMA user_version = 2;",
      "INSERT INTO outbox (queued_at_us, kind, request) VALUES (1, 'wrap_up', ?)", request.SerializeAsString()));

  auto store = Open();
  auto pending = store->PendingOutbox();
  ASSERT_TRUE(pending.ok()) << pending.status();
  ASSERT_EQ(pending->size(), 1u);
  const auto& wrap_up = std::get<WrapUpWrite>((*pending)[0].write);
  EXPECT_EQ(wrap_up.request.contact_id(), "K-000009") << "replayed as it was queued";
  EXPECT_FALSE(wrap_up.touchpoint.has_value()) << "not drawn: its customer was not kept";
}

TEST_F(LocalStoreTest, AFileFromANewerDesktopIsRefused) {
  Open().reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto store = LocalStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("newer journeydesk"), absl::string_view::npos) << store.status();
}

TEST(LocalStorePathTest, LivesInTheUsersDataDirectory) {
  const char* saved = std::getenv("XDG_DATA_HOME");
  const std::string restore = saved ? saved : "";
  setenv("XDG_DATA_HOME", "/tmp/xdg-data", 1);
  EXPECT_EQ(LocalStore::DefaultPath(), std::filesystem::path("/tmp/xdg-data/journeydesk/journeydesk.db"));
  unsetenv("XDG_DATA_HOME");
  setenv("HOME", getenv("HOME") ? getenv("HOME") : "/root", 1);
  EXPECT_EQ(LocalStore::DefaultPath(),
            std::filesystem::path(getenv("HOME")) / ".local/share/journeydesk/journeydesk.db");
  if (saved) setenv("XDG_DATA_HOME", restore.c_str(), 1);
}

}  // namespace
}  // namespace journeydesk::agent
