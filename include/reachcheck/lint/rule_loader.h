// SPDX-License-Identifier: Apache-2.0
// Reading rule files: the built-in pack compiled into the binary, and user rule files or
// folders. Rule files are read strictly: every problem is an error with file and pointer.
#pragma once

#include <string>
#include <vector>

#include "reachcheck/base/diagnostic.h"
#include "reachcheck/lint/rule.h"

namespace reachcheck::lint {

/// Parses one rule file's text (JSON with // comments). `file` is used in diagnostics and as
/// the rule's origin. Returns false (with errors added) when the rule is invalid: bad JSON,
/// a missing or mistyped field, an unknown key (with a "did you mean"), an unknown check or
/// parameter, a bad selector or regular expression, an id that differs from the file name.
bool ParseRule(const std::string& text, const std::string& file, bool builtin, Rule* rule,
               base::Diagnostics& diagnostics);

/// Every rule of the built-in pack, in id order.
std::vector<Rule> BuiltinRules(base::Diagnostics& diagnostics);

/// The names and texts of the built-in rule files ("rules/<id>.json"), as embedded at build time.
struct EmbeddedRuleFile {
  const char* path;
  const char* text;
};
std::vector<EmbeddedRuleFile> EmbeddedRuleFiles();

/// Reads `path`: a rule file, or a folder walked recursively for *.json (skipping
/// *.tests.json). Appends the rules in path order; errors for unreadable paths.
void LoadRulePath(const std::string& path, std::vector<Rule>& rules, base::Diagnostics& diagnostics);

/// Adds `more` to `rules`; a rule whose id is already present is an error
/// (`rules-duplicate-id`) at the later file, and is not added.
void MergeRules(std::vector<Rule>& rules, std::vector<Rule> more, base::Diagnostics& diagnostics);

/// The names of every native check, sorted (for docs and "did you mean").
std::vector<std::string> NativeCheckNames();

}  // namespace reachcheck::lint
