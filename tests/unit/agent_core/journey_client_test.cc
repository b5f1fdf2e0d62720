// The desktop's client against a real journeyd: journeys load and are kept for offline use,
// writes made offline survive a restart and are replayed exactly once, and what another
// client records reaches the watcher.
#include "core/journey_client.h"

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "notification_wait.h"
#include "test_client_options.h"
#include "support/journeyd_fixture.h"

namespace journeydesk::agent {
namespace {

using journeydesk::testing::JourneydTest;
using journeydesk::testing::MakeTouchpoint;

class JourneyClientTest : public JourneydTest {
 protected:
  void SetUp() override {
    JourneydTest::SetUp();
    store_path_ = dir_ / "desk" / "journeydesk.db";
  }

  std::unique_ptr<LocalStore> OpenStore() {
    auto store = LocalStore::Open(store_path_);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }

  std::unique_ptr<JourneyClient> Connect(const std::string& address, LocalStore* store) {
    auto client = std::make_unique<JourneyClient>(TestJourneyClientOptions(address, tokens_["agent"]), &queue_, store);
    client->Start();
    return client;
  }

  void SeedCustomer(const std::string& id) {
    v1::UpsertCustomerRequest request;
    request.mutable_customer()->set_id(id);
    request.mutable_customer()->set_display_name("Grace Hopper");
    v1::UpsertCustomerResponse response;
    ASSERT_TRUE(Stub()->UpsertCustomer(Context("admin").get(), request, &response).ok());
  }

  int CountTouchpoints(const std::string& customer_id, const std::string& touchpoint_id) {
    v1::GetJourneyRequest request;
    request.set_customer_id(customer_id);
    request.set_page_size(500);
    v1::Journey journey;
    EXPECT_TRUE(Stub()->GetJourney(Context("agent").get(), request, &journey).ok());
    int count = 0;
    for (const auto& tp : journey.timeline()) count += tp.id() == touchpoint_id;
    return count;
  }

  static std::string ClosedAddress() { return "127.0.0.1:1"; }

  NotificationQueue queue_;
  std::filesystem::path store_path_;
};

TEST_F(JourneyClientTest, SignsInAndLoadsTheWholeJourney) {
  StartJourneyd({"--demo", "--demo-customers", "20"});
  auto store = OpenStore();
  auto client = Connect(Address(), store.get());
  auto ready = WaitFor<SessionReady>(queue_, [](const SessionReady&) { return true; });
  ASSERT_TRUE(ready.has_value()) << "Ping answers with the agent's id";
  EXPECT_EQ(ready->agent_id, "agent-1");
  EXPECT_EQ(client->state(), ConnectionState::kConnected);

  client->LoadJourney("C-000001");
  auto loaded = WaitFor<JourneyLoaded>(queue_, [](const JourneyLoaded&) { return true; });
  ASSERT_TRUE(loaded.has_value());
  EXPECT_FALSE(loaded->from_cache);
  EXPECT_EQ(loaded->journey.customer().id(), "C-000001");
  EXPECT_EQ(loaded->journey.timeline_size(), loaded->journey.metrics().total_touchpoints())
      << "every page of the timeline, for the canvas";
  EXPECT_TRUE(loaded->journey.next_page_token().empty());
  auto cached = store->GetJourney("C-000001");
  ASSERT_TRUE(cached.ok() && cached->has_value()) << "kept for offline viewing";
}

TEST_F(JourneyClientTest, AJourneyLongerThanAPageArrivesWhole) {
  StartJourneyd();
  SeedCustomer("C-LONG");
  const absl::Time start = absl::Now() - absl::Hours(24 * 300);
  for (int batch = 0; batch < 3; ++batch) {
    v1::RecordTouchpointsRequest request;
    for (int i = 0; i < 400; ++i) {
      const int n = batch * 400 + i;
      *request.add_touchpoints() = MakeTouchpoint(absl::StrCat("long-", n), "C-LONG", n % 2 ? "web" : "email",
                                                  "viewed_rate_card", start + absl::Minutes(n));
    }
    v1::RecordTouchpointsResponse response;
    ASSERT_TRUE(Stub()->RecordTouchpoints(Context("integration").get(), request, &response).ok());
  }
  auto client = Connect(Address(), nullptr);
  client->LoadJourney("C-LONG");
  auto loaded = WaitFor<JourneyLoaded>(queue_, [](const JourneyLoaded&) { return true; });
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->journey.timeline_size(), 1200) << "every page (500 each) reaches the canvas";
}

TEST_F(JourneyClientTest, UnknownCustomerSaysSo) {
  StartJourneyd();
  auto client = Connect(Address(), nullptr);
  client->LoadJourney("C-NOBODY");
  auto failed = WaitFor<JourneyFailed>(queue_, [](const JourneyFailed&) { return true; });
  ASSERT_TRUE(failed.has_value());
  EXPECT_NE(failed->message.find("no customer C-NOBODY"), std::string::npos) << failed->message;
}

TEST_F(JourneyClientTest, OfflineShowsTheKeptCopyWithItsTime) {
  StartJourneyd({"--demo", "--demo-customers", "20"});
  auto store = OpenStore();
  {
    auto client = Connect(Address(), store.get());
    client->LoadJourney("C-000002");
    ASSERT_TRUE(WaitFor<JourneyLoaded>(queue_, [](const JourneyLoaded& j) { return !j.from_cache; }));
  }
  const absl::Time fetched_at = (*store->GetJourney("C-000002"))->fetched_at;
  StopJourneyd();
  auto client = Connect(Address(), store.get());
  client->LoadJourney("C-000002");
  auto loaded = WaitFor<JourneyLoaded>(queue_, [](const JourneyLoaded&) { return true; });
  ASSERT_TRUE(loaded.has_value());
  EXPECT_TRUE(loaded->from_cache);
  EXPECT_EQ(loaded->fetched_at, fetched_at);
  EXPECT_EQ(loaded->journey.customer().id(), "C-000002");
  EXPECT_TRUE(WaitFor<ConnectionChanged>(queue_, [](const ConnectionChanged& c) {
    return c.state == ConnectionState::kOffline;
  })) << "the status bar learns that journeyd is gone";
}

TEST_F(JourneyClientTest, WritesMadeOfflineSurviveARestartAndArriveExactlyOnce) {
  // The desktop is offline: the write waits in the outbox.
  v1::RecordTouchpointsRequest request;
  *request.add_touchpoints() = MakeTouchpoint("wrap-1", "C-OUTBOX", "phone", "call_inbound", absl::Now());
  {
    auto store = OpenStore();
    auto client = Connect(ClosedAddress(), store.get());
    ASSERT_TRUE(client->RecordTouchpoints(request).ok());
    ASSERT_TRUE(WaitFor<ConnectionChanged>(queue_, [](const ConnectionChanged& c) {
      return c.state == ConnectionState::kOffline;
    }));
    EXPECT_EQ(*store->PendingCount(), 1);
  }  // the desktop quits

  // journeyd is back; the desktop starts again and replays the outbox.
  StartJourneyd();
  SeedCustomer("C-OUTBOX");
  auto store = OpenStore();
  ASSERT_EQ(*store->PendingCount(), 1) << "the write survived the restart";
  {
    auto client = Connect(Address(), store.get());
    auto drained = WaitFor<OutboxChanged>(queue_, [](const OutboxChanged& o) { return o.pending == 0; });
    ASSERT_TRUE(drained.has_value());
    EXPECT_EQ(drained->sent, 1);
    EXPECT_TRUE(drained->rejected.empty()) << drained->rejected;
  }
  EXPECT_EQ(CountTouchpoints("C-OUTBOX", "wrap-1"), 1);

  // A replay interrupted after journeyd stored it but before the outbox forgot it sends it
  // again: journeyd sees a duplicate and the journey still holds it once.
  ASSERT_TRUE(store->AddToOutbox(request).ok());
  auto client = Connect(Address(), store.get());
  ASSERT_TRUE(WaitFor<OutboxChanged>(queue_, [](const OutboxChanged& o) { return o.pending == 0 && o.sent == 1; }));
  EXPECT_EQ(CountTouchpoints("C-OUTBOX", "wrap-1"), 1) << "nothing doubled";
}

TEST_F(JourneyClientTest, WatchDeliversWhatAnotherClientRecords) {
  StartJourneyd();
  SeedCustomer("C-LIVE");
  auto client = Connect(Address(), nullptr);
  ASSERT_TRUE(WaitFor<SessionReady>(queue_, [](const SessionReady&) { return true; }));
  client->Watch("C-LIVE");
  // The stream may take a moment to open; keep recording until one arrives.
  std::optional<TouchpointArrived> arrived;
  for (int attempt = 0; attempt < 20 && !arrived; ++attempt) {
    v1::RecordTouchpointsRequest request;
    *request.add_touchpoints() =
        MakeTouchpoint(absl::StrCat("live-", attempt), "C-LIVE", "web", "viewed_rate_card", absl::Now());
    v1::RecordTouchpointsResponse response;
    ASSERT_TRUE(Stub()->RecordTouchpoints(Context("integration").get(), request, &response).ok());
    arrived = WaitFor<TouchpointArrived>(queue_, [](const TouchpointArrived&) { return true; },
                                         absl::Milliseconds(500));
  }
  ASSERT_TRUE(arrived.has_value());
  EXPECT_EQ(arrived->customer_id, "C-LIVE");
  EXPECT_EQ(arrived->touchpoint.kind(), "viewed_rate_card");
}

TEST_F(JourneyClientTest, ABrokenWatchStreamIsNoticedAtOnce) {
  StartJourneyd();
  SeedCustomer("C-RESUME");
  const std::string address = Address();
  auto client = Connect(address, nullptr);
  client->Watch("C-RESUME");
  ASSERT_TRUE(WaitFor<SessionReady>(queue_, [](const SessionReady&) { return true; }));
  absl::SleepFor(absl::Milliseconds(300));
  StopJourneyd();
  EXPECT_TRUE(WaitFor<ConnectionChanged>(queue_, [](const ConnectionChanged& c) {
    return c.state != ConnectionState::kConnected;
  })) << "a broken stream is noticed at once";
}

}  // namespace
}  // namespace journeydesk::agent
