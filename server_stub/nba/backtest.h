#pragma once
// Backtest: replay stored journeys under two rule sets and count how the top suggestion
// changes, by category, with the recorded acceptance rate per action from the outcome
// touchpoints. Pure: the caller reads the journeys (jdctl reads the database file).

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "nba/features.h"
#include "nba/rule_set.h"

namespace journeydesk::nba {

struct ActionOutcomeCounts {
  int offered = 0;
  int accepted = 0;
  int declined = 0;
  int completed = 0;
  // accepted / (accepted + declined); negative when nobody answered yet.
  double AcceptanceRate() const {
    return accepted + declined == 0 ? -1 : static_cast<double>(accepted) / (accepted + declined);
  }
};

struct BacktestReport {
  std::string baseline_version;
  std::string candidate_version;
  int customers = 0;
  int changed = 0;  // the top action differs
  // (baseline category, candidate category) → customers; "none" when nothing is suggested.
  std::map<std::pair<std::string, std::string>, int> transitions;
  std::map<std::string, ActionOutcomeCounts> outcomes;  // by action id
  std::vector<std::string> examples;  // "C-000001: retention_offer → recover_current_stage", at most 10
};

class Backtest {
 public:
  // Both rule sets must outlive the backtest.
  Backtest(const RuleSet& baseline, const RuleSet& candidate);
  // Replays one customer's journey under both rule sets.
  void Add(const NbaInput& input);
  const BacktestReport& report() const { return report_; }

 private:
  const RuleSet& baseline_;
  const RuleSet& candidate_;
  BacktestReport report_;
};

// The report as the table jdctl prints.
std::string FormatBacktestReport(const BacktestReport& report);

}  // namespace journeydesk::nba
