#include "jdctl/rules_commands.h"

#include <iostream>
#include <memory>
#include <string>

#include "absl/time/time.h"
#include "journey/default_stage_map.h"
#include "journey/stage_map_loader.h"
#include "journey/stage_resolver.h"
#include "nba/backtest.h"
#include "nba/rules_loader.h"
#include "store/sqlite_journey_store.h"

namespace journeydesk::jdctl {
namespace {

struct RulesFlags {
  std::string file;
  std::string rules;
  std::string baseline;
  std::string db_path;
  std::string stage_map;
  std::string as_of;
};

absl::StatusOr<v1::StageMap> LoadStageMap(const std::string& path) {
  if (path.empty()) return journey::LoadDefaultStageMap();
  return journey::LoadStageMapFile(path);
}

void CheckRules(const RulesFlags& flags, int& exit_code) {
  absl::StatusOr<v1::StageMap> map = LoadStageMap(flags.stage_map);
  if (!map.ok()) {
    std::cerr << "jdctl: stage map refused: " << map.status().message() << "\n";
    exit_code = 2;
    return;
  }
  absl::StatusOr<nba::RuleSetPtr> rules = nba::LoadRulesFile(flags.file, &*map);
  if (!rules.ok()) {
    std::cerr << rules.status().message() << "\n";
    exit_code = 1;
    return;
  }
  std::cout << flags.file << ": OK — version " << (*rules)->version() << ", " << (*rules)->actions().size()
            << " actions, " << (*rules)->rules().size() << " rules (checked against stage map \"" << map->name()
            << "\")\n";
}

void RunBacktest(const RulesFlags& flags, int& exit_code) {
  absl::StatusOr<v1::StageMap> map = LoadStageMap(flags.stage_map);
  if (!map.ok()) {
    std::cerr << "jdctl: stage map refused: " << map.status().message() << "\n";
    exit_code = 2;
    return;
  }
  absl::StatusOr<nba::RuleSetPtr> candidate = nba::LoadRulesFile(flags.rules, &*map);
  if (!candidate.ok()) {
    std::cerr << "jdctl: --rules refused: " << candidate.status().message() << "\n";
    exit_code = 2;
    return;
  }
  absl::StatusOr<nba::RuleSetPtr> baseline =
      flags.baseline.empty() ? nba::LoadDefaultRules(&*map) : nba::LoadRulesFile(flags.baseline, &*map);
  if (!baseline.ok()) {
    std::cerr << "jdctl: --baseline refused: " << baseline.status().message() << "\n";
    exit_code = 2;
    return;
  }
  absl::Time as_of = absl::Now();
  if (!flags.as_of.empty()) {
    std::string error;
    if (!absl::ParseTime(absl::RFC3339_full, flags.as_of, &as_of, &error)) {
      std::cerr << "jdctl: --as-of: not an RFC 3339 time (e.g. 2026-03-01T12:00:00Z): " << error << "\n";
      exit_code = 2;
      return;
    }
  }
  auto store = store::SqliteJourneyStore::Open(flags.db_path);
  if (!store.ok()) {
    std::cerr << "jdctl: cannot open " << flags.db_path << ": " << store.status().message() << "\n";
    exit_code = 1;
    return;
  }
  absl::StatusOr<std::vector<std::string>> ids = (*store)->ListCustomerIds();
  if (!ids.ok()) {
    std::cerr << "jdctl: " << ids.status().message() << "\n";
    exit_code = 1;
    return;
  }
  const journey::StageResolver stages(*map);
  nba::Backtest backtest(**baseline, **candidate);
  for (const std::string& id : *ids) {
    absl::StatusOr<v1::Customer> customer = (*store)->GetCustomer(id);
    if (absl::IsNotFound(customer.status())) continue;  // erased meanwhile
    if (!customer.ok()) {
      std::cerr << "jdctl: " << customer.status().message() << "\n";
      exit_code = 1;
      return;
    }
    absl::StatusOr<std::vector<v1::Touchpoint>> touchpoints = (*store)->ListTouchpoints(id, as_of);
    if (!touchpoints.ok()) {
      std::cerr << "jdctl: " << touchpoints.status().message() << "\n";
      exit_code = 1;
      return;
    }
    backtest.Add(nba::NbaInput{*customer, *touchpoints, *map, stages, as_of});
  }
  std::cout << nba::FormatBacktestReport(backtest.report());
}

}  // namespace

void AddRulesCommands(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<RulesFlags>();
  CLI::App* rules = app.add_subcommand("rules", "check next-best-action rules files and backtest them");
  rules->require_subcommand(1);

  CLI::App* check = rules->add_subcommand("check", "check a rules file; errors as FILE:LINE: reason");
  check->add_option("file", flags->file, "rules file (.textproto or .json)")->required();
  check->add_option("--stage-map", flags->stage_map, "stage map the rules run with (default: built in)");
  check->callback([flags, &exit_code] { CheckRules(*flags, exit_code); });

  CLI::App* backtest = rules->add_subcommand(
      "backtest", "replay every stored journey under new and baseline rules; compare the top suggestions");
  backtest->add_option("--rules", flags->rules, "the new rules file")->required();
  backtest->add_option("--baseline", flags->baseline, "the rules to compare with (default: built in)");
  backtest->add_option("--db", flags->db_path, "journeyd's database file (only read; journeyd may keep running)")->required();
  backtest->add_option("--stage-map", flags->stage_map, "stage map journeyd runs with (default: built in)");
  backtest->add_option("--as-of", flags->as_of, "replay as of this RFC 3339 time (default: now)");
  backtest->callback([flags, &exit_code] { RunBacktest(*flags, exit_code); });
}

}  // namespace journeydesk::jdctl
