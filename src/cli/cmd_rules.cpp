// SPDX-License-Identifier: Apache-2.0
// `reachcheck rules list|test`: the rules in effect, and each rule's own test cases.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/command_context.h"
#include "cli/lint_options.h"
#include "reachcheck/base/exit_status.h"
#include "reachcheck/ingest/load.h"
#include "reachcheck/lint/rule_loader.h"
#include "reachcheck/lint/rule_tests.h"
#include "reachcheck/output/lint_format.h"

namespace reachcheck::cli {
namespace {

struct ListOptions {
  RuleOptions rules;
  std::string format = "text";
};

struct TestOptions {
  std::vector<std::string> paths;
  bool verbose = false;
};

void RunList(CommandContext& context, const ListOptions& options) {
  lint::LintConfig config;
  std::vector<lint::Rule> rules;
  if (!LoadRulesInEffect(context, options.rules, &config, &rules)) return;
  std::vector<lint::RuleInfo> infos;
  for (const lint::Rule& rule : rules) infos.push_back(rule.info);
  context.out << (options.format == "json" ? output::RulesListJson(infos) : output::RulesListText(infos));
}

std::optional<model::Network> LoadCaseSnapshot(const std::vector<std::string>& paths,
                                               base::Diagnostics& diagnostics) {
  model::Network network = ingest::LoadSnapshot(paths, diagnostics);
  if (diagnostics.HasErrors()) return std::nullopt;
  return network;
}

void RunTests(CommandContext& context, const TestOptions& options) {
  std::vector<std::string> paths = options.paths;
  if (paths.empty()) {
    std::error_code error;
    if (!std::filesystem::is_directory("rules", error)) {
      context.UsageError("usage-no-rules", "no rules/ folder here; give the rule files or folders to test");
      return;
    }
    paths.push_back("rules");
  }
  base::Diagnostics diagnostics;
  std::vector<lint::Rule> rules;
  for (const std::string& path : paths) lint::LoadRulePath(path, rules, diagnostics);
  std::vector<std::pair<const lint::Rule*, std::vector<lint::RuleTestCase>>> suites;
  std::vector<std::string> untested;
  for (const lint::Rule& rule : rules) {
    std::string tests_file = lint::TestsFileFor(rule.info.origin.file);
    std::ifstream in(tests_file, std::ios::binary);
    if (!in) {
      untested.push_back(rule.info.id + " (no " + tests_file + ")");
      continue;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::vector<lint::RuleTestCase> cases;
    if (lint::ParseRuleTests(buffer.str(), tests_file, &cases, diagnostics)) suites.push_back({&rule, cases});
  }
  if (diagnostics.HasErrors()) {
    PrintDiagnostics(context, diagnostics);
    return;
  }
  std::size_t passed = 0, failed = 0;
  for (const auto& [rule, cases] : suites) {
    for (const lint::RuleTestCase& test_case : cases) {
      lint::RuleTestOutcome outcome = lint::RunRuleTestCase(*rule, test_case, LoadCaseSnapshot);
      (outcome.passed ? passed : failed)++;
      context.out << (outcome.passed ? "PASS  " : "FAIL  ") << rule->info.id << ": " << test_case.name
                  << "\n";
      for (const std::string& problem : outcome.problems) context.out << "      " << problem << "\n";
      if (options.verbose && outcome.passed) {
        for (const lint::Finding& f : outcome.findings) {
          context.out << "      " << base::SeverityName(f.severity) << ": " << f.message << "\n";
        }
      }
    }
  }
  for (const std::string& rule : untested) {
    ++failed;
    context.out << "FAIL  " << rule << ": every rule needs its test cases\n";
  }
  context.out << "rules: " << passed << " passed, " << failed << " failed\n";
  if (failed > 0) context.exit_status = base::kExitNegative;
}

}  // namespace

void AddRulesCommand(CLI::App& app, CommandContext& context) {
  CLI::App* rules = app.add_subcommand("rules", "List the rules in effect, or run the rules' own test cases");
  rules->require_subcommand(1);

  CLI::App* list = rules->add_subcommand("list", "List the rules in effect (built-in, --rules, config)");
  auto list_options = std::make_shared<ListOptions>();
  AddRuleOptions(*list, list_options->rules);
  list->add_option("--format", list_options->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  list->callback([&context, list_options] { RunList(context, *list_options); });

  CLI::App* test = rules->add_subcommand("test", "Run each rule's <id>.tests.json cases (default: ./rules)");
  auto test_options = std::make_shared<TestOptions>();
  test->add_option("paths", test_options->paths, "Rule files or folders");
  test->add_flag("--verbose", test_options->verbose, "Also show the findings of passing cases");
  test->callback([&context, test_options] { RunTests(context, *test_options); });
}

}  // namespace reachcheck::cli
