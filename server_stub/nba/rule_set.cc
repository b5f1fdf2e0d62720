#include "nba/rule_set.h"

#include <cmath>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/absl_string_view.h"

namespace journeydesk::nba {
namespace {

constexpr int kDefaultTtlMinutes = 30;
constexpr int kMaxTtlMinutes = 7 * 24 * 60;

bool IsLowerIdentifier(std::string_view value) {
  if (value.empty() || value.size() > 64) return false;
  for (char c : value) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

int First(int line, int fallback) { return line > 0 ? line : fallback; }

bool IsFiniteNonNegative(double value) { return std::isfinite(value) && value >= 0; }

std::string KnownSignals() {
  std::vector<std::string_view> codes;
  for (int i = 0; i < kSignalCount; ++i) codes.push_back(SignalCode(static_cast<Signal>(i)));
  return absl::StrJoin(codes, ", ", [](std::string* out, std::string_view s) { out->append(s); });
}

std::string KnownFeatures() {
  std::vector<std::string_view> names;
  for (int i = 0; i < kFeatureCount; ++i) names.push_back(FeatureName(static_cast<Feature>(i)));
  return absl::StrJoin(names, ", ", [](std::string* out, std::string_view s) { out->append(s); });
}

// Builds "<source>:<line>: <message>" errors.
class Errors {
 public:
  explicit Errors(std::string_view source) : source_(source) {}
  absl::Status At(int line, std::string_view message) const {
    if (line > 0) {
      return absl::InvalidArgumentError(absl::StrCat(ToAbsl(source_), ":", line, ": ", ToAbsl(message)));
    }
    return absl::InvalidArgumentError(absl::StrCat(ToAbsl(source_), ": ", ToAbsl(message)));
  }

 private:
  std::string_view source_;
};

absl::Status CheckPolicy(const v1::ContactPolicy& policy, std::string_view owner, int line,
                         const Errors& errors) {
  if (policy.max_offers() < 0 || policy.per_days() < 0 || policy.cooldown_hours() < 0 ||
      policy.decline_suppression_days() < 0 || policy.handled_suppression_days() < 0) {
    return errors.At(line, absl::StrCat(ToAbsl(owner), ": contact policy numbers must not be negative"));
  }
  if (policy.max_offers() > 0 && policy.per_days() == 0) {
    return errors.At(line, absl::StrCat(ToAbsl(owner), ": max_offers needs per_days (at most N offers within D days)"));
  }
  return absl::OkStatus();
}

}  // namespace

bool IsServiceCategory(v1::ActionCategory category) {
  switch (category) {
    case v1::SERVICE_RECOVERY:
    case v1::EFFORT_REDUCTION:
    case v1::CLOSE_THE_LOOP:
    case v1::PAYMENT:
    case v1::ONBOARDING:
    case v1::INFORMATION:
      return true;
    default:
      return false;
  }
}

bool IsSellingCategory(v1::ActionCategory category) {
  return category == v1::RETENTION || category == v1::WIN_BACK || category == v1::UPSELL;
}

std::string_view CategoryName(v1::ActionCategory category) {
  switch (category) {
    case v1::SERVICE_RECOVERY: return "service_recovery";
    case v1::RETENTION: return "retention";
    case v1::EFFORT_REDUCTION: return "effort_reduction";
    case v1::CLOSE_THE_LOOP: return "close_the_loop";
    case v1::WIN_BACK: return "win_back";
    case v1::ONBOARDING: return "onboarding";
    case v1::PAYMENT: return "payment";
    case v1::UPSELL: return "upsell";
    case v1::INFORMATION: return "information";
    default: return "unspecified";
  }
}

int RuleSet::ActionIndex(std::string_view action_id) const {
  for (size_t i = 0; i < actions_.size(); ++i) {
    if (actions_[i].definition->id() == action_id) return static_cast<int>(i);
  }
  return -1;
}

absl::StatusOr<std::shared_ptr<const RuleSet>> RuleSet::Compile(v1::NbaRules rules,
                                                                 std::string_view source_name,
                                                                 const SourceLocator& locator,
                                                                 const v1::StageMap* stage_map) {
  std::shared_ptr<RuleSet> set(new RuleSet());
  set->proto_ = std::move(rules);
  set->source_name_ = std::string(source_name);
  if (absl::Status status = set->Build(locator, stage_map); !status.ok()) return status;
  return std::shared_ptr<const RuleSet>(std::move(set));
}

absl::Status RuleSet::Build(const SourceLocator& locator, const v1::StageMap* stage_map) {
  const Errors errors(source_name_);
  if (proto_.version().empty()) {
    return errors.At(0, "version is required (e.g. version: \"2026-03-01\"); responses report it as rules_version");
  }
  const int ttl = proto_.suggestion_ttl_minutes();
  if (ttl < 0 || ttl > kMaxTtlMinutes) {
    return errors.At(locator.Line({{"suggestion_ttl_minutes", -1}}),
                     absl::StrCat("suggestion_ttl_minutes must be 0 (", kDefaultTtlMinutes,
                                  ") to ", kMaxTtlMinutes, ", got ", ttl));
  }
  suggestion_ttl_us_ = int64_t{ttl == 0 ? kDefaultTtlMinutes : ttl} * 60 * 1'000'000;
  if (proto_.actions_size() == 0) return errors.At(0, "no actions; add at least one `actions { id: ... }`");
  if (proto_.rules_size() == 0) return errors.At(0, "no rules; add at least one `rules { id: ... }`");
  if (absl::Status s = CheckPolicy(proto_.customer_policy(), "customer_policy",
                                   locator.Line({{"customer_policy", -1}}), errors);
      !s.ok()) {
    return s;
  }

  absl::flat_hash_map<std::string, int> action_index;
  for (int i = 0; i < proto_.actions_size(); ++i) {
    const v1::ActionDefinition& def = proto_.actions(i);
    const int line = locator.Line({{"actions", i}, {"id", -1}});
    if (!IsLowerIdentifier(def.id())) {
      return errors.At(line, absl::StrCat("action #", i + 1, ": id \"", def.id(),
                                          "\" must be 1 to 64 characters of a-z, 0-9 and _"));
    }
    const std::string who = absl::StrCat("action \"", def.id(), "\"");
    if (!action_index.try_emplace(def.id(), i).second) {
      return errors.At(line, absl::StrCat(who, ": id is already used by another action; action ids must be unique"));
    }
    if (def.category() == v1::ACTION_CATEGORY_UNSPECIFIED || !v1::ActionCategory_IsValid(def.category())) {
      return errors.At(line, absl::StrCat(who, ": category is required (SERVICE_RECOVERY, RETENTION, "
                                               "EFFORT_REDUCTION, CLOSE_THE_LOOP, WIN_BACK, ONBOARDING, "
                                               "PAYMENT, UPSELL or INFORMATION)"));
    }
    if (def.title().empty()) return errors.At(line, absl::StrCat(who, ": title is required (agents see it)"));
    if (!std::isfinite(def.value()) || def.value() <= 0) {
      return errors.At(First(locator.Line({{"actions", i}, {"value", -1}}), line),
                       absl::StrCat(who, ": value must be a number > 0, got ", def.value()));
    }
    if (!IsFiniteNonNegative(def.lever())) {
      return errors.At(First(locator.Line({{"actions", i}, {"lever", -1}}), line),
                       absl::StrCat(who, ": lever must be >= 0 (0 means 1), got ", def.lever()));
    }
    CompiledAction action;
    action.definition = &def;
    action.category = def.category();
    action.service = IsServiceCategory(def.category());
    action.selling = IsSellingCategory(def.category());
    action.value = def.value();
    action.lever = def.lever() == 0 ? 1 : def.lever();
    absl::StatusOr<TextTemplate> title = TextTemplate::Parse(def.title());
    if (!title.ok()) return errors.At(line, absl::StrCat(who, ": title: ", title.status().message()));
    action.title = std::move(*title);
    absl::StatusOr<TextTemplate> script = TextTemplate::Parse(def.script());
    if (!script.ok()) {
      return errors.At(First(locator.Line({{"actions", i}, {"script", -1}}), line),
                       absl::StrCat(who, ": script: ", script.status().message()));
    }
    action.script = std::move(*script);
    for (int h = 0; h < def.channel_hints_size(); ++h) {
      if (def.channel_hints(h).channel().empty() || def.channel_hints(h).text().empty()) {
        return errors.At(First(locator.Line({{"actions", i}, {"channel_hints", h}}), line),
                         absl::StrCat(who, ": a channel hint needs both channel and text"));
      }
    }
    if (absl::Status s = CheckPolicy(def.contact_policy(), who,
                                     First(locator.Line({{"actions", i}, {"contact_policy", -1}}), line), errors);
        !s.ok()) {
      return s;
    }
    if (def.has_propensity()) {
      action.has_propensity = true;
      action.intercept = def.propensity().intercept();
      const int model_line = First(locator.Line({{"actions", i}, {"propensity", -1}}), line);
      if (!std::isfinite(action.intercept)) {
        return errors.At(model_line, absl::StrCat(who, ": propensity intercept must be a finite number"));
      }
      for (int w = 0; w < def.propensity().weights_size(); ++w) {
        const v1::FeatureWeight& weight = def.propensity().weights(w);
        const int weight_line =
            First(locator.Line({{"actions", i}, {"propensity", -1}, {"weights", w}, {"feature", -1}}), model_line);
        std::optional<Feature> feature = FeatureByName(weight.feature());
        if (!feature) {
          return errors.At(weight_line, absl::StrCat(who, ": propensity weight on unknown feature \"",
                                                     weight.feature(), "\"; known features: ", KnownFeatures()));
        }
        if (!std::isfinite(weight.weight())) {
          return errors.At(weight_line, absl::StrCat(who, ": propensity weight must be a finite number"));
        }
        action.weights.emplace_back(*feature, weight.weight());
      }
    }
    actions_.push_back(std::move(action));
  }

  absl::flat_hash_set<std::string> rule_ids;
  for (int r = 0; r < proto_.rules_size(); ++r) {
    const v1::NbaRule& def = proto_.rules(r);
    const int line = locator.Line({{"rules", r}, {"id", -1}});
    if (!IsLowerIdentifier(def.id())) {
      return errors.At(line, absl::StrCat("rule #", r + 1, ": id \"", def.id(),
                                          "\" must be 1 to 64 characters of a-z, 0-9 and _"));
    }
    const std::string who = absl::StrCat("rule \"", def.id(), "\"");
    if (!rule_ids.insert(def.id()).second) {
      return errors.At(line, absl::StrCat(who, ": id is already used by another rule; rule ids must be unique"));
    }
    auto action = action_index.find(def.action_id());
    if (action == action_index.end()) {
      return errors.At(First(locator.Line({{"rules", r}, {"action_id", -1}}), line),
                       absl::StrCat(who, ": action_id \"", def.action_id(), "\" is not an action of this file"));
    }
    if (def.when_size() == 0) {
      return errors.At(line, absl::StrCat(who, ": needs at least one `when { ... }` condition"));
    }
    if (!IsFiniteNonNegative(def.lever())) {
      return errors.At(First(locator.Line({{"rules", r}, {"lever", -1}}), line),
                       absl::StrCat(who, ": lever must be >= 0 (0 means 1), got ", def.lever()));
    }
    CompiledRule rule;
    rule.id = def.id();
    rule.action = action->second;
    rule.lever = def.lever() == 0 ? 1 : def.lever();
    for (int c = 0; c < def.when_size(); ++c) {
      const v1::Condition& when = def.when(c);
      const int when_line = First(locator.Line({{"rules", r}, {"when", c}}), line);
      CompiledCondition condition;
      switch (when.test_case()) {
        case v1::Condition::kSignal:
        case v1::Condition::kNoSignal: {
          const bool present = when.test_case() == v1::Condition::kSignal;
          const std::string& code = present ? when.signal() : when.no_signal();
          std::optional<Signal> signal = SignalByCode(code);
          if (!signal) {
            return errors.At(when_line, absl::StrCat(who, ": unknown signal \"", code,
                                                     "\"; known signals: ", KnownSignals()));
          }
          condition.kind = present ? CompiledCondition::Kind::kSignal : CompiledCondition::Kind::kNoSignal;
          condition.signal = *signal;
          break;
        }
        case v1::Condition::kFeature: {
          const v1::FeatureTest& test = when.feature();
          std::optional<Feature> feature = FeatureByName(test.name());
          if (!feature) {
            return errors.At(when_line, absl::StrCat(who, ": unknown feature \"", test.name(),
                                                     "\"; known features: ", KnownFeatures()));
          }
          if (test.op() == v1::COMPARISON_UNSPECIFIED || !v1::Comparison_IsValid(test.op())) {
            return errors.At(when_line, absl::StrCat(who, ": feature \"", test.name(),
                                                     "\" needs op: LESS_THAN, AT_MOST, GREATER_THAN, "
                                                     "AT_LEAST, EQUALS or NOT_EQUALS"));
          }
          if (!std::isfinite(test.value())) {
            return errors.At(when_line, absl::StrCat(who, ": feature \"", test.name(), "\" value must be finite"));
          }
          condition.kind = CompiledCondition::Kind::kFeature;
          condition.feature = *feature;
          condition.op = test.op();
          condition.value = test.value();
          condition.unknown_matches = test.unknown_matches();
          break;
        }
        case v1::Condition::kCurrentStage: {
          if (when.current_stage().ids_size() == 0) {
            return errors.At(when_line, absl::StrCat(who, ": current_stage needs at least one stage id"));
          }
          for (const std::string& id : when.current_stage().ids()) {
            bool known = stage_map == nullptr;
            if (stage_map != nullptr) {
              for (const v1::StageDefinition& stage : stage_map->stages()) known = known || stage.id() == id;
            }
            if (!known) {
              std::vector<std::string> ids;
              for (const v1::StageDefinition& stage : stage_map->stages()) ids.push_back(stage.id());
              return errors.At(when_line, absl::StrCat(who, ": current_stage \"", id,
                                                       "\" is not a stage of the stage map \"",
                                                       stage_map->name(), "\"; use one of: ",
                                                       absl::StrJoin(ids, ", ")));
            }
            condition.stages.push_back(id);
          }
          condition.kind = CompiledCondition::Kind::kStage;
          break;
        }
        case v1::Condition::kLifecycle: {
          if (when.lifecycle().states_size() == 0) {
            return errors.At(when_line, absl::StrCat(who, ": lifecycle needs at least one state"));
          }
          for (int state : when.lifecycle().states()) {
            if (state <= 0 || state >= 32 || !v1::LifecycleState_IsValid(state)) {
              return errors.At(when_line, absl::StrCat(who, ": lifecycle state ", state, " is not known"));
            }
            condition.lifecycles |= 1u << state;
          }
          condition.kind = CompiledCondition::Kind::kLifecycle;
          break;
        }
        default:
          return errors.At(when_line, absl::StrCat(who, ": condition #", c + 1,
                                                   " is empty; set signal, no_signal, feature, "
                                                   "current_stage or lifecycle"));
      }
      rule.conditions.push_back(std::move(condition));
    }
    absl::StatusOr<TextTemplate> reason = TextTemplate::Parse(def.reason());
    if (!reason.ok()) {
      return errors.At(First(locator.Line({{"rules", r}, {"reason", -1}}), line),
                       absl::StrCat(who, ": reason: ", reason.status().message()));
    }
    rule.reason = std::move(*reason);
    actions_[static_cast<size_t>(rule.action)].rules.push_back(static_cast<int>(rules_.size()));
    rules_.push_back(std::move(rule));
  }

  for (size_t i = 0; i < actions_.size(); ++i) {
    if (actions_[i].rules.empty()) {
      return errors.At(locator.Line({{"actions", static_cast<int>(i)}, {"id", -1}}),
                       absl::StrCat("action \"", actions_[i].definition->id(),
                                    "\": no rule suggests it; add a rule with action_id: \"",
                                    actions_[i].definition->id(), "\" or remove the action"));
    }
  }
  return absl::OkStatus();
}

}  // namespace journeydesk::nba
