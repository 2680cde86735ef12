// SPDX-License-Identifier: Apache-2.0
// Running rules over a network: the rules in effect, the findings, and what decides the exit
// status.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "reachcheck/base/diagnostic.h"
#include "reachcheck/analysis/engine.h"
#include "reachcheck/lint/config.h"
#include "reachcheck/lint/finding.h"
#include "reachcheck/lint/rule.h"
#include "reachcheck/model/network.h"

namespace reachcheck::lint {

/// Which rules are in effect and how severe they are.
struct RuleSelection {
  bool builtin = true;                  ///< false with --no-builtin or "builtin": false
  std::vector<std::string> rule_paths;  ///< --rules PATH... and the config's "rules"
  std::vector<std::string> only;        ///< --only ID,...: every id must exist
};

/// The rules in effect: the built-in pack, then each path's rules, filtered by `only`, with
/// the config's severity overrides applied and rules set to "off" removed. Errors (bad rule
/// files, unknown ids in `only` or in the config) are added to `diagnostics`.
std::vector<Rule> SelectRules(const RuleSelection& selection, const LintConfig& config,
                              base::Diagnostics& diagnostics);

struct LintReport {
  std::vector<RuleInfo> rules;      ///< the rules that ran, in id order
  std::vector<Finding> findings;    ///< not suppressed, sorted with FindingLess
  std::vector<Finding> suppressed;  ///< matched a config suppression
};

/// Called after each rule with (rules done, rules in all), then once more with (total, total)
/// when the findings have been located in their files. Must not throw.
using LintProgressCallback = std::function<void(std::size_t done, std::size_t total)>;

/// Runs every rule over the network (one engine shared by the rules that need one) and
/// applies the config's suppressions. Findings are deduplicated by fingerprint.
/// `engine_progress` reports the steps of building that engine, if a rule needs it (from the
/// thread of that rule, while other rules may report `progress`).
LintReport RunLint(const model::Network& network, const std::vector<Rule>& rules, const LintConfig& config,
                   const LintProgressCallback& progress = {},
                   const analysis::SweepProgress& engine_progress = {});

/// Parses --fail-on: "error", "warning", "note" or "never" (std::nullopt inside the optional).
bool ParseFailOn(const std::string& text, std::optional<base::Severity>* threshold);

/// Whether some finding that is not in the baseline is at or above `threshold`.
bool ShouldFail(const LintReport& report, std::optional<base::Severity> threshold);

}  // namespace reachcheck::lint
