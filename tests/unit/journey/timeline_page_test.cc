// The timeline is paged newest first; walking the pages with their tokens visits every
// touchpoint exactly once, even when many share a timestamp.
#include "journey/timeline_page.h"

#include <set>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "journey/journey_assembler.h"
#include "journey/stage_resolver.h"
#include "journey_fixtures.h"
#include "test_support.h"

namespace journeydesk::journey {
namespace {

using testing_support::kAsOf;
using testing_support::Make;
using testing_support::Message;

class TimelinePaging : public ::testing::Test {
 protected:
  TimelinePaging() : stages_(map_) {
    map_.set_name("One stage");
    auto* stage = map_.add_stages();
    stage->set_id("all");
    stage->set_name("All");
    stage->set_recovery_policy("Help.");
    customer_.set_id("C-0001");
  }

  absl::StatusOr<v1::Journey> Page(const std::vector<v1::Touchpoint>& touchpoints, int size,
                                   const std::string& token, absl::Time as_of = kAsOf) {
    return AssembleJourney(customer_, touchpoints, map_, stages_, as_of, size, token);
  }

  v1::StageMap map_;
  StageResolver stages_;
  v1::Customer customer_;
};

// 1,000 touchpoints, oldest first; five share each timestamp, so ties are broken by id.
std::vector<v1::Touchpoint> ManyTouchpoints() {
  std::vector<v1::Touchpoint> touchpoints;
  for (int i = 0; i < 1000; ++i) {
    touchpoints.push_back(
        Make({"id-" + std::to_string(1000 + i), 100.0 - (i / 5) * 0.25, "web", "page_view"}));
  }
  return touchpoints;
}

TEST_F(TimelinePaging, WalkingAllPagesVisitsEveryTouchpointOnceNewestFirst) {
  const std::vector<v1::Touchpoint> touchpoints = ManyTouchpoints();
  std::vector<std::string> seen;
  std::string token;
  int pages = 0;
  do {
    absl::StatusOr<v1::Journey> page = Page(touchpoints, 37, token);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const v1::Touchpoint& touchpoint : page->timeline()) seen.push_back(touchpoint.id());
    token = page->next_page_token();
    ++pages;
    ASSERT_LE(pages, 30) << "paging does not end";
  } while (!token.empty());

  EXPECT_EQ(pages, 28) << "1000 / 37 = 27 full pages and one of 1";
  ASSERT_EQ(seen.size(), 1000u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 1000u) << "no duplicates";
  // Newest first, ties by id descending: exactly the input reversed.
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(seen[i], touchpoints[999 - i].id()) << i;
}

TEST_F(TimelinePaging, DefaultPageIsFiftyAndTheLastPageHasNoToken) {
  const std::vector<v1::Touchpoint> touchpoints = ManyTouchpoints();
  absl::StatusOr<v1::Journey> page = Page(touchpoints, 0, "");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->timeline_size(), 50);
  EXPECT_FALSE(page->next_page_token().empty());

  page = Page(touchpoints, 500, "");
  ASSERT_TRUE(page.ok());
  page = Page(touchpoints, 500, page->next_page_token());
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->timeline_size(), 500);
  EXPECT_EQ(page->next_page_token(), "") << "exactly 1000: the second page is the last";
}

TEST_F(TimelinePaging, TouchpointsRecordedBetweenPagesDoNotShiftLaterPages) {
  std::vector<v1::Touchpoint> touchpoints = ManyTouchpoints();
  absl::StatusOr<v1::Journey> first = Page(touchpoints, 10, "");
  ASSERT_TRUE(first.ok());
  touchpoints.push_back(Make({"newer", 0.1, "chat", "chat_inbound"}));
  absl::StatusOr<v1::Journey> second = Page(touchpoints, 10, first->next_page_token());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->timeline(0).id(), touchpoints[989].id());
}

TEST_F(TimelinePaging, PageSizeAndTokenAreChecked) {
  const std::vector<v1::Touchpoint> touchpoints = ManyTouchpoints();
  EXPECT_EQ(Message(Page(touchpoints, 501, "")), "page_size: at most 500, got 501");
  EXPECT_EQ(Message(Page(touchpoints, -1, "")), "page_size: must not be negative, got -1");
  for (const std::string& bad : {std::string("%%%"), EncodePageToken(0, "") ,
                                 std::string("bm90LWEtdG9rZW4")}) {  // "not-a-token"
    absl::StatusOr<v1::Journey> page = Page(touchpoints, 10, bad);
    EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_THAT(Message(page), ::testing::StartsWith("page_token: ")) << bad;
  }
}

TEST(PageToken, RoundTripsIdsWithColons) {
  int64_t micros = 0;
  std::string id;
  ASSERT_TRUE(DecodePageToken(EncodePageToken(-5, "crm:42:a"), &micros, &id).ok());
  EXPECT_EQ(micros, -5);
  EXPECT_EQ(id, "crm:42:a");
}

}  // namespace
}  // namespace journeydesk::journey
