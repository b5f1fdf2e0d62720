#pragma once
// Plugin permissions: which customer data a plugin may read. The manifest declares them;
// the host clears everything else before an event leaves the desktop.

#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "journeydesk/plugin/v1/plugin.pb.h"

namespace journeydesk::agent::plugins {

using PermissionSet = std::set<std::string>;

// customer.name, customer.email, customer.phone, customer.address, customer.journey.
const std::vector<std::string>& KnownPermissions();

// INVALID_ARGUMENT naming the first unknown permission.
absl::Status CheckPermissionsKnown(const std::vector<std::string>& permissions);

// PERMISSION_DENIED naming what the plugin's code needs (comma-separated, from its entry
// struct) but plugin.json does not declare.
absl::Status CheckCodeNeedsDeclared(const std::string& needed_csv, const PermissionSet& declared);

// Copies of the data with every field outside `granted` cleared.
plugin::v1::Customer FilterCustomer(const plugin::v1::Customer& customer, const PermissionSet& granted);
plugin::v1::Contact FilterContact(const plugin::v1::Contact& contact, const PermissionSet& granted);
// Applies both filters to whatever customer data `event` carries.
void FilterEvent(plugin::v1::HostEvent& event, const PermissionSet& granted);

}  // namespace journeydesk::agent::plugins
