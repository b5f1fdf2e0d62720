#include "import/line_source.h"

namespace journeydesk::import {

std::optional<std::string> LineSource::ReadLine() {
  std::string line;
  if (!std::getline(stream_, line)) return std::nullopt;
  bytes_read_ += static_cast<int64_t>(line.size()) + (stream_.eof() ? 0 : 1);
  ++line_number_;
  if (line_number_ == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace journeydesk::import
