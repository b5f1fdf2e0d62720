#include "service/journey_service_core.h"

#include <utility>

#include "google/protobuf/util/time_util.h"

namespace journeydesk::service {

JourneyServiceCore::JourneyServiceCore(JourneyStores stores, v1::StageMap stage_map,
                                       events::CustomerEventBus& bus,
                                       JourneyServiceOptions options)
    : stores_(stores),
      stage_map_(std::move(stage_map)),
      stages_(stage_map_),
      bus_(bus),
      options_(std::move(options)),
      cache_(options_.cached_touchpoints),
      audit_(stores.audit_log) {}

JourneyServiceCore::~JourneyServiceCore() = default;

store::AuditRecord JourneyServiceCore::AuditFor(const auth::Caller& caller,
                                                std::string_view action,
                                                std::string_view customer_id,
                                                std::string detail) const {
  return store::AuditRecord{options_.clock(),       caller.Actor(),
                            std::string(store::RoleName(caller.role)), std::string(action),
                            std::string(customer_id), std::move(detail)};
}

void JourneyServiceCore::PublishCustomerUpdated(const v1::Customer& customer) {
  v1::CustomerEvent event;
  *event.mutable_at() = google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(
      absl::ToUnixMicros(options_.clock()));
  *event.mutable_customer_updated() = customer;
  bus_.Publish(customer.id(), event);
}

}  // namespace journeydesk::service
