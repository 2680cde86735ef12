// SPDX-License-Identifier: Apache-2.0
// A rule's own test cases (`<id>.tests.json` beside the rule file), run by `rules test` and
// by CTest: each case is a snapshot and the exact findings the rule must report on it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "reachcheck/base/diagnostic.h"
#include "reachcheck/lint/finding.h"
#include "reachcheck/lint/rule.h"
#include "reachcheck/model/network.h"

namespace reachcheck::lint {

/// One expected finding: the primary resource, and optionally the other resources, the
/// severity, and words the message must contain.
struct ExpectedFinding {
  std::string resource;
  std::vector<std::string> resources;  ///< when given: the finding's resources, exactly
  std::optional<base::Severity> severity;
  std::vector<std::string> message_contains;
};

struct RuleTestCase {
  std::string name;
  std::vector<std::string> snapshot;    ///< paths, resolved against the tests file's folder
  std::vector<ExpectedFinding> expect;  ///< exactly these findings, in any order
  base::SourceRef origin;
};

/// "<rule file without .json>.tests.json".
std::string TestsFileFor(const std::string& rule_file);

/// Parses a tests file strictly. False with errors added when it is invalid.
bool ParseRuleTests(const std::string& text, const std::string& file, std::vector<RuleTestCase>* cases,
                    base::Diagnostics& diagnostics);

/// Loads a snapshot for a case; returns nothing (with errors added) when it cannot.
using SnapshotLoader = std::function<std::optional<model::Network>(const std::vector<std::string>& paths,
                                                                   base::Diagnostics& diagnostics)>;

struct RuleTestOutcome {
  std::string case_name;
  bool passed = false;
  std::vector<std::string> problems;  ///< "missing finding on sg-1", "unexpected finding ..."
  std::vector<Finding> findings;      ///< what the rule reported
};

/// Runs one case: loads its snapshot, runs `rule` alone, compares with the expectation.
RuleTestOutcome RunRuleTestCase(const Rule& rule, const RuleTestCase& test_case,
                                const SnapshotLoader& loader);

}  // namespace reachcheck::lint
