#include "auth/authenticator.h"
#include "common/absl_string_view.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace journeydesk::auth {

std::string Caller::Actor() const {
  if (agent_id.empty()) return absl::StrCat("token:", token_id);
  return absl::StrCat("token:", token_id, " agent:", agent_id);
}

absl::StatusOr<Caller> Authenticator::Authenticate(std::string_view authorization_header) const {
  if (authorization_header.empty()) {
    return absl::UnauthenticatedError(
        "missing 'authorization: Bearer <token>' metadata; create a token with "
        "'jdctl token create --role ROLE --db FILE'");
  }
  constexpr std::string_view kBearer = "bearer ";
  if (authorization_header.size() <= kBearer.size() ||
      !absl::StartsWithIgnoreCase(ToAbsl(authorization_header), ToAbsl(kBearer))) {
    return absl::UnauthenticatedError(
        "the authorization metadata must read 'Bearer <token>'");
  }
  std::string_view secret = ToStd(absl::StripAsciiWhitespace(ToAbsl(authorization_header.substr(kBearer.size()))));
  absl::StatusOr<store::TokenInfo> info = tokens_.Authenticate(secret);
  if (absl::IsNotFound(info.status())) {
    return absl::UnauthenticatedError(
        "the bearer token is unknown or revoked; ask an administrator for a new one");
  }
  if (!info.ok()) return info.status();
  return Caller{info->token_id, info->role, info->agent_id};
}

absl::Status Authorize(const Caller& caller, std::initializer_list<store::Role> allowed,
                       std::string_view rpc_name) {
  for (store::Role role : allowed) {
    if (role == caller.role) return absl::OkStatus();
  }
  std::string names = absl::StrJoin(allowed, " or ", [](std::string* out, store::Role role) {
    absl::StrAppend(out, ToAbsl(store::RoleName(role)));
  });
  return absl::PermissionDeniedError(absl::StrCat(ToAbsl(rpc_name), " needs the role ", names,
                                                  "; this token has the role ",
                                                  ToAbsl(store::RoleName(caller.role))));
}

}  // namespace journeydesk::auth
