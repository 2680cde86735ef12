// SPDX-License-Identifier: Apache-2.0
// `reachcheck why` (placeholder until the reachability engine lands).
#include <CLI/CLI.hpp>

#include "cli/command_context.h"

namespace reachcheck::cli {

void AddWhyCommand(CLI::App& app, CommandContext& context) {
  CLI::App* sub = app.add_subcommand("why", "Not available yet");
  sub->allow_extras();
  sub->callback([&context] { context.UsageError("usage", "'why' is not available yet"); });
}

}  // namespace reachcheck::cli
