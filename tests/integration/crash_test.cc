// An acknowledged write survives journeyd being killed with SIGKILL mid-ingest.
#include <atomic>
#include <thread>

#include "gtest/gtest.h"
#include "sqlite3.h"
#include "support/journeyd_fixture.h"

namespace journeydesk::testing {
namespace {

class CrashTest : public JourneydTest {};

TEST_F(CrashTest, EveryAcknowledgedTouchpointSurvivesSigkillAndTheFileIsIntact) {
  StartJourneyd();
  {
    v1::UpsertCustomerRequest upsert;
    upsert.mutable_customer()->set_id("C-CRASH");
    upsert.mutable_customer()->set_display_name("Crash Test");
    v1::UpsertCustomerResponse response;
    ASSERT_TRUE(Stub()->UpsertCustomer(Context("admin").get(), upsert, &response).ok());
  }
  std::vector<std::string> acknowledged;
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    auto stub = Stub();
    for (int batch = 0; !stop.load(); ++batch) {
      v1::RecordTouchpointsRequest request;
      for (int i = 0; i < 20; ++i) {
        *request.add_touchpoints() = MakeTouchpoint(
            "crash-" + std::to_string(batch) + "-" + std::to_string(i), "C-CRASH", "web", "page_view",
            absl::Now() - absl::Minutes(1));
      }
      v1::RecordTouchpointsResponse response;
      if (!stub->RecordTouchpoints(Context("integration").get(), request, &response).ok()) break;
      for (const auto& tp : request.touchpoints()) acknowledged.push_back(tp.id());
    }
  });
  absl::SleepFor(absl::Milliseconds(1500));
  KillJourneyd();
  stop = true;
  writer.join();
  ASSERT_GT(acknowledged.size(), 20u) << "ingest was running when journeyd was killed";

  StartJourneyd();
  v1::GetJourneyRequest get;
  get.set_customer_id("C-CRASH");
  get.set_page_size(500);
  std::set<std::string> stored;
  auto stub = Stub();
  while (true) {
    v1::Journey page;
    ASSERT_TRUE(stub->GetJourney(Context("agent").get(), get, &page).ok());
    for (const auto& tp : page.timeline()) stored.insert(tp.id());
    if (page.next_page_token().empty()) break;
    get.set_page_token(page.next_page_token());
  }
  for (const std::string& id : acknowledged) EXPECT_TRUE(stored.count(id)) << id << " was acknowledged but lost";
  StopJourneyd();

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* check = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &check, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(check), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(check, 0)), "ok");
  sqlite3_finalize(check);
  sqlite3_close(db);
}

}  // namespace
}  // namespace journeydesk::testing
