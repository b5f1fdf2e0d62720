#include "store/crypto_random.h"
#include "common/absl_string_view.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace journeydesk::store {
namespace {

absl::Status OpenSslError(std::string_view what) {
  char text[256] = {};
  ERR_error_string_n(ERR_get_error(), text, sizeof(text));
  return absl::InternalError(absl::StrCat(ToAbsl(what), ": ", text));
}

}  // namespace

absl::StatusOr<std::string> RandomBytes(int count) {
  std::string bytes(static_cast<size_t>(count), '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), count) != 1) {
    return OpenSslError("OpenSSL RAND_bytes failed");
  }
  return bytes;
}

absl::StatusOr<std::string> RandomHex(int byte_count) {
  absl::StatusOr<std::string> bytes = RandomBytes(byte_count);
  if (!bytes.ok()) return bytes.status();
  return absl::BytesToHexString(*bytes);
}

absl::StatusOr<std::string> Sha256(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr) != 1) {
    return OpenSslError("OpenSSL SHA-256 failed");
  }
  return std::string(reinterpret_cast<const char*>(digest), size);
}

}  // namespace journeydesk::store
