// ExportCustomer and EraseCustomer: the customer's rights over their data.
#include <string>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/time_util.h"
#include "service/journey_service_core.h"
#include "service/pseudonym.h"

namespace journeydesk::service {
namespace {

google::protobuf::Timestamp ToTimestamp(absl::Time time) {
  return google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(time));
}

}  // namespace

absl::StatusOr<v1::CustomerExport> JourneyServiceCore::ExportCustomer(
    const auth::Caller& caller, const v1::ExportCustomerRequest& request) {
  if (request.customer_id().empty()) return absl::InvalidArgumentError("customer_id: required");
  absl::StatusOr<v1::Customer> customer = stores_.customers.GetCustomer(request.customer_id());
  if (!customer.ok()) return customer.status();
  absl::StatusOr<std::vector<v1::Touchpoint>> touchpoints =
      stores_.touchpoints.ListTouchpoints(request.customer_id(), std::nullopt);
  if (!touchpoints.ok()) return touchpoints.status();
  audit_.Record(AuditFor(caller, "ExportCustomer", request.customer_id()));
  if (absl::Status flushed = audit_.Flush(); !flushed.ok()) return flushed;
  absl::StatusOr<std::vector<store::AuditRecord>> access =
      stores_.audit_log.ListForCustomer(request.customer_id());
  if (!access.ok()) return access.status();

  v1::CustomerExport out;
  *out.mutable_customer() = std::move(*customer);
  for (v1::Touchpoint& tp : *touchpoints) *out.add_touchpoints() = std::move(tp);
  for (const store::AuditRecord& record : *access) {
    v1::AuditEntry* entry = out.add_access_log();
    *entry->mutable_at() = ToTimestamp(record.at);
    entry->set_actor(record.actor);
    entry->set_role(record.role);
    entry->set_action(record.action);
    entry->set_detail(record.detail);
  }
  *out.mutable_exported_at() = ToTimestamp(options_.clock());
  return out;
}

absl::StatusOr<v1::EraseCustomerResponse> JourneyServiceCore::EraseCustomer(
    const auth::Caller& caller, const v1::EraseCustomerRequest& request) {
  if (request.customer_id().empty()) return absl::InvalidArgumentError("customer_id: required");
  if (request.reason().empty()) {
    return absl::InvalidArgumentError("reason: required (e.g. the erasure request's reference)");
  }
  absl::StatusOr<std::string> key = stores_.privacy.PseudonymKey();
  if (!key.ok()) return key.status();
  const std::string pseudonym = PseudonymFor(*key, request.customer_id());
  // Queued read records name the customer: write them now so erasure rewrites them too.
  if (absl::Status flushed = audit_.Flush(); !flushed.ok()) return flushed;

  absl::StatusOr<store::EraseOutcome> outcome = stores_.privacy.EraseCustomer(
      request.customer_id(), pseudonym,
      AuditFor(caller, "EraseCustomer", pseudonym, absl::StrCat("reason: ", request.reason())));
  if (!outcome.ok()) return outcome.status();
  cache_.Invalidate(request.customer_id());

  v1::CustomerEvent last;
  *last.mutable_at() = ToTimestamp(options_.clock());
  last.set_customer_erased(true);
  bus_.EndCustomer(request.customer_id(), last);

  v1::EraseCustomerResponse response;
  response.set_touchpoints_erased(outcome->touchpoints_erased);
  response.set_pseudonym(pseudonym);
  return response;
}

}  // namespace journeydesk::service
