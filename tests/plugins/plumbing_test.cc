// The pieces the desktop uses to keep plugin calls off the UI thread and bring their news
// back to it: PluginHostWorker runs calls in order on its own thread; PluginNotificationQueue
// wakes the UI once per batch.
#include <atomic>
#include <thread>

#include "core/plugin_host/plugin_host_worker.h"
#include "core/plugin_host/plugin_notification_queue.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace journeydesk::agent::plugins {
namespace {

TEST(PluginHostWorker, RunsPostedCallsInOrderOffTheCallersThread) {
  std::vector<int> order;
  std::thread::id ran_on;
  {
    PluginHostWorker worker;
    for (int i = 0; i < 100; ++i) {
      worker.Post([&order, &ran_on, i] {
        order.push_back(i);
        ran_on = std::this_thread::get_id();
      });
    }
  }  // the destructor runs what was posted, then joins
  ASSERT_EQ(order.size(), 100u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(order[i], i);
  EXPECT_NE(ran_on, std::this_thread::get_id());
}

TEST(PluginNotificationQueue, WakesTheUiOncePerBatchAndKeepsTheOrder) {
  PluginNotificationQueue queue;
  std::atomic<int> wakes{0};
  queue.SetWaker([&wakes] { ++wakes; });
  plugin::v1::WorkspaceView view;
  view.set_contact_id("K-1");
  queue.OnView("K-1", view);
  queue.OnNotice("K-1", "restarted");
  PluginStatus status;
  status.id = "email";
  queue.OnPluginStatus(status);
  EXPECT_EQ(wakes, 1);
  auto drained = queue.DrainAll();
  ASSERT_EQ(drained.size(), 3u);
  EXPECT_EQ(std::get<PluginViewChanged>(drained[0]).view.contact_id(), "K-1");
  EXPECT_EQ(std::get<PluginNotice>(drained[1]).text, "restarted");
  EXPECT_EQ(std::get<PluginStatusChanged>(drained[2]).status.id, "email");
  queue.OnNotice("K-1", "again");
  EXPECT_EQ(wakes, 2);
}

}  // namespace
}  // namespace journeydesk::agent::plugins
