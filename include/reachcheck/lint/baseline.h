// SPDX-License-Identifier: Apache-2.0
// Baseline files: the fingerprints of accepted findings, so that CI fails only on new ones.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "reachcheck/base/diagnostic.h"
#include "reachcheck/lint/finding.h"

namespace reachcheck::lint {

struct Baseline {
  std::set<std::string> fingerprints;
};

/// The baseline file's text for `findings`: {"version": 1, "findings": [{"fingerprint",
/// "rule", "resources", "message"}]}, sorted by fingerprint, with a trailing newline.
std::string BaselineText(const std::vector<Finding>& findings);

/// Parses a baseline file's text; false with errors added when it is not a baseline.
bool ParseBaseline(const std::string& text, const std::string& file, Baseline* baseline,
                   base::Diagnostics& diagnostics);

/// Marks every finding kUnchanged when its fingerprint is in `baseline`, else kNew.
void ApplyBaseline(const Baseline& baseline, std::vector<Finding>& findings);

}  // namespace reachcheck::lint
