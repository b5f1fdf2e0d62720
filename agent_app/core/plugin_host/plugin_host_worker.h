#pragma once
// Runs PluginHost calls off the UI thread, one at a time, in the order posted (FileZilla's
// "commands in"): the UI posts a closure and returns at once; results come back through the
// PluginHostObserver / PluginHostRequests delegates, on this worker's thread — forward them
// to the UI's queue and drain it there with CallAfter.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace journeydesk::agent::plugins {

class PluginHostWorker {
 public:
  PluginHostWorker();
  // Runs what was posted before, then joins.
  ~PluginHostWorker();
  PluginHostWorker(const PluginHostWorker&) = delete;
  PluginHostWorker& operator=(const PluginHostWorker&) = delete;

  // Any thread. `task` runs on the worker thread; it must not throw.
  void Post(std::function<void()> task);

 private:
  void Run();
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace journeydesk::agent::plugins
