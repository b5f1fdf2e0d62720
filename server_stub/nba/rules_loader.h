#pragma once
// Loading next-best-action rules files: protobuf text format (.textproto, .txtpb, .pbtxt)
// or JSON (.json), schema-checked by protobuf, then checked and compiled by
// RuleSet::Compile. Nothing is returned that did not pass every check.
//
// Errors (nothing throws):
//   NOT_FOUND         the file cannot be read ("<path>: cannot read rules: <reason>")
//   INVALID_ARGUMENT  unknown extension; a syntax error ("<file>:<line>:<column>: <reason>");
//                     or a broken rule ("<file>:<line>: rule \"x\": unknown signal \"y\"; …").
//                     Lines are 1-based. JSON errors from protobuf carry no line; semantic
//                     errors in JSON point at the line of the offending item's "id".

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "journeydesk/v1/stage_map.pb.h"
#include "nba/rule_set.h"

namespace journeydesk::nba {

using RuleSetPtr = std::shared_ptr<const RuleSet>;

// `stage_map`, when given, is used to check current_stage conditions.
absl::StatusOr<RuleSetPtr> LoadRulesFile(const std::string& path, const v1::StageMap* stage_map = nullptr);
absl::StatusOr<RuleSetPtr> ParseRulesText(std::string_view text, std::string_view source_name,
                                          const v1::StageMap* stage_map = nullptr);
absl::StatusOr<RuleSetPtr> ParseRulesJson(std::string_view text, std::string_view source_name,
                                          const v1::StageMap* stage_map = nullptr);

// The shipped default rules (server_stub/config/nba_rules/default.textproto), compiled in.
std::string_view DefaultRulesText();
inline constexpr std::string_view kDefaultRulesSource = "default.textproto (built in)";
absl::StatusOr<RuleSetPtr> LoadDefaultRules(const v1::StageMap* stage_map = nullptr);

}  // namespace journeydesk::nba
