#include "store/search_terms.h"
#include "common/absl_string_view.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace journeydesk::store {
namespace {

std::string DigitsOf(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
  }
  return digits;
}

bool IsPhoneLike(std::string_view word) {
  bool has_digit = false;
  for (char c : word) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      has_digit = true;
    } else if (std::string_view("+-(). /").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return has_digit;
}

void AddNameTerms(const std::string& name, std::vector<SearchTerm>* terms) {
  for (absl::string_view word : absl::StrSplit(name, absl::ByAnyChar(" \t\n\r"),
                                              absl::SkipEmpty())) {
    std::string lower = absl::AsciiStrToLower(word);
    terms->push_back({lower, "name", name});
    std::vector<std::string> parts =
        absl::StrSplit(lower, absl::ByAnyChar("-.,'\"()"), absl::SkipEmpty());
    if (parts.size() == 1 && parts[0] == lower) continue;
    for (std::string& part : parts) terms->push_back({std::move(part), "name", name});
  }
}

}  // namespace

std::vector<SearchTerm> SearchTermsFor(const v1::Customer& customer) {
  std::vector<SearchTerm> terms;
  terms.push_back({absl::AsciiStrToLower(customer.id()), "id", customer.id()});
  AddNameTerms(customer.display_name(), &terms);
  for (const std::string& email : customer.emails()) {
    terms.push_back({absl::AsciiStrToLower(email), "email", email});
  }
  for (const std::string& phone : customer.phones()) {
    std::string digits = DigitsOf(phone);
    if (!digits.empty()) terms.push_back({digits, "phone", phone});
  }
  for (const std::string& handle : customer.chat_handles()) {
    std::string lower = absl::AsciiStrToLower(handle);
    if (absl::StartsWith(lower, "@") && lower.size() > 1) {
      terms.push_back({lower.substr(1), "chat_handle", handle});
    }
    terms.push_back({std::move(lower), "chat_handle", handle});
  }
  return terms;
}

std::vector<std::string> QueryWords(std::string_view query) {
  std::vector<std::string> words;
  for (absl::string_view word :
       absl::StrSplit(ToAbsl(query), absl::ByAnyChar(" \t\n\r"), absl::SkipEmpty())) {
    words.push_back(absl::AsciiStrToLower(word));
  }
  return words;
}

std::vector<std::string> QueryKeys(std::string_view word) {
  std::vector<std::string> keys = {std::string(word)};
  if (IsPhoneLike(word)) {
    std::string digits = DigitsOf(word);
    if (digits != word) keys.push_back(std::move(digits));
  }
  return keys;
}

std::optional<std::string> PrefixUpperBound(std::string_view prefix) {
  std::string bound(prefix);
  while (!bound.empty()) {
    unsigned char last = static_cast<unsigned char>(bound.back());
    if (last != 0xff) {
      bound.back() = static_cast<char>(last + 1);
      return bound;
    }
    bound.pop_back();
  }
  return std::nullopt;
}

double MatchScore(std::string_view field, bool exact, size_t key_size, size_t term_size) {
  double base = exact ? 2.0 : 1.0;
  double weight = field == "name" ? 1.0 : 1.5;
  double coverage = term_size == 0 ? 1.0 : static_cast<double>(key_size) / term_size;
  return base * weight + 0.25 * coverage;
}

}  // namespace journeydesk::store
