// SPDX-License-Identifier: Apache-2.0
// `why --format dot`: each shown class's forward path (solid) and return path (dashed) drawn
// over the topology, green when reachable and red when not; blockers filled red.
#include "reachcheck/output/why_dot.h"

#include <map>
#include <set>
#include <tuple>

#include "output/dot_writer.h"
#include "reachcheck/output/text_util.h"
#include "reachcheck/output/why_text.h"

namespace reachcheck::output {
namespace {

constexpr const char* kReachableColor = "darkgreen";
constexpr const char* kUnreachableColor = "red3";

struct PathEdgeKey {
  std::string from, to, color, style;
  bool operator<(const PathEdgeKey& o) const {
    return std::tie(from, to, color, style) < std::tie(o.from, o.to, o.color, o.style);
  }
};

}  // namespace

std::string FormatWhyDot(const analysis::Topology& topology, const analysis::QueryResult& result,
                         const WhyRequest& request, const WhyDisplayOptions& options) {
  DotOverlay overlay;
  overlay.title = "why " + request.source + " -> " + request.destination + " (" +
                  QueryServiceText(request.protocol, request.ports) + ")";
  std::set<std::string> known;
  for (const auto& node : topology.nodes) known.insert(node.id);
  auto ensure_node = [&](const std::string& id, const std::string& type) {
    if (id.empty() || !known.insert(id).second) return;
    overlay.extra_nodes.push_back({id, type, id, ""});
  };

  std::vector<const analysis::PacketClass*> order = DisplayOrder(result);
  std::size_t shown = order.size();
  if (!options.all && shown > options.max_classes) shown = options.max_classes;

  // Path edges in first-seen order, with the numbers of the classes that use them.
  std::vector<PathEdgeKey> edge_order;
  std::map<PathEdgeKey, std::string> edge_labels;
  auto add_path = [&](const analysis::Path& hops, const char* color, const char* style,
                      std::size_t number) {
    for (std::size_t i = 0; i < hops.size(); ++i) {
      ensure_node(hops[i]->component, hops[i]->type);
      overlay.node_attrs[hops[i]->component].push_back({"penwidth", "2"});
      if (i == 0 || hops[i]->component == hops[i - 1]->component) continue;
      PathEdgeKey key{hops[i - 1]->component, hops[i]->component, color, style};
      auto [it, inserted] = edge_labels.emplace(key, std::to_string(number));
      if (inserted) {
        edge_order.push_back(key);
      } else if (it->second != std::to_string(number) &&
                 it->second.size() < 40) {  // keep labels short on busy edges
        it->second += "," + std::to_string(number);
      }
    }
  };
  for (std::size_t k = 0; k < shown; ++k) {
    const analysis::PacketClass& c = *order[k];
    const char* color = c.reachable ? kReachableColor : kUnreachableColor;
    add_path(c.forward, color, "solid", k + 1);
    add_path(c.reply, color, "dashed", k + 1);
    for (const analysis::Blocker& b : c.blocked_by) {
      ensure_node(b.component, "");
      overlay.node_attrs[b.component].insert(
          overlay.node_attrs[b.component].end(),
          {{"style", "filled"}, {"fillcolor", "#f4cccc"}, {"color", kUnreachableColor}, {"penwidth", "2"}});
    }
  }
  for (const PathEdgeKey& key : edge_order) {
    overlay.extra_edges.push_back({key.from,
                                   key.to,
                                   {{"color", key.color},
                                    {"fontcolor", key.color},
                                    {"style", key.style},
                                    {"penwidth", "2"},
                                    {"label", edge_labels[key]},
                                    {"constraint", "false"}}});
  }
  return RenderDot(topology, overlay);
}

}  // namespace reachcheck::output
