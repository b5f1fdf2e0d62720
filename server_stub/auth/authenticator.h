#pragma once
// Turns the `authorization: Bearer <token>` header into a Caller, and checks roles.
//
// Thread safety: Authenticate and Authorize may be called from any thread.
// Errors: UNAUTHENTICATED when the header is missing, malformed, unknown or revoked;
// PERMISSION_DENIED when the role may not call the RPC. Both messages say what is needed.
// The token itself never appears in a message or a log.

#include <initializer_list>
#include <string_view>

#include "absl/status/statusor.h"
#include "auth/caller.h"
#include "store/journey_store.h"

namespace journeydesk::auth {

class Authenticator {
 public:
  explicit Authenticator(store::TokenStore& tokens) : tokens_(tokens) {}

  // `authorization_header` is the raw header value ("" when absent).
  absl::StatusOr<Caller> Authenticate(std::string_view authorization_header) const;

 private:
  store::TokenStore& tokens_;
};

// OK when `caller.role` is one of `allowed`.
absl::Status Authorize(const Caller& caller, std::initializer_list<store::Role> allowed,
                       std::string_view rpc_name);

}  // namespace journeydesk::auth
