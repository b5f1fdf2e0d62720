#include "import/record_parser.h"

#include <string>
#include <utility>

#include <google/protobuf/util/json_util.h>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace journeydesk::import {
namespace {

absl::Status AtLine(int line_number, const absl::Status& status) {
  return absl::Status(status.code(), absl::StrCat("line ", line_number, ": ", status.message()));
}

std::optional<ParsedLine> ReadError(int line_number) {
  return ParsedLine{line_number, absl::DataLossError(absl::StrCat(
                                     "line ", line_number,
                                     ": the file could not be read further; check the disk and try again"))};
}

// protobuf's JSON errors may add an excerpt and a caret on further lines: keep the first.
std::string OneLine(absl::string_view message) {
  message = message.substr(0, message.find('\n'));
  absl::ConsumePrefix(&message, ": ");
  return std::string(absl::StripAsciiWhitespace(message));
}

}  // namespace

std::optional<ParsedLine> JsonlRecordParser::Next() {
  if (done_) return std::nullopt;
  for (;;) {
    std::optional<std::string> line = lines_.ReadLine();
    if (!line.has_value()) {
      done_ = true;
      return lines_.failed() ? ReadError(lines_.line_number() + 1) : std::nullopt;
    }
    if (absl::StripAsciiWhitespace(*line).empty()) continue;

    const int line_number = lines_.line_number();
    v1::Touchpoint touchpoint;
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;
    const auto parsed = google::protobuf::util::JsonStringToMessage(*line, &touchpoint, options);
    if (!parsed.ok()) {
      return ParsedLine{line_number, absl::InvalidArgumentError(absl::StrCat(
                                         "line ", line_number, ": not a touchpoint in JSON: ",
                                         OneLine(std::string(parsed.message()))))};
    }
    touchpoint.clear_recorded_at();
    touchpoint.clear_stage_derived();
    if (absl::Status status = ValidateImportedTouchpoint(touchpoint); !status.ok()) {
      return ParsedLine{line_number, AtLine(line_number, status)};
    }
    return ParsedLine{line_number, std::move(touchpoint)};
  }
}

absl::StatusOr<std::unique_ptr<CsvRecordParser>> CsvRecordParser::Create(LineSource lines) {
  auto owned_lines = std::make_unique<LineSource>(std::move(lines));
  CsvRecordReader header_reader(owned_lines.get());
  std::optional<CsvRecord> header = header_reader.Next();
  if (!header.has_value()) {
    return absl::InvalidArgumentError(
        "the CSV file is empty; its first line must name the columns, e.g. id,customer_id,channel,kind,occurred_at");
  }
  if (!header->fields.ok()) return AtLine(header->line_number, header->fields.status());
  absl::StatusOr<TouchpointColumns> columns = TouchpointColumns::FromHeader(*header->fields);
  if (!columns.ok()) return columns.status();
  return std::unique_ptr<CsvRecordParser>(new CsvRecordParser(std::move(owned_lines), *std::move(columns)));
}

CsvRecordParser::CsvRecordParser(std::unique_ptr<LineSource> lines, TouchpointColumns columns)
    : lines_(std::move(lines)), records_(lines_.get()), columns_(std::move(columns)) {}

std::optional<ParsedLine> CsvRecordParser::Next() {
  if (done_) return std::nullopt;
  std::optional<CsvRecord> record = records_.Next();
  if (!record.has_value()) {
    done_ = true;
    return lines_->failed() ? ReadError(lines_->line_number() + 1) : std::nullopt;
  }
  if (!record->fields.ok()) return ParsedLine{record->line_number, AtLine(record->line_number, record->fields.status())};
  absl::StatusOr<v1::Touchpoint> touchpoint = columns_.ToTouchpoint(*record->fields);
  if (!touchpoint.ok()) return ParsedLine{record->line_number, AtLine(record->line_number, touchpoint.status())};
  return ParsedLine{record->line_number, *std::move(touchpoint)};
}

}  // namespace journeydesk::import
