// SqliteJourneyStore: customer search by prefix over the search_terms index.
#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "store/customer_rows.h"
#include "store/search_terms.h"
#include "store/sqlite_journey_store.h"
#include "store/sqlite_transaction.h"
#include "store/store_status_macros.h"

namespace journeydesk::store {
namespace {

// Index rows read per key at most, so a short query on a large store stays cheap.
constexpr int kMaxTermRows = 5000;

struct Match {
  double score = 0;
  std::string field;
  std::string value;
};
// Best match per customer for one query word.
using WordMatches = absl::flat_hash_map<std::string, Match>;

absl::Status MatchKey(SqliteDatabase& db, const std::string& key, WordMatches* matches) {
  // Two statements, so that both ends of the range reach the index.
  std::optional<std::string> bound = PrefixUpperBound(key);
  STORE_ASSIGN_OR_RETURN(StatementLease s, db.Prepare(
      bound.has_value() ? "SELECT customer_id, field, value, term FROM search_terms "
                          "WHERE term >= ?1 AND term < ?3 LIMIT ?2"
                        : "SELECT customer_id, field, value, term FROM search_terms "
                          "WHERE term >= ?1 LIMIT ?2"));
  STORE_RETURN_IF_ERROR(s->Bind(key, int64_t{kMaxTermRows}));
  if (bound.has_value()) STORE_RETURN_IF_ERROR(s->BindOne(3, *bound));
  while (true) {
    STORE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return absl::OkStatus();
    std::string term = s->ColumnText(3);
    Match candidate{MatchScore(s->ColumnText(1), term == key, key.size(), term.size()),
                    s->ColumnText(1), s->ColumnText(2)};
    Match& best = (*matches)[s->ColumnText(0)];
    if (candidate.score > best.score) best = std::move(candidate);
  }
}

absl::StatusOr<WordMatches> MatchWord(SqliteDatabase& db, std::string_view word) {
  WordMatches matches;
  for (const std::string& key : QueryKeys(word)) STORE_RETURN_IF_ERROR(MatchKey(db, key, &matches));
  return matches;
}

// Customers matching every word, with their summed score and best single match.
absl::StatusOr<std::vector<std::pair<std::string, Match>>> RankCustomers(
    SqliteDatabase& db, const std::vector<std::string>& words) {
  WordMatches total;
  for (size_t i = 0; i < words.size(); ++i) {
    STORE_ASSIGN_OR_RETURN(WordMatches matches, MatchWord(db, words[i]));
    WordMatches next;
    for (auto& [customer_id, match] : matches) {
      if (i == 0) {
        next.emplace(customer_id, match);
        continue;
      }
      auto it = total.find(customer_id);
      if (it == total.end()) continue;
      Match combined = match.score > it->second.score ? match : it->second;
      combined.score = it->second.score + match.score;
      next.emplace(customer_id, std::move(combined));
    }
    total = std::move(next);
  }
  std::vector<std::pair<std::string, Match>> ranked(total.begin(), total.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second.score != b.second.score) return a.second.score > b.second.score;
    return a.first < b.first;
  });
  return ranked;
}

}  // namespace

absl::StatusOr<std::vector<SearchHit>> SqliteJourneyStore::SearchCustomers(
    std::string_view query, int limit) {
  std::vector<std::string> words = QueryWords(query);
  std::vector<SearchHit> hits;
  if (words.empty() || limit <= 0) return hits;
  ReaderLease reader = readers_->Acquire();
  // One snapshot for the index reads and the profile reads.
  STORE_ASSIGN_OR_RETURN(SqliteTransaction snapshot,
                         SqliteTransaction::Begin(reader.db(), SqliteTransaction::Mode::kDeferred));
  STORE_ASSIGN_OR_RETURN(auto ranked, RankCustomers(reader.db(), words));
  if (ranked.size() > static_cast<size_t>(limit)) ranked.resize(static_cast<size_t>(limit));
  for (auto& [customer_id, match] : ranked) {
    STORE_ASSIGN_OR_RETURN(std::optional<v1::Customer> customer,
                           LoadCustomer(reader.db(), customer_id));
    if (!customer.has_value()) continue;
    hits.push_back({*std::move(customer), std::move(match.field), std::move(match.value),
                    match.score});
  }
  STORE_RETURN_IF_ERROR(snapshot.Commit());
  return hits;
}

}  // namespace journeydesk::store
