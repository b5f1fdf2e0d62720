// SupervisorClient against a real journeyd on loopback: the board, agents and staffing
// advice arrive; applying the advice's move changes the agent's channels on journeyd; an
// agent's token is turned away with a clear message; and the board stream comes back by
// itself after journeyd restarts.
#include "core/supervisor/supervisor_client.h"

#include <signal.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "core/supervisor/queue_board_view_model.h"
#include "gmock/gmock.h"
#include "grpcpp/create_channel.h"
#include "gtest/gtest.h"
#include "notification_wait.h"
#include "journeydesk/v1/contact_center.grpc.pb.h"
#include "store/sqlite_journey_store.h"
#include "support/journeyd_fixture.h"

namespace journeydesk::agent::supervisor {
namespace {

using journeydesk::testing::ChildProcess;
using journeydesk::testing::JourneydTest;
using ::testing::HasSubstr;

using Recorder = RecorderOf<SupervisorNotification>;

bool HasChannel(const v1::AgentStatus& agent, const std::string& channel) {
  for (const auto& c : agent.channels()) {
    if (c.channel() == channel) return true;
  }
  return false;
}

class SupervisorClientTest : public JourneydTest {
 protected:
  void SetUp() override {
    JourneydTest::SetUp();
    auto store = store::SqliteJourneyStore::Open(db_path_.string());
    ASSERT_TRUE(store.ok()) << store.status();
    for (const char* id : {"agent-2", "agent-3"}) {
      auto token = (*store)->CreateToken(store::Role::kAgent, id, "test");
      ASSERT_TRUE(token.ok()) << token.status();
      tokens_[id] = token->secret;
    }
  }

  std::unique_ptr<v1::ContactCenter::Stub> Center() const {
    return v1::ContactCenter::NewStub(grpc::CreateChannel(Address(), grpc::InsecureChannelCredentials()));
  }

  std::unique_ptr<SupervisorClient> Connect(const std::string& role, const std::string& address) {
    SupervisorClientOptions options;
    options.server = address;
    options.token = tokens_[role];
    options.call_deadline = absl::Seconds(3);
    options.backoff.initial = absl::Milliseconds(50);
    options.backoff.max = absl::Milliseconds(400);
    auto client = std::make_unique<SupervisorClient>(options, &queue_);
    client->Start();
    return client;
  }

  // Three agents at their desks (not connected, so nothing is offered): agent-1 on phone,
  // agent-2 and agent-3 on email only; six calls and one email waiting. journeyd's advice:
  // move one agent from email to phone.
  void StaffTheFloor() {
    v1::UpsertCustomerRequest customer;
    customer.mutable_customer()->set_id("C-WAIT");
    customer.mutable_customer()->set_display_name("Katherine Johnson");
    v1::UpsertCustomerResponse upserted;
    ASSERT_TRUE(Stub()->UpsertCustomer(Context("admin").get(), customer, &upserted).ok());
    for (const auto& [role, channel] : std::vector<std::pair<std::string, std::string>>{
             {"agent", "phone"}, {"agent-2", "email"}, {"agent-3", "email"}}) {
      v1::SetAgentStateRequest available;
      available.set_state(v1::AVAILABLE);
      v1::AgentStatus status;
      ASSERT_TRUE(Center()->SetAgentState(Context(role).get(), available, &status).ok());
      v1::SetAgentChannelsRequest channels;
      channels.set_agent_id(status.agent_id());
      v1::ChannelCapacity* only = channels.add_channels();
      only->set_channel(channel);
      only->set_capacity(1);
      ASSERT_TRUE(Center()->SetAgentChannels(Context("supervisor").get(), channels, &status).ok());
    }
    for (int i = 0; i < 7; ++i) {
      v1::EnqueueContactRequest request;
      request.set_channel(i < 6 ? "phone" : "email");
      request.set_customer_id("C-WAIT");
      v1::EnqueueContactResponse response;
      grpc::Status status = Center()->EnqueueContact(Context("integration").get(), request, &response);
      ASSERT_TRUE(status.ok()) << status.error_message();
    }
  }

  std::vector<v1::AgentStatus> ListAgents() {
    v1::ListAgentsResponse response;
    EXPECT_TRUE(Center()->ListAgents(Context("supervisor").get(), v1::ListAgentsRequest(), &response).ok());
    return {response.agents().begin(), response.agents().end()};
  }

  SupervisorNotificationQueue queue_;
};

TEST_F(SupervisorClientTest, ShowsTheFloorAndAppliesTheStaffingAdvice) {
  StartJourneyd();
  StaffTheFloor();
  Recorder recorder(queue_);
  auto client = Connect("supervisor", Address());

  auto signed_in = recorder.WaitFor<SupervisorSignedIn>([](const auto&) { return true; });
  ASSERT_TRUE(signed_in.has_value());
  EXPECT_TRUE(signed_in->may_supervise) << signed_in->message;
  EXPECT_EQ(signed_in->role, "supervisor");

  QueueBoardViewModel model;
  auto board = recorder.WaitFor<BoardReceived>([](const BoardReceived& b) {
    for (const auto& q : b.board.queues()) {
      if (q.queue() == "phone" && q.waiting() == 6) return true;
    }
    return false;
  });
  ASSERT_TRUE(board.has_value()) << "the board shows the six waiting calls";
  model.ApplyBoard(board->board);
  EXPECT_EQ(model.total_waiting(), 7);

  auto agents = recorder.WaitFor<AgentsReceived>([](const AgentsReceived& a) { return a.agents.size() == 3; });
  ASSERT_TRUE(agents.has_value());
  model.ApplyAgents(agents->agents);
  auto advice = recorder.WaitFor<AdviceReceived>([](const AdviceReceived& a) { return a.advice.moves_size() > 0; });
  ASSERT_TRUE(advice.has_value()) << "journeyd advises moving an email agent to phone";
  model.ApplyAdvice(advice->advice);
  ASSERT_EQ(model.moves().size(), 1u);
  EXPECT_EQ(model.moves()[0].from_channel, "email");
  EXPECT_EQ(model.moves()[0].to_channel, "phone");
  EXPECT_TRUE(model.moves()[0].problem.empty()) << model.moves()[0].problem;
  const std::vector<v1::SetAgentChannelsRequest> requests = model.MoveRequests();
  ASSERT_EQ(requests.size(), 1u);
  const std::string moved = requests[0].agent_id();

  client->ChangeChannels(requests, 41);
  auto changed = recorder.WaitFor<ChannelsChanged>([](const ChannelsChanged& c) { return c.request_id == 41; });
  ASSERT_TRUE(changed.has_value());
  EXPECT_TRUE(changed->failures.empty()) << changed->failures.front();
  ASSERT_EQ(changed->changed.size(), 1u);

  for (const v1::AgentStatus& agent : ListAgents()) {
    if (agent.agent_id() != moved) continue;
    EXPECT_TRUE(HasChannel(agent, "phone")) << agent.DebugString();
    EXPECT_FALSE(HasChannel(agent, "email")) << agent.DebugString();
  }
  // The client refreshes the list itself after the change.
  EXPECT_TRUE(recorder.WaitFor<AgentsReceived>([&](const AgentsReceived& a) {
    for (const auto& agent : a.agents) {
      if (agent.agent_id() == moved && HasChannel(agent, "phone")) return true;
    }
    return false;
  }).has_value());
}

TEST_F(SupervisorClientTest, ARefusedChangeNamesTheAgentAndTheReason) {
  StartJourneyd();
  Recorder recorder(queue_);
  auto client = Connect("supervisor", Address());
  ASSERT_TRUE(recorder.WaitFor<SupervisorSignedIn>([](const auto&) { return true; }).has_value());
  v1::SetAgentChannelsRequest bad;
  bad.set_agent_id("agent-2");
  v1::ChannelCapacity* pigeon = bad.add_channels();
  pigeon->set_channel("pigeon");
  pigeon->set_capacity(1);
  client->ChangeChannels({bad}, 7);
  auto changed = recorder.WaitFor<ChannelsChanged>([](const ChannelsChanged& c) { return c.request_id == 7; });
  ASSERT_TRUE(changed.has_value());
  ASSERT_EQ(changed->failures.size(), 1u);
  EXPECT_THAT(changed->failures[0], HasSubstr("agent-2: "));
  EXPECT_THAT(changed->failures[0], HasSubstr("the channels are phone, chat, email"));
}

TEST_F(SupervisorClientTest, AnAgentsTokenIsTurnedAwayWithWhatToDo) {
  StartJourneyd();
  Recorder recorder(queue_);
  auto client = Connect("agent", Address());
  auto signed_in = recorder.WaitFor<SupervisorSignedIn>([](const auto&) { return true; });
  ASSERT_TRUE(signed_in.has_value());
  EXPECT_FALSE(signed_in->may_supervise);
  EXPECT_THAT(signed_in->message, HasSubstr("this token's role is agent"));
  EXPECT_THAT(signed_in->message, HasSubstr("jdctl token create --role supervisor"));
}

// A port nobody listens on now, for a journeyd started and restarted on the same address.
int FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  socklen_t length = sizeof(address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

TEST_F(SupervisorClientTest, TheBoardComesBackAfterJourneydRestarts) {
  const std::string address = absl::StrCat("127.0.0.1:", FreePort());
  auto start = [&] {
    auto process = ChildProcess::Start({JOURNEYD_PATH, "--db", db_path_.string(), "--listen", address,
                                        "--log-level", "warn"});
    EXPECT_TRUE(process.ok()) << process.status();
    auto journeyd = std::make_unique<ChildProcess>(std::move(*process));
    std::optional<std::string> line = journeyd->ReadLine(absl::Seconds(60));
    EXPECT_TRUE(line.has_value() && line->find("listening") != std::string::npos) << line.value_or("");
    return journeyd;
  };
  // The supervisor opens the window before journeyd is up: it keeps trying.
  Recorder recorder(queue_);
  auto client = Connect("supervisor", address);
  ASSERT_TRUE(recorder.WaitFor<SupervisorConnectionChanged>([](const auto& c) {
    return c.state == ConnectionState::kOffline;
  }).has_value());

  auto journeyd = start();
  ASSERT_TRUE(recorder.WaitFor<BoardReceived>([](const auto&) { return true; }).has_value())
      << "the board arrives once journeyd is reachable";
  journeyd->Signal(SIGTERM);
  ASSERT_TRUE(recorder.WaitFor<SupervisorConnectionChanged>([](const auto& c) {
    return c.state != ConnectionState::kConnected;
  }).has_value()) << "a broken board stream is noticed";

  journeyd = start();
  ASSERT_TRUE(recorder.WaitFor<SupervisorConnectionChanged>([](const auto& c) {
    return c.state == ConnectionState::kConnected;
  }).has_value());
  EXPECT_TRUE(recorder.WaitFor<BoardReceived>([](const auto&) { return true; }).has_value())
      << "the stream is re-subscribed without anyone asking";
  client.reset();
  journeyd->Signal(SIGTERM);
}

}  // namespace
}  // namespace journeydesk::agent::supervisor
