// `jdctl import FILE`: streams JSONL or CSV touchpoints to journeyd in batches, shows
// progress, and reports every rejected line by number and reason. A batch the service
// refuses because of one touchpoint is sent again without it, so good lines still land.
#include <iostream>
#include <memory>
#include <optional>
#include <regex>
#include <vector>

#include "absl/strings/numbers.h"
#include "import/touchpoint_file_reader.h"
#include "jdctl/customer_commands.h"
#include "jdctl/service_connection.h"
#include "journeydesk/v1/journey_service.grpc.pb.h"

namespace journeydesk::jdctl {
namespace {

constexpr size_t kBatchSize = 500;

struct ImportFlags {
  ConnectionFlags connection;
  std::string path;
};

struct ImportTally {
  int64_t stored = 0;
  int64_t duplicates = 0;
  int64_t rejected = 0;
};

struct PendingLine {
  int line_number;
  v1::Touchpoint touchpoint;
};

// The index of the touchpoint a refusal names ("touchpoints[7].nps: …"), if any.
std::optional<size_t> RefusedIndex(const std::string& message) {
  static const std::regex kIndex(R"(touchpoints\[(\d+)\])");
  std::smatch match;
  if (!std::regex_search(message, match, kIndex)) return std::nullopt;
  size_t index = 0;
  if (!absl::SimpleAtoi(match[1].str(), &index)) return std::nullopt;
  return index;
}

void Reject(int line_number, std::string_view reason, ImportTally& tally) {
  std::cerr << "\rline " << line_number << ": " << reason << "\n";
  ++tally.rejected;
}

// Sends `batch`, dropping refused lines one by one. Returns false on a failure that is not
// about a single line (connection, authorisation): the import stops there.
bool SendBatch(const ServiceConnection& connection, v1::JourneyService::Stub& stub,
               std::vector<PendingLine> batch, ImportTally& tally) {
  while (!batch.empty()) {
    v1::RecordTouchpointsRequest request;
    for (const PendingLine& line : batch) *request.add_touchpoints() = line.touchpoint;
    v1::RecordTouchpointsResponse response;
    grpc::Status status = stub.RecordTouchpoints(connection.NewContext(60).get(), request, &response);
    if (status.ok()) {
      tally.stored += response.stored();
      tally.duplicates += response.duplicates();
      return true;
    }
    std::optional<size_t> index = RefusedIndex(status.error_message());
    bool about_one_line = status.error_code() == grpc::StatusCode::INVALID_ARGUMENT ||
                          status.error_code() == grpc::StatusCode::NOT_FOUND;
    if (!about_one_line || !index || *index >= batch.size()) {
      std::cerr << "jdctl: import stopped at line " << batch.front().line_number << ": "
                << status.error_message() << " (" << status.error_code() << ")\n";
      return false;
    }
    std::string reason = status.error_message();
    Reject(batch[*index].line_number, reason, tally);
    batch.erase(batch.begin() + static_cast<std::ptrdiff_t>(*index));
  }
  return true;
}

void ShowProgress(const import::TouchpointFileReader& reader, const ImportTally& tally) {
  int64_t total = reader.total_bytes() > 0 ? reader.total_bytes() : 1;
  std::cerr << "\r" << (100 * reader.bytes_read() / total) << "% · " << tally.stored << " stored, "
            << tally.duplicates << " duplicates, " << tally.rejected << " rejected" << std::flush;
}

int RunImport(const ImportFlags& flags) {
  absl::StatusOr<ServiceConnection> connection = ServiceConnection::Open(flags.connection);
  if (!connection.ok()) {
    std::cerr << "jdctl: " << connection.status().message() << "\n";
    return 2;
  }
  absl::StatusOr<import::TouchpointFileReader> reader = import::TouchpointFileReader::Open(flags.path);
  if (!reader.ok()) {
    std::cerr << "jdctl: " << reader.status().message() << "\n";
    return 2;
  }
  auto stub = v1::JourneyService::NewStub(connection->channel());
  ImportTally tally;
  std::vector<PendingLine> batch;
  bool ok = true;
  while (ok) {
    std::optional<import::ParsedLine> line = reader->Next();
    if (line && !line->touchpoint.ok()) {
      // The reader's message already starts with "line N: ".
      std::cerr << "\r" << line->touchpoint.status().message() << "\n";
      ++tally.rejected;
      continue;
    }
    if (line) batch.push_back({line->line_number, std::move(*line->touchpoint)});
    if (batch.size() >= kBatchSize || (!line && !batch.empty())) {
      ok = SendBatch(*connection, *stub, std::move(batch), tally);
      batch.clear();
      ShowProgress(*reader, tally);
    }
    if (!line) break;
  }
  std::cerr << "\nimport of " << flags.path << (ok ? " finished: " : " stopped: ") << tally.stored
            << " stored, " << tally.duplicates << " duplicates (already stored), " << tally.rejected
            << " rejected\n";
  if (!ok) return 1;
  return tally.rejected > 0 ? 3 : 0;
}

}  // namespace

void AddImportCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<ImportFlags>();
  CLI::App* command = app.add_subcommand(
      "import", "import touchpoints from a JSONL or CSV file (exit 3 when lines were rejected)");
  command->add_option("--server", flags->connection.server, "journeyd HOST:PORT (default $JD_SERVER or 127.0.0.1:50051)");
  command->add_option("--token-file", flags->connection.token_file, "file holding the bearer token (default $JD_TOKEN)");
  command->add_option("--tls-ca", flags->connection.tls_ca, "PEM root certificates; turns TLS on");
  command->add_option("file", flags->path, ".jsonl/.ndjson or .csv file")->required()->check(CLI::ExistingFile);
  command->callback([flags, &exit_code] { exit_code = RunImport(*flags); });
}

}  // namespace journeydesk::jdctl
