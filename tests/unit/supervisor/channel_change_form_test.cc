// A hand-made channel change is checked before anything is sent, and every refusal says
// which field is wrong and what to type instead.
#include "core/supervisor/channel_change_form.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace journeydesk::agent::supervisor {
namespace {

using ::testing::HasSubstr;

const std::vector<std::string> kChannels = {"phone", "chat", "email"};

TEST(ChannelChangeFormTest, SelectedChannelsBecomeTheRequestWithTheirCapacities) {
  auto request = BuildChannelChange("  agent-7 ", false,
                                    {{"phone", true, "1"}, {"chat", false, "x"}, {"email", true, " 2 "}}, kChannels);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->agent_id(), "agent-7");
  ASSERT_EQ(request->channels_size(), 2) << "unticked channels are left out, whatever their capacity says";
  EXPECT_EQ(request->channels(0).channel(), "phone");
  EXPECT_EQ(request->channels(0).capacity(), 1);
  EXPECT_EQ(request->channels(1).channel(), "email");
  EXPECT_EQ(request->channels(1).capacity(), 2);
}

TEST(ChannelChangeFormTest, DefaultsSendNoChannels) {
  auto request = BuildChannelChange("agent-7", true, {{"phone", true, "oops"}}, kChannels);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->channels_size(), 0) << "journeyd reads no channels as every channel at its default";
}

TEST(ChannelChangeFormTest, BadInputIsExplained) {
  auto no_agent = BuildChannelChange(" ", false, {{"phone", true, "1"}}, kChannels);
  EXPECT_EQ(no_agent.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(no_agent.status().message(), HasSubstr("choose an agent"));

  auto spaced = BuildChannelChange("agent 7", false, {{"phone", true, "1"}}, kChannels);
  EXPECT_THAT(spaced.status().message(), HasSubstr("contains a space"));

  auto nothing = BuildChannelChange("agent-7", false, {{"phone", false, "1"}}, kChannels);
  EXPECT_THAT(nothing.status().message(), HasSubstr("tick at least one channel"));

  auto words = BuildChannelChange("agent-7", false, {{"chat", true, "three"}}, kChannels);
  EXPECT_THAT(words.status().message(), HasSubstr("Capacity for chat: 'three' is not a whole number from 1 to 100"));

  auto zero = BuildChannelChange("agent-7", false, {{"chat", true, "0"}}, kChannels);
  EXPECT_THAT(zero.status().message(), HasSubstr("Capacity for chat: '0'"));

  auto too_many = BuildChannelChange("agent-7", false, {{"chat", true, "101"}}, kChannels);
  EXPECT_THAT(too_many.status().message(), HasSubstr("from 1 to 100"));

  auto unknown = BuildChannelChange("agent-7", false, {{"pigeon", true, "1"}}, kChannels);
  EXPECT_THAT(unknown.status().message(), HasSubstr("the channels are phone, chat, email"));

  auto twice = BuildChannelChange("agent-7", false, {{"chat", true, "1"}, {"chat", true, "2"}}, kChannels);
  EXPECT_THAT(twice.status().message(), HasSubstr("chosen twice"));
}

}  // namespace
}  // namespace journeydesk::agent::supervisor
