#ifndef JOURNEYDESK_SERVER_STUB_IMPORT_LINE_SOURCE_H_
#define JOURNEYDESK_SERVER_STUB_IMPORT_LINE_SOURCE_H_

#include <cstdint>
#include <fstream>
#include <optional>
#include <string>

namespace journeydesk::import {

// Reads a file line by line (LF or CRLF), counting lines and bytes; strips a UTF-8 BOM.
// Owns the stream. Move-only; not thread-safe.
class LineSource {
 public:
  explicit LineSource(std::ifstream stream) : stream_(std::move(stream)) {}

  // The next line without its line ending; nullopt at the end or after a read error.
  std::optional<std::string> ReadLine();

  int line_number() const { return line_number_; }  // of the line ReadLine returned last
  int64_t bytes_read() const { return bytes_read_; }
  bool failed() const { return stream_.bad(); }     // a read error, not the end of file

 private:
  std::ifstream stream_;
  int line_number_ = 0;
  int64_t bytes_read_ = 0;
};

}  // namespace journeydesk::import

#endif  // JOURNEYDESK_SERVER_STUB_IMPORT_LINE_SOURCE_H_
