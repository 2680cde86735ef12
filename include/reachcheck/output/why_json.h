// SPDX-License-Identifier: Apache-2.0
// `why --format json`: the contract's {query, verdict, classes[...]} document.
#pragma once

#include <ostream>
#include <string>

#include "reachcheck/analysis/result.h"
#include "reachcheck/output/why_request.h"

namespace reachcheck::output {

/// The JSON answer (every class, engine order), pretty-printed with a trailing newline.
/// Fields beyond the contract: query.source_ports, per class source, source_addresses,
/// source_ports, delivered_to, suggestion, icmp (when ICMP types are restricted), "where" on
/// hops and blockers, and a top-level "notes".
std::string FormatWhyJson(const analysis::QueryResult& result, const WhyRequest& request);
/// The same document written to `out` class by class: a large answer is never held whole as
/// JSON in memory.
void WriteWhyJson(std::ostream& out, const analysis::QueryResult& result, const WhyRequest& request);

}  // namespace reachcheck::output
