// SPDX-License-Identifier: Apache-2.0
// `reachcheck graph` (placeholder until the reachability engine lands).
#include <CLI/CLI.hpp>

#include "cli/command_context.h"

namespace reachcheck::cli {

void AddGraphCommand(CLI::App& app, CommandContext& context) {
  CLI::App* sub = app.add_subcommand("graph", "Not available yet");
  sub->allow_extras();
  sub->callback([&context] { context.UsageError("usage", "'graph' is not available yet"); });
}

}  // namespace reachcheck::cli
