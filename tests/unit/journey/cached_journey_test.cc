// A cached journey keeps the parts of the view that every "as of now" request shares; the
// bytes it serves, joined to the rest of the view, are the whole view.
#include "journey/cached_journey.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "google/protobuf/util/message_differencer.h"
#include "journey/default_stage_map.h"
#include "journey/journey_assembler.h"
#include "journey_fixtures.h"

namespace journeydesk::journey {
namespace {

using testing_support::kAsOf;
using testing_support::MakeAll;

class CachedJourneyTest : public ::testing::Test {
 protected:
  CachedJourneyTest() : map_(*LoadDefaultStageMap()), stages_(map_) {
    auto customer = std::make_shared<v1::Customer>();
    customer->set_id("C-0001");
    customer->set_display_name("Anna Jansen");
    cached_ = std::make_shared<const CachedJourney>(
        std::move(customer),
        IndexedTouchpoints(MakeAll({
                               {"t1", 30, "web", "page_view"},
                               {"t2", 20, "store", "purchase", v1::DIRECTION_INBOUND, v1::OUTCOME_UNSPECIFIED, 9},
                               {"t3", 10, "phone", "call_inbound", v1::DIRECTION_INBOUND, v1::OUTCOME_UNRESOLVED,
                                -1, -1, "No signal"},
                               {"t4", 5, "email", "complaint", v1::DIRECTION_INBOUND, v1::OUTCOME_UNSPECIFIED, -1,
                                -1, "Charged twice"},
                               {"t5", 1, "chat", "chat_inbound"},
                           }),
                           stages_),
        std::min(stages_.stage_count(), map_.stages_size()));
  }

  // The view as the RPC sends it: the as_of part, then the kept stages and first page.
  v1::Journey FromParts(int page_size) const {
    v1::Journey head;
    EXPECT_TRUE(AssembleJourneyInto(cached_->customer(), cached_->touchpoints().all(), &cached_->TalliesOfAll(),
                                    map_, stages_, kAsOf, page_size, "", &head,
                                    JourneyPart::kWithoutStagesAndPage)
                    .ok());
    EXPECT_EQ(head.stages_size(), 0);
    EXPECT_EQ(head.timeline_size(), 0);
    absl::StatusOr<std::shared_ptr<const std::string>> page =
        cached_->FirstPageBytes(page_size, map_, stages_, kAsOf);
    EXPECT_TRUE(page.ok()) << page.status();
    v1::Journey parsed;
    EXPECT_TRUE(parsed.ParseFromString(head.SerializeAsString() + **page));
    return parsed;
  }

  v1::StageMap map_;
  StageResolver stages_;
  std::shared_ptr<const CachedJourney> cached_;
};

TEST_F(CachedJourneyTest, KeptBytesJoinedToTheAsOfPartAreTheWholeView) {
  for (const int page_size : {0, 2, 5, 50}) {
    v1::Journey whole;
    ASSERT_TRUE(AssembleJourneyInto(cached_->customer(), cached_->touchpoints().all(), nullptr, map_, stages_, kAsOf,
                                    page_size, "", &whole)
                    .ok());
    const v1::Journey joined = FromParts(page_size);
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(joined, whole))
        << "page_size " << page_size << "\n" << joined.DebugString() << "\nvs\n" << whole.DebugString();
  }
}

TEST_F(CachedJourneyTest, TheBytesOfAPageSizeAreMadeOnceAndShared) {
  auto first = cached_->FirstPageBytes(2, map_, stages_, kAsOf);
  auto again = cached_->FirstPageBytes(2, map_, stages_, kAsOf + absl::Hours(5));
  ASSERT_TRUE(first.ok() && again.ok());
  EXPECT_EQ(*first, *again) << "later as_of, same touchpoints: the same bytes";
}

TEST_F(CachedJourneyTest, ABadPageSizeIsRefusedAsGetJourneyRefusesIt) {
  absl::StatusOr<std::shared_ptr<const std::string>> page = cached_->FirstPageBytes(501, map_, stages_, kAsOf);
  EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace journeydesk::journey
