#pragma once
// A next-best-action rules file (v1::NbaRules) checked and compiled for evaluation:
// names resolved to indices, texts parsed into templates. Immutable after Compile and
// shared (std::shared_ptr<const RuleSet>) so journeyd can swap rules while requests run.
//
// The rules of a usable file (the first broken one is reported, with its line):
//   - version is set; suggestion_ttl_minutes is 0 (30) to 10080;
//   - at least one action and one rule; ids [a-z0-9_]{1,64}, unique among actions and
//     among rules;
//   - an action has a category, a title, a value > 0, a lever >= 0 (0 means 1), valid
//     placeholders in its title and script, channel hints with channel and text, a contact policy of
//     non-negative numbers (max_offers needs per_days), propensity weights on known
//     features, and at least one rule that suggests it;
//   - a rule names an action of the file, has at least one condition, each condition sets
//     one test: a known signal, a known feature with a comparison, stage ids (of the stage
//     map, when one is given) or lifecycle states; lever >= 0; valid placeholders in reason.

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "journeydesk/v1/nba_rules.pb.h"
#include "journeydesk/v1/stage_map.pb.h"
#include "nba/features.h"
#include "nba/text_template.h"

namespace journeydesk::nba {

// Finds fields of the source file for error messages.
class SourceLocator {
 public:
  struct Step {
    const char* field;
    int index;  // -1 for a singular field
  };
  virtual ~SourceLocator() = default;
  // 1-based line of the innermost field of `path` that can be found; 0 when none can.
  virtual int Line(std::initializer_list<Step> path) const = 0;
};

// A locator that knows nothing (messages without line numbers).
class NoLocator final : public SourceLocator {
 public:
  int Line(std::initializer_list<Step>) const override { return 0; }
};

bool IsServiceCategory(v1::ActionCategory category);  // may be offered without profiling consent
bool IsSellingCategory(v1::ActionCategory category);  // retention, win back, upsell
std::string_view CategoryName(v1::ActionCategory category);  // "service_recovery", …

struct CompiledCondition {
  enum class Kind { kSignal, kNoSignal, kFeature, kStage, kLifecycle };
  Kind kind = Kind::kSignal;
  Signal signal = Signal::kOpenComplaint;
  Feature feature = Feature::kOpenIssues;
  v1::Comparison op = v1::COMPARISON_UNSPECIFIED;
  double value = 0;
  bool unknown_matches = false;
  std::vector<std::string> stages;
  uint32_t lifecycles = 0;  // bit per v1::LifecycleState
};

struct CompiledRule {
  std::string id;
  int action = 0;  // index into RuleSet::actions()
  std::vector<CompiledCondition> conditions;
  TextTemplate reason;  // empty: the texts of the rule's signals
  double lever = 1;
};

struct CompiledAction {
  const v1::ActionDefinition* definition = nullptr;  // points into the RuleSet's proto
  v1::ActionCategory category = v1::ACTION_CATEGORY_UNSPECIFIED;
  bool service = false;
  bool selling = false;
  double value = 0;
  double lever = 1;
  TextTemplate title;
  TextTemplate script;
  bool has_propensity = false;
  double intercept = 0;
  std::vector<std::pair<Feature, double>> weights;
  std::vector<int> rules;  // indices into RuleSet::rules(), file order
};

class RuleSet {
 public:
  // Checks `rules` (see above) and compiles them. Errors: INVALID_ARGUMENT
  // "<source_name>:<line>: <what is wrong and how to fix it>" (no line when unknown).
  static absl::StatusOr<std::shared_ptr<const RuleSet>> Compile(
      v1::NbaRules rules, std::string_view source_name, const SourceLocator& locator,
      const v1::StageMap* stage_map = nullptr);

  const v1::NbaRules& proto() const { return proto_; }
  const std::string& version() const { return proto_.version(); }
  const std::string& source_name() const { return source_name_; }
  const std::vector<CompiledAction>& actions() const { return actions_; }
  const std::vector<CompiledRule>& rules() const { return rules_; }
  int64_t suggestion_ttl_us() const { return suggestion_ttl_us_; }
  // Index of the action with this id, or -1.
  int ActionIndex(std::string_view action_id) const;

 private:
  RuleSet() = default;
  absl::Status Build(const SourceLocator& locator, const v1::StageMap* stage_map);

  v1::NbaRules proto_;
  std::string source_name_;
  std::vector<CompiledAction> actions_;
  std::vector<CompiledRule> rules_;
  int64_t suggestion_ttl_us_ = 0;
};

}  // namespace journeydesk::nba
