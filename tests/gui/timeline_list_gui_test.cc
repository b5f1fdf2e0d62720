// The timeline beside the canvas, in a real wx window on an Xvfb display of its own: the row
// the agent selected keeps showing the same touchpoint when new touchpoints arrive on top of
// the list (the rows move down under it), and stays where it is when a new model changes
// nothing. Skipped with the reason when Xvfb is not installed.
#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/frame.h>
#include <wx/uiaction.h>

#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "core/journey_map_view_model.h"
#include "core/proto_time.h"
#include "gtest/gtest.h"
#include "support/child_process.h"
#include "ui/timeline_list.h"

namespace journeydesk::agent::ui {
namespace {

using journeydesk::testing::ChildProcess;

constexpr long kSummaryColumn = 4;
const absl::Time kNow = absl::FromUnixSeconds(1'750'000'000);

class TimelineTestApp : public wxApp {
 public:
  bool OnInit() override { return true; }
};

// Xvfb on a free display and the toolkit started on it, once for every test here.
class WxOnXvfb : public ::testing::Environment {
 public:
  WxOnXvfb(int argc, char** argv) : argc_(argc), argv_(argv) {}

  static bool ready() { return ready_; }
  static const std::string& why_not() { return why_not_; }

  void SetUp() override {
    const std::string xvfb = JD_XVFB_PATH;
    if (xvfb.empty() || xvfb.find("NOTFOUND") != std::string::npos) {
      why_not_ = "Xvfb is not installed (apt-get install xvfb); the timeline list needs a display";
      return;
    }
    auto started = ChildProcess::Start({xvfb, "-displayfd", "1", "-screen", "0", "1280x900x24", "-nolisten", "tcp"});
    if (!started.ok()) {
      why_not_ = absl::StrCat("Xvfb did not start: ", started.status().message());
      return;
    }
    xvfb_ = std::make_unique<ChildProcess>(std::move(*started));
    std::optional<std::string> display = xvfb_->ReadLine(absl::Seconds(20));
    if (!display) {
      why_not_ = "Xvfb did not report its display";
      return;
    }
    ::setenv("DISPLAY", absl::StrCat(":", absl::StripAsciiWhitespace(*display)).c_str(), 1);
    ::setenv("GDK_BACKEND", "x11", 1);
    ::setenv("NO_AT_BRIDGE", "1", 1);
    wxApp::SetInstance(new TimelineTestApp);
    if (!wxEntryStart(argc_, argv_) || !wxTheApp->CallOnInit()) {
      why_not_ = "the toolkit did not start on the Xvfb display";
      return;
    }
    loop_ = std::make_unique<wxEventLoop>();
    wxEventLoopBase::SetActive(loop_.get());
    ready_ = true;
  }

  void TearDown() override {
    if (ready_) {
      wxEventLoopBase::SetActive(nullptr);
      loop_.reset();
      wxEntryCleanup();
    }
    xvfb_.reset();
  }

  // Lets the toolkit handle what is waiting (mapping, paints, input events) for `how_long`.
  static void Pump(absl::Duration how_long = absl::Milliseconds(150)) {
    const absl::Time until = absl::Now() + how_long;
    while (absl::Now() < until) {
      wxEventLoopBase::GetActive()->YieldFor(wxEVT_CATEGORY_ALL);
      absl::SleepFor(absl::Milliseconds(10));
    }
  }

 private:
  int argc_;
  char** argv_;
  std::unique_ptr<ChildProcess> xvfb_;
  std::unique_ptr<wxEventLoop> loop_;
  static inline bool ready_ = false;
  static inline std::string why_not_;
};

v1::Touchpoint Touchpoint(int number) {
  v1::Touchpoint tp;
  tp.set_id(absl::StrCat("t-", number));
  tp.set_customer_id("C-1");
  tp.set_channel(number % 2 ? "phone" : "email");
  tp.set_kind("call_inbound");
  tp.set_stage("support");
  tp.set_summary(absl::StrCat("touchpoint number ", number));
  *tp.mutable_occurred_at() = ToProto(kNow - absl::Hours(100 - number));  // higher numbers are newer
  return tp;
}

// C-1's journey with touchpoints 1..newest, newest first, as journeyd sends it.
std::shared_ptr<const v1::Journey> JourneyUpTo(int newest) {
  auto journey = std::make_shared<v1::Journey>();
  journey->mutable_customer()->set_id("C-1");
  journey->add_stages()->set_id("support");
  journey->set_current_stage("support");
  for (int number = newest; number >= 1; --number) *journey->add_timeline() = Touchpoint(number);
  return journey;
}

class TimelineListTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!WxOnXvfb::ready()) GTEST_SKIP() << WxOnXvfb::why_not();
    frame_ = new wxFrame(nullptr, wxID_ANY, "Timeline", wxPoint(0, 0), wxSize(900, 400));
    list_ = new TimelineList(frame_);
    list_->on_select = [this](int timeline_index) { chosen_.push_back(timeline_index); };
    frame_->Show();
    Show(JourneyUpTo(10));
    Pump();
  }

  void TearDown() override {
    if (frame_ != nullptr) frame_->Destroy();
    if (WxOnXvfb::ready()) Pump();
  }

  static void Pump() { WxOnXvfb::Pump(); }

  // What AgentFrame does with a journey: a model of it, handed to the list.
  void Show(std::shared_ptr<const v1::Journey> journey) {
    model_ = std::make_unique<JourneyMapViewModel>(JourneyMapViewModel::Build(std::move(journey), MapGeometry{}));
    list_->SetModel(model_.get());
  }

  // The agent clicks a row with the mouse (real pointer events through XTEST).
  void ClickRow(long row) {
    wxRect rect;
    ASSERT_TRUE(list_->GetItemRect(row, rect)) << "row " << row << " is not on screen";
    const wxPoint at = list_->ClientToScreen(wxPoint(rect.x + 40, rect.y + rect.height / 2));
    wxUIActionSimulator mouse;
    mouse.MouseMove(at);
    Pump();
    mouse.MouseClick();
    Pump();
  }

  std::vector<long> SelectedRows() const {
    std::vector<long> rows;
    for (long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); row >= 0;
         row = list_->GetNextItem(row, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED)) {
      rows.push_back(row);
    }
    return rows;
  }

  std::string SummaryShownIn(long row) const { return list_->GetItemText(row, kSummaryColumn).utf8_string(); }

  wxFrame* frame_ = nullptr;
  TimelineList* list_ = nullptr;
  std::unique_ptr<JourneyMapViewModel> model_;
  std::vector<int> chosen_;  // what on_select reported: the agent's choices
};

TEST_F(TimelineListTest, TheSelectedTouchpointStaysSelectedWhenNewOnesArriveOnTop) {
  ASSERT_EQ(list_->GetItemCount(), 10);
  ClickRow(3);
  ASSERT_EQ(SelectedRows(), std::vector<long>{3}) << "the agent's click selects the row";
  ASSERT_EQ(SummaryShownIn(3), "touchpoint number 7");
  ASSERT_EQ(chosen_, std::vector<int>{3}) << "the click tells the window which touchpoint";

  // Two touchpoints arrive, both newer: every row moves down by two.
  Show(JourneyUpTo(12));
  Pump();
  ASSERT_EQ(list_->GetItemCount(), 12);
  EXPECT_EQ(SummaryShownIn(0), "touchpoint number 12") << "the new ones are on top";
  const std::vector<long> selected = SelectedRows();
  ASSERT_EQ(selected.size(), 1u) << "one row stays selected";
  EXPECT_EQ(SummaryShownIn(selected[0]), "touchpoint number 7") << "the selected row still shows what the agent chose";
  EXPECT_EQ(selected[0], 5) << "two rows further down, under the new ones";
  EXPECT_EQ(list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_FOCUSED), 5) << "and keeps the keyboard focus";
  EXPECT_EQ(chosen_, std::vector<int>{3}) << "moving the selection is not a new choice of the agent";
}

TEST_F(TimelineListTest, TheSelectionStaysPutWhenANewModelChangesNothing) {
  ClickRow(4);
  ASSERT_EQ(SelectedRows(), std::vector<long>{4});
  ASSERT_EQ(SummaryShownIn(4), "touchpoint number 6");

  Show(JourneyUpTo(10));  // the same journey again (a reload that found nothing new)
  Pump();
  const std::vector<long> selected = SelectedRows();
  ASSERT_EQ(selected, std::vector<long>{4}) << "the same row, not moved";
  EXPECT_EQ(SummaryShownIn(selected[0]), "touchpoint number 6") << "showing the same touchpoint";
  EXPECT_EQ(chosen_, std::vector<int>{4}) << "no choice made for the agent";
}

}  // namespace
}  // namespace journeydesk::agent::ui

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new journeydesk::agent::ui::WxOnXvfb(argc, argv));
  return RUN_ALL_TESTS();
}
