// SPDX-License-Identifier: Apache-2.0
// Every rule test case of the built-in pack and of the example intents, run in-process (the
// same cases CTest runs through the binary as rules/<id>), so that sanitizer builds of the unit
// tests cover every check and the intent evaluator.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "reachcheck/ingest/load.h"
#include "reachcheck/lint/rule_loader.h"
#include "reachcheck/lint/rule_tests.h"
#include "support/support_paths.h"

using namespace reachcheck;

namespace {

std::optional<model::Network> Load(const std::vector<std::string>& paths, base::Diagnostics& diagnostics) {
  model::Network network = ingest::LoadSnapshot(paths, diagnostics);
  if (diagnostics.HasErrors()) return std::nullopt;
  return network;
}

void RunAll(const std::string& path) {
  base::Diagnostics diagnostics;
  std::vector<lint::Rule> rules;
  lint::LoadRulePath(path, rules, diagnostics);
  REQUIRE(diagnostics.Empty());
  REQUIRE_FALSE(rules.empty());
  for (const lint::Rule& rule : rules) {
    std::string tests_file = lint::TestsFileFor(rule.info.origin.file);
    std::ifstream in(tests_file);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    std::vector<lint::RuleTestCase> cases;
    REQUIRE(lint::ParseRuleTests(text.str(), tests_file, &cases, diagnostics));
    for (const lint::RuleTestCase& test_case : cases) {
      lint::RuleTestOutcome outcome = lint::RunRuleTestCase(rule, test_case, Load);
      std::string problems;
      for (const std::string& problem : outcome.problems) problems += "\n  " + problem;
      INFO(rule.info.id << ": " << test_case.name << problems);
      CHECK(outcome.passed);
    }
  }
}

}  // namespace

TEST_CASE("every built-in rule passes its test cases", "[lint][rules]") {
  RunAll(testing::SourceDir() + "/rules");
}

TEST_CASE("every example intent passes its test cases", "[lint][rules]") {
  RunAll(testing::SourceDir() + "/fixtures/lint/user-rules");
}

TEST_CASE("a wrong expectation fails with the differences", "[lint][rules]") {
  base::Diagnostics diagnostics;
  std::vector<lint::Rule> rules;
  lint::LoadRulePath(testing::SourceDir() + "/fixtures/lint/failing-rule", rules, diagnostics);
  REQUIRE(rules.size() == 1);
  lint::RuleTestCase test_case;
  test_case.name = "wrong";
  test_case.snapshot = {testing::SourceDir() + "/fixtures/lint/sg-usage"};
  test_case.expect = {lint::ExpectedFinding{"sg-0unused", {}, std::nullopt, {}}};
  lint::RuleTestOutcome outcome = lint::RunRuleTestCase(rules[0], test_case, Load);
  CHECK_FALSE(outcome.passed);
  REQUIRE(outcome.problems.size() == 1);
  CHECK(outcome.problems[0].find("unexpected finding") != std::string::npos);
  CHECK(outcome.problems[0].find("sg-0ref") != std::string::npos);
}
