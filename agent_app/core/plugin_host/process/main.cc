// journeydesk-plugin-host: runs one channel plugin for the desktop, in its own process, so a
// crash or hang of the plugin cannot take the desktop down. Started by the desktop
// (OutOfProcessRunner) with a private Unix socket; it serves PluginProcess there until the
// desktop stops it or goes away (it dies with its parent).

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <atomic>
#include <iostream>
#include <thread>

#include "CLI/CLI.hpp"
#include "core/plugin_host/plugin_process_service.h"
#include "grpcpp/grpcpp.h"

namespace {

std::atomic<bool> g_stop{false};

void OnSignal(int) { g_stop = true; }

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"journeydesk-plugin-host: runs one JourneyDesk channel plugin for the desktop"};
  std::string socket_path;
  int parent_pid = 0;
  app.add_option("--socket", socket_path, "Unix socket to serve on")->required();
  app.add_option("--parent-pid", parent_pid, "exit when this process (the desktop) is gone");
  CLI11_PARSE(app, argc, argv);

  // Die with the desktop, even if it is killed.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (parent_pid > 0 && getppid() != parent_pid) return 0;
  signal(SIGTERM, OnSignal);
  signal(SIGINT, OnSignal);

  journeydesk::agent::plugins::PluginProcessService service;
  grpc::ServerBuilder builder;
  builder.AddListeningPort("unix:" + socket_path, grpc::InsecureServerCredentials());
  builder.SetMaxReceiveMessageSize(64 << 20);
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (!server) {
    std::cerr << "journeydesk-plugin-host: cannot serve on " << socket_path << "\n";
    return 2;
  }
  while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  server->Shutdown(std::chrono::system_clock::now() + std::chrono::milliseconds(200));
  return 0;
}
