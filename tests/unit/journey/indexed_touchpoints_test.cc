// A customer's indexed touchpoints answer every as_of exactly as indexing the list afresh
// would, and grow by recorded touchpoints without re-reading or double-counting any.
#include "journey/indexed_touchpoints.h"

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "google/protobuf/util/message_differencer.h"
#include "journey/default_stage_map.h"
#include "journey/journey_assembler.h"
#include "journey_fixtures.h"

namespace journeydesk::journey {
namespace {

using ::testing::ElementsAre;
using testing_support::DaysBefore;
using testing_support::kAsOf;
using testing_support::MakeAll;

std::vector<std::string> Ids(absl::Span<const StagedTouchpoint> staged) {
  std::vector<std::string> ids;
  for (const StagedTouchpoint& entry : staged) ids.push_back(entry.touchpoint->id());
  return ids;
}

class IndexedTouchpointsTest : public ::testing::Test {
 protected:
  IndexedTouchpointsTest() : map_(*LoadDefaultStageMap()), stages_(map_) {}

  // Out of order on purpose, with a tie in time broken by id, and one without a known stage.
  static std::vector<v1::Touchpoint> Journey() {
    return MakeAll({
        {"t3", 10, "phone", "call_inbound", v1::DIRECTION_INBOUND, v1::OUTCOME_UNRESOLVED},
        {"t1", 30, "web", "page_view"},
        {"t2b", 20, "store", "purchase"},
        {"t2a", 20, "email", "delivery_scheduled", v1::DIRECTION_OUTBOUND},
        {"t4", 5, "desk", "agent_note", v1::DIRECTION_INTERNAL},
        {"t5", -1, "chat", "chat_inbound"},  // after as_of
    });
  }

  v1::StageMap map_;
  StageResolver stages_;
};

TEST_F(IndexedTouchpointsTest, UpToIsWhatIndexingTheListAtThatTimeGives) {
  const std::vector<v1::Touchpoint> list = Journey();
  const IndexedTouchpoints indexed(Journey(), stages_);
  for (const absl::Time as_of : {DaysBefore(40), DaysBefore(20), DaysBefore(15), kAsOf,
                                 absl::InfiniteFuture()}) {
    const std::vector<StagedTouchpoint> fresh = IndexTouchpoints(list, stages_, as_of);
    const absl::Span<const StagedTouchpoint> cut = indexed.UpTo(as_of);
    ASSERT_EQ(Ids(cut), Ids(fresh)) << "as_of " << as_of;
    for (size_t i = 0; i < cut.size(); ++i) {
      EXPECT_EQ(cut[i].at_us, fresh[i].at_us);
      EXPECT_EQ(cut[i].stage, fresh[i].stage);
      EXPECT_EQ(cut[i].traits, fresh[i].traits);
    }
  }
  EXPECT_THAT(Ids(indexed.UpTo(DaysBefore(20))), ElementsAre("t1", "t2a", "t2b"))
      << "a touchpoint exactly at as_of is included";
}

TEST_F(IndexedTouchpointsTest, AddedTouchpointsTakeTheirPlaceInTimeAndTheOriginalStaysAsItWas) {
  const IndexedTouchpoints before(Journey(), stages_);
  const IndexedTouchpoints after = before.WithAdded(
      MakeAll({{"n2", 0.5, "phone", "call_inbound"}, {"n1", 25, "web", "page_view"}}), stages_);
  EXPECT_THAT(Ids(after.all()), ElementsAre("t1", "n1", "t2a", "t2b", "t3", "t4", "n2", "t5"));
  EXPECT_EQ(before.size(), 6u);
  EXPECT_THAT(Ids(before.all()), ElementsAre("t1", "t2a", "t2b", "t3", "t4", "t5"));
  EXPECT_EQ(after.all()[0].touchpoint, before.all()[0].touchpoint)
      << "touchpoints already held are shared, not copied";
}

TEST_F(IndexedTouchpointsTest, ATouchpointAlreadyHeldIsNotCountedTwice) {
  // A load that read the store just after the commit already holds what the write reports.
  const IndexedTouchpoints loaded(Journey(), stages_);
  const IndexedTouchpoints after =
      loaded.WithAdded(MakeAll({{"t3", 10, "phone", "call_inbound"}, {"n1", 1, "web", "page_view"}}), stages_);
  EXPECT_THAT(Ids(after.all()), ElementsAre("t1", "t2a", "t2b", "t3", "t4", "n1", "t5"));
}

TEST_F(IndexedTouchpointsTest, AfterManySmallAdditionsTheIndexAsksToBeRebuilt) {
  IndexedTouchpoints indexed(Journey(), stages_);
  for (size_t i = 1; i < IndexedTouchpoints::kMaxBlocks; ++i) {
    ASSERT_FALSE(indexed.ShouldRebuild()) << i << " blocks";
    indexed = indexed.WithAdded(MakeAll({{"n" + std::to_string(i), 0.5, "web", "page_view"}}), stages_);
  }
  EXPECT_TRUE(indexed.ShouldRebuild());
  EXPECT_EQ(indexed.size(), 6 + IndexedTouchpoints::kMaxBlocks - 1);
}

TEST_F(IndexedTouchpointsTest, TheJourneyAssembledFromTheIndexIsTheJourneyAssembledFromTheList) {
  v1::Customer customer;
  customer.set_id("C-0001");
  const IndexedTouchpoints indexed = IndexedTouchpoints(Journey(), stages_).WithAdded(
      MakeAll({{"n1", 2, "email", "complaint", v1::DIRECTION_INBOUND, v1::OUTCOME_UNSPECIFIED, -1, -1,
                "Charged twice"}}),
      stages_);
  std::vector<v1::Touchpoint> list = Journey();
  list.push_back(MakeAll({{"n1", 2, "email", "complaint", v1::DIRECTION_INBOUND, v1::OUTCOME_UNSPECIFIED,
                           -1, -1, "Charged twice"}})[0]);
  for (const int page_size : {0, 2}) {
    v1::Journey from_index;
    ASSERT_TRUE(AssembleJourneyInto(customer, indexed.UpTo(kAsOf), nullptr, map_, stages_, kAsOf, page_size,
                                    "", &from_index)
                    .ok());
    absl::StatusOr<v1::Journey> from_list =
        AssembleJourney(customer, list, map_, stages_, kAsOf, page_size, "");
    ASSERT_TRUE(from_list.ok());
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(from_index, *from_list))
        << from_index.DebugString() << "\nvs\n" << from_list->DebugString();
  }
}

}  // namespace
}  // namespace journeydesk::journey
