// SPDX-License-Identifier: Apache-2.0
// Graphviz DOT writing: quoting, clustering by containment, per-type node shapes.
#include "output/dot_writer.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace reachcheck::output {
namespace {

// Shape and colour of a node by its topology type.
DotAttrs TypeAttrs(const std::string& type) {
  static const std::map<std::string, DotAttrs> kStyles = {
      {"vpc", {{"shape", "box"}, {"style", "bold"}}},
      {"subnet", {{"shape", "box"}, {"style", "rounded"}}},
      {"internet", {{"shape", "doublecircle"}}},
      {"internet-gateway", {{"shape", "invhouse"}, {"color", "blue4"}}},
      {"egress-only-internet-gateway", {{"shape", "invhouse"}, {"color", "blue4"}, {"style", "dashed"}}},
      {"nat-gateway", {{"shape", "trapezium"}, {"color", "darkorange3"}}},
      {"peering-connection", {{"shape", "cds"}, {"color", "purple4"}}},
      {"network-interface", {{"shape", "ellipse"}}},
      {"instance", {{"shape", "box3d"}}},
      {"route-table", {{"shape", "note"}}},
      {"network-acl", {{"shape", "octagon"}}},
      {"security-group", {{"shape", "hexagon"}}},
      {"prefix-list", {{"shape", "folder"}}},
  };
  auto it = kStyles.find(type);
  if (it != kStyles.end()) return it->second;
  return {{"shape", "box"}, {"style", "dashed"}};
}

std::string AttrsText(const DotAttrs& attrs) {
  std::string text;
  for (const auto& [key, value] : attrs) {
    if (!text.empty()) text += ", ";
    text += key + "=" + DotQuote(value);
  }
  return text;
}

// Later values of a key override earlier ones; the first position of the key is kept.
DotAttrs Merge(const DotAttrs& base, const DotAttrs& extra) {
  DotAttrs merged = base;
  for (const auto& [key, value] : extra) {
    auto it = std::find_if(merged.begin(), merged.end(), [&](const auto& kv) { return kv.first == key; });
    if (it != merged.end())
      it->second = value;
    else
      merged.emplace_back(key, value);
  }
  return merged;
}

class Writer {
 public:
  Writer(const analysis::Topology& topology, const DotOverlay& overlay) : overlay_(overlay) {
    for (const auto& node : topology.nodes) Add(node);
    for (const auto& node : overlay.extra_nodes) Add(node);
    for (const auto& [id, node] : nodes_) {
      if (!node.parent.empty() && node.parent != id && nodes_.count(node.parent) > 0) {
        children_[node.parent].push_back(id);
      }
    }
  }

  std::string NodesText() {
    std::string text;
    for (const auto& [id, node] : nodes_) {
      bool is_root = node.parent.empty() || node.parent == id || nodes_.count(node.parent) == 0;
      if (is_root) text += NodeText(id, "  ");
    }
    // Nodes whose parent chain is a cycle were never reached from a root: draw them plainly.
    for (const auto& [id, node] : nodes_) {
      if (written_.count(id) == 0) text += NodeText(id, "  ");
    }
    return text;
  }

 private:
  void Add(const analysis::TopologyNode& node) {
    if (nodes_.count(node.id) == 0) nodes_.emplace(node.id, node);
  }

  std::string NodeLine(const analysis::TopologyNode& node, const std::string& indent) {
    DotAttrs attrs = {{"label", node.label.empty() ? node.id : node.label}};
    attrs = Merge(attrs, TypeAttrs(node.type));
    auto extra = overlay_.node_attrs.find(node.id);
    if (extra != overlay_.node_attrs.end()) attrs = Merge(attrs, extra->second);
    return indent + DotQuote(node.id) + " [" + AttrsText(attrs) + "];\n";
  }

  std::string NodeText(const std::string& id, const std::string& indent) {
    if (!written_.insert(id).second) return "";
    const analysis::TopologyNode& node = nodes_.at(id);
    auto kids = children_.find(id);
    if (kids == children_.end()) return NodeLine(node, indent);
    std::string text = indent + "subgraph " + DotQuote("cluster_" + id) + " {\n";
    std::string inner = indent + "  ";
    std::string cluster_label = node.type.empty() ? id : node.type + " " + id;
    text += inner + "label=" + DotQuote(cluster_label) + ";\n";
    text += inner + "style=" + DotQuote(node.type == "subnet" ? "rounded" : "solid") + ";\n";
    text += NodeLine(node, inner);
    for (const std::string& child : kids->second) text += NodeText(child, inner);
    text += indent + "}\n";
    return text;
  }

  const DotOverlay& overlay_;
  std::map<std::string, analysis::TopologyNode> nodes_;
  std::map<std::string, std::vector<std::string>> children_;
  std::set<std::string> written_;
};

}  // namespace

std::string DotQuote(std::string_view text) {
  std::string quoted = "\"";
  for (char ch : text) {
    if (ch == '"' || ch == '\\') {
      quoted += '\\';
      quoted += ch;
    } else if (ch == '\n') {
      quoted += "\\n";
    } else if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) {
      quoted += ' ';
    } else {
      quoted += ch;
    }
  }
  return quoted + "\"";
}

std::string RenderDot(const analysis::Topology& topology, const DotOverlay& overlay) {
  std::string text = "digraph \"reachcheck\" {\n";
  text += "  graph [rankdir=\"LR\", fontname=\"Helvetica\", fontsize=\"11\"";
  if (!overlay.title.empty()) text += ", label=" + DotQuote(overlay.title) + ", labelloc=\"t\"";
  text += "];\n";
  text += "  node [fontname=\"Helvetica\", fontsize=\"10\"];\n";
  text += "  edge [fontname=\"Helvetica\", fontsize=\"9\"];\n";
  Writer writer(topology, overlay);
  text += writer.NodesText();

  std::vector<analysis::TopologyEdge> edges = topology.edges;
  std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
    return std::tie(a.from, a.to, a.label) < std::tie(b.from, b.to, b.label);
  });
  edges.erase(std::unique(edges.begin(), edges.end(),
                          [](const auto& a, const auto& b) {
                            return a.from == b.from && a.to == b.to && a.label == b.label;
                          }),
              edges.end());
  for (const auto& edge : edges) {
    text += "  " + DotQuote(edge.from) + " -> " + DotQuote(edge.to);
    if (!edge.label.empty()) text += " [label=" + DotQuote(edge.label) + "]";
    text += ";\n";
  }
  for (const auto& edge : overlay.extra_edges) {
    text += "  " + DotQuote(edge.from) + " -> " + DotQuote(edge.to);
    if (!edge.attrs.empty()) text += " [" + AttrsText(edge.attrs) + "]";
    text += ";\n";
  }
  return text + "}\n";
}

}  // namespace reachcheck::output
