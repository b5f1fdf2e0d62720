#include "nba/engine.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/absl_string_view.h"
#include "journey/timestamps.h"
#include "nba/contact_policy.h"

namespace journeydesk::nba {
namespace {

bool Compare(double value, v1::Comparison op, double threshold) {
  switch (op) {
    case v1::LESS_THAN: return value < threshold;
    case v1::AT_MOST: return value <= threshold;
    case v1::GREATER_THAN: return value > threshold;
    case v1::AT_LEAST: return value >= threshold;
    case v1::EQUALS: return value == threshold;
    case v1::NOT_EQUALS: return value != threshold;
    default: return false;
  }
}

bool Holds(const CompiledCondition& condition, const JourneyFacts& facts) {
  using Kind = CompiledCondition::Kind;
  switch (condition.kind) {
    case Kind::kSignal: return facts.signal(condition.signal) != nullptr;
    case Kind::kNoSignal: return facts.signal(condition.signal) == nullptr;
    case Kind::kFeature:
      if (!facts.known(condition.feature)) return condition.unknown_matches;
      return Compare(facts.value(condition.feature), condition.op, condition.value);
    case Kind::kStage:
      return std::find(condition.stages.begin(), condition.stages.end(), facts.current_stage_id()) !=
             condition.stages.end();
    case Kind::kLifecycle: {
      const int state = facts.customer().lifecycle_state();
      return state > 0 && state < 32 && (condition.lifecycles & (1u << state)) != 0;
    }
  }
  return false;
}

bool Fires(const CompiledRule& rule, const JourneyFacts& facts) {
  for (const CompiledCondition& condition : rule.conditions) {
    if (!Holds(condition, facts)) return false;
  }
  return true;
}

// A fired rule explained: its text and evidence; raises `newest_us` to its newest evidence.
void Explain(const CompiledRule& rule, const JourneyFacts& facts, v1::Reason* reason, int64_t* newest_us) {
  reason->set_rule_id(rule.id);
  std::string text;
  auto add_evidence = [&](const std::string& id) {
    for (const std::string& existing : reason->evidence_touchpoint_ids()) {
      if (existing == id) return;
    }
    reason->add_evidence_touchpoint_ids(id);
  };
  for (const CompiledCondition& condition : rule.conditions) {
    if (condition.kind == CompiledCondition::Kind::kSignal) {
      const v1::LiveSignal* signal = facts.signal(condition.signal);
      for (const std::string& id : signal->evidence_touchpoint_ids()) add_evidence(id);
      *newest_us = std::max(*newest_us, facts.signal_at_us(condition.signal));
      if (rule.reason.empty()) absl::StrAppend(&text, text.empty() ? "" : "; ", signal->text());
    } else if (condition.kind == CompiledCondition::Kind::kFeature && facts.known(condition.feature) &&
               facts.evidence(condition.feature) != nullptr) {
      add_evidence(facts.evidence(condition.feature)->id());
      *newest_us = std::max(*newest_us, facts.evidence_at_us(condition.feature));
    }
  }
  reason->set_text(rule.reason.empty() ? std::move(text) : rule.reason.Render(facts));
}

// FNV-1a over the pieces, each followed by a 0 byte.
uint32_t Fnv1a(uint32_t hash, std::string_view bytes) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 16777619u;
  }
  hash ^= 0;
  hash *= 16777619u;
  return hash;
}

// "<action_id>@<8 hex>": the same for the same customer, action and evidence.
std::string SuggestionId(const JourneyFacts& facts, const std::string& action_id,
                         const google::protobuf::RepeatedPtrField<v1::Reason>& reasons) {
  uint32_t hash = Fnv1a(2166136261u, facts.customer().id());
  hash = Fnv1a(hash, action_id);
  for (const v1::Reason& reason : reasons) {
    hash = Fnv1a(hash, reason.rule_id());
    for (const std::string& id : reason.evidence_touchpoint_ids()) hash = Fnv1a(hash, id);
  }
  return absl::StrFormat("%s@%08x", action_id, hash);
}

const std::string& ChannelHint(const v1::ActionDefinition& definition, std::string_view channel) {
  for (const v1::ChannelHint& hint : definition.channel_hints()) {
    if (hint.channel() == channel) return hint.text();
  }
  return definition.channel_hint();
}

struct Candidate {
  int action = -1;
  std::vector<int> fired;  // rule indices
  double rule_lever = 1;   // the largest lever of the fired rules
  int64_t newest_evidence_us = 0;
  google::protobuf::RepeatedPtrField<v1::Reason> reasons;
  v1::Priority priority;
};

void AddSuppressed(const CompiledAction& action, const JourneyFacts& facts, Candidate& candidate,
                   v1::SuppressionReason why, std::string text, v1::SuggestNextStepsResponse* out) {
  v1::SuppressedAction* suppressed = out->add_suppressed();
  suppressed->set_action_id(action.definition->id());
  suppressed->set_title(action.title.Render(facts));
  suppressed->set_category(action.category);
  suppressed->set_why(why);
  suppressed->set_text(std::move(text));
  suppressed->mutable_reasons()->Swap(&candidate.reasons);
}

}  // namespace

double Propensity(const CompiledAction& action, const JourneyFacts& facts) {
  double z = action.intercept;
  for (const auto& [feature, weight] : action.weights) {
    if (facts.known(feature)) z += weight * facts.value(feature);
  }
  return 1.0 / (1.0 + std::exp(-z));
}

void Suggest(const RuleSet& rules, const JourneyFacts& facts, const SuggestOptions& options,
             v1::SuggestNextStepsResponse* out) {
  out->Clear();
  const bool consent = facts.profiling_consent();
  out->set_profiling_consent(consent);
  if (!consent) out->set_note(std::string(kNoConsentNote));
  out->set_rules_version(rules.version());
  journey::SetTimestampFromMicros(facts.as_of_us(), out->mutable_as_of());

  // Which rules fire, grouped by action.
  std::vector<Candidate> candidates;
  std::vector<int> candidate_of(rules.actions().size(), -1);
  for (size_t r = 0; r < rules.rules().size(); ++r) {
    const CompiledRule& rule = rules.rules()[r];
    if (!Fires(rule, facts)) continue;
    int& index = candidate_of[static_cast<size_t>(rule.action)];
    if (index < 0) {
      index = static_cast<int>(candidates.size());
      candidates.emplace_back();
      candidates.back().action = rule.action;
    }
    candidates[static_cast<size_t>(index)].fired.push_back(static_cast<int>(r));
  }
  // Explained strongest first: by rule lever, then file order.
  for (Candidate& candidate : candidates) {
    std::stable_sort(candidate.fired.begin(), candidate.fired.end(), [&](int a, int b) {
      return rules.rules()[static_cast<size_t>(a)].lever > rules.rules()[static_cast<size_t>(b)].lever;
    });
    candidate.rule_lever = rules.rules()[static_cast<size_t>(candidate.fired.front())].lever;
    for (int r : candidate.fired) {
      Explain(rules.rules()[static_cast<size_t>(r)], facts, candidate.reasons.Add(), &candidate.newest_evidence_us);
    }
  }

  const v1::LiveSignal* open_issue = facts.signal(Signal::kOpenComplaint);
  const PolicyVerdict customer_verdict = CheckCustomerPolicy(rules, facts.outcomes(), facts.as_of_us());
  std::vector<Candidate*> eligible;
  std::vector<Candidate*> gated;
  std::vector<PolicyVerdict> verdicts(candidates.size());
  for (size_t i = 0; i < candidates.size(); ++i) {
    Candidate& candidate = candidates[i];
    const CompiledAction& action = rules.actions()[static_cast<size_t>(candidate.action)];
    PolicyVerdict& verdict = verdicts[i];
    if (!consent && !action.service) {
      verdict = {v1::SUPPRESSED_NO_CONSENT,
                 absl::StrCat(ToAbsl(CategoryName(action.category)),
                              " needs profiling consent, which the customer has not given")};
    } else if (action.selling && open_issue != nullptr) {
      verdict = {v1::SUPPRESSED_OPEN_COMPLAINT,
                 absl::StrCat("no selling while an issue is open: ", open_issue->text())};
    } else {
      verdict = CheckActionPolicy(action.definition->id(), action.definition->contact_policy(),
                                  facts.outcomes(), candidate.newest_evidence_us, facts.as_of_us());
      if (verdict.allowed() && action.selling) verdict = customer_verdict;
    }
    if (!verdict.allowed()) {
      gated.push_back(&candidate);
      continue;
    }
    const double propensity = consent && action.has_propensity ? Propensity(action, facts) : 1.0;
    const double lever = action.lever * candidate.rule_lever;
    candidate.priority.set_propensity(propensity);
    candidate.priority.set_value(action.value);
    candidate.priority.set_lever(lever);
    candidate.priority.set_score(propensity * action.value * lever);
    eligible.push_back(&candidate);
  }
  std::stable_sort(eligible.begin(), eligible.end(), [&](const Candidate* a, const Candidate* b) {
    if (a->priority.score() != b->priority.score()) return a->priority.score() > b->priority.score();
    return rules.actions()[static_cast<size_t>(a->action)].definition->id() <
           rules.actions()[static_cast<size_t>(b->action)].definition->id();
  });

  const int max_suggestions = std::clamp(options.max_suggestions, 1, kMaxSuggestionsLimit);
  const int64_t expires_us = facts.as_of_us() + rules.suggestion_ttl_us();
  for (size_t i = 0; i < eligible.size(); ++i) {
    Candidate& candidate = *eligible[i];
    const CompiledAction& action = rules.actions()[static_cast<size_t>(candidate.action)];
    const v1::ActionDefinition& definition = *action.definition;
    if (static_cast<int>(i) >= max_suggestions) {
      const v1::Priority& last = eligible[static_cast<size_t>(max_suggestions) - 1]->priority;
      AddSuppressed(action, facts, candidate, v1::SUPPRESSED_LOWER_PRIORITY,
                    absl::StrFormat("score %.3g ranks below the %d suggested (lowest %.3g)",
                                    candidate.priority.score(), max_suggestions, last.score()),
                    out);
      continue;
    }
    v1::Suggestion* suggestion = out->add_suggestions();
    suggestion->set_id(SuggestionId(facts, definition.id(), candidate.reasons));
    suggestion->set_action_id(definition.id());
    suggestion->set_title(action.title.Render(facts));
    suggestion->set_script(action.script.Render(facts));
    suggestion->set_category(action.category);
    suggestion->set_channel_hint(ChannelHint(definition, options.channel));
    *suggestion->mutable_priority() = candidate.priority;
    suggestion->mutable_reasons()->Swap(&candidate.reasons);
    journey::SetTimestampFromMicros(expires_us, suggestion->mutable_expires_at());
  }
  for (Candidate* candidate : gated) {
    const size_t index = static_cast<size_t>(candidate - candidates.data());
    AddSuppressed(rules.actions()[static_cast<size_t>(candidate->action)], facts, *candidate, verdicts[index].why,
                  std::move(verdicts[index].text), out);
  }
}

v1::SuggestNextStepsResponse Suggest(const RuleSet& rules, const NbaInput& input,
                                     const SuggestOptions& options) {
  const JourneyFacts facts(input);
  v1::SuggestNextStepsResponse response;
  Suggest(rules, facts, options, &response);
  return response;
}

}  // namespace journeydesk::nba
