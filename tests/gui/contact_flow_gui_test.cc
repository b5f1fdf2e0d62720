// A live contact from the agent's keyboard, in the real window under Xvfb against a real
// journeyd with demo data: an offer rings and pops the customer's journey before it is
// answered; F6 accepts; the next step shows its reasons and evidence; accepting it records
// an outcome that appears on the canvas; the wrap-up completes the contact. And offline: a
// wrap-up made while journeyd is down reaches it exactly once when it is back.
#include <fstream>
#include <iterator>
#include <map>

#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "gui_fixture.h"
#include "grpcpp/create_channel.h"
#include "journeydesk/v1/contact_center.grpc.pb.h"

namespace journeydesk::testing {
namespace {

class ContactFlowGuiTest : public JourneydeskGuiTest {
 protected:
  std::unique_ptr<v1::ContactCenter::Stub> Center() const {
    return v1::ContactCenter::NewStub(grpc::CreateChannel(Address(), grpc::InsecureChannelCredentials()));
  }

  // The first demo customer journeyd suggests a next step for, with evidence on the map.
  std::string CustomerWithANextStep() {
    for (int i = 1; i <= 50; ++i) {
      const std::string id = absl::StrFormat("C-%06d", i);
      v1::SuggestNextStepsRequest request;
      request.set_customer_id(id);
      request.mutable_context()->set_channel("phone");
      v1::SuggestNextStepsResponse response;
      if (!Stub()->SuggestNextSteps(Context("agent").get(), request, &response).ok()) continue;
      if (response.suggestions_size() > 0 && response.suggestions(0).reasons_size() > 0 &&
          response.suggestions(0).reasons(0).evidence_touchpoint_ids_size() > 0) {
        return id;
      }
    }
    ADD_FAILURE() << "no demo customer has a next step";
    return "C-000001";
  }

  std::string Enqueue(const std::string& customer_id, const std::string& channel = "phone") {
    v1::EnqueueContactRequest request;
    request.set_channel(channel);
    request.set_customer_id(customer_id);
    request.set_subject("Calling about my contract");
    v1::EnqueueContactResponse response;
    grpc::Status status = Center()->EnqueueContact(Context("integration").get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.contact_id();
  }

  v1::Journey JourneyOf(const std::string& customer_id) {
    v1::GetJourneyRequest request;
    request.set_customer_id(customer_id);
    request.set_page_size(500);
    v1::Journey journey;
    grpc::Status status = Stub()->GetJourney(Context("agent").get(), request, &journey);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return journey;
  }

  int CountOnJourney(const std::string& customer_id, const std::string& kind, const std::string& contact_id = "") {
    int count = 0;
    const v1::Journey journey = JourneyOf(customer_id);
    for (const v1::Touchpoint& tp : journey.timeline()) {
      count += tp.kind() == kind && (contact_id.empty() || tp.contact_id() == contact_id);
    }
    return count;
  }

  // journeyd tells the agent a contact is completed before it has filed the contact_completed
  // step on the journey (CompleteContact itself returns after both); waits for the journey to
  // hold `want` such touchpoints of the contact and returns how many it holds then.
  int WaitForWrapUpsOnJourney(const std::string& customer_id, const std::string& contact_id, int want) {
    const absl::Time deadline = absl::Now() + absl::Seconds(10);
    int count = CountOnJourney(customer_id, "contact_completed", contact_id);
    while (count < want && absl::Now() < deadline) {
      absl::SleepFor(absl::Milliseconds(50));
      count = CountOnJourney(customer_id, "contact_completed", contact_id);
    }
    return count;
  }

  // "… stages: awareness=3 purchase=1" → {awareness: 3, purchase: 1}
  static std::map<std::string, int> StageCounts(const std::string& line) {
    std::map<std::string, int> counts;
    const size_t at = line.find("stages:");
    if (at == std::string::npos) return counts;
    for (absl::string_view part : absl::StrSplit(line.substr(at + 7), ' ', absl::SkipEmpty())) {
      std::pair<std::string, std::string> kv = absl::StrSplit(part, '=');
      int value = 0;
      if (absl::SimpleAtoi(kv.second, &value) && value > 0) counts[kv.first] = value;
    }
    return counts;
  }

  // Signs in as the agent, available, and waits for the offer of a new contact of `customer`.
  std::string StartDeskAndRing(const std::string& customer, const std::string& channel = "phone") {
    StartDesk({"--server", Address(), "--token-file", WriteAgentToken().string(), "--available",
               "--data-file", (dir_ / "desk.db").string()});
    EXPECT_TRUE(WaitForLine("journeydesk: state available", absl::Seconds(30)).has_value())
        << "--available makes the agent available once the contact stream is up";
    const std::string contact_id = Enqueue(customer, channel);
    EXPECT_TRUE(WaitForLine(absl::StrCat("journeydesk: offer ", contact_id, " for ", customer), absl::Seconds(20))
                    .has_value());
    return contact_id;
  }

  // The agent accepts a chat offer for C-000003 with F6, the chat plugin draws the contact's
  // workspace, and a line typed into its composer and sent with Enter reaches journeyd as an
  // outbound message on the contact.
  void ChatLineReachesJourneyd(const std::string& contact_id) {
    PressKeys({"F6"});
    EXPECT_TRUE(WaitForLine(absl::StrCat("journeydesk: contact ", contact_id, " active"), absl::Seconds(20)));
    EXPECT_TRUE(WaitForLine(absl::StrCat("journeydesk: plugin workspace for ", contact_id), absl::Seconds(30)))
        << "the chat plugin draws the contact's workspace";
    PressKeysInFocusedWindow({"ctrl+l"});
    EXPECT_TRUE(XdoTool({"type", "--delay", "30", "Happy to help with that"}));
    PressKeysInFocusedWindow({"Return"});
    bool delivered = false;
    for (int attempt = 0; attempt < 50 && !delivered; ++attempt) {
      absl::SleepFor(absl::Milliseconds(200));
      v1::GetJourneyRequest request;
      request.set_customer_id("C-000003");
      request.set_page_size(50);
      v1::Journey journey;
      if (!Stub()->GetJourney(Context("agent").get(), request, &journey).ok()) continue;
      for (const v1::Touchpoint& tp : journey.timeline()) {
        delivered |= tp.kind() == "message_outbound" && tp.contact_id() == contact_id &&
                     tp.summary().find("Happy to help with that") != std::string::npos;
      }
    }
    EXPECT_TRUE(delivered) << "the agent's chat line reached journeyd as an outbound message";
  }
};

TEST_F(ContactFlowGuiTest, AnOfferPopsTheJourneyAndIsHandledFromTheKeyboardToTheWrapUp) {
  StartJourneyd({"--demo", "--demo-customers", "50"});
  const std::string customer = CustomerWithANextStep();
  const std::string contact_id = StartDeskAndRing(customer);

  // The screen pop: the journey is painted before the agent answers; per stage, the canvas
  // settles on exactly the touchpoints journeyd counts (the new call included).
  std::optional<std::string> shown = WaitForLine(absl::StrCat("journeydesk: showing ", customer), absl::Seconds(20));
  ASSERT_TRUE(shown.has_value()) << "the offer did not pop the customer's journey";
  std::map<std::string, int> expected;
  const v1::Journey journey = JourneyOf(customer);
  for (const v1::StageView& stage : journey.stages()) {
    if (stage.touchpoint_count() > 0) expected[stage.id()] = stage.touchpoint_count();
  }
  ASSERT_FALSE(expected.empty());
  std::string last_shown = *shown;
  auto settled = [&](const std::string& line) {
    std::map<std::string, int> painted = StageCounts(line);
    painted.erase("none");
    return painted == expected;
  };
  bool matched = settled(last_shown);
  while (!matched && (shown = WaitForLine(absl::StrCat("journeydesk: showing ", customer), absl::Seconds(10)))) {
    last_shown = *shown;
    matched = settled(last_shown);
  }
  EXPECT_TRUE(matched) << "painted per stage: " << last_shown;
  ScreenshotRoot("contact_1_offer_ringing.png");

  PressKeys({"F6"});
  ASSERT_TRUE(WaitForLine(absl::StrCat("journeydesk: contact ", contact_id, " active"), absl::Seconds(20)).has_value())
      << "F6 accepts the ringing offer";
  std::optional<std::string> steps = WaitForLine(absl::StrCat("journeydesk: next steps for ", customer), absl::Seconds(20));
  ASSERT_TRUE(steps.has_value());
  EXPECT_NE(steps->find(" reasons)"), std::string::npos) << *steps;

  PressKeys({"ctrl+e"});
  std::optional<std::string> evidence = WaitForLine("journeydesk: evidence highlighted:", absl::Seconds(10));
  ASSERT_TRUE(evidence.has_value()) << "Ctrl+E opens the reasons and highlights their evidence";
  EXPECT_EQ(evidence->find("highlighted: 0 "), std::string::npos) << *evidence;
  absl::SleepFor(absl::Milliseconds(400));
  ScreenshotRoot("contact_2_next_step_why.png");

  const int accepted_before = CountOnJourney(customer, "nba_accepted");
  PressKeys({"ctrl+y"});
  ASSERT_TRUE(WaitForLine("journeydesk: outcome accepted for", absl::Seconds(10)).has_value());
  ASSERT_TRUE(WaitForLine("journeydesk: new touchpoint nba_accepted", absl::Seconds(20)).has_value())
      << "the recorded outcome appears on the canvas";
  EXPECT_EQ(CountOnJourney(customer, "nba_accepted"), accepted_before + 1);
  const v1::Journey after = JourneyOf(customer);
  int outcomes = 0;
  for (const v1::Touchpoint& tp : after.timeline()) {
    if (tp.kind() != "nba_accepted" || tp.contact_id() != contact_id) continue;
    ++outcomes;
    EXPECT_EQ(tp.stage(), after.current_stage()) << "the outcome is filed in the stage the agent saw";
  }
  EXPECT_EQ(outcomes, 1);

  PressKeys({"ctrl+shift+w"});
  absl::SleepFor(absl::Milliseconds(800));  // the wrap-up dialog opens with the first code chosen
  ScreenshotRoot("contact_3_wrap_up_dialog.png");
  PressKeysInFocusedWindow({"ctrl+Return"});
  std::optional<std::string> wrapped = WaitForLine(absl::StrCat("journeydesk: wrapped up ", contact_id), absl::Seconds(20));
  ASSERT_TRUE(wrapped.has_value()) << "the wrap-up completes the contact";
  EXPECT_EQ(WaitForWrapUpsOnJourney(customer, contact_id, 1), 1);
  absl::SleepFor(absl::Milliseconds(400));
  const auto done = ScreenshotRoot("contact_4_wrapped_up.png");
  EXPECT_GT(Contrast(done), 0.05);
}

// Two offers ring: the second pops its journey, and the keys act on what the agent sees — F6
// takes the second, not the first. The first keeps ringing; Ctrl+I and Enter on it show its
// journey (the inbox's own list: arrow keys and Enter, no mouse).
TEST_F(ContactFlowGuiTest, WithTwoOffersRingingTheKeysActOnTheOneWhoseJourneyIsShown) {
  StartJourneyd({"--demo", "--demo-customers", "50"});
  StartDesk({"--server", Address(), "--token-file", WriteAgentToken().string(), "--available", "--no-plugins",
             "--data-file", (dir_ / "desk.db").string()});
  ASSERT_TRUE(WaitForLine("journeydesk: state available", absl::Seconds(30)).has_value());
  const std::string first = Enqueue("C-000001", "phone");
  ASSERT_TRUE(WaitForLine(absl::StrCat("journeydesk: showing C-000001"), absl::Seconds(20)).has_value());
  const std::string second = Enqueue("C-000002", "chat");
  ASSERT_TRUE(WaitForLine(absl::StrCat("journeydesk: offer ", second, " for C-000002"), absl::Seconds(20)).has_value())
      << "a second offer rings beside the first";
  ASSERT_TRUE(WaitForLine("journeydesk: showing C-000002", absl::Seconds(20)).has_value())
      << "the newest offer pops its journey";
  ScreenshotRoot("contact_0_two_offers.png");

  PressKeys({"F6"});
  std::optional<std::string> active = WaitForLine("journeydesk: contact ", absl::Seconds(20));
  while (active && active->find(" active") == std::string::npos) active = WaitForLine("journeydesk: contact ", absl::Seconds(20));
  ASSERT_TRUE(active.has_value());
  EXPECT_EQ(*active, absl::StrCat("journeydesk: contact ", second, " active"))
      << "F6 takes the offer whose journey is on screen, not " << first;

  PressKeys({"ctrl+i", "Home", "Return"});
  EXPECT_TRUE(WaitForLine("journeydesk: showing C-000001", absl::Seconds(20)).has_value())
      << "Enter on the offer still ringing shows its customer's journey";
}

TEST_F(ContactFlowGuiTest, AWrapUpMadeOfflineReachesJourneydOnceWhenItIsBack) {
  StartJourneyd({"--demo", "--demo-customers", "50"});
  const std::string customer = "C-000002";
  const std::string contact_id = StartDeskAndRing(customer);
  PressKeys({"F6"});
  ASSERT_TRUE(WaitForLine(absl::StrCat("journeydesk: contact ", contact_id, " active"), absl::Seconds(20)).has_value());

  StopJourneyd();
  ASSERT_TRUE(WaitForLine("journeydesk: contact stream lost", absl::Seconds(20)).has_value());
  PressKeys({"ctrl+shift+w"});
  absl::SleepFor(absl::Milliseconds(800));
  PressKeysInFocusedWindow({"ctrl+Return"});
  ASSERT_TRUE(WaitForLine(absl::StrCat("journeydesk: wrap-up of ", contact_id, " queued"), absl::Seconds(20)).has_value())
      << "offline, the wrap-up waits in the outbox";
  absl::SleepFor(absl::Milliseconds(400));
  ScreenshotRoot("offline_1_wrap_up_queued.png");

  RestartJourneydOnSamePort({"--demo", "--demo-customers", "50"});
  ASSERT_TRUE(WaitForLine(absl::StrCat("journeydesk: wrapped up ", contact_id), absl::Seconds(40)).has_value())
      << "the outbox drains when journeyd is back";
  EXPECT_EQ(WaitForWrapUpsOnJourney(customer, contact_id, 1), 1) << "exactly one wrap-up";
  absl::SleepFor(absl::Milliseconds(400));
  ScreenshotRoot("offline_2_wrap_up_delivered.png");
}

TEST_F(ContactFlowGuiTest, AChatContactGetsTheChatPluginsWorkspaceAndItsMessagesReachTheCustomer) {
  StartJourneyd({"--demo", "--demo-customers", "50"});
  ChatLineReachesJourneyd(StartDeskAndRing("C-000003", "chat"));
  ScreenshotRoot("plugin_chat_workspace.png");
}

// journeydesk carries its own (static) Protobuf and gRPC; a plugin loaded into its process
// links the shared libprotobuf. Both must work side by side: the chat plugin run in the
// desktop's process (kept in plugins.conf) does the same as in its own.
TEST_F(ContactFlowGuiTest, AChatPluginRunInTheDesktopsOwnProcessWorksTheSame) {
  StartJourneyd({"--demo", "--demo-customers", "50"});
  {
    std::ofstream settings(dir_ / "plugins.conf");
    settings << "run_mode chat in_process\n";
  }
  std::filesystem::permissions(dir_ / "plugins.conf", std::filesystem::perms::owner_read |
                                                          std::filesystem::perms::owner_write);
  const std::string contact_id = StartDeskAndRing("C-000003", "chat");
  ChatLineReachesJourneyd(contact_id);
  std::ifstream maps(absl::StrCat("/proc/", desk_->pid(), "/maps"));
  const std::string mapped((std::istreambuf_iterator<char>(maps)), std::istreambuf_iterator<char>());
  EXPECT_NE(mapped.find("libjd_chat_plugin.so"), std::string::npos) << "the chat plugin runs inside journeydesk";
}

}  // namespace
}  // namespace journeydesk::testing
