// SPDX-License-Identifier: Apache-2.0
// The rules in effect for `lint` and `rules list`: flags, config file, rule files.
#include "cli/lint_options.h"

#include <CLI/CLI.hpp>

#include "reachcheck/base/exit_status.h"
#include "reachcheck/lint/linter.h"

namespace reachcheck::cli {

void AddRuleOptions(CLI::App& command, RuleOptions& options) {
  command.add_option("--rules", options.rule_paths, "Rule file or folder of rule files (repeatable)");
  command.add_flag("--no-builtin", options.no_builtin, "Do not load the built-in rule pack");
  command.add_option("--only", options.only, "Run only these rule ids (comma-separated)");
  command.add_option(
      "--config", options.config,
      "Config file (default: .reachcheck.json in the snapshot folder, else in the current folder)");
}

void PrintDiagnostics(CommandContext& context, const base::Diagnostics& diagnostics) {
  for (const base::Diagnostic& d : diagnostics.Sorted()) context.err << d.ToString() << "\n";
  if (diagnostics.HasErrors()) {
    context.err << "reachcheck: " << diagnostics.Count(base::Severity::kError)
                << " error(s) in rule, config or baseline files\n";
    context.exit_status = base::kExitBadInput;
  }
}

bool LoadRulesInEffect(CommandContext& context, const RuleOptions& options, lint::LintConfig* config,
                       std::vector<lint::Rule>* rules) {
  base::Diagnostics diagnostics;
  std::string config_path =
      options.config.empty() ? lint::FindConfig(context.snapshot_paths) : options.config;
  if (!config_path.empty() && !lint::LoadConfig(config_path, config, diagnostics)) {
    PrintDiagnostics(context, diagnostics);
    return false;
  }
  lint::RuleSelection selection;
  selection.builtin = !options.no_builtin;
  selection.rule_paths = options.rule_paths;
  std::string only = options.only;
  std::size_t start = 0;
  while (start <= only.size() && !only.empty()) {
    std::size_t comma = only.find(',', start);
    std::string id = only.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!id.empty()) selection.only.push_back(id);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  *rules = lint::SelectRules(selection, *config, diagnostics);
  if (diagnostics.HasErrors()) {
    PrintDiagnostics(context, diagnostics);
    return false;
  }
  return true;
}

}  // namespace reachcheck::cli
