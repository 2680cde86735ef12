// SPDX-License-Identifier: Apache-2.0
// Graphviz DOT writing shared by `graph` and `why --format dot` (private to the output stage).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reachcheck/analysis/engine.h"

namespace reachcheck::output {

/// Attribute list in the order written: {"color", "red3"}, ... (values are quoted on output).
using DotAttrs = std::vector<std::pair<std::string, std::string>>;

/// What is drawn over a topology: extra styling, nodes and edges.
struct DotOverlay {
  std::string title;                                ///< graph label, "" for none
  std::map<std::string, DotAttrs> node_attrs;       ///< appended to a node's own attributes
  std::vector<analysis::TopologyNode> extra_nodes;  ///< drawn when the topology lacks the id
  struct Edge {
    std::string from;
    std::string to;
    DotAttrs attrs;
  };
  std::vector<Edge> extra_edges;  ///< drawn after the topology's edges, in this order
};

/// `text` as a DOT double-quoted string: quotes and backslashes escaped, newlines as \n, other
/// control characters as spaces.
std::string DotQuote(std::string_view text);

/// The whole digraph: VPCs/subnets (any node with members) as clusters holding their own node
/// and their members; nodes and edges sorted by id; overlay applied.
std::string RenderDot(const analysis::Topology& topology, const DotOverlay& overlay);

}  // namespace reachcheck::output
