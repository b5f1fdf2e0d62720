// The desktop benchmark's baseline: a wxApp showing one empty wxFrame, the size of
// journeydesk's window. Prints `minimal_wx_frame: shown` on stdout once the frame has been
// painted and the event loop is idle — the point journeydesk reaches when it prints
// `journeydesk: showing …` — then runs until killed (or --exit-after-ms).
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <wx/app.h>
#include <wx/dcclient.h>
#include <wx/frame.h>
#include <wx/timer.h>

namespace {

int g_exit_after_ms = 0;

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
    auto* frame = new MinimalFrame();
    frame->Show();
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
  if (argc == 3 && std::strcmp(argv[1], "--exit-after-ms") == 0) g_exit_after_ms = std::atoi(argv[2]);
  int wx_argc = 1;
  char* wx_argv[] = {argv[0], nullptr};
  return wxEntry(wx_argc, wx_argv);
}
