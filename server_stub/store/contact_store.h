#pragma once
// The contact centre's storage contract: contacts and agents' settings, so that queued and
// active contacts survive a restart of journeyd and an agent finds its contacts where they
// were.
//
// Thread safety: every method may be called from any thread concurrently.
// Errors: absl::Status (INTERNAL with the SQLite message for a storage failure). Nothing
// throws.

#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "journeydesk/v1/contact_center.pb.h"

namespace journeydesk::store {

class ContactStore {
 public:
  virtual ~ContactStore() = default;

  // Stores the contact unless a newer version of it is stored already (version ordering
  // makes concurrent saves of one contact safe in any order). Durable once it returns OK.
  virtual absl::Status SaveContact(const v1::Contact& contact) = 0;
  // Contacts not completed or abandoned, oldest first.
  virtual absl::StatusOr<std::vector<v1::Contact>> ListOpenContacts() = 0;
  virtual absl::StatusOr<v1::Contact> GetContact(std::string_view contact_id) = 0;

  virtual absl::Status SaveAgentSettings(const v1::AgentSettings& settings) = 0;
  virtual absl::StatusOr<std::vector<v1::AgentSettings>> ListAgentSettings() = 0;
};

}  // namespace journeydesk::store
