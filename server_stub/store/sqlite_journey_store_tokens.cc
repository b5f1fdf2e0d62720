// SqliteJourneyStore: API tokens. Only the SHA-256 of a secret is stored; the secret itself
// exists once, in the NewToken returned to the caller.
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "store/crypto_random.h"
#include "common/absl_string_view.h"
#include "store/proto_time.h"
#include "store/sqlite_journey_store.h"
#include "store/store_status_macros.h"

namespace journeydesk::store {
namespace {

constexpr std::string_view kSelectToken =
    "SELECT token_id, role, agent_id, label, created_at, revoked_at FROM tokens ";

absl::StatusOr<TokenInfo> TokenFromRow(const SqliteStatement& s) {
  TokenInfo info;
  info.token_id = s.ColumnText(0);
  std::string role = s.ColumnText(1);
  std::optional<Role> parsed = ParseRole(role);
  if (!parsed.has_value()) {
    return absl::DataLossError(
        absl::StrCat("token '", info.token_id, "' has an unknown role '", role, "'"));
  }
  info.role = *parsed;
  info.agent_id = s.ColumnText(2);
  info.label = s.ColumnText(3);
  info.created_at = absl::FromUnixMicros(s.ColumnInt64(4));
  if (!s.ColumnIsNull(5)) info.revoked_at = absl::FromUnixMicros(s.ColumnInt64(5));
  return info;
}

absl::StatusOr<NewToken> MakeToken(Role role, std::string_view agent_id,
                                   std::string_view label) {
  NewToken token;
  STORE_ASSIGN_OR_RETURN(token.info.token_id, RandomHex(4));
  STORE_ASSIGN_OR_RETURN(std::string random, RandomBytes(32));
  // 32 bytes → 43 base64url characters without padding.
  token.secret = absl::StrCat("jd_", token.info.token_id, "_", absl::WebSafeBase64Escape(random));
  token.info.role = role;
  token.info.agent_id = std::string(agent_id);
  token.info.label = std::string(label);
  token.info.created_at = absl::FromUnixMicros(NowMicros());
  return token;
}

// Draws a new token id (and with it the secret's prefix) while the drawn one is taken.
absl::Status PickUnusedTokenId(SqliteDatabase& db, NewToken* token) {
  STORE_ASSIGN_OR_RETURN(StatementLease s, db.Prepare("SELECT 1 FROM tokens WHERE token_id = ?1"));
  for (int attempt = 0; attempt < 8; ++attempt) {
    STORE_RETURN_IF_ERROR(s->Bind(token->info.token_id));
    STORE_ASSIGN_OR_RETURN(bool taken, s->Step());
    s->Reset();
    if (!taken) return absl::OkStatus();
    std::string old_prefix = absl::StrCat("jd_", token->info.token_id, "_");
    STORE_ASSIGN_OR_RETURN(token->info.token_id, RandomHex(4));
    token->secret.replace(0, old_prefix.size(), absl::StrCat("jd_", token->info.token_id, "_"));
  }
  return absl::InternalError("could not find an unused token id after 8 random tries");
}

}  // namespace

absl::StatusOr<NewToken> SqliteJourneyStore::CreateToken(Role role, std::string_view agent_id,
                                                         std::string_view label) {
  STORE_ASSIGN_OR_RETURN(NewToken token, MakeToken(role, agent_id, label));
  STORE_RETURN_IF_ERROR(WriteTransaction([&](SqliteDatabase& db) -> absl::Status {
    STORE_RETURN_IF_ERROR(PickUnusedTokenId(db, &token));
    STORE_ASSIGN_OR_RETURN(std::string hash, Sha256(token.secret));
    STORE_ASSIGN_OR_RETURN(StatementLease s, db.Prepare(R"sql(
        INSERT INTO tokens (token_id, secret_sha256, role, agent_id, label, created_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6))sql"));
    STORE_RETURN_IF_ERROR(s->Bind(token.info.token_id, Blob{hash}, RoleName(role), agent_id,
                                  label, absl::ToUnixMicros(token.info.created_at)));
    return s->Run();
  }));
  return token;
}

absl::StatusOr<TokenInfo> SqliteJourneyStore::Authenticate(std::string_view secret) {
  if (!absl::StartsWith(ToAbsl(secret), "jd_")) {
    return absl::NotFoundError("not a JourneyDesk token (it should start with 'jd_')");
  }
  STORE_ASSIGN_OR_RETURN(std::string hash, Sha256(secret));
  ReaderLease reader = readers_->Acquire();
  STORE_ASSIGN_OR_RETURN(StatementLease s, reader.db().Prepare(absl::StrCat(
      ToAbsl(kSelectToken), "WHERE secret_sha256 = ?1 AND revoked_at IS NULL")));
  STORE_RETURN_IF_ERROR(s->Bind(Blob{hash}));
  STORE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return absl::NotFoundError("unknown or revoked token; ask an admin for a new one");
  return TokenFromRow(*s);
}

absl::Status SqliteJourneyStore::RevokeToken(std::string_view token_id) {
  return WriteTransaction([&](SqliteDatabase& db) -> absl::Status {
    STORE_ASSIGN_OR_RETURN(StatementLease s, db.Prepare(
        "UPDATE tokens SET revoked_at = coalesce(revoked_at, ?2) WHERE token_id = ?1"));
    STORE_RETURN_IF_ERROR(s->Bind(token_id, NowMicros()));
    STORE_RETURN_IF_ERROR(s->Run());
    if (db.ChangedRows() == 0) {
      return absl::NotFoundError(absl::StrCat("no token '", ToAbsl(token_id), "'"));
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<std::vector<TokenInfo>> SqliteJourneyStore::ListTokens() {
  ReaderLease reader = readers_->Acquire();
  STORE_ASSIGN_OR_RETURN(StatementLease s,
                         reader.db().Prepare(absl::StrCat(ToAbsl(kSelectToken), "ORDER BY created_at, token_id")));
  std::vector<TokenInfo> tokens;
  while (true) {
    STORE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return tokens;
    STORE_ASSIGN_OR_RETURN(TokenInfo info, TokenFromRow(*s));
    tokens.push_back(std::move(info));
  }
}

}  // namespace journeydesk::store
