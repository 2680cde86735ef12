// SPDX-License-Identifier: Apache-2.0
// A finding: one rule violated by a set of resources, with where it is and, for reachability
// findings, the path that shows it.
#pragma once

#include <string>
#include <vector>

#include "reachcheck/analysis/result.h"
#include "reachcheck/base/diagnostic.h"
#include "reachcheck/base/source_ref.h"

namespace reachcheck::lint {

/// Whether a finding is new or was already in the baseline given with --baseline.
enum class BaselineState { kNone, kNew, kUnchanged };
/// "" / "new" / "unchanged" (the SARIF baselineState names).
const char* BaselineStateName(BaselineState state);

struct Finding {
  std::string rule;  ///< rule id
  base::Severity severity = base::Severity::kWarning;
  std::vector<std::string> resources;  ///< primary resource first, then the others involved
  std::string message;                 ///< one or two sentences, no trailing newline
  base::SourceRef location;            ///< the element or rule entry in the input
  analysis::Path path;     ///< reachability path (forward), when there is one
  std::string fingerprint;             ///< stable: hash of rule id and resources
  BaselineState baseline = BaselineState::kNone;
  std::string suppression_reason;  ///< set when a config suppression matched
};

/// The stable fingerprint of a finding: 16 hex digits of FNV-1a 64 over the rule id and the
/// resource ids (in order), so it survives rewording and line moves.
std::string Fingerprint(const std::string& rule, const std::vector<std::string>& resources);

/// Orders findings by (severity, rule, resources, message) for deterministic output.
bool FindingLess(const Finding& a, const Finding& b);

}  // namespace reachcheck::lint
