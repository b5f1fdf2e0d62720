// WatchCustomer: what another client records reaches the watcher; shutdown ends streams.
#include <signal.h>

#include <thread>

#include "gtest/gtest.h"
#include "support/journeyd_fixture.h"

namespace journeydesk::testing {
namespace {

class WatchCustomerTest : public JourneydTest {
 protected:
  void SeedCustomer(const std::string& id) {
    v1::UpsertCustomerRequest request;
    request.mutable_customer()->set_id(id);
    request.mutable_customer()->set_display_name("Watched Customer");
    request.mutable_customer()->add_emails("watched@example.com");
    v1::UpsertCustomerResponse response;
    ASSERT_TRUE(Stub()->UpsertCustomer(Context("admin").get(), request, &response).ok());
  }
};

TEST_F(WatchCustomerTest, TouchpointRecordedByAnotherClientReachesTheWatcher) {
  StartJourneyd();
  SeedCustomer("C-WATCH");
  auto watcher_stub = Stub();
  grpc::ClientContext watch_context;
  watch_context.AddMetadata("authorization", "Bearer " + tokens_["agent"]);
  v1::WatchCustomerRequest watch;
  watch.set_customer_id("C-WATCH");
  auto reader = watcher_stub->WatchCustomer(&watch_context, watch);
  v1::CustomerEvent event;
  ASSERT_TRUE(reader->Read(&event));
  ASSERT_TRUE(event.started()) << "the first event says the watch is live";

  // Another client (an integration) records a rate-card view by email address.
  v1::RecordTouchpointsRequest request;
  v1::Touchpoint tp = MakeTouchpoint("watch-1", "", "web", "viewed_rate_card", absl::Now());
  tp.clear_customer_id();
  tp.set_address("Watched@Example.com");
  tp.set_summary("Opened the rate card for unlimited plans");
  *request.add_touchpoints() = tp;
  v1::RecordTouchpointsResponse response;
  ASSERT_TRUE(Stub()->RecordTouchpoints(Context("integration").get(), request, &response).ok());

  ASSERT_TRUE(reader->Read(&event));
  ASSERT_TRUE(event.has_touchpoint_recorded()) << event.DebugString();
  EXPECT_EQ(event.touchpoint_recorded().id(), "watch-1");
  EXPECT_EQ(event.touchpoint_recorded().customer_id(), "C-WATCH");
  EXPECT_EQ(event.touchpoint_recorded().summary(), "Opened the rate card for unlimited plans");
  EXPECT_FALSE(event.touchpoint_recorded().stage().empty()) << "stage derived from the kind";

  // A re-sent duplicate is not news.
  v1::RecordTouchpointsResponse again;
  ASSERT_TRUE(Stub()->RecordTouchpoints(Context("integration").get(), request, &again).ok());
  EXPECT_EQ(again.duplicates(), 1);
  watch_context.TryCancel();
  while (reader->Read(&event)) {
    EXPECT_FALSE(event.has_touchpoint_recorded()) << "a duplicate must not be pushed again";
  }
}

TEST_F(WatchCustomerTest, WatchingAnUnknownCustomerIsNotFound) {
  StartJourneyd();
  v1::WatchCustomerRequest watch;
  watch.set_customer_id("C-NOBODY");
  auto context = Context("agent");
  auto reader = Stub()->WatchCustomer(context.get(), watch);
  v1::CustomerEvent event;
  EXPECT_FALSE(reader->Read(&event));
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(WatchCustomerTest, SigtermClosesOpenStreamsAndExitsCleanly) {
  StartJourneyd();
  SeedCustomer("C-WATCH");
  grpc::ClientContext watch_context;
  watch_context.AddMetadata("authorization", "Bearer " + tokens_["agent"]);
  v1::WatchCustomerRequest watch;
  watch.set_customer_id("C-WATCH");
  auto stub = Stub();
  auto reader = stub->WatchCustomer(&watch_context, watch);
  v1::CustomerEvent event;
  ASSERT_TRUE(reader->Read(&event));

  const absl::Time before = absl::Now();
  int status = StopJourneyd();
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "exit status " << status;
  EXPECT_LT(absl::Now() - before, absl::Seconds(8)) << "shutdown must not hang on open streams";
  while (reader->Read(&event)) {
  }
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::UNAVAILABLE);
}

}  // namespace
}  // namespace journeydesk::testing
