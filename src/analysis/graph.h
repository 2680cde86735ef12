// SPDX-License-Identifier: Apache-2.0
// The network graph (Boost.Graph, private to the analysis): VPCs, subnets, route tables,
// gateways, peerings, interfaces, the internet and the unanalysed components, joined by
// containment, attachment and route edges, for `graph` (built the first time it is asked for).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "reachcheck/analysis/engine.h"
#include "reachcheck/model/network.h"

namespace reachcheck::analysis::detail {

enum class NodeKind : std::uint8_t {
  kVpc,
  kSubnet,
  kRouteTable,
  kInternetGateway,
  kEgressOnlyGateway,
  kNatGateway,
  kPeering,
  kInterface,
  kInternet,
  kUnanalysed,
};
enum class EdgeKind : std::uint8_t {
  kContains,  ///< VPC -> subnet
  kUses,      ///< subnet -> route table
  kRoute,     ///< route table -> target
  kAttached,  ///< gateway -> VPC
  kIn,        ///< interface / NAT -> subnet
  kPeers,     ///< peering -> VPC (either side)
  kInternet,  ///< internet gateway -> the internet
};

struct NodeProps {
  NodeKind kind = NodeKind::kUnanalysed;
  model::Handle handle = model::kNone;
  std::string id;
  std::string type;  ///< TopologyNode type
  std::string label;
  std::string parent;
};
struct EdgeProps {
  EdgeKind kind = EdgeKind::kContains;
  std::string label;
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeProps, EdgeProps>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

class NetworkGraph {
 public:
  explicit NetworkGraph(const model::Network& network);

  const Graph& graph() const { return graph_; }
  /// The topology, or the nodes within one edge of `focus` (an id) and their edges.
  Topology Get(const std::string& focus) const;

 private:
  Vertex AddNode(NodeKind kind, model::Handle handle, std::string id, std::string type, std::string label,
                 std::string parent);
  Vertex NodeFor(const std::string& id, const std::string& type);  ///< targets by id
  void AddRoutes(const model::Network& network);

  Graph graph_;
  std::vector<Vertex> vpc_nodes_;
  std::unordered_map<std::string, std::vector<Vertex>> by_id_;
};

}  // namespace reachcheck::analysis::detail
