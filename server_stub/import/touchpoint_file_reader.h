#ifndef JOURNEYDESK_SERVER_STUB_IMPORT_TOUCHPOINT_FILE_READER_H_
#define JOURNEYDESK_SERVER_STUB_IMPORT_TOUCHPOINT_FILE_READER_H_

#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "journeydesk/v1/touchpoint.pb.h"

namespace journeydesk::import {

// One record of an import file: the touchpoint, or why that record was rejected
// (INVALID_ARGUMENT with a message such as `column "nps": not a number: "ten"`).
struct ParsedLine {
  int line_number;  // 1-based line where the record starts
  absl::StatusOr<v1::Touchpoint> touchpoint;
};

class RecordParser;  // one per file format, see record_parser.h

// Streams touchpoints from a JSONL (.jsonl, .ndjson) or CSV (.csv) file without loading it
// whole. JSONL: one object per line in protobuf's JSON mapping of Touchpoint; unknown
// fields are errors; blank lines are skipped. CSV (RFC 4180): a header row of Touchpoint
// field names and `attr.<key>` columns, then one touchpoint per record.
// Move-only; not thread-safe.
class TouchpointFileReader {
 public:
  // NOT_FOUND if `path` cannot be opened; INVALID_ARGUMENT for an unknown extension or a
  // CSV header that names an unknown column (the message says which, at line 1).
  static absl::StatusOr<TouchpointFileReader> Open(const std::string& path);

  TouchpointFileReader(TouchpointFileReader&&) noexcept;
  TouchpointFileReader& operator=(TouchpointFileReader&&) noexcept;
  ~TouchpointFileReader();

  // The next record, good or rejected; nullopt at the end of the file. After a read
  // error the reader returns one DATA_LOSS record and then ends.
  std::optional<ParsedLine> Next();

  // Bytes consumed so far and the file's size at Open, for a progress display.
  int64_t bytes_read() const;
  int64_t total_bytes() const { return total_bytes_; }

 private:
  TouchpointFileReader(std::unique_ptr<RecordParser> parser, int64_t total_bytes);

  std::unique_ptr<RecordParser> parser_;
  int64_t total_bytes_ = 0;
};

}  // namespace journeydesk::import

#endif  // JOURNEYDESK_SERVER_STUB_IMPORT_TOUCHPOINT_FILE_READER_H_
