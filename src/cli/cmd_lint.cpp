// SPDX-License-Identifier: Apache-2.0
// `reachcheck lint`: runs the built-in rule pack and user rules over the snapshot, for CI.
#include <CLI/CLI.hpp>
#include <mutex>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/command_context.h"
#include "cli/lint_options.h"
#include "reachcheck/base/exit_status.h"
#include "reachcheck/cli/progress.h"
#include "reachcheck/lint/baseline.h"
#include "reachcheck/lint/linter.h"
#include "reachcheck/output/lint_format.h"

namespace reachcheck::cli {
namespace {

struct LintOptions {
  RuleOptions rules;
  std::string format = "text";
  std::string fail_on = "error";
  std::string baseline;
  std::string write_baseline;
  std::string output;
};

bool WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

void RunLintCommand(CommandContext& context, const LintOptions& options) {
  std::optional<base::Severity> fail_on;
  lint::ParseFailOn(options.fail_on, &fail_on);  // CLI11 already checked the value

  lint::LintConfig config;
  std::vector<lint::Rule> rules;
  if (!LoadRulesInEffect(context, options.rules, &config, &rules)) return;

  lint::Baseline baseline;
  if (!options.baseline.empty()) {
    std::string text;
    std::ifstream in(options.baseline, std::ios::binary);
    if (!in) {
      context.UsageError("baseline-unreadable", "cannot read the baseline file " + options.baseline);
      return;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    base::Diagnostics diagnostics;
    if (!lint::ParseBaseline(buffer.str(), options.baseline, &baseline, diagnostics)) {
      PrintDiagnostics(context, diagnostics);
      return;
    }
  }

  const model::Network* network = context.Load();
  if (!network) return;
  lint::LintReport report;
  {
    // Rules report from several threads, the graph build from the rule that needs it first.
    ProgressLine progress(context.err, StderrIsTerminal(context.err));
    std::mutex line;
    report = lint::RunLint(
        *network, rules, config,
        [&](std::size_t done, std::size_t total) {
          std::lock_guard<std::mutex> lock(line);
          progress.Update([=] { return FormatSweepProgress("lint", done, total, "rules"); });
        },
        [&](std::size_t done, std::size_t total) {
          std::lock_guard<std::mutex> lock(line);
          progress.Update([=] { return FormatSweepProgress("building the graph", done, total, "steps"); });
        });
  }
  if (!options.baseline.empty()) lint::ApplyBaseline(baseline, report.findings);

  if (!options.write_baseline.empty() &&
      !WriteFile(options.write_baseline, lint::BaselineText(report.findings))) {
    context.UsageError("baseline-unwritable", "cannot write the baseline file " + options.write_baseline);
    return;
  }

  output::LintFormatOptions format_options;
  format_options.fail_on = fail_on;
  format_options.baseline_used = !options.baseline.empty();
  format_options.tool_version = REACHCHECK_VERSION;
  std::string text;
  if (options.format == "json")
    text = output::LintJson(report, format_options);
  else if (options.format == "sarif")
    text = output::LintSarif(report, format_options);
  else if (options.format == "junit")
    text = output::LintJunit(report, format_options);
  else
    text = output::LintText(report, format_options);

  if (!options.output.empty()) {
    if (!WriteFile(options.output, text)) {
      context.UsageError("output-unwritable", "cannot write the output file " + options.output);
      return;
    }
  } else {
    context.out << text;
  }
  // Writing a baseline accepts every current finding: the run succeeds.
  if (options.write_baseline.empty() && lint::ShouldFail(report, fail_on)) {
    context.exit_status = base::kExitNegative;
  }
}

}  // namespace

void AddLintCommand(CLI::App& app, CommandContext& context) {
  CLI::App* sub = app.add_subcommand("lint", "Run the built-in rule pack and user rules over the snapshot");
  auto options = std::make_shared<LintOptions>();
  AddRuleOptions(*sub, options->rules);
  sub->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "junit"}));
  sub->add_option("--fail-on", options->fail_on,
                  "Exit 1 when a finding (not in the baseline) is at or above this severity (default error)")
      ->check(CLI::IsMember({"error", "warning", "note", "never"}));
  sub->add_option("--baseline", options->baseline,
                  "Baseline file: findings whose fingerprint it lists do not fail the run");
  sub->add_option("--write-baseline", options->write_baseline,
                  "Write every current finding's fingerprint to this baseline file (the run then succeeds)");
  sub->add_option("--output", options->output, "Write the report to this file instead of standard output");
  sub->callback([&context, options] { RunLintCommand(context, *options); });
}

}  // namespace reachcheck::cli
