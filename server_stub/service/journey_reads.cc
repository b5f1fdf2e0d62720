// GetJourney and WatchCustomer: the bird's-eye view now, and what happens from now on.
#include <string>

#include "google/protobuf/util/time_util.h"
#include "journey/journey_assembler.h"
#include "service/journey_service_core.h"

namespace journeydesk::service {

absl::StatusOr<std::shared_ptr<const std::vector<v1::Touchpoint>>>
JourneyServiceCore::LoadTouchpoints(const std::string& customer_id) {
  if (auto cached = cache_.Get(customer_id)) return cached;
  const uint64_t epoch = cache_.epoch();
  absl::StatusOr<std::vector<v1::Touchpoint>> loaded =
      stores_.touchpoints.ListTouchpoints(customer_id, std::nullopt);
  if (!loaded.ok()) return loaded.status();
  auto shared = std::make_shared<const std::vector<v1::Touchpoint>>(std::move(*loaded));
  cache_.Put(customer_id, shared, epoch);  // dropped if a write invalidated meanwhile
  return shared;
}

absl::StatusOr<JourneyServiceCore::CustomerSnapshot> JourneyServiceCore::LoadCustomerSnapshot(
    const std::string& customer_id) {
  absl::StatusOr<v1::Customer> customer = stores_.customers.GetCustomer(customer_id);
  if (!customer.ok()) return customer.status();
  auto touchpoints = LoadTouchpoints(customer_id);
  if (!touchpoints.ok()) return touchpoints.status();
  return CustomerSnapshot{std::move(*customer), std::move(*touchpoints)};
}

void JourneyServiceCore::AuditRead(const auth::Caller& caller, std::string_view action,
                                   std::string_view customer_id) {
  audit_.Record(AuditFor(caller, action, customer_id));
}

absl::StatusOr<v1::Journey> JourneyServiceCore::GetJourney(const auth::Caller& caller,
                                                           const v1::GetJourneyRequest& request) {
  if (request.customer_id().empty()) return absl::InvalidArgumentError("customer_id: required");
  if (request.page_size() < 0) return absl::InvalidArgumentError("page_size: must not be negative");
  absl::Time as_of = options_.clock();
  if (request.has_as_of()) {
    if (request.as_of().seconds() < google::protobuf::util::TimeUtil::kTimestampMinSeconds ||
        request.as_of().seconds() > google::protobuf::util::TimeUtil::kTimestampMaxSeconds ||
        request.as_of().nanos() < 0 || request.as_of().nanos() > 999'999'999) {
      return absl::InvalidArgumentError("as_of: not a valid timestamp");
    }
    as_of = absl::FromUnixMicros(
        google::protobuf::util::TimeUtil::TimestampToMicroseconds(request.as_of()));
  }
  absl::StatusOr<v1::Customer> customer = stores_.customers.GetCustomer(request.customer_id());
  if (!customer.ok()) return customer.status();
  auto touchpoints = LoadTouchpoints(request.customer_id());
  if (!touchpoints.ok()) return touchpoints.status();

  absl::StatusOr<v1::Journey> journey =
      journey::AssembleJourney(*customer, **touchpoints, stage_map_, stages_, as_of,
                               request.page_size(), request.page_token());
  if (journey.ok()) audit_.Record(AuditFor(caller, "GetJourney", request.customer_id()));
  return journey;
}

absl::StatusOr<std::unique_ptr<events::CustomerSubscription>> JourneyServiceCore::WatchCustomer(
    const auth::Caller& caller, const v1::WatchCustomerRequest& request) {
  if (request.customer_id().empty()) return absl::InvalidArgumentError("customer_id: required");
  // Subscribe first: a touchpoint recorded between the check and the subscription is kept.
  std::unique_ptr<events::CustomerSubscription> subscription = bus_.Subscribe(request.customer_id());
  absl::StatusOr<v1::Customer> customer = stores_.customers.GetCustomer(request.customer_id());
  if (!customer.ok()) return customer.status();
  audit_.Record(AuditFor(caller, "WatchCustomer", request.customer_id()));
  return subscription;
}

}  // namespace journeydesk::service
