#pragma once
// journeyd's view of a contact (journeydesk.v1) as the plugin protocol's
// (journeydesk.plugin.v1). The host filters what a plugin may read by its permissions; this
// fills in everything the desktop knows.

#include <vector>

#include "journeydesk/plugin/v1/plugin.pb.h"
#include "journeydesk/v1/contact_center.pb.h"
#include "journeydesk/v1/journey.pb.h"

namespace journeydesk::agent {

plugin::v1::Contact ToPluginContact(const v1::Contact& contact);
plugin::v1::Message ToPluginMessage(const v1::ContactMessage& message);
// `journey` may be null (not loaded yet): then only the customer's id and name are given.
plugin::v1::ContactAssigned ToContactAssigned(const v1::Contact& contact, const std::string& agent_id,
                                              const std::string& customer_name, const v1::Journey* journey,
                                              const std::vector<v1::WrapUpCode>& wrap_up_codes);

}  // namespace journeydesk::agent
