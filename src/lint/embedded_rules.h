// SPDX-License-Identifier: Apache-2.0
// The built-in rule files, generated at build time from rules/ by cmake/EmbedRules.cmake.
#pragma once

#include "reachcheck/lint/rule_loader.h"

namespace reachcheck::lint::embedded {

/// Every rules/**/*.json except *.tests.json, in path order, ended by {nullptr, nullptr}.
extern const EmbeddedRuleFile kRuleFiles[];

}  // namespace reachcheck::lint::embedded
