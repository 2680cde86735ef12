// SPDX-License-Identifier: Apache-2.0
// Formatters for `lint` and `rules list`: text, JSON (the contract's fields), SARIF 2.1.0 and
// JUnit XML. Pure functions of the report: sorted, no timestamps, no host paths.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reachcheck/base/diagnostic.h"
#include "reachcheck/lint/linter.h"
#include "reachcheck/lint/rule.h"

namespace reachcheck::output {

/// What decides failure, so that formatters can tell failing findings from the others.
struct LintFormatOptions {
  std::optional<base::Severity> fail_on = base::Severity::kError;  ///< nullopt: never
  bool baseline_used = false;
  std::string tool_version;  ///< for SARIF's tool.driver.version
};

/// gcc-style lines per finding (baseline findings are counted, not shown), then a summary.
std::string LintText(const lint::LintReport& report, const LintFormatOptions& options);

/// {"findings": [...], "suppressed": [...], "summary": {...}} as in the CLI contract.
std::string LintJson(const lint::LintReport& report, const LintFormatOptions& options);

/// A SARIF 2.1.0 log with one run: rule metadata, results with locations, fingerprints,
/// baseline states, suppressions, and code flows for reachability paths.
std::string LintSarif(const lint::LintReport& report, const LintFormatOptions& options);

/// JUnit XML: one testcase per rule that ran, one failure per finding at or above fail_on.
std::string LintJunit(const lint::LintReport& report, const LintFormatOptions& options);

/// The rules in effect, as a table or as JSON ({"rules": [...]}).
std::string RulesListText(const std::vector<lint::RuleInfo>& rules);
std::string RulesListJson(const std::vector<lint::RuleInfo>& rules);

/// A file path as a SARIF artifact URI: relative paths stay relative (percent-encoded),
/// absolute ones become file:// URIs.
std::string ArtifactUri(const std::string& path);

}  // namespace reachcheck::output
