#pragma once
// How customers are indexed for prefix search, and how a query is turned into index keys.
// Pure functions: no database access.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "journeydesk/v1/customer.pb.h"

namespace journeydesk::store {

struct SearchTerm {
  std::string term;   // lower case; phones as digits only
  std::string field;  // id, name, email, phone, chat_handle
  std::string value;  // what is shown as matched (the id, the name, the address)
};

// Every term a customer is found by: lower-cased id, each lower-case word of the name (and
// the parts of hyphenated words), emails, phone digits, chat handles (also without '@').
std::vector<SearchTerm> SearchTermsFor(const v1::Customer& customer);

// The query split at white space, lower-cased, empty words dropped.
std::vector<std::string> QueryWords(std::string_view query);

// The index keys one query word is looked up by: the word itself and, for a phone-like word
// ("+49 (151)…"), its digits.
std::vector<std::string> QueryKeys(std::string_view word);

// The smallest string greater than every string starting with `prefix`, for the range
// `term >= prefix AND term < bound`; nullopt when no such bound exists (all 0xff bytes).
std::optional<std::string> PrefixUpperBound(std::string_view prefix);

// Score of one term matching a key: exact beats prefix; id/email/phone/chat beat name;
// among equals, a key covering more of the term scores higher.
double MatchScore(std::string_view field, bool exact, size_t key_size, size_t term_size);

}  // namespace journeydesk::store
