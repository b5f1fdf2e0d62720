#include "common/proto_config_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/absl_string_view.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/util/json_util.h"

namespace journeydesk {
namespace {

// Keeps the first error as "SOURCE:LINE:COL: message" (lines and columns from 1).
class FirstErrorCollector : public google::protobuf::io::ErrorCollector {
 public:
  explicit FirstErrorCollector(std::string_view source_name) : source_name_(source_name) {}
  void AddError(int line, google::protobuf::io::ColumnNumber column, const std::string& message) override {
    if (!first_error_.empty()) return;
    first_error_ = absl::StrCat(source_name_, ":", line + 1, ":", column + 1, ": ", message);
  }
  const std::string& first_error() const { return first_error_; }

 private:
  std::string source_name_;
  std::string first_error_;
};

}  // namespace

absl::StatusOr<ConfigFormat> ConfigFormatOf(const std::string& path, std::string_view what) {
  if (absl::EndsWith(path, ".textproto") || absl::EndsWith(path, ".txtpb") ||
      absl::EndsWith(path, ".pbtxt")) {
    return ConfigFormat::kText;
  }
  if (absl::EndsWith(path, ".json")) return ConfigFormat::kJson;
  return absl::InvalidArgumentError(absl::StrCat(path, ": unknown ", ToAbsl(what),
                                                 " format; name the file .textproto, .txtpb, .pbtxt or .json"));
}

absl::StatusOr<std::string> ReadConfigFile(const std::string& path, std::string_view what) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream contents;
  if (file) contents << file.rdbuf();
  if (!file || file.bad()) {
    return absl::NotFoundError(absl::StrCat(path, ": cannot read ", ToAbsl(what), ": ", std::strerror(errno)));
  }
  return std::move(contents).str();
}

absl::Status ParseTextConfig(std::string_view text, std::string_view source_name, std::string_view what,
                             google::protobuf::Message* out,
                             google::protobuf::TextFormat::ParseInfoTree* locations) {
  FirstErrorCollector errors(source_name);
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  if (locations != nullptr) parser.WriteLocationsTo(locations);
  google::protobuf::io::ArrayInputStream input(text.data(), static_cast<int>(text.size()));
  if (parser.Parse(&input, out)) return absl::OkStatus();
  if (!errors.first_error().empty()) return absl::InvalidArgumentError(errors.first_error());
  return absl::InvalidArgumentError(absl::StrCat(ToAbsl(source_name), ": not a valid ", ToAbsl(what),
                                                 " in protobuf text format"));
}

absl::Status ParseJsonConfig(std::string_view text, std::string_view source_name, std::string_view what,
                             google::protobuf::Message* out) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(text.data(), text.size()), out, options);
  if (status.ok()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(ToAbsl(source_name), ": not a valid ", ToAbsl(what), " in JSON",
                                                 ": ", std::string(status.message())));
}

}  // namespace journeydesk
