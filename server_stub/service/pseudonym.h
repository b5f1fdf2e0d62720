#pragma once
// How the audit log names an erased customer: "erased-" + the first 16 hex digits of
// HMAC-SHA256(database pseudonym key, customer id). Stable for one database, so repeated
// erasure requests for the same id can be matched, but not reversible without the key.

#include <string>
#include <string_view>

namespace journeydesk::service {

std::string PseudonymFor(std::string_view key, std::string_view customer_id);

}  // namespace journeydesk::service
