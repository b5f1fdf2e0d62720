#include "nba/backtest.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "nba/engine.h"

namespace journeydesk::nba {
namespace {

constexpr size_t kMaxExamples = 10;

std::string TopCategory(const v1::SuggestNextStepsResponse& response) {
  if (response.suggestions_size() == 0) return "none";
  return std::string(CategoryName(response.suggestions(0).category()));
}

std::string TopAction(const v1::SuggestNextStepsResponse& response) {
  if (response.suggestions_size() == 0) return "(none)";
  return response.suggestions(0).action_id();
}

}  // namespace

Backtest::Backtest(const RuleSet& baseline, const RuleSet& candidate)
    : baseline_(baseline), candidate_(candidate) {
  report_.baseline_version = baseline.version();
  report_.candidate_version = candidate.version();
}

void Backtest::Add(const NbaInput& input) {
  const JourneyFacts facts(input);
  SuggestOptions options;
  options.max_suggestions = 1;
  v1::SuggestNextStepsResponse before;
  v1::SuggestNextStepsResponse after;
  Suggest(baseline_, facts, options, &before);
  Suggest(candidate_, facts, options, &after);
  ++report_.customers;
  ++report_.transitions[{TopCategory(before), TopCategory(after)}];
  if (TopAction(before) != TopAction(after)) {
    ++report_.changed;
    if (report_.examples.size() < kMaxExamples) {
      report_.examples.push_back(
          absl::StrCat(input.customer.id(), ": ", TopAction(before), " → ", TopAction(after)));
    }
  }
  for (const OutcomeRecord& record : facts.outcomes()) {
    ActionOutcomeCounts& counts = report_.outcomes[std::string(record.action_id)];
    switch (record.outcome) {
      case v1::ACTION_OFFERED: ++counts.offered; break;
      case v1::ACTION_ACCEPTED: ++counts.accepted; break;
      case v1::ACTION_DECLINED: ++counts.declined; break;
      case v1::ACTION_COMPLETED: ++counts.completed; break;
      default: break;
    }
  }
}

std::string FormatBacktestReport(const BacktestReport& report) {
  std::string out = absl::StrFormat(
      "replayed %d customers: baseline rules %s, new rules %s\n"
      "top suggestion changed for %d of %d customers\n\n",
      report.customers, report.baseline_version, report.candidate_version, report.changed, report.customers);
  absl::StrAppend(&out, "top suggestion by category (baseline → new)\n");
  absl::StrAppend(&out, absl::StrFormat("%-18s %-18s %9s\n", "FROM", "TO", "CUSTOMERS"));
  for (const auto& [transition, count] : report.transitions) {
    absl::StrAppend(&out, absl::StrFormat("%-18s %-18s %9d%s\n", transition.first, transition.second, count,
                                          transition.first == transition.second ? "" : "  *"));
  }
  if (!report.examples.empty()) {
    absl::StrAppend(&out, "\nchanged, for example:\n");
    for (const std::string& example : report.examples) absl::StrAppend(&out, "  ", example, "\n");
  }
  absl::StrAppend(&out, "\nrecorded outcomes per action (acceptance = accepted / (accepted + declined))\n");
  if (report.outcomes.empty()) {
    absl::StrAppend(&out, "  no outcomes recorded yet (RecordActionOutcome stores them)\n");
    return out;
  }
  absl::StrAppend(&out, absl::StrFormat("%-28s %8s %9s %9s %10s %11s\n", "ACTION", "OFFERED", "ACCEPTED",
                                        "DECLINED", "COMPLETED", "ACCEPTANCE"));
  for (const auto& [action, counts] : report.outcomes) {
    const double rate = counts.AcceptanceRate();
    absl::StrAppend(&out, absl::StrFormat("%-28s %8d %9d %9d %10d %11s\n", action, counts.offered,
                                          counts.accepted, counts.declined, counts.completed,
                                          rate < 0 ? "-" : absl::StrFormat("%.0f%%", rate * 100)));
  }
  return out;
}

}  // namespace journeydesk::nba
