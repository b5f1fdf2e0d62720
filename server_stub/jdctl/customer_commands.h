#pragma once
// `jdctl ping|journey|search|export|erase|import`: talk to a running journeyd.

#include "CLI/CLI.hpp"

namespace journeydesk::jdctl {

void AddCustomerCommands(CLI::App& app, int& exit_code);
void AddImportCommand(CLI::App& app, int& exit_code);

}  // namespace journeydesk::jdctl
