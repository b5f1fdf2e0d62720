// Starting journeyd: bad configuration is refused with a clear reason; health, reflection
// and the demo population are there when it runs.
#include <fstream>

#include "absl/strings/str_format.h"

#include "grpcpp/create_channel.h"
#include "gtest/gtest.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "google/protobuf/descriptor.pb.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"
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

TEST_F(StartupTest, ServerReflectionNeedsATokenAndDescribesTheJourneyService) {
  StartJourneyd();
  auto reflection = grpc::reflection::v1alpha::ServerReflection::NewStub(
      grpc::CreateChannel(Address(), grpc::InsecureChannelCredentials()));
  grpc::reflection::v1alpha::ServerReflectionRequest list;
  list.set_list_services("");
  {
    auto context = Context("none");
    auto stream = reflection->ServerReflectionInfo(context.get());
    stream->Write(list);
    stream->WritesDone();
    grpc::reflection::v1alpha::ServerReflectionResponse response;
    EXPECT_FALSE(stream->Read(&response));
    EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::UNAUTHENTICATED);
  }
  auto context = Context("integration");
  auto stream = reflection->ServerReflectionInfo(context.get());
  ASSERT_TRUE(stream->Write(list));
  grpc::reflection::v1alpha::ServerReflectionResponse response;
  ASSERT_TRUE(stream->Read(&response));
  std::set<std::string> names;
  for (const auto& service : response.list_services_response().service()) names.insert(service.name());
  EXPECT_TRUE(names.count("journeydesk.v1.JourneyService"));
  EXPECT_TRUE(names.count("grpc.health.v1.Health"));

  grpc::reflection::v1alpha::ServerReflectionRequest symbol;
  symbol.set_file_containing_symbol("journeydesk.v1.JourneyService");
  ASSERT_TRUE(stream->Write(symbol));
  ASSERT_TRUE(stream->Read(&response));
  ASSERT_TRUE(response.has_file_descriptor_response()) << response.DebugString();
  google::protobuf::FileDescriptorProto last;
  const auto& files = response.file_descriptor_response().file_descriptor_proto();
  ASSERT_TRUE(last.ParseFromString(files[files.size() - 1]));
  EXPECT_EQ(last.name(), "journeydesk/v1/journey_service.proto") << "dependencies first, the file last";
  EXPECT_GE(files.size(), 4) << "imports (timestamp, customer, journey, touchpoint…) come along";
  stream->WritesDone();
  EXPECT_TRUE(stream->Finish().ok());
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
