// SPDX-License-Identifier: Apache-2.0
// A rule's own test cases: strict reading of `<id>.tests.json` and running one case.
#include "reachcheck/lint/rule_tests.h"

#include <algorithm>

#include "lint/strict_json.h"
#include "reachcheck/lint/linter.h"

namespace reachcheck::lint {
namespace {

std::string FolderOf(const std::string& file) {
  std::size_t slash = file.find_last_of('/');
  return slash == std::string::npos ? "" : file.substr(0, slash + 1);
}

bool ParseExpected(const Json& value, const std::string& at, StrictReader& reader,
                   ExpectedFinding* expected) {
  if (!reader.CheckObject(value, at, "an expected finding",
                          {"resource", "resources", "severity", "message_contains"}, {"resource"})) {
    return false;
  }
  bool good = reader.String(value, at, "resource", &expected->resource);
  if (value.contains("resources"))
    good = reader.StringList(value, at, "resources", &expected->resources) && good;
  if (value.contains("severity")) {
    std::string severity;
    if (reader.Choice(value, at, "severity", {"error", "warning", "note"}, &severity)) {
      base::Severity parsed = base::Severity::kWarning;
      ParseSeverity(severity, &parsed);
      expected->severity = parsed;
    } else {
      good = false;
    }
  }
  if (value.contains("message_contains")) {
    good = reader.StringOrList(value, at, "message_contains", &expected->message_contains) && good;
  }
  return good;
}

bool Matches(const ExpectedFinding& expected, const Finding& finding) {
  if (finding.resources.empty() || finding.resources.front() != expected.resource) return false;
  if (!expected.resources.empty() && finding.resources != expected.resources) return false;
  if (expected.severity && *expected.severity != finding.severity) return false;
  for (const std::string& words : expected.message_contains) {
    if (finding.message.find(words) == std::string::npos) return false;
  }
  return true;
}

std::string Describe(const Finding& f) {
  std::string resources;
  for (const std::string& r : f.resources) resources += (resources.empty() ? "" : ", ") + r;
  return std::string(base::SeverityName(f.severity)) + " [" + resources + "]: " + f.message;
}

}  // namespace

std::string TestsFileFor(const std::string& rule_file) {
  std::string base = rule_file;
  if (base.size() > 5 && base.substr(base.size() - 5) == ".json") base.resize(base.size() - 5);
  return base + ".tests.json";
}

bool ParseRuleTests(const std::string& text, const std::string& file, std::vector<RuleTestCase>* cases,
                    base::Diagnostics& diagnostics) {
  StrictReader reader(file, text, "rules-test", diagnostics);
  Json root;
  if (!reader.Parse(&root)) return false;
  if (!reader.CheckObject(root, "", "a rule tests file", {"cases"}, {"cases"})) return false;
  const Json& list = root["cases"];
  if (!list.is_array() || list.empty()) {
    reader.Error("bad-type", "/cases", "'cases' must be a non-empty array of test cases");
    return false;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::string at = ChildPointer("/cases", i);
    if (!reader.CheckObject(list[i], at, "a test case", {"name", "snapshot", "expect"},
                            {"name", "snapshot", "expect"})) {
      continue;
    }
    RuleTestCase test_case;
    test_case.origin = base::SourceRef{file, at, 0, 0};
    reader.String(list[i], at, "name", &test_case.name);
    std::vector<std::string> paths;
    if (reader.StringOrList(list[i], at, "snapshot", &paths)) {
      for (const std::string& path : paths) {
        test_case.snapshot.push_back(!path.empty() && path[0] == '/' ? path : FolderOf(file) + path);
      }
    }
    const Json& expect = list[i]["expect"];
    std::string expect_at = ChildPointer(at, "expect");
    if (!expect.is_array()) {
      reader.Error("bad-type", expect_at, "'expect' must be an array of expected findings ([] for none)");
      continue;
    }
    for (std::size_t j = 0; j < expect.size(); ++j) {
      ExpectedFinding expected;
      if (ParseExpected(expect[j], ChildPointer(expect_at, j), reader, &expected))
        test_case.expect.push_back(expected);
    }
    cases->push_back(std::move(test_case));
  }
  return reader.ok();
}

RuleTestOutcome RunRuleTestCase(const Rule& rule, const RuleTestCase& test_case,
                                const SnapshotLoader& loader) {
  RuleTestOutcome outcome;
  outcome.case_name = test_case.name;
  base::Diagnostics diagnostics;
  std::optional<model::Network> network = loader(test_case.snapshot, diagnostics);
  if (!network) {
    outcome.problems.push_back("the snapshot did not load:");
    for (const base::Diagnostic& d : diagnostics.Sorted()) {
      if (d.severity == base::Severity::kError) outcome.problems.push_back("  " + d.ToString());
    }
    return outcome;
  }
  LintReport report = RunLint(*network, {rule}, LintConfig{});
  outcome.findings = report.findings;
  std::vector<bool> used(report.findings.size(), false);
  for (const ExpectedFinding& expected : test_case.expect) {
    bool found = false;
    for (std::size_t i = 0; i < report.findings.size() && !found; ++i) {
      if (!used[i] && Matches(expected, report.findings[i])) used[i] = found = true;
    }
    if (!found) {
      std::string extra;
      if (expected.severity) extra += std::string(" at ") + base::SeverityName(*expected.severity);
      for (const std::string& words : expected.message_contains) extra += " mentioning \"" + words + "\"";
      outcome.problems.push_back("missing finding on " + expected.resource + extra);
    }
  }
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    if (!used[i]) outcome.problems.push_back("unexpected finding: " + Describe(report.findings[i]));
  }
  outcome.passed = outcome.problems.empty();
  return outcome;
}

}  // namespace reachcheck::lint
