// The journey cache keeps recently viewed customers in memory within a budget counted in
// touchpoints, evicting the least recently viewed first, and follows every write.
#include "journey/journey_cache.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "journey/default_stage_map.h"

namespace journeydesk::journey {
namespace {

const StageResolver& Stages() {
  static const v1::StageMap* map = new v1::StageMap(*LoadDefaultStageMap());
  static const StageResolver* stages = new StageResolver(*map);
  return *stages;
}

std::vector<v1::Touchpoint> List(int n, int first = 0) {
  std::vector<v1::Touchpoint> touchpoints(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    touchpoints[static_cast<size_t>(i)].set_id("T" + std::to_string(first + i));
    touchpoints[static_cast<size_t>(i)].mutable_occurred_at()->set_seconds(1'700'000'000 + first + i);
  }
  return touchpoints;
}

JourneyCache::Entry Touchpoints(int n) {
  return std::make_shared<const CachedJourney>(std::make_shared<const v1::Customer>(),
                                               IndexedTouchpoints(List(n), Stages()), Stages().stage_count());
}

// What the service passes on a recorded touchpoint: the entry plus the new touchpoints.
std::function<JourneyCache::Entry(const CachedJourney&)> Adding(int n, int first) {
  return [n, first](const CachedJourney& cached) {
    return cached.With(cached.touchpoints().WithAdded(List(n, first), Stages()));
  };
}

TEST(JourneyCache, ReturnsWhatWasPutUntilInvalidated) {
  JourneyCache cache(100);
  EXPECT_EQ(cache.Get("C-1"), nullptr);
  JourneyCache::Entry entry = Touchpoints(3);
  cache.Put("C-1", entry);
  EXPECT_EQ(cache.Get("C-1"), entry) << "the same shared vector, not a copy";
  cache.Invalidate("C-1");
  EXPECT_EQ(cache.Get("C-1"), nullptr);
  EXPECT_EQ(cache.cached_touchpoints(), 0u);
}

TEST(JourneyCache, EvictsLeastRecentlyUsedCustomersWhenTheTouchpointBudgetIsExceeded) {
  JourneyCache cache(10);
  cache.Put("A", Touchpoints(4));
  cache.Put("B", Touchpoints(4));
  ASSERT_NE(cache.Get("A"), nullptr);  // A is now more recently used than B
  cache.Put("C", Touchpoints(4));      // 12 > 10: B goes
  EXPECT_EQ(cache.Get("B"), nullptr);
  EXPECT_NE(cache.Get("A"), nullptr);
  EXPECT_NE(cache.Get("C"), nullptr);
  EXPECT_EQ(cache.cached_touchpoints(), 8u);
  EXPECT_EQ(cache.cached_customers(), 2u);
}

TEST(JourneyCache, ReplacingAnEntryRecountsItsSize) {
  JourneyCache cache(10);
  cache.Put("A", Touchpoints(4));
  cache.Put("A", Touchpoints(6));
  EXPECT_EQ(cache.cached_touchpoints(), 6u);
  EXPECT_EQ(cache.Get("A")->touchpoints().size(), 6u);
}

TEST(JourneyCache, CustomerLargerThanTheWholeBudgetIsNotCached) {
  JourneyCache cache(10);
  cache.Put("A", Touchpoints(5));
  cache.Put("Huge", Touchpoints(11));
  EXPECT_EQ(cache.Get("Huge"), nullptr);
  EXPECT_NE(cache.Get("A"), nullptr) << "a refused entry evicts nobody";
}

TEST(JourneyCache, EvictedEntryStaysValidForItsReader) {
  JourneyCache cache(5);
  cache.Put("A", Touchpoints(5));
  JourneyCache::Entry held = cache.Get("A");
  cache.Put("B", Touchpoints(5));
  EXPECT_EQ(cache.Get("A"), nullptr);
  EXPECT_EQ(held->touchpoints().all()[4].touchpoint->id(), "T4");
}

TEST(JourneyCache, LoadThatRacedWithAWriteIsNotCached) {
  JourneyCache cache(100);
  const uint64_t epoch = cache.epoch();  // a reader starts loading C-1 from the store
  cache.Invalidate("C-1");               // meanwhile a touchpoint for C-1 is recorded
  cache.Put("C-1", Touchpoints(3), epoch);
  EXPECT_EQ(cache.Get("C-1"), nullptr) << "the loaded list may miss the new touchpoint";
  cache.Put("C-1", Touchpoints(3), cache.epoch());
  EXPECT_NE(cache.Get("C-1"), nullptr);
}

TEST(JourneyCache, RecordedTouchpointsExtendACachedCustomerInPlace) {
  JourneyCache cache(100);
  cache.Put("A", Touchpoints(3));
  cache.AddTouchpoints("A", Adding(2, 3));
  JourneyCache::Entry extended = cache.Get("A");
  ASSERT_NE(extended, nullptr) << "no reload from the store is needed";
  EXPECT_EQ(extended->touchpoints().size(), 5u);
  EXPECT_EQ(extended->touchpoints().all()[4].touchpoint->id(), "T4");
  EXPECT_EQ(cache.cached_touchpoints(), 5u);
}

TEST(JourneyCache, RecordedTouchpointsOfAnUncachedCustomerStillFailARacingLoad) {
  JourneyCache cache(100);
  const uint64_t epoch = cache.epoch();  // a reader starts loading A from the store
  cache.AddTouchpoints("A", Adding(1, 0));
  EXPECT_EQ(cache.Get("A"), nullptr);
  cache.Put("A", Touchpoints(3), epoch);
  EXPECT_EQ(cache.Get("A"), nullptr) << "the loaded list may miss the new touchpoint";
}

TEST(JourneyCache, ExtendingThatFailsDropsTheCustomer) {
  JourneyCache cache(100);
  cache.Put("A", Touchpoints(3));
  cache.AddTouchpoints("A", [](const CachedJourney&) { return JourneyCache::Entry(); });
  EXPECT_EQ(cache.Get("A"), nullptr);
  EXPECT_EQ(cache.cached_touchpoints(), 0u);
}

TEST(JourneyCache, AnEntryReplacedWhileBeingExtendedIsDroppedNotOverwritten) {
  JourneyCache cache(100);
  cache.Put("A", Touchpoints(3));
  cache.AddTouchpoints("A", [&](const CachedJourney& cached) {
    cache.Put("A", Touchpoints(7));  // another write's reload lands meanwhile
    return Adding(1, 3)(cached);
  });
  EXPECT_EQ(cache.Get("A"), nullptr);
  EXPECT_EQ(cache.cached_touchpoints(), 0u);
}

TEST(JourneyCache, ClearEmptiesEverything) {
  JourneyCache cache(100);
  cache.Put("A", Touchpoints(1));
  cache.Put("B", Touchpoints(2));
  cache.Clear();
  EXPECT_EQ(cache.Get("A"), nullptr);
  EXPECT_EQ(cache.cached_touchpoints(), 0u);
  EXPECT_EQ(cache.cached_customers(), 0u);
}

}  // namespace
}  // namespace journeydesk::journey
