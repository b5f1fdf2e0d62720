#pragma once
// The journey service's use cases, free of gRPC: the api/ layer authenticates and
// authorises, then calls these; jdctl and the demo seeder call them directly.
//
// Contracts shared by every method:
// - Requests are validated here; a bad one → INVALID_ARGUMENT naming the field and rule.
// - Unknown customer → NOT_FOUND. Storage failures → INTERNAL.
// - Reads of a customer are audited asynchronously (AuditRecorder); changes are audited
//   in the same transaction as the change.
// - Thread safety: every method may be called from any thread at once.

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "auth/caller.h"
#include "events/customer_event_bus.h"
#include "journey/stage_resolver.h"
#include "journey/journey_cache.h"
#include "journeydesk/v1/journey.pb.h"
#include "journeydesk/v1/journey_service.pb.h"
#include "journeydesk/v1/stage_map.pb.h"
#include "service/audit_recorder.h"
#include "store/journey_store.h"

namespace journeydesk::service {

// The stores the core works on; all may be one object (SqliteJourneyStore).
struct JourneyStores {
  store::CustomerStore& customers;
  store::TouchpointStore& touchpoints;
  store::AuditLog& audit_log;
  store::PrivacyStore& privacy;
};

struct JourneyServiceOptions {
  size_t cached_touchpoints = 500'000;   // bound of the in-memory journey cache, in touchpoints
  std::function<absl::Time()> clock = [] { return absl::Now(); };
};

class JourneyServiceCore {
 public:
  // `stage_map` must be valid (ValidateStageMap). `bus` must outlive the core.
  JourneyServiceCore(JourneyStores stores, v1::StageMap stage_map, events::CustomerEventBus& bus,
                     JourneyServiceOptions options = {});
  ~JourneyServiceCore();

  absl::StatusOr<v1::UpsertCustomerResponse> UpsertCustomer(const auth::Caller& caller,
                                                            const v1::UpsertCustomerRequest& request);
  absl::StatusOr<v1::Customer> GetCustomer(const auth::Caller& caller,
                                           const v1::GetCustomerRequest& request);
  absl::StatusOr<v1::SearchCustomersResponse> SearchCustomers(
      const auth::Caller& caller, const v1::SearchCustomersRequest& request);
  // Agent callers: each touchpoint's agent_id is set to the caller's own agent id.
  absl::StatusOr<v1::RecordTouchpointsResponse> RecordTouchpoints(
      const auth::Caller& caller, const v1::RecordTouchpointsRequest& request);
  absl::StatusOr<v1::Journey> GetJourney(const auth::Caller& caller,
                                         const v1::GetJourneyRequest& request);
  // The same journey as GetJourney, serialized (protobuf wire format) — what the RPC sends.
  // For the usual request (first page, as_of now) most of the bytes come ready from the
  // journey cache, so no touchpoint is copied or serialized per call. The fields are not in
  // field-number order; any protobuf parser reads them as GetJourney's message.
  absl::StatusOr<std::string> GetJourneySerialized(const auth::Caller& caller,
                                                   const v1::GetJourneyRequest& request);
  // Subscribes before returning, so nothing recorded after this call is missed.
  absl::StatusOr<std::unique_ptr<events::CustomerSubscription>> WatchCustomer(
      const auth::Caller& caller, const v1::WatchCustomerRequest& request);
  absl::StatusOr<v1::Customer> SetConsent(const auth::Caller& caller,
                                          const v1::SetConsentRequest& request);
  absl::StatusOr<v1::CustomerExport> ExportCustomer(const auth::Caller& caller,
                                                    const v1::ExportCustomerRequest& request);
  absl::StatusOr<v1::EraseCustomerResponse> EraseCustomer(const auth::Caller& caller,
                                                          const v1::EraseCustomerRequest& request);

  const v1::StageMap& stage_map() const { return stage_map_; }
  const journey::StageResolver& stages() const { return stages_; }
  absl::Time Now() const { return options_.clock(); }
  events::CustomerEventBus& bus() { return bus_; }

  // For sibling use cases (NextStepService) that read journeys the way GetJourney does:
  // the customer and their indexed touchpoints, from the journey cache or else the store.
  // As fresh as the store for every write made through this core (each one updates or
  // drops the cached entry once committed, before it returns): a consent change applies
  // to the next read. NOT_FOUND for an unknown customer. Never null when OK.
  absl::StatusOr<journey::JourneyCache::Entry> LoadJourney(const std::string& customer_id);
  // Queues a read audit record, as GetJourney does.
  void AuditRead(const auth::Caller& caller, std::string_view action, std::string_view customer_id);

  // Touchpoints a RecordTouchpoints call stored (not duplicates), per customer.
  struct StoredTouchpoints {
    std::string customer_id;
    std::vector<std::string> touchpoint_ids;
  };
  using IngestListener = std::function<void(const std::vector<StoredTouchpoints>&)>;
  // Called after each RecordTouchpoints that stored something, after the watchers were
  // told, on the caller's thread. Set it once, before serving.
  void SetIngestListener(IngestListener listener) { ingest_listener_ = std::move(listener); }
  // Writes queued audit records now (used on shutdown and before erasure).
  absl::Status FlushAudit() { return audit_.Flush(); }

 private:
  store::AuditRecord AuditFor(const auth::Caller& caller, std::string_view action,
                              std::string_view customer_id, std::string detail = {}) const;
  // A checked GetJourney request: its journey (cache or store) and as_of.
  struct JourneyRead {
    journey::JourneyCache::Entry journey;
    absl::Time as_of;
  };
  absl::StatusOr<JourneyRead> BeginJourneyRead(const v1::GetJourneyRequest& request);
  absl::StatusOr<std::vector<store::TouchpointWrite>> PrepareWrites(
      const auth::Caller& caller, const v1::RecordTouchpointsRequest& request, absl::Time now) const;
  void PublishCustomerUpdated(const v1::Customer& customer);

  JourneyStores stores_;
  const v1::StageMap stage_map_;
  const journey::StageResolver stages_;
  events::CustomerEventBus& bus_;
  JourneyServiceOptions options_;
  journey::JourneyCache cache_;
  AuditRecorder audit_;
  IngestListener ingest_listener_;
};

}  // namespace journeydesk::service
