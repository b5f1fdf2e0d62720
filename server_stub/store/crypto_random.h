#pragma once
// Randomness and hashing for ids, token secrets and the pseudonym key (OpenSSL).

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace journeydesk::store {

// `count` bytes from OpenSSL's CSPRNG. INTERNAL if it is not seeded.
absl::StatusOr<std::string> RandomBytes(int count);
// 2*`byte_count` lower-case hex digits of random bytes.
absl::StatusOr<std::string> RandomHex(int byte_count);
// SHA-256 of `data`: 32 raw bytes.
absl::StatusOr<std::string> Sha256(std::string_view data);

}  // namespace journeydesk::store
