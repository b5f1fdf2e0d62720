// Every RPC but health needs a valid bearer token, and each role may call only its RPCs.
#include <functional>

#include "gtest/gtest.h"
#include "support/journeyd_fixture.h"

namespace journeydesk::testing {
namespace {

using Call = std::function<grpc::Status(v1::JourneyService::Stub&, grpc::ClientContext*)>;

struct RpcCase {
  std::string name;
  Call call;
  std::set<std::string> allowed_roles;
};

std::vector<RpcCase> AllRpcs() {
  const std::set<std::string> readers = {"agent", "supervisor", "admin"};
  const std::set<std::string> writers = {"agent", "supervisor", "admin", "integration"};
  return {
      {"Ping", [](auto& s, auto* c) { v1::PingResponse r; return s.Ping(c, {}, &r); }, writers},
      {"UpsertCustomer",
       [](auto& s, auto* c) {
         v1::UpsertCustomerRequest q;
         q.mutable_customer()->set_display_name("Ada Matrix");
         v1::UpsertCustomerResponse r;
         return s.UpsertCustomer(c, q, &r);
       },
       writers},
      {"GetCustomer",
       [](auto& s, auto* c) { v1::GetCustomerRequest q; q.set_customer_id("C-AUTH"); v1::Customer r; return s.GetCustomer(c, q, &r); },
       readers},
      {"SearchCustomers",
       [](auto& s, auto* c) { v1::SearchCustomersRequest q; q.set_query("auth"); v1::SearchCustomersResponse r; return s.SearchCustomers(c, q, &r); },
       readers},
      {"RecordTouchpoints",
       [](auto& s, auto* c) {
         v1::RecordTouchpointsRequest q;
         static int n = 0;
         *q.add_touchpoints() = MakeTouchpoint("auth-tp-" + std::to_string(++n), "C-AUTH", "web",
                                               "page_view", absl::Now() - absl::Hours(1));
         v1::RecordTouchpointsResponse r;
         return s.RecordTouchpoints(c, q, &r);
       },
       writers},
      {"GetJourney",
       [](auto& s, auto* c) { v1::GetJourneyRequest q; q.set_customer_id("C-AUTH"); v1::Journey r; return s.GetJourney(c, q, &r); },
       readers},
      {"SuggestNextSteps",
       [](auto& s, auto* c) { v1::SuggestNextStepsRequest q; q.set_customer_id("C-AUTH"); v1::SuggestNextStepsResponse r; return s.SuggestNextSteps(c, q, &r); },
       readers},
      {"RecordActionOutcome",
       [](auto& s, auto* c) {
         v1::RecordActionOutcomeRequest q;
         q.set_customer_id("C-AUTH");
         q.set_action_id("close_the_loop");
         q.set_outcome(v1::ACTION_OFFERED);
         q.set_channel("phone");
         v1::RecordActionOutcomeResponse r;
         return s.RecordActionOutcome(c, q, &r);
       },
       readers},
      {"WatchCustomer",
       [](auto& s, auto* c) {
         v1::WatchCustomerRequest q;
         q.set_customer_id("C-AUTH");
         auto reader = s.WatchCustomer(c, q);
         v1::CustomerEvent event;
         if (reader->Read(&event)) {
           c->TryCancel();
           return grpc::Status::OK;
         }
         return reader->Finish();
       },
       readers},
      {"SetConsent",
       [](auto& s, auto* c) { v1::SetConsentRequest q; q.set_customer_id("C-AUTH"); q.set_profiling(true); v1::Customer r; return s.SetConsent(c, q, &r); },
       readers},
      {"ExportCustomer",
       [](auto& s, auto* c) { v1::ExportCustomerRequest q; q.set_customer_id("C-AUTH"); v1::CustomerExport r; return s.ExportCustomer(c, q, &r); },
       {"admin"}},
      {"EraseCustomer",
       [](auto& s, auto* c) { v1::EraseCustomerRequest q; q.set_customer_id("C-NOBODY"); q.set_reason("test"); v1::EraseCustomerResponse r; return s.EraseCustomer(c, q, &r); },
       {"admin"}},
  };
}

class AuthMatrixTest : public JourneydTest {};

TEST_F(AuthMatrixTest, EachRoleReachesExactlyItsRpcsAndOthersAreToldWhatIsNeeded) {
  StartJourneyd();
  auto stub = Stub();
  v1::UpsertCustomerRequest seed;
  seed.mutable_customer()->set_id("C-AUTH");
  seed.mutable_customer()->set_display_name("Auth Tester");
  v1::UpsertCustomerResponse seeded;
  ASSERT_TRUE(stub->UpsertCustomer(Context("admin").get(), seed, &seeded).ok());

  for (const RpcCase& rpc : AllRpcs()) {
    for (const std::string role : {"agent", "supervisor", "admin", "integration"}) {
      grpc::Status status = rpc.call(*stub, Context(role).get());
      if (rpc.allowed_roles.count(role)) {
        EXPECT_NE(status.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << rpc.name << " as " << role << ": " << status.error_message();
        EXPECT_NE(status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << rpc.name << " as " << role;
      } else {
        EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED) << rpc.name << " as " << role;
        EXPECT_NE(status.error_message().find(rpc.name + " needs the role"), std::string::npos)
            << status.error_message();
      }
    }
    grpc::Status anonymous = rpc.call(*stub, Context("none").get());
    EXPECT_EQ(anonymous.error_code(), grpc::StatusCode::UNAUTHENTICATED) << rpc.name;
    EXPECT_NE(anonymous.error_message().find("Bearer"), std::string::npos) << anonymous.error_message();
  }
}

TEST_F(AuthMatrixTest, WrongAndRevokedTokensAreUnauthenticated) {
  StartJourneyd();
  auto stub = Stub();
  grpc::ClientContext wrong;
  wrong.AddMetadata("authorization", "Bearer jd_00000000_not-a-real-token");
  v1::PingResponse pong;
  grpc::Status status = stub->Ping(&wrong, {}, &pong);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message().find("not-a-real-token"), std::string::npos)
      << "a token must never be echoed back";

  grpc::ClientContext malformed;
  malformed.AddMetadata("authorization", tokens_["agent"]);  // no "Bearer "
  EXPECT_EQ(stub->Ping(&malformed, {}, &pong).error_code(), grpc::StatusCode::UNAUTHENTICATED);

  ASSERT_TRUE(stub->Ping(Context("agent").get(), {}, &pong).ok());
  EXPECT_EQ(pong.role(), "agent");
  EXPECT_EQ(pong.agent_id(), "agent-1");

  CommandResult revoked = RunCommand({JDCTL_PATH, "token", "revoke", "--db", db_path_.string(),
                                      token_ids_["agent"]});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.err;
  EXPECT_EQ(stub->Ping(Context("agent").get(), {}, &pong).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(AuthMatrixTest, AgentCannotRecordTouchpointsInAnotherAgentsName) {
  StartJourneyd();
  auto stub = Stub();
  v1::UpsertCustomerRequest seed;
  seed.mutable_customer()->set_id("C-AGENT");
  seed.mutable_customer()->set_display_name("Agent Attribution");
  v1::UpsertCustomerResponse seeded;
  ASSERT_TRUE(stub->UpsertCustomer(Context("admin").get(), seed, &seeded).ok());
  v1::RecordTouchpointsRequest request;
  v1::Touchpoint tp = MakeTouchpoint("attr-1", "C-AGENT", "phone", "call_inbound", absl::Now() - absl::Minutes(5));
  tp.set_agent_id("agent-99");
  *request.add_touchpoints() = tp;
  v1::RecordTouchpointsResponse response;
  ASSERT_TRUE(stub->RecordTouchpoints(Context("agent").get(), request, &response).ok());
  v1::GetJourneyRequest get;
  get.set_customer_id("C-AGENT");
  v1::Journey journey;
  ASSERT_TRUE(stub->GetJourney(Context("agent").get(), get, &journey).ok());
  ASSERT_EQ(journey.timeline_size(), 1);
  EXPECT_EQ(journey.timeline(0).agent_id(), "agent-1") << "the caller's identity comes from the token";
}

}  // namespace
}  // namespace journeydesk::testing
