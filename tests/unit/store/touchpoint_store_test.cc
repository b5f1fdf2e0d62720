#include "store_test_fixture.h"

namespace journeydesk::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class TouchpointStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    Upsert(Customer("C-1", "Ada"));
  }
  std::vector<std::string> TimelineIds(std::optional<absl::Time> as_of = std::nullopt) {
    auto touchpoints = store_->ListTouchpoints("C-1", as_of);
    EXPECT_TRUE(touchpoints.ok()) << touchpoints.status();
    std::vector<std::string> ids;
    for (const auto& touchpoint : *touchpoints) ids.push_back(touchpoint.id());
    return ids;
  }
};

TEST_F(TouchpointStoreTest, RecordedTouchpointIsStoredWithRecordedAt) {
  TouchpointWrite write = ForCustomer("t1", "C-1", 1000);
  write.touchpoint.set_summary("asked about roaming");
  auto results = store_->RecordTouchpoints({write});
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->size(), 1u);
  EXPECT_EQ((*results)[0].id, "t1");
  EXPECT_FALSE((*results)[0].duplicate);
  EXPECT_EQ((*results)[0].customer_id, "C-1");
  EXPECT_EQ((*results)[0].stage, "support");

  auto stored = store_->ListTouchpoints("C-1", std::nullopt);
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ((*stored)[0].summary(), "asked about roaming");
  EXPECT_GT((*stored)[0].recorded_at().seconds(), 0);
  EXPECT_EQ(*store_->CountTouchpoints(), 1);
}

TEST_F(TouchpointStoreTest, ResendingAStoredIdIsFlaggedDuplicateAndChangesNothing) {
  TouchpointWrite original = ForCustomer("t1", "C-1", 1000);
  original.touchpoint.set_summary("first");
  ASSERT_TRUE(store_->RecordTouchpoints({original}).ok());
  auto before = store_->ListTouchpoints("C-1", std::nullopt);

  TouchpointWrite resent = ForCustomer("t1", "C-1", 2000);
  resent.touchpoint.set_summary("changed");
  auto results = store_->RecordTouchpoints({resent, ForCustomer("t2", "C-1", 3000)});

  ASSERT_TRUE(results.ok()) << results.status();
  EXPECT_TRUE((*results)[0].duplicate);
  EXPECT_EQ((*results)[0].customer_id, "C-1");
  EXPECT_FALSE((*results)[1].duplicate);
  auto after = store_->ListTouchpoints("C-1", std::nullopt);
  ASSERT_EQ(after->size(), 2u);
  EXPECT_EQ((*after)[0].SerializeAsString(), (*before)[0].SerializeAsString());
}

TEST_F(TouchpointStoreTest, UnknownCustomerRefusesTheWholeBatch) {
  auto results = store_->RecordTouchpoints(
      {ForCustomer("t1", "C-1", 1000), ForCustomer("t2", "C-ghost", 1000)});

  ASSERT_EQ(results.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(results.status().message()),
              ::testing::AllOf(HasSubstr("touchpoints[1].customer_id"), HasSubstr("C-ghost")));
  EXPECT_EQ(*store_->CountTouchpoints(), 0);
}

TEST_F(TouchpointStoreTest, AnUnknownAddressInARefusedBatchLeavesNoProspect) {
  auto results = store_->RecordTouchpoints(
      {FromAddress("t1", {Address::Kind::kEmail, "x@example.com"}, 1),
       ForCustomer("t2", "C-ghost", 1)});
  ASSERT_FALSE(results.ok());
  auto ids = store_->ListCustomerIds();
  EXPECT_THAT(*ids, ElementsAre("C-1"));
}

TEST_F(TouchpointStoreTest, TimelineIsOldestFirstWithTiesByIdAndCutAtAsOf) {
  ASSERT_TRUE(store_->RecordTouchpoints({ForCustomer("c", "C-1", 300), ForCustomer("b", "C-1", 100),
                                         ForCustomer("a", "C-1", 300), ForCustomer("d", "C-1", 200)})
                  .ok());
  EXPECT_THAT(TimelineIds(), ElementsAre("b", "d", "a", "c"));
  EXPECT_THAT(TimelineIds(absl::FromUnixSeconds(200)), ElementsAre("b", "d"));
  EXPECT_THAT(TimelineIds(absl::FromUnixSeconds(99)), ::testing::IsEmpty());
}

TEST_F(TouchpointStoreTest, AcknowledgedWritesSurviveReopening) {
  ASSERT_TRUE(store_->RecordTouchpoints({ForCustomer("t1", "C-1", 1)}).ok());
  store_.reset();
  store_ = OpenStore();
  EXPECT_THAT(TimelineIds(), ElementsAre("t1"));
}

TEST_F(TouchpointStoreTest, WriteWithoutCustomerOrAddressIsInvalid) {
  auto results = store_->RecordTouchpoints({ForCustomer("t1", "", 1)});
  EXPECT_EQ(results.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace journeydesk::store::testing
