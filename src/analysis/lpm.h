// SPDX-License-Identifier: Apache-2.0
// A route table's longest prefix match, flattened into disjoint address ranges that each
// name their winning route.
#pragma once

#include <vector>

#include "analysis/index.h"

namespace reachcheck::analysis::detail {

/// Ranges (per family) labelled with the index of the winning entry: the longest prefix,
/// then the lowest rank, then the first listed. Addresses no entry covers are left out.
SpanIndex<int> BuildLpm(const std::vector<RouteEntry>& entries);

}  // namespace reachcheck::analysis::detail
