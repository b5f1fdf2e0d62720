#include "import/csv_record_reader.h"

#include "absl/strings/str_cat.h"

namespace journeydesk::import {
namespace {

// Parses `line` into `fields`, continuing the last field if `in_quotes`. Returns an error
// message, or "" on success; `in_quotes` tells whether a quoted field is still open.
std::string ParseLine(const std::string& line, std::vector<std::string>& fields, bool& in_quotes) {
  if (fields.empty()) fields.emplace_back();
  bool field_was_quoted = in_quotes;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    std::string& field = fields.back();
    if (in_quotes) {
      if (c != '"') {
        field.push_back(c);
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else {
        in_quotes = false;
        if (i + 1 < line.size() && line[i + 1] != ',') {
          return absl::StrCat("unexpected text after the closing quote of field ", fields.size());
        }
      }
    } else if (c == ',') {
      fields.emplace_back();
      field_was_quoted = false;
    } else if (c == '"') {
      if (!field.empty() || field_was_quoted) {
        return absl::StrCat("a quote inside unquoted field ", fields.size(),
                            "; quote the whole field and double the quote (\"\")");
      }
      in_quotes = true;
      field_was_quoted = true;
    } else {
      field.push_back(c);
    }
  }
  return "";
}

}  // namespace

std::optional<CsvRecord> CsvRecordReader::Next() {
  std::optional<std::string> line;
  do {
    line = lines_.ReadLine();
    if (!line.has_value()) return std::nullopt;
  } while (line->empty());

  CsvRecord record{lines_.line_number(), std::vector<std::string>()};
  std::vector<std::string> fields;
  bool in_quotes = false;
  for (;;) {
    if (std::string error = ParseLine(*line, fields, in_quotes); !error.empty()) {
      record.fields = absl::InvalidArgumentError(std::move(error));
      return record;
    }
    if (!in_quotes) break;
    line = lines_.ReadLine();
    if (!line.has_value()) {
      record.fields = absl::InvalidArgumentError(
          "a quoted field is never closed: the file ends inside it; check for a missing quote");
      return record;
    }
    fields.back().push_back('\n');
  }
  record.fields = std::move(fields);
  return record;
}

}  // namespace journeydesk::import
