// The desktop benchmark's baseline: a wxApp showing one empty wxFrame, the size of
// journeydesk's window. Prints `minimal_wx_frame: shown` on stdout once the frame has been
// painted and the event loop is idle — the point journeydesk reaches when it prints
// `journeydesk: showing …` — then runs until killed (or --exit-after-ms).
// With JOURNEYDESK_STARTUP_TRACE set it marks the same start-up phases journeydesk does
// (core/startup_trace.h), as `minimal_wx_frame: startup PHASE MS` lines.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include <wx/app.h>
#include <wx/dcclient.h>
#include <wx/frame.h>
#include <wx/timer.h>

namespace {

int g_exit_after_ms = 0;

void MarkStartup(const char* phase) {
  static const bool enabled = std::getenv("JOURNEYDESK_STARTUP_TRACE") != nullptr;
  if (!enabled) return;
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  std::printf("minimal_wx_frame: startup %s %.3f\n", phase,
              static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6);
  std::fflush(stdout);
}

class MinimalFrame : public wxFrame {
 public:
  MinimalFrame() : wxFrame(nullptr, wxID_ANY, "minimal wx frame", wxDefaultPosition, wxSize(1440, 860)) {
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) {
      wxPaintDC dc(this);
      painted_ = true;
    });
    Bind(wxEVT_IDLE, [this](wxIdleEvent& event) {
      event.Skip();
      if (!painted_ || announced_) return;
      announced_ = true;
      MarkStartup("window-painted");
      std::printf("minimal_wx_frame: shown\n");
      std::fflush(stdout);
    });
  }

 private:
  bool painted_ = false;
  bool announced_ = false;
};

class MinimalApp : public wxApp {
 public:
  bool OnInit() override {
    MarkStartup("toolkit-ready");
    auto* frame = new MinimalFrame();
    MarkStartup("window-built");
    frame->Show();
    MarkStartup("window-shown");
    if (g_exit_after_ms > 0) {
      exit_timer_.Bind(wxEVT_TIMER, [frame](wxTimerEvent&) { frame->Close(true); });
      exit_timer_.StartOnce(g_exit_after_ms);
    }
    return true;
  }

 private:
  wxTimer exit_timer_;
};

}  // namespace

wxIMPLEMENT_APP_NO_MAIN(MinimalApp);

int main(int argc, char** argv) {
  MarkStartup("main");
  if (argc == 3 && std::strcmp(argv[1], "--exit-after-ms") == 0) g_exit_after_ms = std::atoi(argv[2]);
  int wx_argc = 1;
  char* wx_argv[] = {argv[0], nullptr};
  return wxEntry(wx_argc, wx_argv);
}
