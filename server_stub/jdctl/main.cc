// jdctl — JourneyDesk's admin command line.
#include "CLI/CLI.hpp"
#include "jdctl/customer_commands.h"
#include "jdctl/simulate_command.h"
#include "jdctl/rules_commands.h"
#include "jdctl/token_commands.h"

int main(int argc, char** argv) {
  CLI::App app{"jdctl — administer journeyd: tokens, customers, import and export"};
  app.require_subcommand(1);
  int exit_code = 0;
  journeydesk::jdctl::AddTokenCommands(app, exit_code);
  journeydesk::jdctl::AddCustomerCommands(app, exit_code);
  journeydesk::jdctl::AddImportCommand(app, exit_code);
  journeydesk::jdctl::AddSimulateCommand(app, exit_code);
  journeydesk::jdctl::AddRulesCommands(app, exit_code);
  CLI11_PARSE(app, argc, argv);
  return exit_code;
}
