#include "service/pseudonym.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace journeydesk::service {

std::string PseudonymFor(std::string_view key, std::string_view customer_id) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(customer_id.data()), customer_id.size(), digest,
       &length);
  std::string hex = absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), length));
  return absl::StrCat("erased-", hex.substr(0, 16));
}

}  // namespace journeydesk::service
