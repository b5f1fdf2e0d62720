#pragma once
// Reason and script texts with placeholders, parsed once when the rules are loaded:
//   {signal:CODE}      the live signal's text ("viewed the rate card yesterday; …"), empty if absent
//   {feature:NAME}     the feature's value (whole numbers without decimals), "unknown" if unknown
//   {stage}            the current stage's name
//   {recovery_policy}  the current stage's recovery policy from the stage map
//   {attribute:KEY}    the customer's attribute, empty if absent
// Any other use of '{' is an error, reported by Parse.

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "nba/features.h"

namespace journeydesk::nba {

class TextTemplate {
 public:
  TextTemplate() = default;
  // INVALID_ARGUMENT naming the bad placeholder, e.g. "unknown signal \"rate_crd\" in {signal:rate_crd}".
  static absl::StatusOr<TextTemplate> Parse(std::string_view text);

  bool empty() const { return parts_.empty(); }
  std::string Render(const JourneyFacts& facts) const;
  // Signals the template refers to (to check they are conditions of the rule, if wanted).
  std::vector<Signal> Signals() const;

 private:
  enum class Kind { kText, kSignal, kFeature, kStage, kRecoveryPolicy, kAttribute };
  struct Part {
    Kind kind;
    std::string text;  // literal text, or the attribute key
    int id = 0;        // Signal or Feature
  };
  std::vector<Part> parts_;
};

// "3", "2.5", "unknown".
std::string FormatFeature(const JourneyFacts& facts, Feature feature);

}  // namespace journeydesk::nba
