// The desktop's live-contact client against a real journeyd: an offer arrives with its
// screen pop, the agent accepts, talks, and wraps up through the outbox; a wrap-up made
// while journeyd is down reaches it exactly once when it returns.
#include "core/contact_center_client.h"

#include "absl/strings/str_cat.h"
#include "core/journey_client.h"
#include "grpcpp/create_channel.h"
#include "gtest/gtest.h"
#include "notification_wait.h"
#include "support/journeyd_fixture.h"
#include "test_client_options.h"

namespace journeydesk::agent {
namespace {

using journeydesk::testing::JourneydTest;

class ContactCenterClientTest : public JourneydTest {
 protected:
  void SetUp() override {
    JourneydTest::SetUp();
    StartJourneyd({"--demo", "--demo-customers", "20"});
    auto store = LocalStore::Open(dir_ / "desk" / "journeydesk.db");
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    channel_ = grpc::CreateChannel(Address(), grpc::InsecureChannelCredentials());
    JourneyClientOptions journey_options = TestJourneyClientOptions(Address(), tokens_["agent"]);
    journey_options.channel = channel_;
    journeys_ = std::make_unique<JourneyClient>(journey_options, &queue_, store_.get());
    ContactCenterClientOptions contact_options;
    contact_options.channel = channel_;
    contact_options.token = tokens_["agent"];
    contact_options.backoff = journey_options.backoff;
    contacts_ = std::make_unique<ContactCenterClient>(contact_options, &queue_);
    journeys_->Start();
    contacts_->Start();
  }
  void TearDown() override {
    contacts_.reset();
    journeys_.reset();
    JourneydTest::TearDown();
  }

  std::unique_ptr<v1::ContactCenter::Stub> Center() const {
    return v1::ContactCenter::NewStub(grpc::CreateChannel(Address(), grpc::InsecureChannelCredentials()));
  }

  std::string Enqueue(const std::string& channel, const std::string& customer_id) {
    v1::EnqueueContactRequest request;
    request.set_channel(channel);
    request.set_customer_id(customer_id);
    request.set_subject("My bill doubled this month");
    v1::EnqueueContactResponse response;
    grpc::Status status = Center()->EnqueueContact(Context("integration").get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.contact_id();
  }

  // Signs in, goes available and takes one phone contact of C-000001: its id, active.
  std::string TakeAContact() {
    auto started = recorder_.WaitFor<AgentStreamStarted>([](const auto&) { return true; });
    EXPECT_TRUE(started.has_value()) << "the agent stream opens on its own";
    if (started) wrap_up_codes_.assign(started->started.wrap_up_codes().begin(), started->started.wrap_up_codes().end());
    contacts_->SetAgentState(v1::AVAILABLE, "");
    EXPECT_TRUE(recorder_.WaitFor<AgentStatusChanged>(
        [](const AgentStatusChanged& s) { return s.status.state() == v1::AVAILABLE; }));
    const std::string contact_id = Enqueue("phone", "C-000001");
    auto offer = recorder_.WaitFor<OfferArrived>(
        [&](const OfferArrived& o) { return o.offer.contact_id() == contact_id; });
    EXPECT_TRUE(offer.has_value()) << "the offer reaches the agent";
    if (offer) {
      EXPECT_EQ(offer->offer.customer_id(), "C-000001");
      EXPECT_FALSE(offer->offer.journey().display_name().empty()) << "the screen pop names the customer";
      EXPECT_GT(offer->offer.journey().recent_touchpoints_size(), 0) << "and shows what they did last";
    }
    contacts_->Accept(contact_id);
    EXPECT_TRUE(recorder_.WaitFor<ContactChanged>([&](const ContactChanged& c) {
      return c.contact.contact_id() == contact_id && c.contact.state() == v1::CONTACT_ACTIVE;
    })) << "accepting makes the contact active";
    return contact_id;
  }

  // contact_completed touchpoints of `contact_id` on C-000001's journey.
  int WrapUpsOnTheJourney(const std::string& contact_id) {
    v1::GetJourneyRequest request;
    request.set_customer_id("C-000001");
    request.set_page_size(500);
    v1::Journey journey;
    grpc::Status status = Stub()->GetJourney(Context("agent").get(), request, &journey);
    EXPECT_TRUE(status.ok()) << status.error_message();
    int count = 0;
    for (const auto& tp : journey.timeline()) {
      count += tp.kind() == "contact_completed" && tp.contact_id() == contact_id;
    }
    return count;
  }

  WrapUpWrite WrapUp(const std::string& contact_id) const {
    WrapUpWrite wrap_up;
    wrap_up.request.set_contact_id(contact_id);
    wrap_up.request.set_wrap_up_code(wrap_up_codes_.empty() ? "resolved" : wrap_up_codes_.front().code());
    wrap_up.request.set_notes("explained the bill; credit of 12 EUR applied");
    return wrap_up;
  }

  NotificationQueue queue_;
  NotificationRecorder recorder_{queue_};
  std::unique_ptr<LocalStore> store_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<JourneyClient> journeys_;
  std::unique_ptr<ContactCenterClient> contacts_;
  std::vector<v1::WrapUpCode> wrap_up_codes_;
};

TEST_F(ContactCenterClientTest, AnOfferIsAcceptedHandledAndWrappedUp) {
  const std::string contact_id = TakeAContact();
  ASSERT_FALSE(wrap_up_codes_.empty()) << "the stream tells the desktop the wrap-up codes";

  v1::PostCustomerMessageRequest customer_says;
  customer_says.set_contact_id(contact_id);
  customer_says.set_text("Hello, is anybody there?");
  v1::Contact contact;
  ASSERT_TRUE(Center()->PostCustomerMessage(Context("integration").get(), customer_says, &contact).ok());
  auto message = recorder_.WaitFor<CustomerMessageArrived>(
      [&](const CustomerMessageArrived& m) { return m.contact_id == contact_id; });
  ASSERT_TRUE(message.has_value());
  EXPECT_EQ(message->message.text(), "Hello, is anybody there?");

  contacts_->SendMessage(contact_id, "Yes — looking at your bill now.");
  EXPECT_TRUE(recorder_.WaitFor<ContactChanged>([&](const ContactChanged& c) {
    return c.contact.contact_id() == contact_id && c.contact.message_count() == 2;
  }));
  contacts_->Hold(contact_id);
  EXPECT_TRUE(recorder_.WaitFor<ContactChanged>(
      [&](const ContactChanged& c) { return c.contact.state() == v1::CONTACT_HELD; }));
  contacts_->Resume(contact_id);
  EXPECT_TRUE(recorder_.WaitFor<ContactChanged>(
      [&](const ContactChanged& c) { return c.contact.state() == v1::CONTACT_ACTIVE && c.contact.hold_count() == 1; }));

  ASSERT_TRUE(journeys_->CompleteContact(WrapUp(contact_id)).ok());
  auto completed = recorder_.WaitFor<ContactChanged>(
      [&](const ContactChanged& c) { return c.contact.state() == v1::CONTACT_COMPLETED; });
  ASSERT_TRUE(completed.has_value());
  EXPECT_EQ(completed->contact.notes(), "explained the bill; credit of 12 EUR applied");
  EXPECT_TRUE(recorder_.WaitFor<OutboxChanged>([](const OutboxChanged& o) { return o.pending == 0 && o.sent == 1; }));
  EXPECT_EQ(WrapUpsOnTheJourney(contact_id), 1);
}

TEST_F(ContactCenterClientTest, ARefusedCommandSaysWhy) {
  TakeAContact();
  contacts_->Accept("K-NOT-OFFERED");
  auto failed = recorder_.WaitFor<ContactCommandFailed>([](const auto&) { return true; });
  ASSERT_TRUE(failed.has_value());
  EXPECT_EQ(failed->action, "accept");
  EXPECT_NE(failed->message.find("could not accept"), std::string::npos) << failed->message;
}

TEST_F(ContactCenterClientTest, AWrapUpMadeWhileJourneydIsDownArrivesExactlyOnce) {
  const std::string contact_id = TakeAContact();
  StopJourneyd();

  ASSERT_TRUE(journeys_->CompleteContact(WrapUp(contact_id)).ok()) << "kept in the outbox";
  ASSERT_TRUE(recorder_.WaitFor<OutboxChanged>([](const OutboxChanged& o) { return o.pending == 1; }));
  ASSERT_TRUE(recorder_.WaitFor<AgentStreamLost>([](const auto&) { return true; }))
      << "the inbox learns that the contact stream is gone";
  EXPECT_EQ(*store_->PendingCount(), 1);

  RestartJourneydOnSamePort();
  // A replay that sent something (the client also reports its empty outbox at start).
  auto drained = recorder_.WaitFor<OutboxChanged>([](const OutboxChanged& o) { return o.pending == 0 && o.sent > 0; },
                                                  absl::Seconds(30));
  ASSERT_TRUE(drained.has_value()) << "the outbox drains when journeyd is back";
  EXPECT_TRUE(drained->rejected.empty()) << drained->rejected;
  auto restarted = recorder_.WaitFor<AgentStreamStarted>([](const auto&) { return true; }, absl::Seconds(30));
  ASSERT_TRUE(restarted.has_value()) << "the contact stream comes back by itself";
  EXPECT_EQ(WrapUpsOnTheJourney(contact_id), 1);

  // The same wrap-up sent again (a replay whose reply was lost) changes nothing.
  ASSERT_TRUE(journeys_->CompleteContact(WrapUp(contact_id)).ok());
  auto again = recorder_.WaitFor<OutboxChanged>([](const OutboxChanged& o) { return o.pending == 0 && o.sent == 1; });
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(again->rejected.empty()) << again->rejected;
  EXPECT_EQ(WrapUpsOnTheJourney(contact_id), 1) << "exactly one wrap-up on the journey";
}

}  // namespace
}  // namespace journeydesk::agent
