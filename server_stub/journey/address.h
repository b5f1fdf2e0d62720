#pragma once
// Identity resolution starts here: an email address, a phone number or a chat handle,
// however a channel wrote it, becomes one normalised store::Address, so the same person
// on two channels maps to the same customer.
//
// Errors: INVALID_ARGUMENT saying what is wrong and what a valid value looks like. The
// messages never repeat the value itself (it is personal data and may end up in logs).
// Pure functions; thread-safe.

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "store/journey_store.h"

namespace journeydesk::journey {

// Decides what kind of address `raw` is and normalises it:
//   1. an explicit prefix wins: "mailto:" / "email:" → email, "tel:" / "phone:" → phone,
//      "chat:" → chat handle (prefixes are case-insensitive);
//   2. otherwise an '@' after the first character → email;
//   3. otherwise a leading '+', or only digits, spaces, '-', '.', '(' and ')' → phone;
//   4. otherwise a chat handle.
absl::StatusOr<store::Address> NormalizeAddress(std::string_view raw);

// Trimmed and lower-cased; one '@' with a non-empty local part, a domain with a dot (not
// at either end, no empty labels), no spaces; at most 254 characters.
absl::StatusOr<std::string> NormalizeEmail(std::string_view raw);

// A leading '+' is kept, then digits only; spaces, '-', '.', '(' and ')' are dropped.
// 6 to 15 digits.
absl::StatusOr<std::string> NormalizePhone(std::string_view raw);

// Trimmed, lower-cased, one leading '@' removed; 2 to 64 characters of a-z, 0-9, '.', '_', '-'.
absl::StatusOr<std::string> NormalizeChatHandle(std::string_view raw);

}  // namespace journeydesk::journey
