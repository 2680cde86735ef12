// SPDX-License-Identifier: Apache-2.0
// `why` as text: the verdict line, then each packet class with its path or its blockers.
#pragma once

#include <string>
#include <vector>

#include "reachcheck/analysis/result.h"
#include "reachcheck/output/why_request.h"

namespace reachcheck::output {

/// The text answer: verdict line, notes, then the classes (unreachable ones first, each group
/// in the engine's order), at most `options.max_classes` of them unless `options.all`.
std::string FormatWhyText(const analysis::QueryResult& result, const WhyRequest& request,
                          const WhyDisplayOptions& options = {});

/// The order in which text and DOT show classes: unreachable first, then reachable, each
/// group in the engine's order. Pointers into `result`.
std::vector<const analysis::PacketClass*> DisplayOrder(const analysis::QueryResult& result);

}  // namespace reachcheck::output
