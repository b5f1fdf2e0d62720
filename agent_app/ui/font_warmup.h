#pragma once
// Loads fontconfig's configuration and the default sans-serif font list on a background
// thread while the core connects and the toolkit starts, so the window's first label does not
// pay for it on the main thread (journey painted 102–109 ms with it, 119 ms without, in
// alternating tests/bench/desktop_bench runs). fontconfig is thread-safe; if GTK asks before
// the thread is done it loads the configuration itself and one copy is dropped.
//
// Contract: the constructor starts the thread, the destructor joins it; nothing else is shared.
#include <thread>

namespace journeydesk::agent::ui {

class FontWarmup {
 public:
  FontWarmup();
  ~FontWarmup();
  FontWarmup(const FontWarmup&) = delete;
  FontWarmup& operator=(const FontWarmup&) = delete;

 private:
  std::thread thread_;
};

}  // namespace journeydesk::agent::ui
