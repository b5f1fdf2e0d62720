#include "import/touchpoint_file_reader.h"

#include <filesystem>
#include <system_error>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "import/line_source.h"
#include "import/record_parser.h"

namespace journeydesk::import {

absl::StatusOr<TouchpointFileReader> TouchpointFileReader::Open(const std::string& path) {
  const std::string extension = absl::AsciiStrToLower(std::filesystem::path(path).extension().string());
  const bool jsonl = extension == ".jsonl" || extension == ".ndjson";
  if (!jsonl && extension != ".csv") {
    return absl::InvalidArgumentError(absl::StrCat(
        "cannot tell the format of \"", path, "\": name the file .jsonl, .ndjson (JSON Lines) or .csv"));
  }
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return absl::InvalidArgumentError(absl::StrCat("\"", path, "\" is a directory, not a file"));
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream.is_open()) {
    return absl::NotFoundError(absl::StrCat("cannot open \"", path, "\": check the path and its permissions"));
  }
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  const int64_t total_bytes = error ? 0 : static_cast<int64_t>(size);

  LineSource lines(std::move(stream));
  if (jsonl) return TouchpointFileReader(std::make_unique<JsonlRecordParser>(std::move(lines)), total_bytes);
  absl::StatusOr<std::unique_ptr<CsvRecordParser>> csv = CsvRecordParser::Create(std::move(lines));
  if (!csv.ok()) {
    return absl::Status(csv.status().code(), absl::StrCat("\"", path, "\": ", csv.status().message()));
  }
  return TouchpointFileReader(*std::move(csv), total_bytes);
}

TouchpointFileReader::TouchpointFileReader(std::unique_ptr<RecordParser> parser, int64_t total_bytes)
    : parser_(std::move(parser)), total_bytes_(total_bytes) {}
TouchpointFileReader::TouchpointFileReader(TouchpointFileReader&&) noexcept = default;
TouchpointFileReader& TouchpointFileReader::operator=(TouchpointFileReader&&) noexcept = default;
TouchpointFileReader::~TouchpointFileReader() = default;

std::optional<ParsedLine> TouchpointFileReader::Next() { return parser_ ? parser_->Next() : std::nullopt; }

int64_t TouchpointFileReader::bytes_read() const { return parser_ ? parser_->bytes_read() : 0; }

}  // namespace journeydesk::import
