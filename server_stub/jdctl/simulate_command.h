#pragma once
// `jdctl simulate`: arrivals, customer messages, abandons and simulated agents against a
// running journeyd (see docs/contact-center.md).

#include "CLI/CLI.hpp"

namespace journeydesk::jdctl {

void AddSimulateCommand(CLI::App& app, int& exit_code);

}  // namespace journeydesk::jdctl
