// The inbox as the agent sees it: offers ring until accepted, declined, missed or withdrawn;
// accepted contacts stay until completed or handed on; a fresh stream start replaces it all.
#include "core/contact_inbox.h"

#include "gtest/gtest.h"

namespace journeydesk::agent {
namespace {

v1::Contact ContactOf(const std::string& id, v1::ContactState state, const std::string& agent_id,
                      int64_t version = 1) {
  v1::Contact contact;
  contact.set_contact_id(id);
  contact.set_customer_id("C-000001");
  contact.set_channel("chat");
  contact.set_state(state);
  contact.set_agent_id(agent_id);
  contact.set_version(version);
  return contact;
}

v1::Offer OfferOf(const std::string& id) {
  v1::Offer offer;
  offer.set_contact_id(id);
  offer.set_customer_id("C-000001");
  offer.set_channel("chat");
  offer.mutable_journey()->set_display_name("Ada Lovelace");
  *offer.mutable_contact() = ContactOf(id, v1::CONTACT_OFFERED, "me");
  return offer;
}

class ContactInboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    v1::AgentStarted started;
    started.mutable_agent()->set_agent_id("me");
    started.add_wrap_up_codes()->set_code("resolved");
    inbox_.Start(started, now_);
  }
  ContactInbox inbox_;
  absl::Time now_ = absl::FromUnixSeconds(1'800'000'000);
};

TEST_F(ContactInboxTest, AnAcceptedOfferBecomesAContactUntilItIsCompleted) {
  inbox_.AddOffer(OfferOf("K-1"), now_);
  ASSERT_EQ(inbox_.offers().size(), 1u);
  EXPECT_EQ(inbox_.CustomerName("C-000001"), "Ada Lovelace") << "the screen pop names the customer";

  EXPECT_TRUE(inbox_.UpdateContact(ContactOf("K-1", v1::CONTACT_ACTIVE, "me", 2)));
  EXPECT_TRUE(inbox_.offers().empty()) << "accepted: it stops ringing";
  ASSERT_EQ(inbox_.contacts().size(), 1u);
  EXPECT_EQ(inbox_.contacts()[0].state(), v1::CONTACT_ACTIVE);

  EXPECT_FALSE(inbox_.UpdateContact(ContactOf("K-1", v1::CONTACT_ACTIVE, "me", 1)))
      << "an older copy arriving late changes nothing";
  EXPECT_TRUE(inbox_.UpdateContact(ContactOf("K-1", v1::CONTACT_WRAP_UP, "me", 3)));
  EXPECT_EQ(inbox_.contacts()[0].state(), v1::CONTACT_WRAP_UP) << "wrap-up keeps it in the inbox";
  EXPECT_TRUE(inbox_.UpdateContact(ContactOf("K-1", v1::CONTACT_COMPLETED, "me", 4)));
  EXPECT_TRUE(inbox_.contacts().empty());
}

TEST_F(ContactInboxTest, MissedWithdrawnOrDeclinedOffersStopRinging) {
  inbox_.AddOffer(OfferOf("K-1"), now_);
  inbox_.AddOffer(OfferOf("K-2"), now_);
  inbox_.AddOffer(OfferOf("K-3"), now_);
  v1::Notice missed;
  missed.set_code("missed_offer");
  missed.set_contact_id("K-1");
  EXPECT_TRUE(inbox_.ApplyNotice(missed));
  v1::Notice withdrawn;
  withdrawn.set_code("offer_withdrawn");
  withdrawn.set_contact_id("K-2");
  EXPECT_TRUE(inbox_.ApplyNotice(withdrawn));
  EXPECT_TRUE(inbox_.UpdateContact(ContactOf("K-3", v1::CONTACT_QUEUED, "")))
      << "declined: back in its queue, gone from this inbox";
  EXPECT_TRUE(inbox_.offers().empty());
  EXPECT_TRUE(inbox_.contacts().empty());
}

TEST_F(ContactInboxTest, AContactTransferredToAnotherAgentLeavesTheInbox) {
  inbox_.UpdateContact(ContactOf("K-1", v1::CONTACT_ACTIVE, "me"));
  EXPECT_TRUE(inbox_.UpdateContact(ContactOf("K-1", v1::CONTACT_OFFERED, "someone-else", 2)));
  EXPECT_TRUE(inbox_.contacts().empty());
}

TEST_F(ContactInboxTest, AFreshStreamStartReplacesTheInboxAndAResumedOneKeepsIt) {
  inbox_.AddOffer(OfferOf("K-1"), now_);
  v1::AgentStarted resumed;
  resumed.mutable_agent()->set_agent_id("me");
  resumed.set_resumed(true);
  inbox_.Start(resumed, now_);
  EXPECT_EQ(inbox_.offers().size(), 1u);
  EXPECT_EQ(inbox_.wrap_up_codes().size(), 1u);

  v1::AgentStarted fresh;
  fresh.mutable_agent()->set_agent_id("me");
  *fresh.add_contacts() = ContactOf("K-9", v1::CONTACT_HELD, "me");
  inbox_.Start(fresh, now_);
  EXPECT_TRUE(inbox_.offers().empty()) << "journeyd's view wins after a restart";
  ASSERT_EQ(inbox_.contacts().size(), 1u);
  EXPECT_EQ(inbox_.contacts()[0].contact_id(), "K-9");
}

TEST(ContactInboxTextTest, ElapsedTimeReadsAtAGlance) {
  EXPECT_EQ(ContactInbox::ElapsedText(absl::Seconds(42)), "42 s");
  EXPECT_EQ(ContactInbox::ElapsedText(absl::Seconds(190)), "3 min");
  EXPECT_EQ(ContactInbox::ElapsedText(absl::Minutes(125)), "2 h 5 min");
}

}  // namespace
}  // namespace journeydesk::agent
