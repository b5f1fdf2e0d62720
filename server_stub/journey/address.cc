#include "journey/address.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/absl_string_view.h"

namespace journeydesk::journey {
namespace {

bool IsPhoneSeparator(char c) { return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')'; }

bool LooksLikePhone(std::string_view value) {
  if (value.empty()) return false;
  if (value.front() == '+') return true;
  bool has_digit = false;
  for (char c : value) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      has_digit = true;
    } else if (!IsPhoneSeparator(c)) {
      return false;
    }
  }
  return has_digit;
}

// Removes `prefix` (case-insensitive) from the front of `value`; false if absent.
bool ConsumePrefix(std::string_view* value, std::string_view prefix) {
  if (!absl::StartsWithIgnoreCase(ToAbsl(*value), ToAbsl(prefix))) return false;
  value->remove_prefix(prefix.size());
  return true;
}

template <typename Normalizer>
absl::StatusOr<store::Address> Make(store::Address::Kind kind, std::string_view raw,
                                    Normalizer normalize) {
  absl::StatusOr<std::string> value = normalize(raw);
  if (!value.ok()) return value.status();
  return store::Address{kind, *std::move(value)};
}

}  // namespace

absl::StatusOr<std::string> NormalizeEmail(std::string_view raw) {
  std::string email = absl::AsciiStrToLower(absl::StripAsciiWhitespace(ToAbsl(raw)));
  if (email.empty()) return absl::InvalidArgumentError("email address is empty");
  if (email.size() > 254) {
    return absl::InvalidArgumentError("email address is longer than 254 characters");
  }
  for (char c : email) {
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) {
      return absl::InvalidArgumentError(
          "email address must not contain spaces or control characters");
    }
  }
  const size_t at = email.find('@');
  if (at == std::string::npos) {
    return absl::InvalidArgumentError("email address needs an '@', e.g. name@example.com");
  }
  if (at == 0) {
    return absl::InvalidArgumentError("email address needs a name before the '@', e.g. name@example.com");
  }
  const std::string_view domain = std::string_view(email).substr(at + 1);
  if (domain.find('@') != std::string_view::npos) {
    return absl::InvalidArgumentError("email address must contain exactly one '@'");
  }
  if (domain.find('.') == std::string_view::npos) {
    return absl::InvalidArgumentError(
        "email address needs a domain with a dot after the '@', e.g. name@example.com");
  }
  for (absl::string_view label : absl::StrSplit(ToAbsl(domain), '.')) {
    if (label.empty()) {
      return absl::InvalidArgumentError(
          "email domain must not start or end with a dot or contain '..', e.g. name@example.com");
    }
  }
  return email;
}

absl::StatusOr<std::string> NormalizePhone(std::string_view raw) {
  const std::string_view trimmed = ToStd(absl::StripAsciiWhitespace(ToAbsl(raw)));
  if (trimmed.empty()) return absl::InvalidArgumentError("phone number is empty");
  std::string phone;
  phone.reserve(trimmed.size());
  size_t i = 0;
  if (trimmed.front() == '+') {
    phone.push_back('+');
    i = 1;
  }
  int digits = 0;
  for (; i < trimmed.size(); ++i) {
    const char c = trimmed[i];
    // "+44 (0)20 …": the bracketed trunk prefix is not dialled from abroad.
    if (!phone.empty() && phone.front() == '+' && trimmed.substr(i, 3) == "(0)") {
      i += 2;
      continue;
    }
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      phone.push_back(c);
      ++digits;
    } else if (!IsPhoneSeparator(c)) {
      return absl::InvalidArgumentError(
          "phone number may contain only a leading '+', digits, spaces, '-', '.', '(' and ')'");
    }
  }
  if (digits < 6 || digits > 15) {
    return absl::InvalidArgumentError(
        absl::StrCat("phone number needs 6 to 15 digits, got ", digits, ", e.g. +31 20 123 4567"));
  }
  return phone;
}

absl::StatusOr<std::string> NormalizeChatHandle(std::string_view raw) {
  std::string_view trimmed = ToStd(absl::StripAsciiWhitespace(ToAbsl(raw)));
  if (!trimmed.empty() && trimmed.front() == '@') trimmed.remove_prefix(1);
  std::string handle = absl::AsciiStrToLower(ToAbsl(trimmed));
  if (handle.size() < 2 || handle.size() > 64) {
    return absl::InvalidArgumentError(
        absl::StrCat("chat handle needs 2 to 64 characters, got ", handle.size()));
  }
  for (char c : handle) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                    c == '-';
    if (!ok) {
      return absl::InvalidArgumentError(
          "chat handle may contain only letters, digits, '.', '_' and '-' (an email needs a "
          "domain, a phone number 6 to 15 digits)");
    }
  }
  return handle;
}

absl::StatusOr<store::Address> NormalizeAddress(std::string_view raw) {
  std::string_view value = ToStd(absl::StripAsciiWhitespace(ToAbsl(raw)));
  if (value.empty()) {
    return absl::InvalidArgumentError(
        "address is empty; give an email address, a phone number or a chat handle");
  }
  using Kind = store::Address::Kind;
  if (ConsumePrefix(&value, "mailto:") || ConsumePrefix(&value, "email:")) {
    return Make(Kind::kEmail, value, NormalizeEmail);
  }
  if (ConsumePrefix(&value, "tel:") || ConsumePrefix(&value, "phone:")) {
    return Make(Kind::kPhone, value, NormalizePhone);
  }
  if (ConsumePrefix(&value, "chat:")) return Make(Kind::kChatHandle, value, NormalizeChatHandle);

  const size_t at = value.find('@');
  if (at != std::string_view::npos && at != 0) return Make(Kind::kEmail, value, NormalizeEmail);
  if (LooksLikePhone(value)) return Make(Kind::kPhone, value, NormalizePhone);
  return Make(Kind::kChatHandle, value, NormalizeChatHandle);
}

}  // namespace journeydesk::journey
