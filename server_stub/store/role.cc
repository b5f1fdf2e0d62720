#include "store/journey_store.h"

namespace journeydesk::store {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAgent:
      return "agent";
    case Role::kSupervisor:
      return "supervisor";
    case Role::kAdmin:
      return "admin";
    case Role::kIntegration:
      return "integration";
  }
  return "unknown";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role role : {Role::kAgent, Role::kSupervisor, Role::kAdmin, Role::kIntegration}) {
    if (RoleName(role) == name) return role;
  }
  return std::nullopt;
}

}  // namespace journeydesk::store
