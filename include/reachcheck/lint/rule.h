// SPDX-License-Identifier: Apache-2.0
// A lint rule as read from its JSON file: metadata shared by both kinds of rule, plus the
// parsed body (a native check's parameters, or a reachability intent).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "reachcheck/base/diagnostic.h"
#include "reachcheck/base/source_ref.h"

namespace reachcheck::lint {

/// The two kinds of rule: a named check implemented in C++, or a reachability intent.
enum class RuleKind { kCheck, kIntent };
/// "check" / "intent".
const char* RuleKindName(RuleKind kind);

/// What `rules list`, the docs and the SARIF driver show about a rule.
struct RuleInfo {
  std::string id;                                      ///< kebab-case, equal to the file name without ".json"
  base::Severity severity = base::Severity::kWarning;  ///< default severity
  std::string title;                                   ///< one line
  std::string description;                             ///< what the rule finds
  std::string rationale;                               ///< why it matters
  std::string remediation;                             ///< how to fix it
  std::string documentation;                           ///< URL or repository-relative link to the rule's docs
  std::vector<std::string> tags;
  RuleKind kind = RuleKind::kCheck;
  std::string check;       ///< kCheck: name of the native check
  base::SourceRef origin;  ///< the rule file ("rules/x.json" for built-in rules)
  bool builtin = false;    ///< from the pack compiled into the binary
};

/// The parsed body of a rule (check parameters or intent); private to the lint stage.
struct RuleBody;

struct Rule {
  RuleInfo info;
  std::shared_ptr<const RuleBody> body;
};

/// Parses "error" / "warning" / "note".
bool ParseSeverity(const std::string& text, base::Severity* severity);

}  // namespace reachcheck::lint
