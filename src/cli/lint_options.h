// SPDX-License-Identifier: Apache-2.0
// Flags shared by `lint` and `rules list` (which rules are in effect), and loading them with
// the project config.
#pragma once

#include <string>
#include <vector>

#include "cli/command_context.h"
#include "reachcheck/lint/config.h"
#include "reachcheck/lint/rule.h"

namespace reachcheck::cli {

struct RuleOptions {
  std::vector<std::string> rule_paths;  ///< --rules PATH (repeatable)
  bool no_builtin = false;              ///< --no-builtin
  std::string only;                     ///< --only ID,ID
  std::string config;                   ///< --config FILE (default: found by lint::FindConfig)
};

void AddRuleOptions(CLI::App& command, RuleOptions& options);

/// Reads the config (when there is one) and the rules in effect. On bad input prints the
/// diagnostics, sets exit status 2 and returns false.
bool LoadRulesInEffect(CommandContext& context, const RuleOptions& options, lint::LintConfig* config,
                       std::vector<lint::Rule>* rules);

/// Prints diagnostics sorted, then a one-line count, and sets exit status 2 when any is an error.
void PrintDiagnostics(CommandContext& context, const base::Diagnostics& diagnostics);

}  // namespace reachcheck::cli
