#ifndef JOURNEYDESK_SERVER_STUB_IMPORT_CSV_RECORD_READER_H_
#define JOURNEYDESK_SERVER_STUB_IMPORT_CSV_RECORD_READER_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "import/line_source.h"

namespace journeydesk::import {

struct CsvRecord {
  int line_number;  // where the record starts; a quoted field may span several lines
  absl::StatusOr<std::vector<std::string>> fields;
};

// Splits RFC 4180 CSV into records: comma-separated fields; a field in double quotes may
// hold commas, line breaks (kept as "\n") and doubled quotes. A malformed record (a quote
// inside an unquoted field, text after a closing quote, a quote left open at the end of
// the file) is returned as INVALID_ARGUMENT and reading goes on with the next line.
// Blank lines are skipped. Borrows `lines`, which must outlive the reader.
class CsvRecordReader {
 public:
  explicit CsvRecordReader(LineSource* lines) : lines_(*lines) {}

  // The next record; nullopt at the end of the input.
  std::optional<CsvRecord> Next();

 private:
  LineSource& lines_;
};

}  // namespace journeydesk::import

#endif  // JOURNEYDESK_SERVER_STUB_IMPORT_CSV_RECORD_READER_H_
