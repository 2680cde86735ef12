// SPDX-License-Identifier: Apache-2.0
// Entry point of the command line: global options, the subcommand table, exit codes.
#include "reachcheck/cli/run.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <exception>

#include "cli/command_context.h"
#include "reachcheck/base/exit_status.h"

namespace reachcheck::cli {
namespace {

constexpr AddCommand kCommands[] = {
    AddInventoryCommand, AddWhyCommand, AddExposureCommand, AddGraphCommand, AddLintCommand, AddRulesCommand,
};

// Fills in the snapshot default: $REACHCHECK_SNAPSHOT, else the current directory.
void DefaultSnapshot(CommandContext& context) {
  if (!context.snapshot_paths.empty()) return;
  const char* env = std::getenv("REACHCHECK_SNAPSHOT");
  context.snapshot_paths.push_back(env != nullptr && *env != '\0' ? env : ".");
}

}  // namespace

int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool leave_to_exit) {
  CommandContext context{out, err, {}, 0, false, leave_to_exit, nullptr, nullptr};
  try {
    CLI::App app{"reachcheck: static reachability analysis for AWS VPC networks", "reachcheck"};
    app.set_version_flag("--version", std::string("reachcheck ") + REACHCHECK_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    app.add_option("-s,--snapshot", context.snapshot_paths,
                   "Snapshot directory or JSON file (repeatable; default $REACHCHECK_SNAPSHOT "
                   "or the current directory)");
    app.add_flag("--no-cache", context.no_cache,
                 "Neither read nor write the model cache (also REACHCHECK_CACHE=off)");
    app.parse_complete_callback([&context] { DefaultSnapshot(context); });
    for (AddCommand add : kCommands) add(app, context);

    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 2.1 wants reversed
    try {
      app.parse(reversed);
    } catch (const CLI::CallForHelp& e) {
      out << app.help();
      return base::kExitSuccess;
    } catch (const CLI::CallForAllHelp& e) {
      out << app.help("", CLI::AppFormatMode::All);
      return base::kExitSuccess;
    } catch (const CLI::CallForVersion& e) {
      out << e.what() << "\n";
      return base::kExitSuccess;
    } catch (const CLI::ParseError& e) {
      if (e.get_exit_code() == 0) {
        // Help for a subcommand.
        std::string help = app.help();
        for (CLI::App* sub : app.get_subcommands()) help = sub->help();
        out << help;
        return base::kExitSuccess;
      }
      err << "reachcheck: error: " << e.what() << " [usage]\n"
          << "Run 'reachcheck --help' for usage.\n";
      return base::kExitBadInput;
    }
    return context.exit_status;
  } catch (const std::exception& e) {
    err << "reachcheck: internal error: " << e.what() << "\n";
    return base::kExitInternal;
  }
}

}  // namespace reachcheck::cli
