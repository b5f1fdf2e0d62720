// A note, next-step outcome or wrap-up written while journeyd is away is on the journey at
// once, marked pending, and becomes journeyd's own touchpoint — one mark, not two — once the
// outbox has delivered it: first as a specification on a hand-made journey, then through the
// real outbox and a real journeyd stopped and started again (and the desktop restarted in
// between, for a wrap-up).
#include "core/journey_on_screen.h"

#include <algorithm>
#include <ostream>

#include "absl/strings/str_cat.h"
#include "core/agent_note.h"
#include "core/contact_center_client.h"
#include "core/contact_inbox.h"
#include "core/journey_client.h"
#include "core/journey_map_view_model.h"
#include "core/pending_touchpoints.h"
#include "core/proto_time.h"
#include "grpcpp/create_channel.h"
#include "gtest/gtest.h"
#include "notification_wait.h"
#include "support/journeyd_fixture.h"
#include "test_client_options.h"

namespace journeydesk::agent {
namespace {

const absl::Time kNow = absl::FromUnixSeconds(1'750'000'000);

v1::Touchpoint Tp(const std::string& id, const std::string& kind, const std::string& stage, absl::Duration age) {
  v1::Touchpoint tp;
  tp.set_id(id);
  tp.set_customer_id("C-1");
  tp.set_channel("phone");
  tp.set_kind(kind);
  tp.set_stage(stage);
  *tp.mutable_occurred_at() = ToProto(kNow - age);
  return tp;
}

std::shared_ptr<const v1::Journey> JourneyOfTwo() {
  auto journey = std::make_shared<v1::Journey>();
  journey->mutable_customer()->set_id("C-1");
  for (const char* id : {"purchase", "support"}) journey->add_stages()->set_id(id);
  journey->set_current_stage("support");
  *journey->add_timeline() = Tp("t-call", "call_inbound", "support", absl::Hours(1));
  *journey->add_timeline() = Tp("t-buy", "purchase", "purchase", absl::Hours(30));
  return journey;
}

// The outbox as OutboxEntry rows: a note (no stage; journeyd derives it) and an accepted
// next step, queued a minute ago.
std::vector<OutboxEntry> WaitingNoteAndOutcome() {
  v1::RecordTouchpointsRequest note;
  v1::Touchpoint* tp = note.add_touchpoints();
  tp->set_id("desk-note-1");
  tp->set_customer_id("C-1");
  tp->set_channel("phone");
  tp->set_kind("agent_note");
  tp->set_summary("promised a callback");
  *tp->mutable_occurred_at() = ToProto(kNow - absl::Minutes(2));
  v1::RecordActionOutcomeRequest outcome;
  outcome.set_customer_id("C-1");
  outcome.set_action_id("fix_failed_payment");
  outcome.set_outcome(v1::ACTION_ACCEPTED);
  outcome.set_channel("phone");
  outcome.set_outcome_touchpoint_id("desk-outcome-1");
  return {OutboxEntry{1, kNow - absl::Minutes(2), note, 0}, OutboxEntry{2, kNow - absl::Minutes(1), outcome, 0}};
}

// The ids of the marks drawn as pending, sorted.
std::vector<std::string> PendingIds(const JourneyMapViewModel& model) {
  std::vector<std::string> ids;
  for (const Mark& mark : model.marks()) {
    if (mark.pending) ids.push_back(model.journey().timeline(mark.timeline_index).id());
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

int CountId(const v1::Journey& journey, const std::string& id) {
  int count = 0;
  for (const v1::Touchpoint& tp : journey.timeline()) count += tp.id() == id;
  return count;
}

// Where a touchpoint is drawn: the stage column's id ("" for "No stage") and the channel
// lane; pending or not. One per mark of that id.
struct Drawn {
  std::string stage;
  std::string channel;
  bool pending = false;
  bool operator==(const Drawn& other) const {
    return stage == other.stage && channel == other.channel && pending == other.pending;
  }
};

void PrintTo(const Drawn& drawn, std::ostream* os) {
  *os << "{stage \"" << drawn.stage << "\", lane " << drawn.channel << (drawn.pending ? ", pending}" : "}");
}

std::vector<Drawn> DrawnMarks(const JourneyMapViewModel& model, const std::string& id) {
  std::vector<Drawn> drawn;
  for (const Mark& mark : model.marks()) {
    if (model.journey().timeline(mark.timeline_index).id() != id) continue;
    drawn.push_back(Drawn{model.columns()[mark.column].stage_id, model.lanes()[mark.lane].channel, mark.pending});
  }
  return drawn;
}

// The agent stream's start as journeyd sends it: agent-7, one code, and the stage its
// stage map gives a wrap-up's touchpoint (absent: a journeyd that does not say).
v1::AgentStarted StartedWith(std::optional<std::string> completed_stage) {
  v1::AgentStarted started;
  started.mutable_agent()->set_agent_id("agent-7");
  v1::WrapUpCode* code = started.add_wrap_up_codes();
  code->set_code("resolved");
  code->set_outcome(v1::OUTCOME_RESOLVED);
  if (completed_stage) started.set_contact_completed_stage(*completed_stage);
  v1::Contact* contact = started.add_contacts();
  contact->set_contact_id("K-7");
  contact->set_customer_id("C-1");
  contact->set_channel("chat");
  contact->set_queue("chat");
  contact->set_agent_id("agent-7");
  contact->set_state(v1::CONTACT_ACTIVE);
  return started;
}

v1::CompleteContactRequest Resolved(const std::string& contact_id) {
  v1::CompleteContactRequest request;
  request.set_contact_id(contact_id);
  request.set_wrap_up_code("resolved");
  request.set_notes("router replaced");
  return request;
}

TEST(PendingTouchpointsTest, AWaitingNoteAndOutcomeBecomeTheTouchpointsJourneydWillRecord) {
  std::vector<v1::Touchpoint> pending = PendingTouchpoints(WaitingNoteAndOutcome());
  ASSERT_EQ(pending.size(), 2u);
  EXPECT_EQ(pending[0].id(), "desk-note-1");
  EXPECT_EQ(pending[0].summary(), "promised a callback");
  EXPECT_EQ(pending[1].id(), "desk-outcome-1") << "the id journeyd will store the outcome under";
  EXPECT_EQ(pending[1].kind(), "nba_accepted");
  EXPECT_EQ(pending[1].summary(), "accepted next step \"fix_failed_payment\"");
  EXPECT_EQ(FromProto(pending[1].occurred_at()), kNow - absl::Minutes(1)) << "when it was queued";
  EXPECT_TRUE(IsPendingTouchpoint(pending[0]) && IsPendingTouchpoint(pending[1]));
}

TEST(JourneyOnScreenTest, WaitingWritesAreDrawnPendingAndReplacedByJourneydsCopiesWithoutDoubles) {
  JourneyOnScreen screen;
  screen.SetJourney(JourneyOfTwo(), /*from_journeyd=*/true);
  screen.SetWaiting(PendingTouchpoints(WaitingNoteAndOutcome()));

  auto shown = screen.shown();
  ASSERT_EQ(shown->timeline_size(), 4);
  EXPECT_EQ(shown->timeline(0).id(), "desk-outcome-1") << "newest first";
  EXPECT_EQ(shown->timeline(1).id(), "desk-note-1");
  EXPECT_EQ(shown->timeline(1).stage(), "support") << "drawn in the current stage until journeyd places it";
  auto model = JourneyMapViewModel::Build(shown, MapGeometry{});
  EXPECT_EQ(PendingIds(model), (std::vector<std::string>{"desk-note-1", "desk-outcome-1"}));
  EXPECT_EQ(model.columns().size(), 2u) << "no \"No stage\" column for the note";
  EXPECT_EQ(screen.confirmed()->timeline_size(), 2) << "journeyd's journey is untouched";

  // journeyd is back: the outbox sends the note first; its copy has not arrived yet.
  std::vector<v1::Touchpoint> still = PendingTouchpoints(WaitingNoteAndOutcome());
  still.erase(still.begin());
  screen.SetWaiting(still);
  EXPECT_EQ(screen.shown()->timeline_size(), 4) << "sent, not yet seen: still drawn, no gap";
  // The watch brings journeyd's copy of the note (stage derived by journeyd).
  v1::Touchpoint note = Tp("desk-note-1", "agent_note", "support", absl::Minutes(2));
  EXPECT_TRUE(screen.AddArrived(note));
  EXPECT_FALSE(screen.AddArrived(note)) << "a second event for it changes nothing";
  model = JourneyMapViewModel::Build(screen.shown(), MapGeometry{});
  EXPECT_EQ(PendingIds(model), (std::vector<std::string>{"desk-outcome-1"}));
  EXPECT_EQ(CountId(model.journey(), "desk-note-1"), 1);

  // The outbox drains; the outcome's copy comes with the next load instead of the watch.
  screen.SetWaiting({});
  EXPECT_EQ(screen.pending_shown(), 1) << "sent, waiting for journeyd's copy";
  auto reloaded = std::make_shared<v1::Journey>(*screen.confirmed());
  *reloaded->add_timeline() = Tp("desk-outcome-1", "nba_accepted", "support", absl::Minutes(1));
  reloaded->mutable_timeline()->SwapElements(0, reloaded->timeline_size() - 1);
  screen.SetJourney(reloaded, true);
  model = JourneyMapViewModel::Build(screen.shown(), MapGeometry{});
  EXPECT_TRUE(PendingIds(model).empty());
  EXPECT_EQ(model.journey().timeline_size(), 4);
  EXPECT_EQ(CountId(model.journey(), "desk-outcome-1"), 1);
  EXPECT_EQ(screen.shown(), screen.confirmed()) << "nothing pending: journeyd's journey as it is, no copy";
}

TEST(WrapUpTouchpointTest, AWaitingWrapUpIsTheContactCompletedTouchpointJourneydWillRecord) {
  ContactInbox inbox;
  inbox.Start(StartedWith(""), kNow);
  WrapUpWrite wrap_up = inbox.WrapUpOf(Resolved("K-7"));
  EXPECT_EQ(wrap_up.request.contact_id(), "K-7");
  ASSERT_TRUE(wrap_up.touchpoint.has_value()) << "the inbox holds the contact, so it knows its customer";
  const v1::Touchpoint& tp = *wrap_up.touchpoint;
  EXPECT_EQ(tp.id(), "K-7.completed") << "the id journeyd records it under";
  EXPECT_EQ(tp.customer_id(), "C-1");
  EXPECT_EQ(tp.channel(), "chat");
  EXPECT_EQ(tp.kind(), "contact_completed");
  EXPECT_EQ(tp.outcome(), v1::OUTCOME_RESOLVED) << "the code's outcome";
  EXPECT_EQ(tp.summary(), "router replaced");
  EXPECT_EQ(tp.attributes().at("wrap_up_code"), "resolved");

  std::vector<v1::Touchpoint> pending = PendingTouchpoints({OutboxEntry{1, kNow - absl::Minutes(1), wrap_up, 0}});
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_TRUE(IsPendingTouchpoint(pending[0]));
  EXPECT_EQ(FromProto(pending[0].occurred_at()), kNow - absl::Minutes(1)) << "when it was queued";

  EXPECT_FALSE(inbox.WrapUpOf(Resolved("K-unknown")).touchpoint.has_value())
      << "a contact the desktop does not hold: sent, not drawn";
}

// A contact wrapped up while journeyd was away is done for the agent: the inbox knows its
// wrap-up waits (the row says so) until the outbox no longer holds it.
TEST(WaitingWrapUpTest, TheInboxKnowsWhichContactsWrapUpWaitsInTheOutbox) {
  ContactInbox inbox;
  inbox.Start(StartedWith(""), kNow);
  EXPECT_FALSE(inbox.WrapUpWaiting("K-7"));
  std::vector<v1::Touchpoint> waiting = PendingTouchpoints(WaitingNoteAndOutcome());
  for (v1::Touchpoint& tp : waiting) tp.set_contact_id("K-7");
  inbox.SetWaitingWrites(waiting);
  EXPECT_FALSE(inbox.WrapUpWaiting("K-7")) << "a note or an outcome for it is not its wrap-up";
  waiting.push_back(PendingTouchpoints({OutboxEntry{3, kNow, inbox.WrapUpOf(Resolved("K-7")), 0}}).at(0));
  inbox.SetWaitingWrites(waiting);
  EXPECT_TRUE(inbox.WrapUpWaiting("K-7"));
  inbox.SetWaitingWrites({});
  EXPECT_FALSE(inbox.WrapUpWaiting("K-7")) << "sent: journeyd has it";
}

TEST(JourneyOnScreenTest, AWaitingWrapUpIsDrawnInTheStageAndLaneJourneydWillRecordItIn) {
  for (const std::string& stage : {std::string(""), std::string("purchase")}) {
    SCOPED_TRACE("journeyd's stage for contact_completed: \"" + stage + "\"");
    ContactInbox inbox;
    inbox.Start(StartedWith(stage), kNow);
    JourneyOnScreen screen;
    screen.SetJourney(JourneyOfTwo(), true);
    const OutboxEntry waiting{1, kNow - absl::Minutes(1), inbox.WrapUpOf(Resolved("K-7")), 0};
    screen.SetWaiting(PendingTouchpoints({waiting}));
    auto model = JourneyMapViewModel::Build(screen.shown(), MapGeometry{});
    EXPECT_EQ(DrawnMarks(model, "K-7.completed"), (std::vector<Drawn>{{stage, "chat", true}}))
        << "not in the current stage (support): where journeyd's stage map puts it";

    // journeyd's copy arrives: the same place, one mark, no longer pending.
    screen.SetWaiting({});
    v1::Touchpoint recorded = Tp("K-7.completed", "contact_completed", stage, absl::Seconds(10));
    recorded.set_channel("chat");
    recorded.set_stage_derived(true);
    ASSERT_TRUE(screen.AddArrived(recorded));
    model = JourneyMapViewModel::Build(screen.shown(), MapGeometry{});
    EXPECT_EQ(DrawnMarks(model, "K-7.completed"), (std::vector<Drawn>{{stage, "chat", false}}));
  }
}

// journeyd files all of a contact's steps in the contact's stage (Contact.stage), whatever its
// stage map says for contact_completed: the waiting wrap-up is drawn there, and journeyd's copy
// lands on it.
TEST(JourneyOnScreenTest, AWaitingWrapUpIsDrawnInItsContactsStage) {
  v1::AgentStarted started = StartedWith("");
  started.mutable_contacts(0)->set_stage("purchase");
  ContactInbox inbox;
  inbox.Start(started, kNow);
  JourneyOnScreen screen;
  screen.SetJourney(JourneyOfTwo(), true);
  screen.SetWaiting(PendingTouchpoints({OutboxEntry{1, kNow, inbox.WrapUpOf(Resolved("K-7")), 0}}));
  auto model = JourneyMapViewModel::Build(screen.shown(), MapGeometry{});
  EXPECT_EQ(DrawnMarks(model, "K-7.completed"), (std::vector<Drawn>{{"purchase", "chat", true}}))
      << "the contact's stage, not the kind's (none) nor the current one (support)";

  screen.SetWaiting({});
  v1::Touchpoint recorded = Tp("K-7.completed", "contact_completed", "purchase", absl::Seconds(10));
  recorded.set_channel("chat");
  ASSERT_TRUE(screen.AddArrived(recorded));
  model = JourneyMapViewModel::Build(screen.shown(), MapGeometry{});
  EXPECT_EQ(DrawnMarks(model, "K-7.completed"), (std::vector<Drawn>{{"purchase", "chat", false}}));
}

TEST(JourneyOnScreenTest, AWaitingWrapUpWithoutJourneydsStageIsDrawnInTheCurrentStageLikeANote) {
  ContactInbox inbox;
  inbox.Start(StartedWith(std::nullopt), kNow);  // a journeyd that does not say
  JourneyOnScreen screen;
  screen.SetJourney(JourneyOfTwo(), true);
  screen.SetWaiting(PendingTouchpoints({OutboxEntry{1, kNow, inbox.WrapUpOf(Resolved("K-7")), 0}}));
  auto model = JourneyMapViewModel::Build(screen.shown(), MapGeometry{});
  EXPECT_EQ(DrawnMarks(model, "K-7.completed"), (std::vector<Drawn>{{"support", "chat", true}}));
}

TEST(JourneyOnScreenTest, OnlyTheCustomerOnScreenGetsPendingMarks) {
  JourneyOnScreen screen;
  screen.SetJourney(JourneyOfTwo(), true);
  std::vector<v1::Touchpoint> other = PendingTouchpoints(WaitingNoteAndOutcome());
  for (v1::Touchpoint& tp : other) tp.set_customer_id("C-2");
  screen.SetWaiting(other);
  EXPECT_EQ(screen.shown()->timeline_size(), 2);
  EXPECT_EQ(screen.pending_shown(), 0);
}

// --- through the real outbox and a real journeyd ---

class PendingWritesTest : public journeydesk::testing::JourneydTest {
 protected:
  std::unique_ptr<JourneyClient> Connect(LocalStore* store, std::shared_ptr<grpc::Channel> channel = nullptr) {
    JourneyClientOptions options = TestJourneyClientOptions(Address(), tokens_["agent"]);
    options.channel = std::move(channel);
    auto client = std::make_unique<JourneyClient>(options, &queue_, store);
    client->Start();
    return client;
  }

  std::unique_ptr<ContactCenterClient> ConnectContacts(std::shared_ptr<grpc::Channel> channel) {
    ContactCenterClientOptions options;
    options.channel = std::move(channel);
    options.token = tokens_["agent"];
    options.backoff = TestJourneyClientOptions(Address(), "").backoff;
    auto contacts = std::make_unique<ContactCenterClient>(options, &queue_);
    contacts->Start();
    return contacts;
  }

  // The agent goes available and accepts a phone contact of `customer_id`: its id.
  std::string TakeAContact(JourneyClient& client, ContactCenterClient& contacts, const std::string& customer_id) {
    EXPECT_TRUE(RunUntil(client, [&] { return !inbox_.agent().agent_id().empty(); })) << "the agent stream opens";
    contacts.SetAgentState(v1::AVAILABLE, "");
    EXPECT_TRUE(RunUntil(client, [&] { return inbox_.agent().state() == v1::AVAILABLE; }));
    v1::EnqueueContactRequest request;
    request.set_channel("phone");
    request.set_customer_id(customer_id);
    request.set_subject("My router keeps dropping the line");
    v1::EnqueueContactResponse response;
    auto center = v1::ContactCenter::NewStub(grpc::CreateChannel(Address(), grpc::InsecureChannelCredentials()));
    const grpc::Status status = center->EnqueueContact(Context("integration").get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    const std::string contact_id = response.contact_id();
    EXPECT_TRUE(RunUntil(client, [&] { return inbox_.FindOffer(contact_id) != nullptr; })) << "offered to the agent";
    contacts.Accept(contact_id);
    EXPECT_TRUE(RunUntil(client, [&] {
      const v1::Contact* contact = inbox_.FindContact(contact_id);
      return contact != nullptr && contact->state() == v1::CONTACT_ACTIVE;
    })) << "accepted";
    return contact_id;
  }

  // The wrap-up of one of the agent's contacts, as the wrap-up dialog queues it.
  absl::Status WrapUp(JourneyClient& client, const std::string& contact_id) {
    return client.CompleteContact(inbox_.WrapUpOf(Resolved(contact_id)));
  }

  // What AgentFrame does with the core's notifications for the journey and the inbox.
  void Apply(Notification& notification, JourneyClient& client) {
    if (auto* loaded = std::get_if<JourneyLoaded>(&notification)) {
      screen_.SetJourney(std::make_shared<const v1::Journey>(loaded->journey), !loaded->from_cache);
    } else if (auto* arrived = std::get_if<TouchpointArrived>(&notification)) {
      screen_.AddArrived(arrived->touchpoint);
    } else if (auto* outbox = std::get_if<OutboxChanged>(&notification)) {
      screen_.SetWaiting(outbox->waiting_touchpoints);
      last_pending_ = outbox->pending;
    } else if (auto* resumed = std::get_if<WatchResumed>(&notification)) {
      client.LoadJourney(resumed->customer_id);
    } else if (auto* started = std::get_if<AgentStreamStarted>(&notification)) {
      inbox_.Start(started->started, absl::Now());
    } else if (auto* status = std::get_if<AgentStatusChanged>(&notification)) {
      inbox_.SetAgentStatus(status->status);
    } else if (auto* offer = std::get_if<OfferArrived>(&notification)) {
      inbox_.AddOffer(offer->offer, offer->received_at);
    } else if (auto* contact = std::get_if<ContactChanged>(&notification)) {
      inbox_.UpdateContact(contact->contact);
    }
  }

  // Applies notifications until `done` holds or 20 s pass.
  bool RunUntil(JourneyClient& client, const std::function<bool()>& done) {
    const absl::Time deadline = absl::Now() + absl::Seconds(20);
    while (absl::Now() < deadline) {
      for (Notification& notification : queue_.DrainAll()) Apply(notification, client);
      if (done()) return true;
      absl::SleepFor(absl::Milliseconds(10));
    }
    return false;
  }

  // journeyd comes back on the same port: the outbox drains and journeyd's contact_completed
  // takes the place of the wrap-up drawn `pending` — exactly one mark, in the same stage and
  // lane, no longer pending.
  void ExpectJourneydsWrapUpReplaces(JourneyClient& client, const std::string& completed_id, const Drawn& pending) {
    RestartJourneydOnSamePort();
    ASSERT_TRUE(RunUntil(client, [&] {
      return last_pending_ == 0 && screen_.pending_shown() == 0 && screen_.confirmed() &&
             CountId(*screen_.confirmed(), completed_id) == 1;
    })) << "pending left on screen: " << screen_.pending_shown() << ", outbox: " << last_pending_;
    const auto model = JourneyMapViewModel::Build(screen_.shown(), MapGeometry{});
    EXPECT_EQ(DrawnMarks(model, completed_id), (std::vector<Drawn>{{pending.stage, pending.channel, false}}))
        << "exactly one wrap-up, in the stage and lane it was drawn in while pending";
  }

  NotificationQueue queue_;
  JourneyOnScreen screen_;
  ContactInbox inbox_;
  int last_pending_ = -1;
};

TEST_F(PendingWritesTest, AnOfflineNoteAndOutcomeShowAtOnceAndBecomeJourneydsOwnOnce) {
  StartJourneyd({"--demo", "--demo-customers", "5"});
  auto store = LocalStore::Open(dir_ / "desk" / "journeydesk.db");
  ASSERT_TRUE(store.ok()) << store.status();
  auto client = Connect(store->get());
  client->LoadJourney("C-000001");
  client->Watch("C-000001");
  ASSERT_TRUE(RunUntil(*client, [&] { return screen_.confirmed() != nullptr; }));
  const int before = screen_.confirmed()->timeline_size();

  StopJourneyd();
  ASSERT_TRUE(RunUntil(*client, [&] { return client->state() != ConnectionState::kConnected; }));
  // The note as the desktop writes it: filed in the stage the customer is in on screen.
  const std::string current_stage = screen_.confirmed()->current_stage();
  ASSERT_FALSE(current_stage.empty());
  v1::Contact contact;
  contact.set_customer_id("C-000001");
  contact.set_channel("phone");
  ASSERT_TRUE(client->RecordTouchpoints(AgentNoteRequest(contact, "written while journeyd was away", current_stage,
                                                         absl::Now()))
                  .ok());
  v1::RecordActionOutcomeRequest outcome;
  outcome.set_customer_id("C-000001");
  outcome.set_action_id("fix_failed_payment");
  outcome.set_outcome(v1::ACTION_ACCEPTED);
  outcome.set_channel("phone");
  outcome.set_stage(current_stage);  // as the desktop files it
  ASSERT_TRUE(client->RecordActionOutcome(outcome).ok());

  // At once, while journeyd is still away: both on the journey, marked pending.
  ASSERT_TRUE(RunUntil(*client, [&] { return screen_.pending_shown() == 2; }));
  auto model = JourneyMapViewModel::Build(screen_.shown(), MapGeometry{});
  std::vector<std::string> pending = PendingIds(model);
  ASSERT_EQ(pending.size(), 2u);
  EXPECT_EQ(model.journey().timeline_size(), before + 2);
  for (const v1::Touchpoint& tp : model.journey().timeline()) {
    if (std::find(pending.begin(), pending.end(), tp.id()) != pending.end()) {
      EXPECT_EQ(tp.stage(), current_stage) << tp.kind() << " drawn in the customer's current stage";
    }
  }

  // journeyd comes back on the same port: the outbox drains and journeyd's copies replace
  // the pending marks.
  RestartJourneydOnSamePort();
  ASSERT_TRUE(RunUntil(*client, [&] {
    if (last_pending_ != 0 || screen_.pending_shown() != 0 || !screen_.confirmed()) return false;
    for (const std::string& id : pending) {
      if (CountId(*screen_.confirmed(), id) != 1) return false;
    }
    return true;
  })) << "pending left on screen: " << screen_.pending_shown() << ", outbox: " << last_pending_;
  model = JourneyMapViewModel::Build(screen_.shown(), MapGeometry{});
  EXPECT_TRUE(PendingIds(model).empty());
  EXPECT_EQ(model.journey().timeline_size(), before + 2) << "each write drawn once";
  for (const std::string& id : pending) EXPECT_EQ(CountId(model.journey(), id), 1) << id;
  // The note and the outcome stay where their pending marks were: journeyd filed them in the
  // same stage.
  for (const v1::Touchpoint& tp : model.journey().timeline()) {
    if (std::find(pending.begin(), pending.end(), tp.id()) != pending.end()) {
      EXPECT_EQ(tp.stage(), current_stage) << tp.kind();
    }
  }
}

TEST_F(PendingWritesTest, AnOfflineWrapUpIsOnItsCustomersJourneyAtOnceAndBecomesJourneydsOwnOnce) {
  StartJourneyd({"--demo", "--demo-customers", "5"});
  auto store = LocalStore::Open(dir_ / "desk" / "journeydesk.db");
  ASSERT_TRUE(store.ok()) << store.status();
  auto channel = grpc::CreateChannel(Address(), grpc::InsecureChannelCredentials());
  auto client = Connect(store->get(), channel);
  auto contacts = ConnectContacts(channel);
  const std::string contact_id = TakeAContact(*client, *contacts, "C-000002");
  const std::string completed_id = contact_id + ".completed";
  EXPECT_EQ(inbox_.wrap_up_recording().stage, std::optional<std::string>(""))
      << "journeyd names the stage its stage map gives a wrap-up: none in the shipped map";
  client->LoadJourney("C-000002");
  client->Watch("C-000002");
  ASSERT_TRUE(RunUntil(*client, [&] { return screen_.confirmed() != nullptr; }));
  EXPECT_EQ(CountId(*screen_.confirmed(), completed_id), 0);

  StopJourneyd();
  ASSERT_TRUE(RunUntil(*client, [&] { return client->state() != ConnectionState::kConnected; }));
  ASSERT_TRUE(WrapUp(*client, contact_id).ok()) << "kept in the outbox";

  // At once, while journeyd is still away: on C-000002's journey, pending, in the phone lane.
  ASSERT_TRUE(RunUntil(*client, [&] { return screen_.pending_shown() == 1; }));
  auto model = JourneyMapViewModel::Build(screen_.shown(), MapGeometry{});
  const std::vector<Drawn> pending = DrawnMarks(model, completed_id);
  ASSERT_EQ(pending.size(), 1u) << "the wrap-up is drawn before journeyd has it";
  EXPECT_TRUE(pending[0].pending);
  EXPECT_EQ(pending[0].channel, "phone");

  ExpectJourneydsWrapUpReplaces(*client, completed_id, pending[0]);
  model = JourneyMapViewModel::Build(screen_.shown(), MapGeometry{});
  int completed = 0;
  for (const v1::Touchpoint& tp : model.journey().timeline()) {
    completed += tp.kind() == "contact_completed" && tp.contact_id() == contact_id;
  }
  EXPECT_EQ(completed, 1) << "one contact_completed for the contact on the journey";
}

TEST_F(PendingWritesTest, AnOfflineWrapUpLeftWaitingByTheLastRunShowsAtStartAndIsSentOnce) {
  StartJourneyd({"--demo", "--demo-customers", "5"});
  const std::filesystem::path file = dir_ / "desk" / "journeydesk.db";
  std::string contact_id;
  {
    auto store = LocalStore::Open(file);
    ASSERT_TRUE(store.ok()) << store.status();
    auto channel = grpc::CreateChannel(Address(), grpc::InsecureChannelCredentials());
    auto client = Connect(store->get(), channel);
    auto contacts = ConnectContacts(channel);
    contact_id = TakeAContact(*client, *contacts, "C-000003");
    client->LoadJourney("C-000003");  // viewed: kept in the local file for offline
    client->Watch("C-000003");
    ASSERT_TRUE(RunUntil(*client, [&] { return screen_.confirmed() != nullptr; }));
    StopJourneyd();
    ASSERT_TRUE(RunUntil(*client, [&] { return client->state() != ConnectionState::kConnected; }));
    ASSERT_TRUE(WrapUp(*client, contact_id).ok()) << "kept in the outbox";
    ASSERT_TRUE(RunUntil(*client, [&] { return last_pending_ == 1; }));
  }  // the desktop is closed with the wrap-up still waiting

  // It starts again, journeyd still away, knowing nothing of the contact: the wrap-up is on
  // C-000003's journey at once, from the outbox alone.
  queue_.DrainAll();
  screen_ = JourneyOnScreen();
  inbox_ = ContactInbox();
  last_pending_ = -1;
  auto store = LocalStore::Open(file);
  ASSERT_TRUE(store.ok()) << store.status();
  auto client = Connect(store->get());
  client->LoadJourney("C-000003");
  client->Watch("C-000003");
  const std::string completed_id = contact_id + ".completed";
  ASSERT_TRUE(RunUntil(*client, [&] { return screen_.pending_shown() == 1; }))
      << "the offline copy of the journey with the wrap-up left waiting";
  auto model = JourneyMapViewModel::Build(screen_.shown(), MapGeometry{});
  const std::vector<Drawn> pending = DrawnMarks(model, completed_id);
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_TRUE(pending[0].pending);
  EXPECT_EQ(pending[0].channel, "phone");

  ExpectJourneydsWrapUpReplaces(*client, completed_id, pending[0]);
}

}  // namespace
}  // namespace journeydesk::agent
