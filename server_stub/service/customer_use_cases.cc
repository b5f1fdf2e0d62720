// UpsertCustomer, GetCustomer, SearchCustomers and SetConsent.
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "journey/address.h"
#include "common/absl_string_view.h"
#include "journey/touchpoint_validation.h"
#include "service/journey_service_core.h"

namespace journeydesk::service {
namespace {

constexpr int kDefaultSearchLimit = 20;
constexpr int kMaxSearchLimit = 100;

absl::Status RequireCustomerId(std::string_view customer_id) {
  if (customer_id.empty()) return absl::InvalidArgumentError("customer_id: required");
  return absl::OkStatus();
}

// Replaces every address of the profile with its normalised form.
absl::Status NormaliseAddresses(v1::Customer& customer) {
  for (int i = 0; i < customer.emails_size(); ++i) {
    absl::StatusOr<std::string> email = journey::NormalizeEmail(customer.emails(i));
    if (!email.ok()) return absl::InvalidArgumentError(absl::StrCat("customer.emails[", i, "]: ", email.status().message()));
    customer.set_emails(i, *email);
  }
  for (int i = 0; i < customer.phones_size(); ++i) {
    absl::StatusOr<std::string> phone = journey::NormalizePhone(customer.phones(i));
    if (!phone.ok()) return absl::InvalidArgumentError(absl::StrCat("customer.phones[", i, "]: ", phone.status().message()));
    customer.set_phones(i, *phone);
  }
  for (int i = 0; i < customer.chat_handles_size(); ++i) {
    absl::StatusOr<std::string> handle = journey::NormalizeChatHandle(customer.chat_handles(i));
    if (!handle.ok()) return absl::InvalidArgumentError(absl::StrCat("customer.chat_handles[", i, "]: ", handle.status().message()));
    customer.set_chat_handles(i, *handle);
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::UpsertCustomerResponse> JourneyServiceCore::UpsertCustomer(
    const auth::Caller& caller, const v1::UpsertCustomerRequest& request) {
  if (!request.has_customer()) return absl::InvalidArgumentError("customer: required");
  if (absl::Status valid = journey::ValidateCustomer(request.customer(), "customer"); !valid.ok()) {
    return valid;
  }
  v1::Customer customer = request.customer();
  if (absl::Status normalised = NormaliseAddresses(customer); !normalised.ok()) return normalised;

  absl::StatusOr<store::UpsertOutcome> outcome =
      stores_.customers.UpsertCustomer(customer, AuditFor(caller, "UpsertCustomer", customer.id()));
  if (!outcome.ok()) return outcome.status();

  cache_.Invalidate(outcome->customer.id());
  for (const std::string& prospect : outcome->merged_prospect_ids) cache_.Invalidate(prospect);
  PublishCustomerUpdated(outcome->customer);

  v1::UpsertCustomerResponse response;
  *response.mutable_customer() = std::move(outcome->customer);
  response.set_created(outcome->created);
  for (std::string& id : outcome->merged_prospect_ids) response.add_merged_prospect_ids(std::move(id));
  return response;
}

absl::StatusOr<v1::Customer> JourneyServiceCore::GetCustomer(const auth::Caller& caller,
                                                             const v1::GetCustomerRequest& request) {
  if (absl::Status valid = RequireCustomerId(request.customer_id()); !valid.ok()) return valid;
  absl::StatusOr<v1::Customer> customer = stores_.customers.GetCustomer(request.customer_id());
  if (customer.ok()) audit_.Record(AuditFor(caller, "GetCustomer", request.customer_id()));
  return customer;
}

absl::StatusOr<v1::SearchCustomersResponse> JourneyServiceCore::SearchCustomers(
    const auth::Caller& caller, const v1::SearchCustomersRequest& request) {
  std::string_view query = ToStd(absl::StripAsciiWhitespace(request.query()));
  if (query.size() < 2) return absl::InvalidArgumentError("query: at least 2 characters");
  if (query.size() > 200) return absl::InvalidArgumentError("query: at most 200 characters");
  if (request.limit() < 0 || request.limit() > kMaxSearchLimit) {
    return absl::InvalidArgumentError(absl::StrCat("limit: between 1 and ", kMaxSearchLimit,
                                                   " (0 means ", kDefaultSearchLimit, ")"));
  }
  int limit = request.limit() == 0 ? kDefaultSearchLimit : request.limit();
  absl::StatusOr<std::vector<store::SearchHit>> hits = stores_.customers.SearchCustomers(query, limit);
  if (!hits.ok()) return hits.status();

  v1::SearchCustomersResponse response;
  for (store::SearchHit& hit : *hits) {
    audit_.Record(AuditFor(caller, "SearchCustomers", hit.customer.id()));
    v1::CustomerMatch* match = response.add_matches();
    *match->mutable_customer() = std::move(hit.customer);
    match->set_matched_field(std::move(hit.matched_field));
    match->set_matched_value(std::move(hit.matched_value));
    match->set_score(hit.score);
  }
  return response;
}

absl::StatusOr<v1::Customer> JourneyServiceCore::SetConsent(const auth::Caller& caller,
                                                            const v1::SetConsentRequest& request) {
  if (absl::Status valid = RequireCustomerId(request.customer_id()); !valid.ok()) return valid;
  if (!request.has_profiling() && !request.has_marketing()) {
    return absl::InvalidArgumentError("profiling, marketing: set at least one");
  }
  std::optional<bool> profiling;
  std::optional<bool> marketing;
  if (request.has_profiling()) profiling = request.profiling();
  if (request.has_marketing()) marketing = request.marketing();
  auto describe = [](std::string_view name, std::optional<bool> value) -> std::string {
    if (!value) return "";
    return absl::StrCat(ToAbsl(name), "=", *value ? "yes " : "no ");
  };
  std::string detail = absl::StrCat(describe("profiling", profiling), describe("marketing", marketing));
  absl::StatusOr<v1::Customer> customer = stores_.customers.SetConsent(
      request.customer_id(), profiling, marketing, caller.Actor(),
      AuditFor(caller, "SetConsent", request.customer_id(), std::move(detail)));
  if (!customer.ok()) return customer;
  cache_.Invalidate(request.customer_id());  // consent applies to the very next read
  PublishCustomerUpdated(*customer);
  return customer;
}

}  // namespace journeydesk::service
