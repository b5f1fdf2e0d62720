#include "api/journeyd_server.h"
#include "common/absl_string_view.h"

#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "api/contact_center_grpc_service.h"
#include "api/journey_grpc_service.h"
#include "api/reflection_service.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_builder.h"
#include "spdlog/spdlog.h"
#include "routing/contact_center_config.h"
#include "store/sqlite_contact_store.h"
#include "store/sqlite_journey_store.h"

namespace journeydesk::api {
namespace {

absl::StatusOr<std::string> ReadFile(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read the ", ToAbsl(what), " file ", path));
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeCredentials(const ServerOptions& options) {
  if (options.tls_cert_path.empty() != options.tls_key_path.empty()) {
    return absl::InvalidArgumentError("--tls-cert and --tls-key go together: give both or neither");
  }
  if (options.tls_cert_path.empty()) {
    if (!options.allow_insecure_remote && !IsLoopbackListenAddress(options.listen)) {
      return absl::FailedPreconditionError(absl::StrCat(
          "refusing to serve plaintext on ", options.listen,
          ": tokens and customer data would cross the network unencrypted. Give --tls-cert and "
          "--tls-key, listen on 127.0.0.1, or pass --allow-insecure-remote if a proxy encrypts it"));
    }
    return grpc::InsecureServerCredentials();
  }
  absl::StatusOr<std::string> cert = ReadFile(options.tls_cert_path, "TLS certificate");
  if (!cert.ok()) return cert.status();
  absl::StatusOr<std::string> key = ReadFile(options.tls_key_path, "TLS key");
  if (!key.ok()) return key.status();
  grpc::SslServerCredentialsOptions ssl;
  ssl.pem_key_cert_pairs.push_back({*key, *cert});
  return grpc::SslServerCredentials(ssl);
}

}  // namespace

bool IsLoopbackListenAddress(std::string_view listen) {
  std::string_view host = listen;
  if (absl::StartsWith(ToAbsl(host), "[")) {
    host = host.substr(1, host.find(']') == std::string_view::npos ? host.size() - 1 : host.find(']') - 1);
  } else if (size_t colon = host.rfind(':'); colon != std::string_view::npos &&
                                              host.find(':') == colon) {
    host = host.substr(0, colon);
  }
  return host == "localhost" || host == "::1" || absl::StartsWith(ToAbsl(host), "127.");
}

absl::StatusOr<std::unique_ptr<JourneydServer>> JourneydServer::Start(ServerOptions options) {
  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials = MakeCredentials(options);
  if (!credentials.ok()) return credentials.status();

  std::unique_ptr<JourneydServer> server(new JourneydServer());
  absl::StatusOr<std::unique_ptr<store::SqliteJourneyStore>> store =
      store::SqliteJourneyStore::Open(options.db_path);
  if (!store.ok()) return store.status();
  server->store_ = std::move(*store);
  server->bus_ = std::make_unique<events::CustomerEventBus>();
  store::SqliteJourneyStore& db = *server->store_;
  server->core_ = std::make_unique<service::JourneyServiceCore>(
      service::JourneyStores{db, db, db, db}, std::move(options.stage_map), *server->bus_);
  server->authenticator_ = std::make_unique<auth::Authenticator>(db);
  nba::RuleSetPtr nba_rules = std::move(options.nba_rules);
  if (!nba_rules) {
    absl::StatusOr<nba::RuleSetPtr> defaults = nba::LoadDefaultRules(&server->core_->stage_map());
    if (!defaults.ok()) return defaults.status();
    nba_rules = std::move(*defaults);
  }
  server->next_steps_ = std::make_unique<service::NextStepService>(*server->core_, std::move(nba_rules));
  server->journey_service_ = std::make_unique<JourneyGrpcService>(*server->core_, *server->next_steps_,
                                                                   *server->authenticator_);

  // The contact centre: queues, routing and agents' streams on the same database file.
  if (!options.contact_center.has_value()) {
    absl::StatusOr<v1::ContactCenterConfig> defaults = routing::LoadDefaultContactCenterConfig();
    if (!defaults.ok()) return defaults.status();
    options.contact_center = std::move(*defaults);
  }
  absl::StatusOr<std::unique_ptr<store::SqliteContactStore>> contact_store =
      store::SqliteContactStore::Open(options.db_path);
  if (!contact_store.ok()) return contact_store.status();
  server->contact_store_ = std::move(*contact_store);
  absl::StatusOr<std::unique_ptr<service::ContactCenterCore>> contact_center =
      service::ContactCenterCore::Create(std::move(*options.contact_center), *server->contact_store_,
                                         db, *server->core_);
  if (!contact_center.ok()) return contact_center.status();
  server->contact_center_ = std::move(*contact_center);
  server->contact_center_service_ =
      std::make_unique<ContactCenterGrpcService>(*server->contact_center_, *server->authenticator_);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen, *credentials, &server->port_);
  // Every service is listed here, so that reflection names exactly what is served.
  std::vector<std::string> served = {v1::JourneyService::service_full_name(),
                                     grpc::health::v1::Health::service_full_name(),
                                     grpc::reflection::v1alpha::ServerReflection::service_full_name()};
  builder.RegisterService(server->journey_service_.get());
  builder.RegisterService(server->contact_center_service_.get());
  server->reflection_service_ =
      std::make_unique<AuthenticatedReflectionService>(*server->authenticator_, std::move(served));
  builder.RegisterService(server->reflection_service_.get());
  server->server_ = builder.BuildAndStart();
  if (!server->server_ || server->port_ == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", options.listen,
                                               ": the address is invalid or the port is in use"));
  }
  return server;
}

JourneydServer::~JourneydServer() { Shutdown(); }

void JourneydServer::Shutdown(absl::Duration grace) {
  if (shut_down_ || !server_) return;
  shut_down_ = true;
  if (auto* health = server_->GetHealthCheckService()) health->Shutdown();  // NOT_SERVING
  bus_->Close();  // watchers return UNAVAILABLE within one poll interval
  contact_center_->Shutdown();  // agent and queue streams too
  server_->Shutdown(std::chrono::system_clock::now() + absl::ToChronoSeconds(grace));
  if (absl::Status flushed = core_->FlushAudit(); !flushed.ok()) {
    spdlog::error("audit log flush on shutdown failed: {}", flushed.ToString());
  }
}

void JourneydServer::Wait() {
  if (server_) server_->Wait();
}

}  // namespace journeydesk::api
