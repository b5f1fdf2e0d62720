#pragma once
// Who is calling, as established from the bearer token — never from a request field.

#include <string>

#include "store/journey_store.h"

namespace journeydesk::auth {

struct Caller {
  std::string token_id;
  store::Role role = store::Role::kAgent;
  std::string agent_id;  // empty for tokens not bound to an agent

  // "token:<id>" or "token:<id> agent:<agent id>", as written to the audit log.
  std::string Actor() const;
};

}  // namespace journeydesk::auth
