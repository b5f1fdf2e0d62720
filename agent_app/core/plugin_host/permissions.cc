#include "core/plugin_host/permissions.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace journeydesk::agent::plugins {
namespace {

constexpr char kName[] = "customer.name";
constexpr char kEmail[] = "customer.email";
constexpr char kPhone[] = "customer.phone";
constexpr char kAddress[] = "customer.address";
constexpr char kJourney[] = "customer.journey";

bool Has(const PermissionSet& granted, const char* permission) { return granted.count(permission) > 0; }

}  // namespace

const std::vector<std::string>& KnownPermissions() {
  static const std::vector<std::string> known = {kName, kEmail, kPhone, kAddress, kJourney};
  return known;
}

absl::Status CheckPermissionsKnown(const std::vector<std::string>& permissions) {
  const auto& known = KnownPermissions();
  for (const std::string& permission : permissions) {
    if (std::find(known.begin(), known.end(), permission) == known.end()) {
      return absl::InvalidArgumentError(absl::StrCat("unknown permission \"", permission,
                                                     "\"; known: ", absl::StrJoin(known, ", ")));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckCodeNeedsDeclared(const std::string& needed_csv, const PermissionSet& declared) {
  std::vector<std::string> missing;
  for (absl::string_view part : absl::StrSplit(needed_csv, ',', absl::SkipWhitespace())) {
    std::string permission(absl::StripAsciiWhitespace(part));
    if (!declared.count(permission)) missing.push_back(permission);
  }
  if (missing.empty()) return absl::OkStatus();
  return absl::PermissionDeniedError(absl::StrCat(
      "the plugin's code reads ", absl::StrJoin(missing, ", "),
      " which plugin.json does not declare: add it to \"permissions\" if the plugin may see it"));
}

plugin::v1::Customer FilterCustomer(const plugin::v1::Customer& customer, const PermissionSet& granted) {
  plugin::v1::Customer filtered;
  filtered.set_customer_id(customer.customer_id());
  if (Has(granted, kName)) filtered.set_display_name(customer.display_name());
  if (Has(granted, kEmail)) filtered.set_email(customer.email());
  if (Has(granted, kPhone)) filtered.set_phone(customer.phone());
  if (Has(granted, kJourney)) {
    filtered.set_current_stage(customer.current_stage());
    filtered.set_lifecycle(customer.lifecycle());
    filtered.set_open_issues(customer.open_issues());
    if (customer.has_last_nps()) filtered.set_last_nps(customer.last_nps());
  }
  return filtered;
}

plugin::v1::Contact FilterContact(const plugin::v1::Contact& contact, const PermissionSet& granted) {
  plugin::v1::Contact filtered = contact;
  if (!Has(granted, kAddress)) filtered.clear_address();
  return filtered;
}

void FilterEvent(plugin::v1::HostEvent& event, const PermissionSet& granted) {
  if (event.has_contact_assigned()) {
    auto* assigned = event.mutable_contact_assigned();
    *assigned->mutable_customer() = FilterCustomer(assigned->customer(), granted);
    *assigned->mutable_contact() = FilterContact(assigned->contact(), granted);
  }
  if (event.has_contact_updated()) {
    auto* updated = event.mutable_contact_updated();
    *updated->mutable_contact() = FilterContact(updated->contact(), granted);
  }
}

}  // namespace journeydesk::agent::plugins
