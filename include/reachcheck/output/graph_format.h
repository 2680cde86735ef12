// SPDX-License-Identifier: Apache-2.0
// `graph`: the topology as Graphviz DOT (clustered by VPC and subnet) or as JSON.
#pragma once

#include <string>

#include "reachcheck/analysis/engine.h"

namespace reachcheck::output {

/// Valid DOT: every id and label quoted and escaped; VPCs and subnets with members become
/// clusters; nodes and edges sorted so the output is deterministic.
std::string FormatGraphDot(const analysis::Topology& topology);

/// {"nodes": [{"id", "type", "label", "parent"}], "edges": [{"from", "to", "label"}]}, sorted.
std::string FormatGraphJson(const analysis::Topology& topology);

}  // namespace reachcheck::output
