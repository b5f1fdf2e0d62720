// The contact centre over gRPC against a real journeyd: a contact's whole life on the
// journey, authority rules, restart, resumable agent streams, the queue board and the
// simulator.
#include <fstream>
#include <thread>

#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "grpcpp/create_channel.h"
#include "gtest/gtest.h"
#include "journeydesk/v1/contact_center.grpc.pb.h"
#include "store/sqlite_journey_store.h"
#include "support/journeyd_fixture.h"

namespace journeydesk::testing {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

class ContactCenterTest : public JourneydTest {
 protected:
  void SetUp() override {
    JourneydTest::SetUp();
    auto store = store::SqliteJourneyStore::Open(db_path_.string());
    ASSERT_TRUE(store.ok()) << store.status();
    auto token = (*store)->CreateToken(store::Role::kAgent, "agent-2", "test");
    ASSERT_TRUE(token.ok());
    tokens_["agent2"] = token->secret;
  }

  std::unique_ptr<v1::ContactCenter::Stub> Center() const {
    return v1::ContactCenter::NewStub(grpc::CreateChannel(Address(), grpc::InsecureChannelCredentials()));
  }

  void SeedCustomer(const std::string& id, const std::string& email) {
    v1::UpsertCustomerRequest request;
    request.mutable_customer()->set_id(id);
    request.mutable_customer()->set_display_name("Ada Lovelace");
    request.mutable_customer()->add_emails(email);
    v1::UpsertCustomerResponse response;
    ASSERT_TRUE(Stub()->UpsertCustomer(Context("admin").get(), request, &response).ok());
  }

  // An agent's open AgentStream.
  struct AgentConnection {
    grpc::ClientContext context;
    std::unique_ptr<v1::ContactCenter::Stub> stub;
    std::unique_ptr<grpc::ClientReader<v1::AgentEvent>> reader;
    v1::AgentEvent started;
    ~AgentConnection() {
      context.TryCancel();
      if (reader) reader->Finish();
    }
  };
  std::unique_ptr<AgentConnection> Connect(const std::string& role, const std::string& resume_token = "") {
    auto connection = std::make_unique<AgentConnection>();
    connection->context.AddMetadata("authorization", "Bearer " + tokens_[role]);
    connection->stub = Center();
    v1::AgentStreamRequest request;
    request.set_resume_token(resume_token);
    connection->reader = connection->stub->AgentStream(&connection->context, request);
    EXPECT_TRUE(connection->reader->Read(&connection->started));
    EXPECT_TRUE(connection->started.has_started()) << connection->started.DebugString();
    return connection;
  }
  // Reads events until one satisfies `match` (skipping others), within the stream.
  template <typename Match>
  v1::AgentEvent ReadUntil(AgentConnection& connection, Match match) {
    v1::AgentEvent event;
    while (connection.reader->Read(&event)) {
      if (match(event)) return event;
    }
    ADD_FAILURE() << "the agent stream ended before the expected event";
    return event;
  }
  void SetState(const std::string& role, v1::AgentState state) {
    v1::SetAgentStateRequest request;
    request.set_state(state);
    v1::AgentStatus status;
    grpc::Status result = Center()->SetAgentState(Context(role).get(), request, &status);
    ASSERT_TRUE(result.ok()) << result.error_message();
  }
  v1::EnqueueContactResponse Enqueue(const std::string& channel, const std::string& customer_id,
                                     const std::string& address = "") {
    v1::EnqueueContactRequest request;
    request.set_channel(channel);
    request.set_customer_id(customer_id);
    request.set_address(address);
    request.set_subject("My router keeps dropping the connection");
    v1::EnqueueContactResponse response;
    grpc::Status status = Center()->EnqueueContact(Context("integration").get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }
  grpc::Status Accept(const std::string& role, const std::string& contact_id) {
    v1::AcceptContactRequest request;
    request.set_contact_id(contact_id);
    v1::Contact contact;
    return Center()->AcceptContact(Context(role).get(), request, &contact);
  }
};

TEST_F(ContactCenterTest, AContactFromEnqueueToWrapUpLandsOnTheJourney) {
  StartJourneyd();
  SeedCustomer("C-ADA", "ada@example.com");
  auto agent = Connect("agent");
  SetState("agent", v1::AVAILABLE);

  // The integration knows only the address; journeyd resolves it to the customer.
  v1::EnqueueContactResponse queued = Enqueue("chat", "", "ADA@example.com");
  EXPECT_EQ(queued.customer_id(), "C-ADA");
  EXPECT_EQ(queued.contact().stage(), "support") << "filed where its chat_inbound is";
  const v1::AgentEvent offered = ReadUntil(*agent, [](const auto& e) { return e.has_offer(); });
  EXPECT_EQ(offered.offer().contact_id(), queued.contact_id());
  EXPECT_EQ(offered.offer().customer_id(), "C-ADA");
  EXPECT_EQ(offered.offer().journey().display_name(), "Ada Lovelace") << "the screen pop";
  EXPECT_EQ(offered.offer().journey().current_stage(), "support") << "chat_inbound is a support kind";
  EXPECT_FALSE(offered.offer().journey().recent_touchpoints().empty());

  ASSERT_TRUE(Accept("agent", queued.contact_id()).ok());
  v1::PostCustomerMessageRequest line;
  line.set_contact_id(queued.contact_id());
  line.set_text("It drops every evening at 8");
  v1::Contact contact;
  ASSERT_TRUE(Center()->PostCustomerMessage(Context("integration").get(), line, &contact).ok());
  const v1::AgentEvent message = ReadUntil(*agent, [](const auto& e) { return e.has_customer_message(); });
  EXPECT_EQ(message.customer_message().text(), "It drops every evening at 8");

  v1::SendMessageRequest reply;
  reply.set_contact_id(queued.contact_id());
  reply.set_text("I have booked a line check for tonight");
  ASSERT_TRUE(Center()->SendMessage(Context("agent").get(), reply, &contact).ok());
  v1::HoldContactRequest hold;
  hold.set_contact_id(queued.contact_id());
  ASSERT_TRUE(Center()->HoldContact(Context("agent").get(), hold, &contact).ok());
  v1::ResumeContactRequest resume;
  resume.set_contact_id(queued.contact_id());
  ASSERT_TRUE(Center()->ResumeContact(Context("agent").get(), resume, &contact).ok());
  v1::CompleteContactRequest complete;
  complete.set_contact_id(queued.contact_id());
  complete.set_wrap_up_code("follow_up");
  complete.set_notes("line check booked; call back tomorrow");
  ASSERT_TRUE(Center()->CompleteContact(Context("agent").get(), complete, &contact).ok());
  EXPECT_EQ(contact.state(), v1::CONTACT_COMPLETED);

  v1::GetJourneyRequest request;
  request.set_customer_id("C-ADA");
  v1::Journey journey;
  ASSERT_TRUE(Stub()->GetJourney(Context("supervisor").get(), request, &journey).ok());
  std::vector<std::string> kinds;
  const v1::Touchpoint* completed = nullptr;
  for (const v1::Touchpoint& tp : journey.timeline()) {
    EXPECT_EQ(tp.contact_id(), queued.contact_id());
    EXPECT_EQ(tp.stage(), "support") << tp.kind() << ": the contact's steps stay in its stage";
    EXPECT_EQ(tp.stage_derived(), tp.kind() == "chat_inbound") << tp.kind() << ": only the inbound's comes from its kind";
    kinds.push_back(tp.kind());
    if (tp.kind() == "contact_completed") completed = &tp;
  }
  EXPECT_THAT(kinds, ::testing::ElementsAre("contact_completed", "contact_resumed", "contact_held",
                                            "message_outbound", "message_inbound", "contact_accepted",
                                            "contact_offered", "chat_inbound"));
  ASSERT_NE(completed, nullptr);
  EXPECT_EQ(completed->attributes().at("wrap_up_code"), "follow_up");
  EXPECT_EQ(completed->summary(), "line check booked; call back tomorrow");
  EXPECT_EQ(completed->agent_id(), "agent-1");
  EXPECT_EQ(completed->outcome(), v1::OUTCOME_UNRESOLVED);
  for (const v1::StageView& stage : journey.stages()) {
    if (stage.id() != "support") continue;
    EXPECT_THAT(stage.open_issue_touchpoint_ids(), ::testing::ElementsAre(completed->id()))
        << "a follow-up wrap-up leaves an issue open in the contact's stage";
  }
}

// A wrap-up coded as resolved closes what was open in the stage the contact is about: the
// complaint in support no longer shows as an open issue.
TEST_F(ContactCenterTest, AResolvedWrapUpClosesTheIssuesOpenInTheContactsStage) {
  StartJourneyd();
  SeedCustomer("C-ADA", "ada@example.com");
  v1::RecordTouchpointsRequest complaint;
  v1::Touchpoint* tp = complaint.add_touchpoints();
  tp->set_id("complaint-1");
  tp->set_customer_id("C-ADA");
  tp->set_channel("email");
  tp->set_kind("complaint");
  tp->set_direction(v1::DIRECTION_INBOUND);
  tp->set_summary("The line drops every evening");
  *tp->mutable_occurred_at() = google::protobuf::util::TimeUtil::GetCurrentTime() - google::protobuf::util::TimeUtil::HoursToDuration(2);
  v1::RecordTouchpointsResponse recorded;
  ASSERT_TRUE(Stub()->RecordTouchpoints(Context("integration").get(), complaint, &recorded).ok());
  auto support_issues = [&] {
    v1::GetJourneyRequest request;
    request.set_customer_id("C-ADA");
    v1::Journey journey;
    EXPECT_TRUE(Stub()->GetJourney(Context("supervisor").get(), request, &journey).ok());
    for (const v1::StageView& stage : journey.stages()) {
      if (stage.id() == "support") return stage.open_issues();
    }
    return -1;
  };
  ASSERT_EQ(support_issues(), 1);

  auto agent = Connect("agent");
  SetState("agent", v1::AVAILABLE);
  v1::EnqueueContactResponse queued = Enqueue("phone", "C-ADA");
  ReadUntil(*agent, [](const auto& e) { return e.has_offer(); });
  ASSERT_TRUE(Accept("agent", queued.contact_id()).ok());
  v1::CompleteContactRequest complete;
  complete.set_contact_id(queued.contact_id());
  complete.set_wrap_up_code("resolved");
  v1::Contact contact;
  ASSERT_TRUE(Center()->CompleteContact(Context("agent").get(), complete, &contact).ok());
  EXPECT_EQ(support_issues(), 0) << "the resolved call closed the complaint";
}

TEST_F(ContactCenterTest, AuthorityAndBadInputAreRefusedWithTheRightCodes) {
  StartJourneyd();
  SeedCustomer("C-ADA", "ada@example.com");
  auto agent = Connect("agent");
  SetState("agent", v1::AVAILABLE);
  v1::EnqueueContactResponse queued = Enqueue("phone", "C-ADA");
  ReadUntil(*agent, [](const auto& e) { return e.has_offer(); });

  grpc::Status stolen = Accept("agent2", queued.contact_id());
  EXPECT_EQ(stolen.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << stolen.error_message();
  ASSERT_TRUE(Accept("agent", queued.contact_id()).ok());

  v1::HoldContactRequest hold;
  hold.set_contact_id(queued.contact_id());
  v1::Contact contact;
  EXPECT_EQ(Center()->HoldContact(Context("agent2").get(), hold, &contact).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  v1::CompleteContactRequest complete;
  complete.set_contact_id(queued.contact_id());
  complete.set_wrap_up_code("sorted");
  grpc::Status bad_code = Center()->CompleteContact(Context("agent").get(), complete, &contact);
  EXPECT_EQ(bad_code.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(bad_code.error_message(), HasSubstr("resolved, resolved_with_credit, follow_up"));

  v1::ListAgentsResponse agents;
  EXPECT_EQ(Center()->ListAgents(Context("agent").get(), v1::ListAgentsRequest(), &agents).error_code(),
            grpc::StatusCode::PERMISSION_DENIED) << "supervisor RPCs need the supervisor role";
  ASSERT_TRUE(Center()->ListAgents(Context("supervisor").get(), v1::ListAgentsRequest(), &agents).ok());
  v1::EnqueueContactRequest enqueue;
  enqueue.set_channel("phone");
  enqueue.set_customer_id("C-ADA");
  v1::EnqueueContactResponse response;
  EXPECT_EQ(Center()->EnqueueContact(Context("agent").get(), enqueue, &response).error_code(),
            grpc::StatusCode::PERMISSION_DENIED) << "only integrations enqueue";
  enqueue.set_channel("pigeon");
  grpc::Status unknown = Center()->EnqueueContact(Context("integration").get(), enqueue, &response);
  EXPECT_EQ(unknown.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(unknown.error_message(), HasSubstr("phone, chat, email"));
  enqueue.set_channel("phone");
  enqueue.set_customer_id("C-NOBODY");
  EXPECT_EQ(Center()->EnqueueContact(Context("integration").get(), enqueue, &response).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(ContactCenterTest, RestartKeepsTheQueueAndTheAgentsContacts) {
  StartJourneyd();
  SeedCustomer("C-ADA", "ada@example.com");
  std::string active_id;
  {
    auto agent = Connect("agent");
    SetState("agent", v1::AVAILABLE);
    active_id = Enqueue("phone", "C-ADA").contact_id();
    ReadUntil(*agent, [](const auto& e) { return e.has_offer(); });
    ASSERT_TRUE(Accept("agent", active_id).ok());
  }
  const std::string waiting_id = Enqueue("email", "C-ADA").contact_id();
  SetState("agent", v1::OFFLINE);
  StopJourneyd();
  StartJourneyd();

  auto agent = Connect("agent");
  ASSERT_EQ(agent->started.started().contacts_size(), 1) << agent->started.DebugString();
  EXPECT_EQ(agent->started.started().contacts(0).contact_id(), active_id);
  EXPECT_EQ(agent->started.started().contacts(0).state(), v1::CONTACT_ACTIVE);
  EXPECT_EQ(agent->started.started().contacts(0).stage(), "support") << "its steps stay where they were filed";
  // The email is still waiting, and goes to the agent as soon as it is available.
  SetState("agent", v1::AVAILABLE);
  const v1::AgentEvent offered = ReadUntil(*agent, [](const auto& e) { return e.has_offer(); });
  EXPECT_EQ(offered.offer().contact_id(), waiting_id);
}

TEST_F(ContactCenterTest, AgentStreamResumesWithoutLosingAnOffer) {
  StartJourneyd();
  SeedCustomer("C-ADA", "ada@example.com");
  std::string token;
  std::string contact_id;
  {
    auto agent = Connect("agent");
    SetState("agent", v1::AVAILABLE);
    contact_id = Enqueue("chat", "C-ADA").contact_id();
    const v1::AgentEvent offered = ReadUntil(*agent, [](const auto& e) { return e.has_offer(); });
    token = offered.resume_token();
  }
  // While disconnected, the customer writes again.
  v1::PostCustomerMessageRequest line;
  line.set_contact_id(contact_id);
  line.set_text("hello?");
  v1::Contact contact;
  ASSERT_TRUE(Center()->PostCustomerMessage(Context("integration").get(), line, &contact).ok());

  auto resumed = Connect("agent", token);
  EXPECT_TRUE(resumed->started.started().resumed());
  const v1::AgentEvent missed = ReadUntil(*resumed, [](const auto& e) { return e.has_customer_message(); });
  EXPECT_EQ(missed.customer_message().text(), "hello?");
  resumed.reset();

  auto fresh = Connect("agent", "not-a-token");
  EXPECT_FALSE(fresh->started.started().resumed());
  ASSERT_EQ(fresh->started.started().offers_size(), 1) << "the pending offer is in the snapshot";
  EXPECT_EQ(fresh->started.started().offers(0).contact_id(), contact_id);
  EXPECT_EQ(fresh->started.started().offers(0).journey().display_name(), "Ada Lovelace");
  EXPECT_TRUE(Accept("agent", contact_id).ok());
}

TEST_F(ContactCenterTest, WatchQueuesPushesTheBoardOnChange) {
  StartJourneyd();
  SeedCustomer("C-ADA", "ada@example.com");
  grpc::ClientContext context;
  context.AddMetadata("authorization", "Bearer " + tokens_["supervisor"]);
  auto stub = Center();
  auto reader = stub->WatchQueues(&context, v1::WatchQueuesRequest());
  v1::QueueBoard board;
  ASSERT_TRUE(reader->Read(&board));
  ASSERT_EQ(board.queues_size(), 5);
  const absl::Time enqueued_at = absl::Now();
  Enqueue("phone", "C-ADA");
  bool seen = false;
  while (!seen && reader->Read(&board)) {
    for (const v1::QueueStatus& queue : board.queues()) {
      if (queue.queue() == "phone" && queue.waiting() == 1) seen = true;
    }
  }
  EXPECT_TRUE(seen);
  EXPECT_LT(absl::Now() - enqueued_at, absl::Seconds(2)) << "pushed on change, not on a slow poll";

  v1::GetStaffingAdviceRequest advice_request;
  v1::Scenario* scenario = advice_request.add_scenarios();
  scenario->set_queue("phone");
  scenario->set_contacts_per_hour(200);
  scenario->set_average_handling_seconds(180);
  v1::StaffingAdvice advice;
  ASSERT_TRUE(Center()->GetStaffingAdvice(Context("supervisor").get(), advice_request, &advice).ok());
  ASSERT_EQ(advice.scenarios_size(), 1);
  EXPECT_EQ(advice.scenarios(0).agents_needed(), 14);
  context.TryCancel();
  reader->Finish();
}

TEST_F(ContactCenterTest, SimulatorMakesContactsArriveAndAgentsHandleThem) {
  StartJourneyd({"--demo", "--demo-customers", "50"});
  const std::filesystem::path token_file = dir_ / "integration.token";
  {
    std::ofstream out(token_file);
    out << tokens_["integration"] << "\n";
  }
  CommandResult result = RunCommand({JDCTL_PATH, "simulate", "--server", Address(), "--token-file",
                                     token_file.string(), "--duration", "3", "--max-contacts", "40",
                                     "--rate", "phone=7200", "--rate", "chat=7200", "--customers", "50",
                                     "--agents", "2", "--db", db_path_.string(), "--handle-seconds", "0.5"});
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("completed by simulated agents"));
  v1::ListAgentsResponse agents;
  ASSERT_TRUE(Center()->ListAgents(Context("supervisor").get(), v1::ListAgentsRequest(), &agents).ok());
  std::vector<std::string> ids;
  for (const auto& agent : agents.agents()) ids.push_back(agent.agent_id());
  EXPECT_THAT(ids, Contains("sim-agent-1"));
  const v1::QueueBoard board = [&] {
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + tokens_["supervisor"]);
    auto stub = Center();
    auto reader = stub->WatchQueues(&context, v1::WatchQueuesRequest());
    v1::QueueBoard first;
    reader->Read(&first);
    context.TryCancel();
    reader->Finish();
    return first;
  }();
  int arrivals = 0;
  for (const auto& queue : board.queues()) arrivals += queue.arrivals_60m();
  EXPECT_GT(arrivals, 3) << "at 2 a second for 3 s, contacts arrive within seconds";
}

}  // namespace
}  // namespace journeydesk::testing
