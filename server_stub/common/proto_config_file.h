#pragma once
// Configuration files in protobuf text format or JSON — the project's only configuration
// formats, so no hand-written parser. Used for stage maps, rules files and queue setups.
//
// Errors (absl::Status, nothing throws): NOT_FOUND when the file cannot be read, with the
// OS reason; INVALID_ARGUMENT for an unknown extension, and for a parse error as
// "SOURCE:LINE:COL: reason" (text format: the first error) or "SOURCE: not a valid WHAT in
// JSON: reason". `what` names the kind of file in messages, e.g. "stage map".

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/text_format.h"

namespace journeydesk {

enum class ConfigFormat { kText, kJson };

// .textproto, .txtpb, .pbtxt → text format; .json → JSON.
absl::StatusOr<ConfigFormat> ConfigFormatOf(const std::string& path, std::string_view what);
absl::StatusOr<std::string> ReadConfigFile(const std::string& path, std::string_view what);

// Unknown fields are errors in both formats, so a typo never passes silently. `locations`,
// when given, receives the text parser's field locations (for line numbers in later checks).
absl::Status ParseTextConfig(std::string_view text, std::string_view source_name,
                             std::string_view what, google::protobuf::Message* out,
                             google::protobuf::TextFormat::ParseInfoTree* locations = nullptr);
absl::Status ParseJsonConfig(std::string_view text, std::string_view source_name,
                             std::string_view what, google::protobuf::Message* out);

}  // namespace journeydesk
