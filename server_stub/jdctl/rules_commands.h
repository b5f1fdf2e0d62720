#pragma once
// `jdctl rules check FILE` and `jdctl rules backtest --rules NEW [--baseline OLD] --db FILE`:
// next-best-action rules operations that need no running journeyd.

#include "CLI/CLI.hpp"

namespace journeydesk::jdctl {

void AddRulesCommands(CLI::App& app, int& exit_code);

}  // namespace journeydesk::jdctl
