#include "jdctl/customer_commands.h"

#include <fstream>
#include <iostream>
#include <memory>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"
#include "jdctl/journey_printer.h"
#include "jdctl/service_connection.h"
#include "journeydesk/v1/journey_service.grpc.pb.h"

namespace journeydesk::jdctl {
namespace {

struct CustomerFlags {
  ConnectionFlags connection;
  std::string customer_id;
  std::string query;
  std::string out_path;
  std::string reason;
  int limit = 20;
  int page_size = 20;
  bool json = false;
};

void AddConnectionOptions(CLI::App* command, ConnectionFlags& flags) {
  command->add_option("--server", flags.server, "journeyd HOST:PORT (default $JD_SERVER or 127.0.0.1:50051)");
  command->add_option("--token-file", flags.token_file, "file holding the bearer token (default $JD_TOKEN)");
  command->add_option("--tls-ca", flags.tls_ca, "PEM root certificates; turns TLS on");
}

std::string ToJson(const google::protobuf::Message& message) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  return json;
}

// Runs `call(stub, context)`; reports a failed status and sets the exit code.
template <typename Call>
void WithStub(const CustomerFlags& flags, int& exit_code, Call&& call) {
  absl::StatusOr<ServiceConnection> connection = ServiceConnection::Open(flags.connection);
  if (!connection.ok()) {
    std::cerr << "jdctl: " << connection.status().message() << "\n";
    exit_code = 2;
    return;
  }
  auto stub = v1::JourneyService::NewStub(connection->channel());
  grpc::Status status = call(*stub, *connection->NewContext());
  if (!status.ok()) {
    std::cerr << "jdctl: " << status.error_message() << " (" << status.error_code() << ")\n";
    exit_code = 1;
  }
}

}  // namespace

void AddCustomerCommands(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<CustomerFlags>();

  CLI::App* ping = app.add_subcommand("ping", "check the connection and show the token's role");
  AddConnectionOptions(ping, flags->connection);
  ping->callback([flags, &exit_code] {
    WithStub(*flags, exit_code, [](v1::JourneyService::Stub& stub, grpc::ClientContext& context) {
      v1::PingResponse response;
      grpc::Status status = stub.Ping(&context, v1::PingRequest(), &response);
      if (status.ok()) std::cout << "ok: role " << response.role() << (response.agent_id().empty() ? "" : ", agent " + response.agent_id()) << "\n";
      return status;
    });
  });

  CLI::App* journey = app.add_subcommand("journey", "show a customer's bird's-eye journey");
  AddConnectionOptions(journey, flags->connection);
  journey->add_option("customer_id", flags->customer_id)->required();
  journey->add_option("--page-size", flags->page_size, "timeline entries to show")->capture_default_str();
  journey->add_flag("--json", flags->json, "print the Journey message as JSON");
  journey->callback([flags, &exit_code] {
    WithStub(*flags, exit_code, [&](v1::JourneyService::Stub& stub, grpc::ClientContext& context) {
      v1::GetJourneyRequest request;
      request.set_customer_id(flags->customer_id);
      request.set_page_size(flags->page_size);
      v1::Journey response;
      grpc::Status status = stub.GetJourney(&context, request, &response);
      if (!status.ok()) return status;
      if (flags->json) std::cout << ToJson(response);
      else PrintJourney(response, std::cout);
      return status;
    });
  });

  CLI::App* search = app.add_subcommand("search", "find customers by name, email, phone, chat handle or id");
  AddConnectionOptions(search, flags->connection);
  search->add_option("query", flags->query)->required();
  search->add_option("--limit", flags->limit)->capture_default_str();
  search->callback([flags, &exit_code] {
    WithStub(*flags, exit_code, [&](v1::JourneyService::Stub& stub, grpc::ClientContext& context) {
      v1::SearchCustomersRequest request;
      request.set_query(flags->query);
      request.set_limit(flags->limit);
      v1::SearchCustomersResponse response;
      grpc::Status status = stub.SearchCustomers(&context, request, &response);
      for (const v1::CustomerMatch& match : response.matches()) {
        std::cout << match.customer().id() << "\t" << match.customer().display_name() << "\t"
                  << match.matched_field() << ": " << match.matched_value() << "\n";
      }
      return status;
    });
  });

  CLI::App* export_command = app.add_subcommand("export", "write everything stored about a customer as JSON (admin)");
  AddConnectionOptions(export_command, flags->connection);
  export_command->add_option("customer_id", flags->customer_id)->required();
  export_command->add_option("--out", flags->out_path, "output file (default: standard output)");
  export_command->callback([flags, &exit_code] {
    WithStub(*flags, exit_code, [&](v1::JourneyService::Stub& stub, grpc::ClientContext& context) {
      v1::ExportCustomerRequest request;
      request.set_customer_id(flags->customer_id);
      v1::CustomerExport response;
      grpc::Status status = stub.ExportCustomer(&context, request, &response);
      if (!status.ok()) return status;
      if (flags->out_path.empty()) {
        std::cout << ToJson(response);
        return status;
      }
      std::ofstream out(flags->out_path, std::ios::trunc);
      out << ToJson(response);
      if (!out) return grpc::Status(grpc::StatusCode::INTERNAL, "cannot write " + flags->out_path);
      std::cerr << "exported " << response.touchpoints_size() << " touchpoints of "
                << flags->customer_id << " to " << flags->out_path << "\n";
      return status;
    });
  });

  CLI::App* erase = app.add_subcommand("erase", "erase a customer for good (admin)");
  AddConnectionOptions(erase, flags->connection);
  erase->add_option("customer_id", flags->customer_id)->required();
  erase->add_option("--reason", flags->reason, "why, e.g. the erasure request's reference")->required();
  erase->callback([flags, &exit_code] {
    WithStub(*flags, exit_code, [&](v1::JourneyService::Stub& stub, grpc::ClientContext& context) {
      v1::EraseCustomerRequest request;
      request.set_customer_id(flags->customer_id);
      request.set_reason(flags->reason);
      v1::EraseCustomerResponse response;
      grpc::Status status = stub.EraseCustomer(&context, request, &response);
      if (status.ok()) {
        std::cout << "erased " << flags->customer_id << " (" << response.touchpoints_erased()
                  << " touchpoints); the audit log now calls it " << response.pseudonym() << "\n";
      }
      return status;
    });
  });
}

}  // namespace journeydesk::jdctl
