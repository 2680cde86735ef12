// SPDX-License-Identifier: Apache-2.0
// The project configuration file `.reachcheck.json`: extra rule files, severity overrides,
// and suppressions (each with a reason).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "reachcheck/base/diagnostic.h"
#include "reachcheck/lint/finding.h"

namespace reachcheck::lint {

inline constexpr const char* kConfigFileName = ".reachcheck.json";

/// One suppression: findings of `rule` (or every rule for "*") whose resources include one
/// matching `resource` (exact, or a pattern with `*` wildcards; empty: any resource).
struct Suppression {
  std::string rule;
  std::string resource;
  std::string reason;  ///< required
  base::SourceRef origin;
};

struct LintConfig {
  std::string file;                     ///< where it was read from, "" when none
  std::vector<std::string> rule_paths;  ///< "rules": resolved against the config's folder
  bool no_builtin = false;              ///< "builtin": false
  /// "severity": rule id -> severity; std::nullopt for "off" (the rule does not run).
  std::map<std::string, std::optional<base::Severity>> severities;
  std::map<std::string, base::SourceRef> severity_origins;
  std::vector<Suppression> suppressions;
};

/// Reads and checks a config file strictly (unknown keys are errors with "did you mean").
/// Returns false with errors added when it is invalid or unreadable.
bool LoadConfig(const std::string& path, LintConfig* config, base::Diagnostics& diagnostics);
/// Parses config text as if read from `file` (for tests).
bool ParseConfig(const std::string& text, const std::string& file, LintConfig* config,
                 base::Diagnostics& diagnostics);

/// The config file in effect: `.reachcheck.json` in the first snapshot path (when it is a
/// folder), else in the current folder; "" when there is none.
std::string FindConfig(const std::vector<std::string>& snapshot_paths);

/// Whether `pattern` (with `*` matching any run of characters) matches `text` entirely.
bool GlobMatch(const std::string& pattern, const std::string& text);

/// The first suppression that covers `finding`, or nullptr.
const Suppression* FindSuppression(const LintConfig& config, const Finding& finding);

}  // namespace reachcheck::lint
