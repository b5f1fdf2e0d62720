#include "jdctl/token_commands.h"

#include <iostream>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "store/sqlite_journey_store.h"

namespace journeydesk::jdctl {
namespace {

struct TokenFlags {
  std::string db_path;
  std::string role;
  std::string agent_id;
  std::string label;
  std::string token_id;
};

std::unique_ptr<store::SqliteJourneyStore> OpenStoreOrReport(const std::string& path, int& exit_code) {
  auto store = store::SqliteJourneyStore::Open(path);
  if (!store.ok()) {
    std::cerr << "jdctl: cannot open " << path << ": " << store.status().message() << "\n";
    exit_code = 1;
    return nullptr;
  }
  return std::move(*store);
}

void CreateToken(const TokenFlags& flags, int& exit_code) {
  std::optional<store::Role> role = store::ParseRole(flags.role);
  if (!role) {
    std::cerr << "jdctl: unknown role '" << flags.role
              << "'; use agent, supervisor, admin or integration\n";
    exit_code = 2;
    return;
  }
  auto store = OpenStoreOrReport(flags.db_path, exit_code);
  if (!store) return;
  auto token = store->CreateToken(*role, flags.agent_id, flags.label);
  if (!token.ok()) {
    std::cerr << "jdctl: " << token.status().message() << "\n";
    exit_code = 1;
    return;
  }
  std::cerr << "token " << token->info.token_id << " (role " << flags.role
            << (flags.agent_id.empty() ? "" : ", agent " + flags.agent_id)
            << ") created; it is shown once, keep it secret:\n";
  std::cout << token->secret << "\n";
}

void RevokeToken(const TokenFlags& flags, int& exit_code) {
  auto store = OpenStoreOrReport(flags.db_path, exit_code);
  if (!store) return;
  if (absl::Status revoked = store->RevokeToken(flags.token_id); !revoked.ok()) {
    std::cerr << "jdctl: " << revoked.message() << "\n";
    exit_code = 1;
    return;
  }
  std::cout << "token " << flags.token_id << " revoked\n";
}

void ListTokens(const TokenFlags& flags, int& exit_code) {
  auto store = OpenStoreOrReport(flags.db_path, exit_code);
  if (!store) return;
  auto tokens = store->ListTokens();
  if (!tokens.ok()) {
    std::cerr << "jdctl: " << tokens.status().message() << "\n";
    exit_code = 1;
    return;
  }
  std::cout << "TOKEN     ROLE         AGENT        CREATED               STATE    LABEL\n";
  for (const store::TokenInfo& token : *tokens) {
    std::printf("%-9s %-12s %-12s %-21s %-8s %s\n", token.token_id.c_str(),
                std::string(store::RoleName(token.role)).c_str(), token.agent_id.c_str(),
                absl::FormatTime("%Y-%m-%d %H:%M:%S", token.created_at, absl::UTCTimeZone()).c_str(),
                token.revoked_at ? "revoked" : "live", token.label.c_str());
  }
}

}  // namespace

void AddTokenCommands(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<TokenFlags>();
  CLI::App* token = app.add_subcommand("token", "create, revoke and list bearer tokens");
  token->require_subcommand(1);

  CLI::App* create = token->add_subcommand("create", "create a token and print it once");
  create->add_option("--db", flags->db_path, "journeyd's database file")->required();
  create->add_option("--role", flags->role, "agent, supervisor, admin or integration")->required();
  create->add_option("--agent-id", flags->agent_id, "the agent this token belongs to");
  create->add_option("--label", flags->label, "a note for the token list, e.g. the owner");
  create->callback([flags, &exit_code] { CreateToken(*flags, exit_code); });

  CLI::App* revoke = token->add_subcommand("revoke", "revoke a token by its id");
  revoke->add_option("--db", flags->db_path, "journeyd's database file")->required();
  revoke->add_option("token_id", flags->token_id, "the token id shown by 'token list'")->required();
  revoke->callback([flags, &exit_code] { RevokeToken(*flags, exit_code); });

  CLI::App* list = token->add_subcommand("list", "list tokens (never their secrets)");
  list->add_option("--db", flags->db_path, "journeyd's database file")->required();
  list->callback([flags, &exit_code] { ListTokens(*flags, exit_code); });
}

}  // namespace journeydesk::jdctl
