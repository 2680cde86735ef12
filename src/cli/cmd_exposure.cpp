// SPDX-License-Identifier: Apache-2.0
// `reachcheck exposure` (placeholder until the reachability engine lands).
#include <CLI/CLI.hpp>

#include "cli/command_context.h"

namespace reachcheck::cli {

void AddExposureCommand(CLI::App& app, CommandContext& context) {
  CLI::App* sub = app.add_subcommand("exposure", "Not available yet");
  sub->allow_extras();
  sub->callback([&context] { context.UsageError("usage", "'exposure' is not available yet"); });
}

}  // namespace reachcheck::cli
