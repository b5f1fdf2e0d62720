// A note or next-step outcome written while journeyd is away is on the journey at once,
// marked pending, and becomes journeyd's own touchpoint — one mark, not two — once the
// outbox has delivered it: first as a specification on a hand-made journey, then through the
// real outbox and a real journeyd stopped and started again.
#include "core/journey_on_screen.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "core/journey_client.h"
#include "core/journey_map_view_model.h"
#include "core/pending_touchpoints.h"
#include "core/proto_time.h"
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
  std::unique_ptr<JourneyClient> Connect(LocalStore* store) {
    auto client = std::make_unique<JourneyClient>(TestJourneyClientOptions(Address(), tokens_["agent"]), &queue_, store);
    client->Start();
    return client;
  }

  // What AgentFrame does with the core's notifications for the journey on screen.
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

  NotificationQueue queue_;
  JourneyOnScreen screen_;
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
  v1::RecordTouchpointsRequest note;
  v1::Touchpoint* tp = note.add_touchpoints();
  tp->set_customer_id("C-000001");
  tp->set_channel("phone");
  tp->set_kind("agent_note");
  tp->set_direction(v1::DIRECTION_INTERNAL);
  tp->set_summary("written while journeyd was away");
  *tp->mutable_occurred_at() = ToProto(absl::Now());
  ASSERT_TRUE(client->RecordTouchpoints(note).ok());
  v1::RecordActionOutcomeRequest outcome;
  outcome.set_customer_id("C-000001");
  outcome.set_action_id("fix_failed_payment");
  outcome.set_outcome(v1::ACTION_ACCEPTED);
  outcome.set_channel("phone");
  ASSERT_TRUE(client->RecordActionOutcome(outcome).ok());

  // At once, while journeyd is still away: both on the journey, marked pending.
  ASSERT_TRUE(RunUntil(*client, [&] { return screen_.pending_shown() == 2; }));
  auto model = JourneyMapViewModel::Build(screen_.shown(), MapGeometry{});
  std::vector<std::string> pending = PendingIds(model);
  ASSERT_EQ(pending.size(), 2u);
  EXPECT_EQ(model.journey().timeline_size(), before + 2);

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
}

}  // namespace
}  // namespace journeydesk::agent
