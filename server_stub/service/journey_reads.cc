// GetJourney and WatchCustomer: the bird's-eye view now, and what happens from now on.
#include <algorithm>
#include <string>

#include "google/protobuf/util/time_util.h"
#include "journey/journey_assembler.h"
#include "service/journey_service_core.h"

namespace journeydesk::service {

absl::StatusOr<journey::JourneyCache::Entry> JourneyServiceCore::LoadJourney(
    const std::string& customer_id) {
  if (journey::JourneyCache::Entry cached = cache_.Get(customer_id)) return cached;
  const uint64_t epoch = cache_.epoch();
  absl::StatusOr<v1::Customer> customer = stores_.customers.GetCustomer(customer_id);
  if (!customer.ok()) return customer.status();
  absl::StatusOr<std::vector<v1::Touchpoint>> touchpoints =
      stores_.touchpoints.ListTouchpoints(customer_id, std::nullopt);
  if (!touchpoints.ok()) return touchpoints.status();
  auto loaded = std::make_shared<const journey::CachedJourney>(
      std::make_shared<const v1::Customer>(std::move(*customer)),
      journey::IndexedTouchpoints(std::move(*touchpoints), stages_),
      std::min(stages_.stage_count(), stage_map_.stages_size()));
  cache_.Put(customer_id, loaded, epoch);  // dropped if a write was reported meanwhile
  return loaded;
}

void JourneyServiceCore::AuditRead(const auth::Caller& caller, std::string_view action,
                                   std::string_view customer_id) {
  audit_.Record(AuditFor(caller, action, customer_id));
}

absl::StatusOr<JourneyServiceCore::JourneyRead> JourneyServiceCore::BeginJourneyRead(
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
  absl::StatusOr<journey::JourneyCache::Entry> loaded = LoadJourney(request.customer_id());
  if (!loaded.ok()) return loaded.status();
  return JourneyRead{std::move(*loaded), as_of};
}

absl::StatusOr<v1::Journey> JourneyServiceCore::GetJourney(const auth::Caller& caller,
                                                           const v1::GetJourneyRequest& request) {
  absl::StatusOr<JourneyRead> read = BeginJourneyRead(request);
  if (!read.ok()) return read.status();
  const journey::CachedJourney& cached = *read->journey;
  // as_of usually is now, after the newest touchpoint: then the tallies kept with the
  // cached journey are this view's.
  const absl::Span<const journey::StagedTouchpoint> up_to_as_of = cached.touchpoints().UpTo(read->as_of);
  const journey::JourneyTallies* tallies =
      up_to_as_of.size() == cached.touchpoints().size() ? &cached.TalliesOfAll() : nullptr;
  v1::Journey journey;
  absl::Status assembled = journey::AssembleJourneyInto(
      cached.customer(), up_to_as_of, tallies, stage_map_, stages_, read->as_of, request.page_size(),
      request.page_token(), &journey);
  if (!assembled.ok()) return assembled;
  audit_.Record(AuditFor(caller, "GetJourney", request.customer_id()));
  return journey;
}

absl::StatusOr<std::string> JourneyServiceCore::GetJourneySerialized(
    const auth::Caller& caller, const v1::GetJourneyRequest& request) {
  absl::StatusOr<JourneyRead> read = BeginJourneyRead(request);
  if (!read.ok()) return read.status();
  const journey::CachedJourney& cached = *read->journey;
  const absl::Span<const journey::StagedTouchpoint> up_to_as_of = cached.touchpoints().UpTo(read->as_of);
  std::string bytes;
  if (up_to_as_of.size() == cached.touchpoints().size() && request.page_token().empty()) {
    // What depends on as_of itself (metrics, signals, as_of), then the stages and first
    // page kept with the cached journey.
    v1::Journey head;
    absl::Status assembled = journey::AssembleJourneyInto(
        cached.customer(), up_to_as_of, &cached.TalliesOfAll(), stage_map_, stages_, read->as_of,
        request.page_size(), "", &head, journey::JourneyPart::kWithoutStagesAndPage);
    if (!assembled.ok()) return assembled;
    absl::StatusOr<std::shared_ptr<const std::string>> page =
        cached.FirstPageBytes(request.page_size(), stage_map_, stages_, read->as_of);
    if (!page.ok()) return page.status();
    head.SerializeToString(&bytes);
    bytes.append(**page);
  } else {
    v1::Journey journey;
    absl::Status assembled = journey::AssembleJourneyInto(
        cached.customer(), up_to_as_of, nullptr, stage_map_, stages_, read->as_of,
        request.page_size(), request.page_token(), &journey);
    if (!assembled.ok()) return assembled;
    journey.SerializeToString(&bytes);
  }
  audit_.Record(AuditFor(caller, "GetJourney", request.customer_id()));
  return bytes;
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
