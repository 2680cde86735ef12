// SPDX-License-Identifier: Apache-2.0
// `why --format dot`: the topology with the query's paths and blockers highlighted.
#pragma once

#include <string>

#include "reachcheck/analysis/engine.h"
#include "reachcheck/analysis/result.h"
#include "reachcheck/output/why_request.h"

namespace reachcheck::output {

/// Graphviz DOT of `topology` with the classes' paths drawn over it (green: reachable,
/// red: unreachable) and every blocking component filled red. The classes drawn are the ones
/// the text format would show (see `options`).
std::string FormatWhyDot(const analysis::Topology& topology, const analysis::QueryResult& result,
                         const WhyRequest& request, const WhyDisplayOptions& options = {});

}  // namespace reachcheck::output
