// plugin_bench: what a channel plugin costs per event. One event (an action) → the new
// workspace view, for a contact of --messages messages:
//   direct        the same plugin class called as plain C++ (no serialization) — baseline
//   in process    PluginHost::InvokeAction, plugin in the desktop's process (filter,
//                 serialize, C ABI, parse, render, serialize, parse, hand to the observer)
//   own process   PluginHost::InvokeAction, plugin in journeydesk-plugin-host over gRPC on
//                 a Unix socket
//   empty RPC     PluginProcess.Ping on a plugin host process — the transport's baseline
// Measured in the same run, interleaved call by call. See README.md.
#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "CLI/CLI.hpp"
#include "core/plugin_host/out_of_process_runner.h"
#include "core/plugin_host/plugin_host.h"
#include "core/plugin_host/plugin_manifest.h"
#include "latency_stats.h"
#include "plugin_bench_echo.h"

namespace {

using namespace journeydesk;
using namespace journeydesk::agent::plugins;
namespace pb = journeydesk::plugin::v1;
using Clock = std::chrono::steady_clock;

int64_t Nanos(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count();
}

class CountViews : public PluginHostObserver {
 public:
  void OnView(const std::string&, const pb::WorkspaceView&) override { ++views; }
  void OnNotice(const std::string&, const std::string& text) override { std::cerr << "notice: " << text << "\n"; }
  void OnPluginStatus(const PluginStatus&) override {}
  long views = 0;
};

pb::ContactAssigned MakeContact(int messages) {
  pb::ContactAssigned assigned;
  assigned.mutable_contact()->set_contact_id("K-1");
  assigned.mutable_contact()->set_channel("bench");
  assigned.mutable_contact()->set_subject("Refund for booking 42");
  for (int i = 0; i < messages; ++i) {
    pb::Message* message = assigned.mutable_contact()->add_messages();
    message->set_sender(i % 2 == 0 ? pb::SENDER_CUSTOMER : pb::SENDER_AGENT);
    message->set_text("A line of a conversation about a refund that has not arrived yet, number " + std::to_string(i));
    message->set_at_unix_ms(1700000000000 + i * 1000);
  }
  assigned.mutable_customer()->set_display_name("Ada Lovelace");
  assigned.mutable_customer()->set_email("ada@example.com");
  for (const char* code : {"resolved", "callback", "escalated"}) assigned.add_wrap_up_codes()->set_code(code);
  return assigned;
}

pb::ActionInvoked MakeAction() {
  pb::ActionInvoked action;
  action.set_contact_id("K-1");
  action.set_action_id("send");
  (*action.mutable_values())["body"] = "Your refund left today.";
  (*action.mutable_values())["wrap_up"] = "resolved";
  return action;
}

void Row(const char* name, const bench::LatencyStats& stats) {
  std::printf("  %-34s p50 %9.2f µs   p99 %9.2f µs   (%zu)\n", name, stats.p50_us, stats.p99_us, stats.samples);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"plugin_bench: event → view round trip of a channel plugin, in and out of process"};
  int iterations = 20000;
  int messages = 20;
  app.add_option("--iterations", iterations, "round trips per figure (own process: a fifth of them)");
  app.add_option("--messages", messages, "messages in the contact's transcript");
  CLI11_PARSE(app, argc, argv);

  const pb::ContactAssigned contact = MakeContact(messages);
  const pb::ActionInvoked action = MakeAction();

  // Direct C++: the plugin's own work, nothing else.
  bench::BenchEchoPlugin direct;
  {
    pb::HostEvent assign;
    *assign.mutable_contact_assigned() = contact;
    pb::PluginResponse response;
    direct.Handle(assign, response);
  }
  pb::HostEvent action_event;
  *action_event.mutable_action_invoked() = action;

  PluginHostOptions in_options;
  in_options.roots = {JD_BENCH_PLUGIN_ROOT};
  in_options.default_mode = RunMode::kInProcess;
  CountViews in_views;
  PluginHost in_process(in_options, nullptr, &in_views);
  in_process.Start();
  if (auto status = in_process.AssignContact(contact); !status.ok()) {
    std::cerr << "in process: " << status << "\n";
    return 1;
  }

  PluginHostOptions out_options = in_options;
  out_options.default_mode = RunMode::kOwnProcess;
  out_options.process.host_process_path = JD_HOST_PROCESS;
  CountViews out_views;
  PluginHost own_process(out_options, nullptr, &out_views);
  own_process.Start();
  if (auto status = own_process.AssignContact(contact); !status.ok()) {
    std::cerr << "own process: " << status << "\n";
    return 1;
  }
  // A second plugin host process of the same plugin, for the empty RPC baseline.
  auto manifest = ReadManifest(std::string(JD_BENCH_PLUGIN_ROOT) + "/bench-echo");
  if (!manifest.ok()) {
    std::cerr << manifest.status() << "\n";
    return 1;
  }
  std::string socket_dir = "/tmp/jd-plugin-bench-XXXXXX";
  if (mkdtemp(socket_dir.data()) == nullptr) {
    std::perror("mkdtemp");
    return 1;
  }
  OutOfProcessOptions process_options;
  process_options.host_process_path = JD_HOST_PROCESS;
  process_options.socket_dir = socket_dir;
  OutOfProcessRunner ping_runner(*manifest, "", process_options);
  if (auto status = ping_runner.Start(); !status.ok()) {
    std::cerr << "ping runner: " << status << "\n";
    return 1;
  }

  // Warm up every path.
  for (int i = 0; i < 200; ++i) {
    pb::PluginResponse response;
    direct.Handle(action_event, response);
    (void)in_process.InvokeAction(action);
    (void)own_process.InvokeAction(action);
    (void)ping_runner.Ping();
  }

  std::vector<int64_t> direct_ns, in_ns, out_ns, ping_ns;
  for (int i = 0; i < iterations; ++i) {
    auto start = Clock::now();
    pb::PluginResponse response;
    direct.Handle(action_event, response);
    direct_ns.push_back(Nanos(start));
    start = Clock::now();
    (void)in_process.InvokeAction(action);
    in_ns.push_back(Nanos(start));
  }
  const int remote = std::max(1, iterations / 5);
  for (int i = 0; i < remote; ++i) {
    auto start = Clock::now();
    (void)own_process.InvokeAction(action);
    out_ns.push_back(Nanos(start));
    start = Clock::now();
    (void)ping_runner.Ping();
    ping_ns.push_back(Nanos(start));
  }

  auto direct_stats = bench::Summarise(direct_ns);
  auto in_stats = bench::Summarise(in_ns);
  auto out_stats = bench::Summarise(out_ns);
  auto ping_stats = bench::Summarise(ping_ns);
  std::printf("plugin_bench: one action → view, contact of %d messages\n", messages);
  Row("direct C++ call (baseline)", direct_stats);
  Row("in process (host + C ABI)", in_stats);
  Row("own process (host + gRPC, unix)", out_stats);
  Row("empty unary RPC (baseline)", ping_stats);
  std::printf("\n  in process  / direct C++ : p50 %.2f×  p99 %.2f×\n", in_stats.p50_us / direct_stats.p50_us,
              in_stats.p99_us / direct_stats.p99_us);
  std::printf("  own process / empty RPC  : p50 %.2f×  p99 %.2f×\n", out_stats.p50_us / ping_stats.p50_us,
              out_stats.p99_us / ping_stats.p99_us);
  std::printf("  views delivered: %ld in process, %ld own process\n", in_views.views, out_views.views);
  ping_runner.Stop();
  rmdir(socket_dir.c_str());
  return 0;
}
