// SPDX-License-Identifier: Apache-2.0
// The built-in pack compiled into the binary: every rule parses, names a registered check, and
// every registered check has its rule; the registry is alphabetical.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "reachcheck/lint/rule_loader.h"

using reachcheck::base::Diagnostics;

TEST_CASE("every embedded rule file parses", "[lint][pack]") {
  Diagnostics diagnostics;
  auto rules = reachcheck::lint::BuiltinRules(diagnostics);
  for (const auto& d : diagnostics.All()) INFO(d.ToString());
  CHECK(diagnostics.Empty());
  CHECK(rules.size() == reachcheck::lint::EmbeddedRuleFiles().size());
  CHECK(rules.size() >= 10);
  for (const auto& rule : rules) {
    CHECK(rule.info.builtin);
    CHECK(rule.info.documentation == "docs/rules.md#" + rule.info.id);
    CHECK(rule.info.origin.file == "rules/" + rule.info.id + ".json");
  }
}

TEST_CASE("the native check registry and the pack match one to one", "[lint][pack]") {
  auto names = reachcheck::lint::NativeCheckNames();
  CHECK(std::is_sorted(names.begin(), names.end()));
  Diagnostics diagnostics;
  std::set<std::string> checks_used;
  for (const auto& rule : reachcheck::lint::BuiltinRules(diagnostics)) checks_used.insert(rule.info.check);
  CHECK(std::set<std::string>(names.begin(), names.end()) == checks_used);
}
