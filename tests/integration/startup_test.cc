// Starting journeyd: bad configuration is refused with a clear reason; health, reflection
// and the demo population are there when it runs.
#include <fstream>

#include "absl/strings/str_format.h"

#include "grpcpp/create_channel.h"
#include "gtest/gtest.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/generic/generic_stub.h"
#include "support/journeyd_fixture.h"

namespace journeydesk::testing {
namespace {

class StartupTest : public JourneydTest {};

TEST_F(StartupTest, ABadStageMapIsRefusedWithFileLineAndReason) {
  const std::string path = (dir_ / "broken.textproto").string();
  std::ofstream(path) << "name: \"Broken\"\n"
                         "stages { id: \"search\" name: \"Search\" recovery_policy: \"Help\" kinds: \"page_view\" }\n"
                         "stages { id: \"buy\" name: \"Buy\" recovery_policy: \"Refund\" kinds: \"page_view\" }\n";
  CommandResult result = RunCommand({JOURNEYD_PATH, "--db", db_path_.string(), "--listen",
                                     "127.0.0.1:0", "--stage-map", path});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("broken.textproto:3"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("page_view"), std::string::npos) << result.err;

  std::ofstream(path) << "stages { id: \"search\" nme: \"typo\" }\n";
  result = RunCommand({JOURNEYD_PATH, "--db", db_path_.string(), "--listen", "127.0.0.1:0",
                       "--stage-map", path});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("broken.textproto:1"), std::string::npos) << result.err;
}

TEST_F(StartupTest, PlaintextOnANonLoopbackAddressIsRefused) {
  CommandResult result = RunCommand({JOURNEYD_PATH, "--db", db_path_.string(), "--listen", "0.0.0.0:0"});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("--tls-cert"), std::string::npos) << result.err;
}

TEST_F(StartupTest, ADatabaseFromANewerVersionIsRefused) {
  StartJourneyd();
  StopJourneyd();
  CommandResult bump = RunCommand({"/usr/bin/sqlite3", db_path_.string(), "PRAGMA user_version = 999;"});
  if (bump.exit_code != 0) GTEST_SKIP() << "sqlite3 command line not installed";
  CommandResult result = RunCommand({JOURNEYD_PATH, "--db", db_path_.string(), "--listen", "127.0.0.1:0"});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("999"), std::string::npos) << result.err;
}

TEST_F(StartupTest, HealthNeedsNoTokenAndReportsServing) {
  StartJourneyd();
  auto health = grpc::health::v1::Health::NewStub(
      grpc::CreateChannel(Address(), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  grpc::health::v1::HealthCheckRequest request;
  grpc::health::v1::HealthCheckResponse response;
  ASSERT_TRUE(health->Check(&context, request, &response).ok());
  EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
}

TEST_F(StartupTest, ServerReflectionListsTheJourneyService) {
  StartJourneyd();
  grpc::GenericStub generic(grpc::CreateChannel(Address(), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  grpc::CompletionQueue queue;
  auto call = generic.PrepareCall(&context, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", &queue);
  call->StartCall(reinterpret_cast<void*>(1));
  void* tag = nullptr;
  bool ok = false;
  ASSERT_TRUE(queue.Next(&tag, &ok) && ok);
  // ServerReflectionRequest{list_services: ""}: field 7, length-delimited, empty.
  const char request_bytes[] = {0x3a, 0x00};
  grpc::Slice slice(request_bytes, sizeof request_bytes);
  grpc::ByteBuffer request(&slice, 1);
  call->Write(request, reinterpret_cast<void*>(2));
  ASSERT_TRUE(queue.Next(&tag, &ok) && ok);
  grpc::ByteBuffer response;
  call->Read(&response, reinterpret_cast<void*>(3));
  ASSERT_TRUE(queue.Next(&tag, &ok) && ok) << "no reflection response";
  std::vector<grpc::Slice> slices;
  ASSERT_TRUE(response.Dump(&slices).ok());
  std::string bytes;
  for (const auto& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  EXPECT_NE(bytes.find("journeydesk.v1.JourneyService"), std::string::npos);
  context.TryCancel();
  grpc::Status finished;
  call->Finish(&finished, reinterpret_cast<void*>(4));
  queue.Shutdown();
  while (queue.Next(&tag, &ok)) {
  }
}

TEST_F(StartupTest, DemoDataHasJourneysAcrossChannelsAndIsSeededOnlyOnce) {
  StartJourneyd({"--demo", "--demo-customers", "60"});
  auto stub = Stub();
  v1::SearchCustomersRequest search;
  search.set_query("C-0000");
  search.set_limit(100);
  v1::SearchCustomersResponse found;
  ASSERT_TRUE(stub->SearchCustomers(Context("agent").get(), search, &found).ok());
  EXPECT_GE(found.matches_size(), 9);

  std::set<std::string> channels;
  int touchpoints = 0;
  for (int i = 1; i <= 20; ++i) {
    v1::GetJourneyRequest get;
    get.set_customer_id(absl::StrFormat("C-%06d", i));
    v1::Journey journey;
    ASSERT_TRUE(stub->GetJourney(Context("agent").get(), get, &journey).ok()) << get.customer_id();
    for (const auto& channel : journey.channels()) channels.insert(channel);
    touchpoints += journey.metrics().total_touchpoints();
  }
  EXPECT_GE(channels.size(), 7u) << "demo journeys span the channels";
  EXPECT_GE(touchpoints, 100);
  StopJourneyd();

  StartJourneyd({"--demo", "--demo-customers", "60"});
  v1::GetJourneyRequest get;
  get.set_customer_id("C-000001");
  v1::Journey journey;
  ASSERT_TRUE(Stub()->GetJourney(Context("agent").get(), get, &journey).ok());
  v1::RecordTouchpointsRequest none;
  EXPECT_LE(journey.metrics().total_touchpoints(), 60) << "restarting with --demo adds nothing";
}

}  // namespace
}  // namespace journeydesk::testing
