#include "core/plugin_host/plugin_host_worker.h"

#include <utility>

namespace journeydesk::agent::plugins {

PluginHostWorker::PluginHostWorker() : thread_([this] { Run(); }) {}

PluginHostWorker::~PluginHostWorker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void PluginHostWorker::Post(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    tasks_.push_back(std::move(task));
  }
  wake_.notify_one();
}

void PluginHostWorker::Run() {
  while (true) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty()) return;
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    task();
  }
}

}  // namespace journeydesk::agent::plugins
