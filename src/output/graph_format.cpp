// SPDX-License-Identifier: Apache-2.0
// `graph` formats: DOT through the shared writer, and a sorted JSON node/edge list.
#include "reachcheck/output/graph_format.h"

#include <algorithm>
#include <tuple>

#include "output/dot_writer.h"
#include "output/json_util.h"

namespace reachcheck::output {

std::string FormatGraphDot(const analysis::Topology& topology) { return RenderDot(topology, DotOverlay{}); }

std::string FormatGraphJson(const analysis::Topology& topology) {
  std::vector<analysis::TopologyNode> nodes = topology.nodes;
  std::stable_sort(nodes.begin(), nodes.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  std::vector<analysis::TopologyEdge> edges = topology.edges;
  std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
    return std::tie(a.from, a.to, a.label) < std::tie(b.from, b.to, b.label);
  });
  Json json;
  Json node_array = Json::array();
  std::string previous;
  for (const auto& node : nodes) {
    if (!node_array.empty() && node.id == previous) continue;  // first of duplicate ids wins
    previous = node.id;
    node_array.push_back(
        {{"id", node.id}, {"type", node.type}, {"label", node.label}, {"parent", node.parent}});
  }
  Json edge_array = Json::array();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    if (i > 0 && edges[i].from == edges[i - 1].from && edges[i].to == edges[i - 1].to &&
        edges[i].label == edges[i - 1].label) {
      continue;
    }
    edge_array.push_back({{"from", edges[i].from}, {"to", edges[i].to}, {"label", edges[i].label}});
  }
  json["nodes"] = node_array;
  json["edges"] = edge_array;
  return Dump(json);
}

}  // namespace reachcheck::output
