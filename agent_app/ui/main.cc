// journeydesk: the agent desktop.
//   journeydesk --server HOST:PORT --token-file FILE [--customer ID]
//               [--tls-ca FILE | --allow-insecure-remote]
//               [--screenshot PATH --exit-after-ms N] [--data-file FILE] [--available]
// Without --server/--token-file a sign-in dialog asks for them.
// --supervisor also opens the supervisor window (a supervisor or admin token):
//   [--supervisor-screenshot PATH] [--supervisor-action apply-advice]

#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <future>
#include <memory>
#include <optional>
#include <string>

#include <wx/app.h>
#include <wx/image.h>
#include <wx/imagpng.h>
#include <wx/msgdlg.h>

#include "CLI/CLI.hpp"
#include "core/desk_core.h"
#include "core/session.h"
#include "core/startup_trace.h"
#include "ui/agent_frame.h"
#include "ui/flat_header_renderer.h"
#include "ui/font_warmup.h"
#include "ui/login_dialog.h"
#include "ui/supervisor/supervisor_frame.h"

namespace {

struct CommandLine {
  std::string server;
  std::string token_file;
  std::string tls_ca;                 // PEM roots of journeyd's certificate: TLS
  bool allow_insecure_remote = false; // plain text to a non-loopback address
  std::string customer;
  std::string screenshot;
  std::string data_file;
  int exit_after_ms = 0;
  bool supervisor = false;            // open the supervisor window too
  std::string supervisor_screenshot;
  std::string supervisor_action;     // "apply-advice" (scripts, tests)
  bool available = false;
  bool no_plugins = false;
};

CommandLine g_command_line;
std::optional<journeydesk::agent::Session> g_session;  // from the command line
// Started on its own thread before the toolkit when the command line signs in: the local file
// opens and the first journey is on its way while GTK starts and the window is built. The
// main window takes it over (TakeCore waits for the construction, which is done long before).
std::future<std::unique_ptr<journeydesk::agent::DeskCore>> g_core;

std::unique_ptr<journeydesk::agent::DeskCore> TakeCore() { return g_core.valid() ? g_core.get() : nullptr; }

class JourneyDeskApp : public wxApp {
 public:
  // journeydesk's texts are English and laid out left to right. Saying so spares wx building
  // its table of every language on the first window (asked to find the locale's direction):
  // ~1.5 ms of the start and ~0.25 MB of heap (tests/bench/desktop_bench).
  wxLayoutDirection GetLayoutDirection() const override { return wxLayout_LeftToRight; }

  bool OnInit() override {
    using namespace journeydesk::agent::ui;
    journeydesk::agent::MarkStartup("toolkit-ready");
    // A failed wx assertion is logged, never a modal dialog that would hang a headless run.
    wxSetAssertHandler([](const wxString& file, int line, const wxString& func, const wxString& cond,
                          const wxString& msg) {
      std::fprintf(stderr, "journeydesk: wx assertion %s failed in %s (%s:%d): %s\n", cond.utf8_str().data(),
                   func.utf8_str().data(), file.utf8_str().data(), line, msg.utf8_str().data());
    });
    InstallFlatHeaderRenderer();
    // PNG is the only image format journeydesk reads or writes (its screenshots).
    wxImage::AddHandler(new wxPNGHandler);
    SetAppName("journeydesk");
    using journeydesk::agent::Session;
    Session session;
    if (g_session) {
      session = *g_session;
    } else {
      LoginDialog login(nullptr, wxString::FromUTF8(g_command_line.server),
                        wxString::FromUTF8(g_command_line.token_file), wxString::FromUTF8(g_command_line.tls_ca),
                        g_command_line.allow_insecure_remote);
      if (login.ShowModal() != wxID_OK) return false;
      session = login.session();
    }
    const Session signed_in = session;  // the supervisor window signs in with it too
    AgentFrameOptions options;
    options.session = std::move(session);
    options.customer_id = g_command_line.customer;
    options.screenshot_path = g_command_line.screenshot;
    options.exit_after_ms = g_command_line.exit_after_ms;
    options.store_path = g_command_line.data_file;
    options.available_at_start = g_command_line.available;
    options.plugins = !g_command_line.no_plugins;
    options.core = TakeCore();
    auto* frame = new AgentFrame(std::move(options));
    journeydesk::agent::MarkStartup("window-built");
    frame->Show();
    journeydesk::agent::MarkStartup("window-shown");
    if (g_command_line.supervisor) {
      supervisor_ui::OpenSupervisorWindow(frame, signed_in, {g_command_line.supervisor_screenshot,
                                                             g_command_line.supervisor_action});
    }
    return true;
  }
};

}  // namespace

wxIMPLEMENT_APP_NO_MAIN(JourneyDeskApp);

int main(int argc, char** argv) {
  journeydesk::agent::MarkStartup("main");
  // Two malloc arenas instead of glibc's eight per core: the desktop's ~15 threads (gRPC's,
  // the clients', the start-up helpers) mostly wait, and every arena a thread touched stays
  // resident — ~1 MB less with no measurable change in the start (tests/bench/desktop_bench,
  // --desk-env MALLOC_ARENA_MAX=2). Before any thread exists; MALLOC_ARENA_MAX still wins.
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr) mallopt(M_ARENA_MAX, 2);
  // Fonts load on their own thread while the core connects and the toolkit starts.
  journeydesk::agent::ui::FontWarmup font_warmup;
  CLI::App cli{"journeydesk — the JourneyDesk agent desktop"};
  cli.add_option("--server", g_command_line.server, "journeyd address, HOST:PORT");
  cli.add_option("--token-file", g_command_line.token_file, "file holding your bearer token (mode 0600)");
  cli.add_option("--tls-ca", g_command_line.tls_ca,
                 "PEM file of the CA that signed journeyd's certificate; turns TLS on");
  cli.add_flag("--allow-insecure-remote", g_command_line.allow_insecure_remote,
               "allow plain text to a non-loopback journeyd (only behind an encrypting proxy or tunnel)");
  cli.add_option("--customer", g_command_line.customer, "open this customer's journey at start");
  cli.add_option("--screenshot", g_command_line.screenshot, "save a PNG of the window once the journey is shown");
  cli.add_option("--exit-after-ms", g_command_line.exit_after_ms, "close by itself after this many milliseconds");
  cli.add_option("--data-file", g_command_line.data_file,
                 "the local cache and outbox (default: $XDG_DATA_HOME/journeydesk/journeydesk.db)");
  cli.add_flag("--no-plugins", g_command_line.no_plugins,
               "give every contact the generic workspace; load no channel plugin");
  cli.add_flag("--available", g_command_line.available,
               "go available for contacts as soon as the contact stream is up");
  cli.add_flag("--supervisor", g_command_line.supervisor,
               "open the supervisor window at start: queue board, agents, staffing advice");
  cli.add_option("--supervisor-screenshot", g_command_line.supervisor_screenshot,
                 "save a PNG of the supervisor window once it shows the board, agents and advice");
  cli.add_option("--supervisor-action", g_command_line.supervisor_action,
                 "apply-advice: apply the staffing advice once it names a move (as Ctrl+Shift+A)")
      ->check(CLI::IsMember({"apply-advice"}));
  CLI11_PARSE(cli, argc, argv);
  if (!g_command_line.server.empty() && !g_command_line.token_file.empty()) {
    auto session = journeydesk::agent::Session::Create(
        g_command_line.server, g_command_line.token_file,
        {.tls_ca_file = g_command_line.tls_ca, .allow_insecure_remote = g_command_line.allow_insecure_remote});
    if (!session.ok()) {
      std::fprintf(stderr, "journeydesk: %s\n", std::string(session.status().message()).c_str());
      return 2;
    }
    g_session = *std::move(session);
    journeydesk::agent::DeskCoreOptions core_options;
    core_options.session = *g_session;
    core_options.store_path = g_command_line.data_file;
    core_options.customer_id = g_command_line.customer;
    g_core = std::async(std::launch::async, [core_options = std::move(core_options)]() mutable {
      return std::make_unique<journeydesk::agent::DeskCore>(std::move(core_options));
    });
  }
  // journeydesk draws with cairo only; without this GTK probes OpenGL at start, which under
  // software GL (Xvfb, virtual desktops without a GPU) maps Mesa's llvmpipe: ~50 MB of
  // resident memory and a slower start for nothing (tests/bench/desktop_bench). A GDK_GL
  // already set wins.
  ::setenv("GDK_GL", "disable", 0);
  // wx gets only the program name: the options above are ours.
  int wx_argc = 1;
  char* wx_argv[] = {argv[0], nullptr};
  const int status = wxEntry(wx_argc, wx_argv);
  TakeCore().reset();  // if no window took it over
  return status;
}
