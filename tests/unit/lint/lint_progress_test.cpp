// SPDX-License-Identifier: Apache-2.0
// RunLint's progress callback: one report per rule, in order, the last one (total, total).
#include <catch2/catch.hpp>
#include <utility>
#include <vector>

#include "reachcheck/ingest/load.h"
#include "reachcheck/lint/linter.h"
#include "support/support_paths.h"

namespace reachcheck::lint {
namespace {

TEST_CASE("RunLint: progress after every rule, then (total, total)") {
  base::Diagnostics diagnostics;
  model::Network network = ingest::LoadSnapshot({testing::SourceDir() + "/fixtures/demo"}, diagnostics);
  LintConfig config;
  const std::vector<Rule> rules = SelectRules(RuleSelection{}, config, diagnostics);
  REQUIRE(rules.size() > 2);
  std::vector<std::pair<std::size_t, std::size_t>> reports;
  const LintReport with = RunLint(network, rules, config, [&](std::size_t done, std::size_t total) {
    reports.emplace_back(done, total);
  });
  REQUIRE(reports.size() == rules.size());
  for (std::size_t i = 0; i < reports.size(); ++i) {
    CHECK(reports[i].first == i + 1);
    CHECK(reports[i].second == rules.size());
  }
  // The callback changes nothing in the report.
  CHECK(RunLint(network, rules, config).findings.size() == with.findings.size());
}

TEST_CASE("RunLint: the engine's build steps are reported once, when a rule needs it") {
  base::Diagnostics diagnostics;
  model::Network network = ingest::LoadSnapshot({testing::SourceDir() + "/fixtures/demo"}, diagnostics);
  LintConfig config;
  const std::vector<Rule> rules = SelectRules(RuleSelection{}, config, diagnostics);
  std::vector<std::pair<std::size_t, std::size_t>> steps;
  RunLint(network, rules, config, {},
          [&](std::size_t done, std::size_t total) { steps.emplace_back(done, total); });
  // The built-in pack has engine-backed rules (private-subnet-no-egress and others).
  REQUIRE_FALSE(steps.empty());
  CHECK(steps.back().first == steps.back().second);
  for (std::size_t i = 0; i < steps.size(); ++i) CHECK(steps[i].first == i + 1);
}

}  // namespace
}  // namespace reachcheck::lint
