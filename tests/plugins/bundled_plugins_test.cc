// The email, chat and phone plugins driven through the real host, each in its own plugin
// host process (the default) and once in the desktop's process.
#include <algorithm>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "plugin_test_support.h"

namespace journeydesk::agent::plugins {
namespace {

using ::testing::HasSubstr;
using testing::Action;
using testing::BundledRoot;
using testing::MakeContact;
using testing::PluginRoot;
using testing::Recorder;
namespace pb = plugin::v1;

const pb::Action* FindAction(const pb::WorkspaceView& view, const std::string& id) {
  for (const pb::Action& action : view.actions()) {
    if (action.id() == id) return &action;
  }
  return nullptr;
}

const pb::Field* FindField(const pb::WorkspaceView& view, const std::string& id) {
  for (const pb::Field& field : view.fields()) {
    if (field.id() == id) return &field;
  }
  return nullptr;
}

class BundledPluginsTest : public ::testing::TestWithParam<RunMode> {
 protected:
  BundledPluginsTest()
      : root_(BundledRoot(), {"email", "chat", "phone"}),
        host_(testing::Options(root_.path(), GetParam()), &recorder_, &recorder_) {
    host_.Start();
  }
  PluginRoot root_;
  Recorder recorder_;
  PluginHost host_;
};

TEST_P(BundledPluginsTest, AllThreeRunAndServeTheirChannels) {
  for (const char* id : {"email", "chat", "phone"}) {
    PluginStatus status = testing::StatusOf(host_, id);
    EXPECT_EQ(status.state, PluginState::kRunning) << id << ": " << status.error;
    EXPECT_EQ(status.mode, GetParam());
    EXPECT_EQ(host_.PluginForChannel(id), id);
  }
}

TEST_P(BundledPluginsTest, EmailQuotesTheCustomerUsesATemplateAndSendsARecordedReply) {
  ASSERT_TRUE(host_.AssignContact(MakeContact("E-1", "email")).ok());
  pb::WorkspaceView view = recorder_.last_view();
  EXPECT_EQ(view.header().title(), "Ada Lovelace");
  EXPECT_EQ(FindField(view, "from")->value(), "ada@example.com");     // declared customer.email
  EXPECT_EQ(FindField(view, "subject")->value(), "Re: Refund for booking 42");
  ASSERT_GE(view.composer().templates_size(), 1);
  EXPECT_THAT(view.composer().templates(0).text(), HasSubstr("Hello Ada Lovelace"));
  EXPECT_EQ(FindAction(view, "send")->shortcut(), "Ctrl+Enter");

  ASSERT_TRUE(host_.InvokeAction(Action("E-1", "quote", {{"body", "Hello Ada,"}})).ok());
  view = recorder_.last_view();
  EXPECT_THAT(view.composer().text(), HasSubstr("Hello Ada,\n\nOn "));
  EXPECT_THAT(view.composer().text(), HasSubstr("Ada Lovelace wrote:\n> Where is my refund?\n> It has been two weeks."));

  ASSERT_TRUE(host_.InvokeAction(Action("E-1", "send", {{"body", "Your refund left today."}, {"subject", "Re: Refund"}})).ok());
  auto requests = recorder_.TakeRequests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].request.send_message().text(), "Your refund left today.");
  EXPECT_EQ(requests[0].request.send_message().subject(), "Re: Refund");
  EXPECT_EQ(requests[1].request.record_touchpoint().kind(), "email_reply");
  EXPECT_EQ(requests[1].request.record_touchpoint().direction(), pb::TOUCHPOINT_OUTBOUND);
  EXPECT_EQ(requests[1].channel, "email");
  view = recorder_.last_view();
  EXPECT_EQ(view.transcript().entries_size(), 2);
  EXPECT_EQ(view.composer().text(), "");
  EXPECT_EQ(view.header().badge(), "Replied");

  ASSERT_TRUE(host_.InvokeAction(Action("E-1", "complete", {{"wrap_up", "resolved"}})).ok());
  requests = recorder_.TakeRequests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].request.record_touchpoint().outcome(), pb::TOUCHPOINT_RESOLVED);
  EXPECT_EQ(requests[1].request.complete().wrap_up_code(), "resolved");
}

TEST_P(BundledPluginsTest, EmailDoesNotSendAnEmptyReplyOrCompleteWithoutACode) {
  ASSERT_TRUE(host_.AssignContact(MakeContact("E-2", "email")).ok());
  ASSERT_TRUE(host_.InvokeAction(Action("E-2", "send", {{"body", "  \n"}})).ok());
  EXPECT_TRUE(recorder_.TakeRequests().empty());
  EXPECT_EQ(recorder_.last_view().notices(0).text(), "Write a reply before sending.");
  ASSERT_TRUE(host_.InvokeAction(Action("E-2", "complete")).ok());
  EXPECT_TRUE(recorder_.TakeRequests().empty());
  EXPECT_THAT(recorder_.last_view().notices(0).text(), HasSubstr("wrap-up code"));
}

TEST_P(BundledPluginsTest, ChatShowsTypingAndLeavingSendsLinesAndRecordsTheSession) {
  ASSERT_TRUE(host_.AssignContact(MakeContact("C-1", "chat")).ok());
  pb::WorkspaceView view = recorder_.last_view();
  EXPECT_EQ(view.header().badge(), "Live");
  EXPECT_EQ(view.composer().submit_action_id(), "send");
  EXPECT_GE(view.composer().templates_size(), 3);
  EXPECT_TRUE(view.timer().running());

  ASSERT_TRUE(host_.PostCustomerActivity("C-1", pb::ACTIVITY_TYPING).ok());
  EXPECT_EQ(recorder_.last_view().transcript().status(), "Ada Lovelace is typing…");
  pb::Message line;
  line.set_sender(pb::SENDER_CUSTOMER);
  line.set_text("hello?");
  ASSERT_TRUE(host_.PostCustomerMessage("C-1", line).ok());
  view = recorder_.last_view();
  EXPECT_EQ(view.transcript().status(), "");
  EXPECT_EQ(view.transcript().entries(view.transcript().entries_size() - 1).text(), "hello?");

  const int revision = view.composer().revision();
  ASSERT_TRUE(host_.InvokeAction(Action("C-1", "send", {{"line", "Hi Ada, checking now."}})).ok());
  auto requests = recorder_.TakeRequests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].request.send_message().text(), "Hi Ada, checking now.");
  EXPECT_GT(recorder_.last_view().composer().revision(), revision);  // clears the composer

  ASSERT_TRUE(host_.PostCustomerActivity("C-1", pb::ACTIVITY_LEFT).ok());
  view = recorder_.last_view();
  EXPECT_EQ(view.header().badge(), "Customer left");
  EXPECT_FALSE(view.composer().enabled());
  EXPECT_FALSE(FindAction(view, "send")->enabled());
  EXPECT_FALSE(view.timer().running());

  ASSERT_TRUE(host_.InvokeAction(Action("C-1", "complete", {{"wrap_up", "resolved"}})).ok());
  requests = recorder_.TakeRequests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].request.record_touchpoint().kind(), "chat_session");
  EXPECT_EQ(requests[0].request.record_touchpoint().attributes().at("messages"), "3");
  EXPECT_EQ(requests[1].request.complete().wrap_up_code(), "resolved");
}

TEST_P(BundledPluginsTest, PhoneAnswersHoldsSendsKeysTransfersAndCompletesWithNotes) {
  pb::ContactAssigned call = MakeContact("P-1", "phone");
  call.mutable_contact()->set_answered_at_unix_ms(0);
  call.mutable_contact()->clear_address();
  ASSERT_TRUE(host_.AssignContact(call).ok());
  pb::WorkspaceView view = recorder_.last_view();
  EXPECT_EQ(view.header().badge(), "Ringing");
  EXPECT_EQ(view.header().subtitle(), "+44 20 7946 0000");  // declared customer.phone
  EXPECT_TRUE(FindAction(view, "answer")->enabled());
  EXPECT_FALSE(FindAction(view, "hold")->enabled());
  EXPECT_EQ(std::count_if(view.actions().begin(), view.actions().end(),
                          [](const pb::Action& a) { return a.group() == "keypad"; }),
            12);

  ASSERT_TRUE(host_.InvokeAction(Action("P-1", "answer")).ok());
  view = recorder_.last_view();
  EXPECT_EQ(view.header().badge(), "Connected");
  EXPECT_TRUE(view.timer().running());
  EXPECT_GT(view.timer().started_at_unix_ms(), 0);

  ASSERT_TRUE(host_.InvokeAction(Action("P-1", "hold")).ok());
  EXPECT_EQ(recorder_.last_view().header().badge(), "On hold");
  ASSERT_TRUE(host_.InvokeAction(Action("P-1", "resume")).ok());
  ASSERT_TRUE(host_.InvokeAction(Action("P-1", "mute")).ok());
  EXPECT_EQ(recorder_.last_view().header().badge(), "Connected · muted");
  for (const char* key : {"dtmf_1", "dtmf_2", "dtmf_hash"}) ASSERT_TRUE(host_.InvokeAction(Action("P-1", key)).ok());
  EXPECT_EQ(FindField(recorder_.last_view(), "digits")->value(), "12#");
  auto requests = recorder_.TakeRequests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_TRUE(requests[0].request.has_hold());
  EXPECT_TRUE(requests[1].request.has_resume());

  ASSERT_TRUE(host_.InvokeAction(Action("P-1", "transfer", {{"transfer_to", "billing"}})).ok());
  requests = recorder_.TakeRequests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].request.transfer().queue(), "billing");
  EXPECT_EQ(requests[1].request.record_touchpoint().kind(), "call_transferred");

  ASSERT_TRUE(host_.InvokeAction(Action("P-1", "complete", {{"wrap_up", "resolved"}})).ok());
  EXPECT_EQ(recorder_.last_view().notices(0).text(), "Hang up before completing.");
  ASSERT_TRUE(host_.InvokeAction(Action("P-1", "hangup")).ok());
  view = recorder_.last_view();
  EXPECT_EQ(view.header().badge(), "Call ended");
  EXPECT_FALSE(view.timer().running());
  ASSERT_TRUE(host_.InvokeAction(Action("P-1", "complete", {{"wrap_up", "resolved"}, {"notes", "Refund re-sent"}})).ok());
  requests = recorder_.TakeRequests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].request.record_touchpoint().kind(), "call_inbound");
  EXPECT_EQ(requests[0].request.record_touchpoint().summary(), "Refund re-sent");
  EXPECT_EQ(requests[0].request.record_touchpoint().attributes().at("holds"), "1");
  EXPECT_EQ(requests[1].request.complete().notes(), "Refund re-sent");
}

TEST_P(BundledPluginsTest, ARefusedHoldIsUndoneAndSaidSo) {
  ASSERT_TRUE(host_.AssignContact(MakeContact("P-2", "phone")).ok());  // already answered
  ASSERT_TRUE(host_.InvokeAction(Action("P-2", "hold")).ok());
  ASSERT_TRUE(host_.ReportRequestFailed("P-2", "hold", "journeyd is unreachable").ok());
  pb::WorkspaceView view = recorder_.last_view();
  EXPECT_EQ(view.header().badge(), "Connected");
  EXPECT_EQ(view.notices(0).text(), "Not done: journeyd is unreachable");
  EXPECT_EQ(view.notices(0).tone(), pb::TONE_BAD);
}

TEST_P(BundledPluginsTest, ClosedContactsAreForgotten) {
  ASSERT_TRUE(host_.AssignContact(MakeContact("E-3", "email")).ok());
  ASSERT_TRUE(host_.CloseContact("E-3").ok());
  EXPECT_FALSE(host_.LastView("E-3").has_value());
  EXPECT_TRUE(absl::IsNotFound(host_.InvokeAction(Action("E-3", "send"))));
}

INSTANTIATE_TEST_SUITE_P(BothWays, BundledPluginsTest, ::testing::Values(RunMode::kOwnProcess, RunMode::kInProcess),
                         [](const auto& info) { return info.param == RunMode::kInProcess ? "InProcess" : "OwnProcess"; });

}  // namespace
}  // namespace journeydesk::agent::plugins
