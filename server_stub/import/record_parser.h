#ifndef JOURNEYDESK_SERVER_STUB_IMPORT_RECORD_PARSER_H_
#define JOURNEYDESK_SERVER_STUB_IMPORT_RECORD_PARSER_H_

#include <cstdint>
#include <memory>
#include <optional>

#include "absl/status/statusor.h"
#include "import/csv_record_reader.h"
#include "import/line_source.h"
#include "import/touchpoint_columns.h"
#include "import/touchpoint_file_reader.h"

namespace journeydesk::import {

// Turns a file's lines into touchpoints; one implementation per format.
class RecordParser {
 public:
  virtual ~RecordParser() = default;
  virtual std::optional<ParsedLine> Next() = 0;
  virtual int64_t bytes_read() const = 0;
};

// JSON Lines in protobuf's JSON mapping of Touchpoint (both "occurredAt" and
// "occurred_at" work); unknown fields are errors; recorded_at and stage_derived, which
// journeyd sets, are cleared so that an export can be imported again.
class JsonlRecordParser : public RecordParser {
 public:
  explicit JsonlRecordParser(LineSource lines) : lines_(std::move(lines)) {}
  std::optional<ParsedLine> Next() override;
  int64_t bytes_read() const override { return lines_.bytes_read(); }

 private:
  LineSource lines_;
  bool done_ = false;
};

class CsvRecordParser : public RecordParser {
 public:
  // Reads the header; INVALID_ARGUMENT if it is missing or names an unknown column.
  static absl::StatusOr<std::unique_ptr<CsvRecordParser>> Create(LineSource lines);
  std::optional<ParsedLine> Next() override;
  int64_t bytes_read() const override { return lines_->bytes_read(); }

 private:
  CsvRecordParser(std::unique_ptr<LineSource> lines, TouchpointColumns columns);

  std::unique_ptr<LineSource> lines_;  // stable address for records_
  CsvRecordReader records_;
  TouchpointColumns columns_;
  bool done_ = false;
};

}  // namespace journeydesk::import

#endif  // JOURNEYDESK_SERVER_STUB_IMPORT_RECORD_PARSER_H_
