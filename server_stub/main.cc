// journeyd — the JourneyDesk journey service.
// Flags, wiring, signals and graceful shutdown; everything else lives in the layers.
#include <csignal>
#include <cstdio>
#include <iostream>
#include <pthread.h>
#include <thread>

#include "CLI/CLI.hpp"
#include "api/journeyd_server.h"
#include "journey/default_stage_map.h"
#include "journey/stage_map_loader.h"
#include "routing/contact_center_config.h"
#include "nba/rules_loader.h"
#include "service/demo_seeder.h"
#include "store/sqlite_journey_store.h"
#include "spdlog/spdlog.h"

namespace {

struct Flags {
  std::string db_path;
  std::string listen = "127.0.0.1:50051";
  bool demo = false;
  int demo_customers = 2000;
  std::string stage_map_path;
  std::string contact_center_path;
  std::string nba_rules_path;
  std::string tls_cert;
  std::string tls_key;
  bool allow_insecure_remote = false;
  std::string log_level = "info";
};

void AddFlags(CLI::App& app, Flags& flags) {
  app.add_option("--db", flags.db_path, "SQLite database file (created if missing)")->required();
  app.add_option("--listen", flags.listen, "HOST:PORT to serve gRPC on (port 0 picks a free one)")
      ->capture_default_str();
  app.add_flag("--demo", flags.demo,
               "seed a deterministic demo population when the database has no customers");
  app.add_option("--demo-customers", flags.demo_customers, "customers in the demo population")
      ->capture_default_str()->check(CLI::Range(1, 1'000'000));
  app.add_option("--stage-map", flags.stage_map_path,
                 "stage map file (.textproto or .json); default: the built-in subscription map")
      ->check(CLI::ExistingFile);
  app.add_option("--nba-rules", flags.nba_rules_path,
                 "next-best-action rules file (.textproto or .json), reloaded on SIGHUP; "
                 "default: the built-in rules")
      ->check(CLI::ExistingFile);
  app.add_option("--contact-center", flags.contact_center_path,
                 "queues, service-level targets, offer timeout and wrap-up codes (.textproto or "
                 ".json); default: the built-in server_stub/config/contact_center/default.textproto")
      ->check(CLI::ExistingFile);
  app.add_option("--tls-cert", flags.tls_cert, "PEM certificate chain; turns TLS on with --tls-key")
      ->check(CLI::ExistingFile);
  app.add_option("--tls-key", flags.tls_key, "PEM private key for --tls-cert")->check(CLI::ExistingFile);
  app.add_flag("--allow-insecure-remote", flags.allow_insecure_remote,
               "allow plaintext on a non-loopback address (only behind an encrypting proxy)");
  app.add_option("--log-level", flags.log_level, "trace, debug, info, warn, error")
      ->capture_default_str();
}

absl::StatusOr<journeydesk::v1::StageMap> LoadStageMap(const std::string& path) {
  if (path.empty()) return journeydesk::journey::LoadDefaultStageMap();
  return journeydesk::journey::LoadStageMapFile(path);
}

absl::StatusOr<journeydesk::nba::RuleSetPtr> LoadNbaRules(const std::string& path,
                                                          const journeydesk::v1::StageMap& stage_map) {
  if (path.empty()) return journeydesk::nba::LoadDefaultRules(&stage_map);
  return journeydesk::nba::LoadRulesFile(path, &stage_map);
}

// SIGHUP: the rules file again. An invalid file leaves the running rules in place.
void ReloadNbaRules(const std::string& path, const journeydesk::v1::StageMap& stage_map,
                    journeydesk::service::NextStepService& next_steps) {
  const std::string running = next_steps.rules()->version();
  if (path.empty()) {
    spdlog::info("SIGHUP: no --nba-rules file; the built-in rules (version {}) stay", running);
    return;
  }
  absl::StatusOr<journeydesk::nba::RuleSetPtr> rules = journeydesk::nba::LoadRulesFile(path, &stage_map);
  if (!rules.ok()) {
    spdlog::error("SIGHUP: rules file refused, rules version {} keeps running: {}", running,
                  std::string(rules.status().message()));
    return;
  }
  spdlog::info("SIGHUP: rules reloaded from {}: version {} ({} actions, {} rules), was {}", path,
               (*rules)->version(), (*rules)->actions().size(), (*rules)->rules().size(), running);
  next_steps.ReplaceRules(std::move(*rules));
}

// Blocks the shutdown signals in every thread; one thread waits for them with sigwait.
sigset_t BlockShutdownSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

int Run(const Flags& flags) {
  spdlog::set_level(spdlog::level::from_str(flags.log_level));
  sigset_t signals = BlockShutdownSignals();

  absl::StatusOr<journeydesk::v1::StageMap> stage_map = LoadStageMap(flags.stage_map_path);
  if (!stage_map.ok()) {
    std::cerr << "journeyd: stage map refused: " << stage_map.status().message() << "\n";
    return 2;
  }
  absl::StatusOr<journeydesk::nba::RuleSetPtr> nba_rules = LoadNbaRules(flags.nba_rules_path, *stage_map);
  if (!nba_rules.ok()) {
    std::cerr << "journeyd: next-best-action rules refused: " << nba_rules.status().message() << "\n";
    return 2;
  }
  const journeydesk::v1::StageMap stage_map_for_reload = *stage_map;
  absl::StatusOr<journeydesk::v1::ContactCenterConfig> contact_center =
      flags.contact_center_path.empty()
          ? journeydesk::routing::LoadDefaultContactCenterConfig()
          : journeydesk::routing::LoadContactCenterConfigFile(flags.contact_center_path);
  if (!contact_center.ok()) {
    std::cerr << "journeyd: contact centre configuration refused: "
              << contact_center.status().message() << "\n";
    return 2;
  }
  journeydesk::api::ServerOptions options;
  options.contact_center = std::move(*contact_center);
  options.db_path = flags.db_path;
  options.listen = flags.listen;
  options.stage_map = std::move(*stage_map);
  options.nba_rules = std::move(*nba_rules);
  options.tls_cert_path = flags.tls_cert;
  options.tls_key_path = flags.tls_key;
  options.allow_insecure_remote = flags.allow_insecure_remote;
  auto server = journeydesk::api::JourneydServer::Start(std::move(options));
  if (!server.ok()) {
    std::cerr << "journeyd: " << server.status().message() << "\n";
    return 1;
  }
  if (flags.demo) {
    spdlog::info("seeding the demo population ({} customers)…", flags.demo_customers);
    auto report = journeydesk::service::SeedDemoData((*server)->core(), (*server)->store(),
                                                     flags.demo_customers, absl::Now());
    if (!report.ok()) {
      std::cerr << "journeyd: demo data could not be seeded: " << report.status().message() << "\n";
      return 1;
    }
    if (report->skipped) {
      spdlog::info("the database already has customers; demo data not added again");
    } else {
      spdlog::info("demo population ready: {} customers, {} touchpoints", report->customers,
                   report->touchpoints);
    }
  }
  // The one line scripts and tests wait for.
  std::printf("journeyd listening on %s:%d\n", flags.listen.substr(0, flags.listen.rfind(':')).c_str(),
              (*server)->port());
  std::fflush(stdout);

  std::thread signal_waiter([&signals, &server, &flags, &stage_map_for_reload] {
    while (true) {
      int signal_number = 0;
      sigwait(&signals, &signal_number);
      if (signal_number == SIGHUP) {
        ReloadNbaRules(flags.nba_rules_path, stage_map_for_reload, (*server)->next_steps());
        continue;
      }
      spdlog::info("{}: shutting down — closing streams, finishing calls in flight",
                   signal_number == SIGTERM ? "SIGTERM" : "SIGINT");
      (*server)->Shutdown();
      return;
    }
  });
  (*server)->Wait();
  signal_waiter.join();
  spdlog::info("journeyd stopped");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"journeyd — the JourneyDesk journey service: every touchpoint in, the bird's-eye journey out"};
  Flags flags;
  AddFlags(app, flags);
  CLI11_PARSE(app, argc, argv);
  return Run(flags);
}
