#pragma once
// journeyd assembled: the SQLite store, the stage map, the core use cases and the gRPC
// services (JourneyService, grpc.health.v1.Health, authenticated server reflection) on one port.
//
// Lifecycle: Start() → serving; Shutdown() closes every stream (watchers get UNAVAILABLE),
// finishes calls in flight within a grace period, flushes the audit log. Not copyable.

#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "auth/authenticator.h"
#include "events/customer_event_bus.h"
#include "grpcpp/server.h"
#include "journeydesk/v1/stage_map.pb.h"
#include "nba/rules_loader.h"
#include "journeydesk/v1/contact_center_config.pb.h"
#include "service/contact_center_core.h"
#include "service/journey_service_core.h"
#include "service/next_step_service.h"

namespace journeydesk::store {
class SqliteJourneyStore;
class SqliteContactStore;
}  // namespace journeydesk::store

namespace journeydesk::api {

class JourneyGrpcService;
class ContactCenterGrpcService;
class AuthenticatedReflectionService;

struct ServerOptions {
  std::string db_path;
  std::string listen = "127.0.0.1:50051";
  v1::StageMap stage_map;                 // already loaded and valid
  nba::RuleSetPtr nba_rules;              // next-best-action rules; null: the built-in defaults
  std::string tls_cert_path;              // both set: TLS; both empty: plaintext
  std::string tls_key_path;
  // Plaintext on a non-loopback address exposes tokens and customer data on the network;
  // refused unless this is set.
  bool allow_insecure_remote = false;
  // Queues, offer timeout and wrap-up codes (already valid); absent: the built-in default.
  std::optional<v1::ContactCenterConfig> contact_center;
};

class JourneydServer {
 public:
  // Opens the database and binds the port. FAILED_PRECONDITION for plaintext on a
  // non-loopback address, UNAVAILABLE when the port cannot be bound.
  static absl::StatusOr<std::unique_ptr<JourneydServer>> Start(ServerOptions options);
  ~JourneydServer();

  // The port actually bound (useful with ":0").
  int port() const { return port_; }
  service::JourneyServiceCore& core() { return *core_; }
  // Swap rules here on reload (NextStepService::ReplaceRules).
  service::NextStepService& next_steps() { return *next_steps_; }
  store::SqliteJourneyStore& store() { return *store_; }
  service::ContactCenterCore& contact_center() { return *contact_center_; }

  void Shutdown(absl::Duration grace = absl::Seconds(5));
  void Wait();

 private:
  JourneydServer() = default;

  std::unique_ptr<store::SqliteJourneyStore> store_;
  std::unique_ptr<events::CustomerEventBus> bus_;
  std::unique_ptr<service::JourneyServiceCore> core_;
  std::unique_ptr<service::NextStepService> next_steps_;
  std::unique_ptr<auth::Authenticator> authenticator_;
  std::unique_ptr<store::SqliteContactStore> contact_store_;
  std::unique_ptr<service::ContactCenterCore> contact_center_;
  std::unique_ptr<ContactCenterGrpcService> contact_center_service_;
  std::unique_ptr<JourneyGrpcService> journey_service_;
  std::unique_ptr<AuthenticatedReflectionService> reflection_service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  bool shut_down_ = false;
};

// True for 127.0.0.0/8, ::1 and localhost, with or without a port.
bool IsLoopbackListenAddress(std::string_view listen);

}  // namespace journeydesk::api
