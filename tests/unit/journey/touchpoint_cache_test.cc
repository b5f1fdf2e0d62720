// The touchpoint cache keeps recently viewed customers in memory within a budget counted in
// touchpoints, evicting the least recently viewed first.
#include "journey/touchpoint_cache.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace journeydesk::journey {
namespace {

TouchpointCache::Entry Touchpoints(int n) {
  auto touchpoints = std::make_shared<std::vector<v1::Touchpoint>>(n);
  for (int i = 0; i < n; ++i) (*touchpoints)[i].set_id("T" + std::to_string(i));
  return touchpoints;
}

TEST(TouchpointCache, ReturnsWhatWasPutUntilInvalidated) {
  TouchpointCache cache(100);
  EXPECT_EQ(cache.Get("C-1"), nullptr);
  TouchpointCache::Entry entry = Touchpoints(3);
  cache.Put("C-1", entry);
  EXPECT_EQ(cache.Get("C-1"), entry) << "the same shared vector, not a copy";
  cache.Invalidate("C-1");
  EXPECT_EQ(cache.Get("C-1"), nullptr);
  EXPECT_EQ(cache.cached_touchpoints(), 0u);
}

TEST(TouchpointCache, EvictsLeastRecentlyUsedCustomersWhenTheTouchpointBudgetIsExceeded) {
  TouchpointCache cache(10);
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

TEST(TouchpointCache, ReplacingAnEntryRecountsItsSize) {
  TouchpointCache cache(10);
  cache.Put("A", Touchpoints(4));
  cache.Put("A", Touchpoints(6));
  EXPECT_EQ(cache.cached_touchpoints(), 6u);
  EXPECT_EQ(cache.Get("A")->size(), 6u);
}

TEST(TouchpointCache, CustomerLargerThanTheWholeBudgetIsNotCached) {
  TouchpointCache cache(10);
  cache.Put("A", Touchpoints(5));
  cache.Put("Huge", Touchpoints(11));
  EXPECT_EQ(cache.Get("Huge"), nullptr);
  EXPECT_NE(cache.Get("A"), nullptr) << "a refused entry evicts nobody";
}

TEST(TouchpointCache, EvictedEntryStaysValidForItsReader) {
  TouchpointCache cache(5);
  cache.Put("A", Touchpoints(5));
  TouchpointCache::Entry held = cache.Get("A");
  cache.Put("B", Touchpoints(5));
  EXPECT_EQ(cache.Get("A"), nullptr);
  EXPECT_EQ((*held)[4].id(), "T4");
}

TEST(TouchpointCache, LoadThatRacedWithAWriteIsNotCached) {
  TouchpointCache cache(100);
  const uint64_t epoch = cache.epoch();  // a reader starts loading C-1 from the store
  cache.Invalidate("C-1");               // meanwhile a touchpoint for C-1 is recorded
  cache.Put("C-1", Touchpoints(3), epoch);
  EXPECT_EQ(cache.Get("C-1"), nullptr) << "the loaded list may miss the new touchpoint";
  cache.Put("C-1", Touchpoints(3), cache.epoch());
  EXPECT_NE(cache.Get("C-1"), nullptr);
}

TEST(TouchpointCache, ClearEmptiesEverything) {
  TouchpointCache cache(100);
  cache.Put("A", Touchpoints(1));
  cache.Put("B", Touchpoints(2));
  cache.Clear();
  EXPECT_EQ(cache.Get("A"), nullptr);
  EXPECT_EQ(cache.cached_touchpoints(), 0u);
  EXPECT_EQ(cache.cached_customers(), 0u);
}

}  // namespace
}  // namespace journeydesk::journey
