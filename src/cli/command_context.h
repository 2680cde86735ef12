// SPDX-License-Identifier: Apache-2.0
// What every subcommand shares: the output streams, the snapshot paths and the exit status.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "reachcheck/analysis/engine.h"
#include "reachcheck/base/diagnostic.h"
#include "reachcheck/ingest/load.h"
#include "reachcheck/model/network.h"

namespace CLI {
class App;
}

namespace reachcheck::cli {

struct CommandContext {
  std::ostream& out;
  std::ostream& err;
  std::vector<std::string> snapshot_paths;  ///< -s/--snapshot, else $REACHCHECK_SNAPSHOT, else "."
  int exit_status = 0;
  bool no_cache = false;  ///< --no-cache: neither read nor write the model cache

  /// Set by the executable, never by tests: when the context goes, its model and engine are
  /// left to the operating system at exit instead of being freed piece by piece (a few
  /// tenths of a second for a large estate).
  bool leave_to_exit = false;

  /// Loads the snapshot, prints every diagnostic to `err` (sorted, gcc style) and returns the
  /// network (owned by the context), or nullptr after setting exit status 2 when the input
  /// has errors. With `keep_on_error`, the network is returned even when there are errors
  /// (inventory); the exit status is still 2. Goes through the model cache (see
  /// docs/cli.md) unless --no-cache or REACHCHECK_CACHE=off, and shows progress on a terminal.
  const model::Network* Load(bool keep_on_error = false, base::Diagnostics* diagnostics_out = nullptr,
                             ingest::LoadStats* stats = nullptr);

  /// Builds the engine over `network` (owned by the context), with a progress line on a
  /// terminal when it is slow.
  const analysis::Engine* BuildEngine(const model::Network& network);

  ~CommandContext() {
    if (!leave_to_exit) return;
    (void)engine_.release();  // NOLINT(bugprone-unused-return-value): freed by the exit
    (void)network_.release();
  }

  std::unique_ptr<model::Network> network_;
  std::unique_ptr<analysis::Engine> engine_;

  /// Prints "reachcheck: error: MESSAGE [CODE]" to err and sets exit status 2.
  void UsageError(const std::string& code, const std::string& message);
};

/// Each subcommand file defines one of these; run.cpp lists them in a table.
using AddCommand = void (*)(CLI::App& app, CommandContext& context);

void AddInventoryCommand(CLI::App& app, CommandContext& context);
void AddWhyCommand(CLI::App& app, CommandContext& context);
void AddExposureCommand(CLI::App& app, CommandContext& context);
void AddGraphCommand(CLI::App& app, CommandContext& context);
void AddLintCommand(CLI::App& app, CommandContext& context);
void AddRulesCommand(CLI::App& app, CommandContext& context);

}  // namespace reachcheck::cli
