#pragma once
// Loading and checking a business's stage map: the ordered journey stages, their service
// recovery policies and the touchpoint kinds that belong to each (see stage_map.proto).
//
// Formats: protobuf text format (.textproto, .txtpb, .pbtxt) or JSON (.json), both
// schema-checked by protobuf — no hand-written parser. Every function here returns a map
// only after ValidateStageMap accepted it.
//
// Errors (nothing throws):
//   NOT_FOUND         the file cannot be read ("<path>: cannot read stage map: <reason>")
//   INVALID_ARGUMENT  unknown extension, a syntax error ("<file>:<line>:<column>: <reason>")
//                     or a rule below ("<file>:<line>: stage \"support\": kind \"complaint\"
//                     is already mapped to stage \"use\"") — line numbers are 1-based and
//                     point at the offending stage's id when it can be found in the text.

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "journeydesk/v1/stage_map.pb.h"

namespace journeydesk::journey {

// Reads, parses and validates a stage map file; the format follows the extension.
absl::StatusOr<v1::StageMap> LoadStageMapFile(const std::string& path);

// Parses protobuf text format and validates. `source_name` prefixes every error message.
absl::StatusOr<v1::StageMap> ParseStageMapText(std::string_view text, std::string_view source_name);

// Parses JSON (proto3 JSON mapping, unknown fields refused) and validates.
absl::StatusOr<v1::StageMap> ParseStageMapJson(std::string_view text, std::string_view source_name);

// The rules of a usable stage map:
//   - at least one stage;
//   - stage ids match [a-z0-9_]+ (at most 64 characters) and are unique;
//   - every stage has a name and a recovery_policy;
//   - kinds match [a-z0-9_]{1,64}, and each kind belongs to at most one stage;
//   - default_stage, when set, is the id of a stage.
// `source_text`, when given, is searched for `id: "x"` / `"id": "x"` to add line numbers.
absl::Status ValidateStageMap(const v1::StageMap& map, std::string_view source_name,
                              std::string_view source_text = {});

}  // namespace journeydesk::journey
