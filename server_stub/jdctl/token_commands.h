#pragma once
// `jdctl token create|revoke|list`: administer bearer tokens directly in the database
// file (works while journeyd runs; new tokens and revocations apply on the next call).

#include "CLI/CLI.hpp"

namespace journeydesk::jdctl {

void AddTokenCommands(CLI::App& app, int& exit_code);

}  // namespace journeydesk::jdctl
