// RecordTouchpoints: validate the whole batch, resolve stage and address, store it
// atomically, then tell the watchers.
#include <algorithm>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/time_util.h"
#include "journey/address.h"
#include "journey/touchpoint_validation.h"
#include "service/journey_service_core.h"

namespace journeydesk::service {
namespace {

google::protobuf::Timestamp ToTimestamp(absl::Time time) {
  return google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(time));
}

}  // namespace

absl::StatusOr<std::vector<store::TouchpointWrite>> JourneyServiceCore::PrepareWrites(
    const auth::Caller& caller, const v1::RecordTouchpointsRequest& request, absl::Time now) const {
  const int count = request.touchpoints_size();
  if (count == 0) return absl::InvalidArgumentError("touchpoints: at least one touchpoint is needed");
  if (count > journey::kMaxTouchpointsPerBatch) {
    return absl::InvalidArgumentError(absl::StrCat("touchpoints: at most ", journey::kMaxTouchpointsPerBatch,
                                                   " per batch, got ", count, "; split the batch"));
  }
  std::vector<store::TouchpointWrite> writes;
  writes.reserve(count);
  for (int i = 0; i < count; ++i) {
    const std::string field = absl::StrCat("touchpoints[", i, "]");
    const v1::Touchpoint& in = request.touchpoints(i);
    if (absl::Status valid = journey::ValidateTouchpoint(in, field, now, stages_); !valid.ok()) {
      return valid;
    }
    store::TouchpointWrite write{in, std::nullopt};
    v1::Touchpoint& tp = write.touchpoint;
    if (!tp.address().empty()) {
      absl::StatusOr<store::Address> address = journey::NormalizeAddress(tp.address());
      if (!address.ok()) {
        return absl::InvalidArgumentError(absl::StrCat(field, ".address: ", address.status().message()));
      }
      write.address = std::move(*address);
      tp.clear_address();
    }
    if (tp.stage().empty()) {
      tp.set_stage(std::string(stages_.StageForKind(tp.kind())));
      tp.set_stage_derived(true);
    } else {
      tp.set_stage_derived(false);
    }
    if (caller.role == store::Role::kAgent) tp.set_agent_id(caller.agent_id);
    *tp.mutable_recorded_at() = ToTimestamp(now);
    writes.push_back(std::move(write));
  }
  return writes;
}

absl::StatusOr<v1::RecordTouchpointsResponse> JourneyServiceCore::RecordTouchpoints(
    const auth::Caller& caller, const v1::RecordTouchpointsRequest& request) {
  const absl::Time now = options_.clock();
  absl::StatusOr<std::vector<store::TouchpointWrite>> writes = PrepareWrites(caller, request, now);
  if (!writes.ok()) return writes.status();
  absl::StatusOr<std::vector<store::TouchpointWriteResult>> results =
      stores_.touchpoints.RecordTouchpoints(std::move(*writes));
  if (!results.ok()) return results.status();

  v1::RecordTouchpointsResponse response;
  absl::flat_hash_set<std::string> touched;
  for (size_t i = 0; i < results->size(); ++i) {
    store::TouchpointWriteResult& result = (*results)[i];
    v1::RecordResult* out = response.add_results();
    out->set_id(result.id);
    out->set_status(result.duplicate ? v1::RECORD_DUPLICATE : v1::RECORD_STORED);
    out->set_customer_id(result.customer_id);
    out->set_stage(result.stage);
    out->set_created_prospect(result.created_prospect);
    if (result.duplicate) {
      response.set_duplicates(response.duplicates() + 1);
      continue;
    }
    response.set_stored(response.stored() + 1);
    touched.insert(result.customer_id);
  }
  for (const std::string& customer_id : touched) {
    // Before the watchers hear of it: a watcher that reads the journey again sees it.
    cache_.AddTouchpoints(customer_id, [&](const journey::CachedJourney& cached) -> journey::JourneyCache::Entry {
      if (cached.touchpoints().ShouldRebuild()) return nullptr;  // the next read reloads it
      std::vector<v1::Touchpoint> added;
      for (const store::TouchpointWriteResult& result : *results) {
        if (!result.duplicate && result.customer_id == customer_id) added.push_back(result.stored);
      }
      return cached.With(cached.touchpoints().WithAdded(std::move(added), stages_));
    });
    audit_.Record(AuditFor(caller, "RecordTouchpoints", customer_id));
  }
  // `at` is when the batch was committed and published: watchers can measure push delay.
  const google::protobuf::Timestamp published_at = ToTimestamp(options_.clock());
  for (size_t i = 0; i < results->size(); ++i) {
    if ((*results)[i].duplicate) continue;
    v1::CustomerEvent event;
    *event.mutable_at() = published_at;
    *event.mutable_touchpoint_recorded() = std::move((*results)[i].stored);
    bus_.Publish((*results)[i].customer_id, event);
  }
  if (ingest_listener_ && response.stored() > 0) {
    std::vector<StoredTouchpoints> stored;
    for (const store::TouchpointWriteResult& result : *results) {
      if (result.duplicate) continue;
      auto it = std::find_if(stored.begin(), stored.end(),
                             [&](const StoredTouchpoints& s) { return s.customer_id == result.customer_id; });
      if (it == stored.end()) it = stored.insert(stored.end(), StoredTouchpoints{result.customer_id, {}});
      it->touchpoint_ids.push_back(result.id);
    }
    ingest_listener_(stored);
  }
  return response;
}

}  // namespace journeydesk::service
