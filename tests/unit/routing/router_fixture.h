#pragma once
// A ContactRouter on the shipped default configuration with a hand-driven clock.

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "routing/contact_center_config.h"
#include "routing/contact_router.h"

namespace journeydesk::routing {

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() : router_(Config()) {}

  static v1::ContactCenterConfig Config() {
    auto config = LoadDefaultContactCenterConfig();
    EXPECT_TRUE(config.ok()) << config.status();
    return *config;
  }
  // An agent who is connected and AVAILABLE; no channel settings unless given.
  void AddAgent(const std::string& id, std::vector<v1::ChannelCapacity> channels = {}) {
    if (!channels.empty()) ASSERT_TRUE(router_.SetAgentChannels(id, channels, now_, &out_).ok());
    router_.AgentConnected(id, now_, &out_);
    ASSERT_TRUE(router_.SetAgentState(id, v1::AVAILABLE, "", now_, &out_).ok());
  }
  static v1::ChannelCapacity Channel(const std::string& channel, int capacity) {
    v1::ChannelCapacity c;
    c.set_channel(channel);
    c.set_capacity(capacity);
    return c;
  }
  std::string Enqueue(const std::string& id, const std::string& channel) {
    NewContact contact{id, "C-" + id, channel, "", "about " + id, ""};
    auto result = router_.Enqueue(contact, now_, &out_);
    EXPECT_TRUE(result.ok()) << result.status();
    return id;
  }
  void Advance(absl::Duration d) {
    now_ += d;
    router_.Tick(now_, &out_);
  }
  v1::Contact Get(const std::string& id) {
    auto contact = router_.GetContact(id);
    EXPECT_TRUE(contact.ok()) << contact.status();
    return contact.ok() ? *contact : v1::Contact();
  }
  // Offers made since the last call: (contact, agent).
  std::vector<std::pair<std::string, std::string>> TakeOffers() {
    std::vector<std::pair<std::string, std::string>> offers;
    for (const RoutingStep& step : out_.steps) {
      if (step.kind == RoutingStep::Kind::kOffered) offers.push_back({step.contact.contact_id(), step.agent_id});
    }
    out_ = {};
    return offers;
  }

  absl::Time now_ = absl::FromUnixSeconds(1'750'000'000);
  ContactRouter router_;
  RouterOutput out_;
};

}  // namespace journeydesk::routing
