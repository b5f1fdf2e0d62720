// journeydesk from the keyboard alone, in the real window under Xvfb against a real journeyd
// with demo data: Ctrl+K finds a customer by surname and Enter opens their journey; F1 lists
// the window's shortcuts and Esc puts it away. Keys are real X key events (xdotool).
#include <algorithm>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gui_fixture.h"

namespace journeydesk::testing {
namespace {

class KeyboardGuiTest : public JourneydeskGuiTest {
 protected:
  void SetUp() override {
    if (std::string(JD_XDOTOOL_PATH).empty()) GTEST_SKIP() << "xdotool is not installed (apt-get install xdotool)";
    JourneydeskGuiTest::SetUp();
  }

  struct SearchCase {
    std::string customer_id;
    std::string surname;
    std::vector<std::string> matches;  // as journeyd ranks them for `surname`
  };

  std::vector<std::string> Search(const std::string& query) {
    v1::SearchCustomersRequest request;
    request.set_query(query);
    request.set_limit(20);  // as the desktop asks
    v1::SearchCustomersResponse response;
    grpc::Status status = Stub()->SearchCustomers(Context("agent").get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    std::vector<std::string> ids;
    for (const v1::CustomerMatch& match : response.matches()) ids.push_back(match.customer().id());
    return ids;
  }

  // A demo customer whose plain-letter surname matches others too, and who is not the first
  // match: choosing them takes the arrow keys as well as typing.
  SearchCase CustomerSharingASurname() {
    SearchCase fallback;
    for (int i = 1; i <= 50; ++i) {
      v1::GetCustomerRequest request;
      request.set_customer_id(absl::StrFormat("C-%06d", i));
      v1::Customer customer;
      if (!Stub()->GetCustomer(Context("agent").get(), request, &customer).ok()) continue;
      const std::vector<std::string> words = absl::StrSplit(customer.display_name(), ' ', absl::SkipEmpty());
      if (words.empty()) continue;
      const std::string& surname = words.back();
      if (surname.size() < 3 || !std::all_of(surname.begin(), surname.end(), [](char c) { return absl::ascii_isalpha(c); })) {
        continue;
      }
      SearchCase found{customer.id(), surname, Search(surname)};
      if (found.matches.size() > 1 && found.matches.front() != found.customer_id) return found;
      if (fallback.customer_id.empty() && !found.matches.empty()) fallback = found;
    }
    EXPECT_FALSE(fallback.customer_id.empty()) << "no demo customer is found by their surname";
    return fallback;
  }
};

TEST_F(KeyboardGuiTest, CtrlKFindsACustomerBySurnameAndEnterOpensTheirJourney) {
  StartJourneyd({"--demo", "--demo-customers", "50"});
  const SearchCase wanted = CustomerSharingASurname();
  ASSERT_FALSE(wanted.customer_id.empty());
  const auto position = std::find(wanted.matches.begin(), wanted.matches.end(), wanted.customer_id);
  ASSERT_NE(position, wanted.matches.end()) << wanted.surname << " does not find " << wanted.customer_id;
  StartDesk({"--server", Address(), "--token-file", WriteAgentToken().string(), "--no-plugins"});

  PressKeys({"ctrl+k"});
  ASSERT_TRUE(FocusWindow("^Find a customer$")) << "Ctrl+K opened no search";
  ASSERT_TRUE(XdoTool({"type", "--delay", "60", wanted.surname}));
  // The dialog lists what journeyd answers for the whole surname (earlier, shorter queries
  // may answer first).
  const std::string listed = absl::StrCat("journeydesk: search matched ", wanted.matches.size(), ": ",
                                          absl::StrJoin(wanted.matches, " "));
  std::optional<std::string> line;
  do {
    line = WaitForLine("journeydesk: search matched ", absl::Seconds(20));
  } while (line && *line != listed);
  ASSERT_TRUE(line.has_value()) << "the search for " << wanted.surname << " never listed " << listed;
  const auto downs = position - wanted.matches.begin();
  for (long i = 0; i < downs; ++i) PressKeysInFocusedWindow({"Down"});
  const auto search_png = ScreenshotRoot("keyboard_search_" + wanted.customer_id + ".png");
  EXPECT_GT(Contrast(search_png), 0.05) << "the screen is blank: " << search_png;
  PressKeysInFocusedWindow({"Return"});

  std::optional<std::string> shown = WaitForLine("journeydesk: showing " + wanted.customer_id, absl::Seconds(20));
  ASSERT_TRUE(shown.has_value()) << "Enter did not open " << wanted.customer_id << "'s journey (match "
                                 << downs + 1 << " of " << wanted.matches.size() << ")";
  EXPECT_TRUE(WindowGone("^Find a customer$")) << "the search stayed open after Enter";
  absl::SleepFor(absl::Milliseconds(300));
  const auto journey_png = ScreenshotRoot("keyboard_opened_" + wanted.customer_id + ".png");
  EXPECT_GT(Contrast(journey_png), 0.05) << "the screen is blank: " << journey_png;
}

TEST_F(KeyboardGuiTest, F1ListsTheShortcutsOfEveryActionAndEscClosesTheList) {
  StartJourneyd({"--demo", "--demo-customers", "10"});
  StartDesk({"--server", Address(), "--token-file", WriteAgentToken().string(), "--no-plugins"});

  PressKeys({"F1"});
  std::optional<std::string> listed = WaitForLine("journeydesk: shortcuts listed (", absl::Seconds(20));
  ASSERT_TRUE(listed.has_value()) << "F1 listed no shortcuts";
  ASSERT_TRUE(FocusWindow("^Keyboard shortcuts$")) << "F1 showed no list";
  const std::string rows = std::string(absl::StripPrefix(*listed, "journeydesk: shortcuts listed ("));
  const std::vector<std::string> listed_rows = absl::StrSplit(rows.substr(rows.find("): ") + 3), "; ");
  const std::set<std::string> got(listed_rows.begin(), listed_rows.end());
  // The actions of a live contact, each with its keys, as the menus define them.
  for (const std::string want : {"Ctrl+K Find customer…", "F3 Go available", "Shift+F3 Go away…", "F6 Accept offer",
                                  "F7 Decline offer", "F8 Hold / resume", "Ctrl+Return Send message",
                                  "Ctrl+Shift+T Transfer…", "Ctrl+Shift+N Add note…", "Ctrl+Shift+W Wrap up…",
                                  "Ctrl+Y Accept the next step", "Ctrl+Shift+Y Decline the next step…",
                                  "Ctrl+E Why? (reasons and evidence)", "Ctrl+M Journey map", "F1 Keyboard shortcuts"}) {
    EXPECT_TRUE(got.contains(want)) << "missing from the list: " << want << "\nlisted: " << *listed;
  }
  std::set<std::string> keys;
  for (const std::string& row : listed_rows) {
    const std::string key = row.substr(0, row.find(' '));
    EXPECT_TRUE(keys.insert(key).second) << key << " is listed for two actions: " << *listed;
  }
  const auto overlay_png = ScreenshotRoot("keyboard_shortcuts.png");
  EXPECT_GT(Contrast(overlay_png), 0.05) << "the screen is blank: " << overlay_png;

  PressKeysInFocusedWindow({"Escape"});
  EXPECT_TRUE(WindowGone("^Keyboard shortcuts$")) << "Esc left the list open";
  // The main window has the keys again: F1 brings the list back, and F1 puts it away.
  PressKeys({"F1"});
  ASSERT_TRUE(WaitForLine("journeydesk: shortcuts listed (", absl::Seconds(20)).has_value());
  ASSERT_TRUE(FocusWindow("^Keyboard shortcuts$"));
  PressKeysInFocusedWindow({"F1"});
  EXPECT_TRUE(WindowGone("^Keyboard shortcuts$")) << "F1 left the list open";
}

}  // namespace
}  // namespace journeydesk::testing
