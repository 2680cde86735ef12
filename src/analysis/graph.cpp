// SPDX-License-Identifier: Apache-2.0
// Builds the network graph from the model in one pass per element vector and answers
// topology and neighbour questions from it.
#include "analysis/graph.h"

#include <algorithm>
#include <set>
#include <utility>

namespace reachcheck::analysis::detail {
namespace {

std::string CidrList(const std::vector<net::Cidr>& a, const std::vector<net::Cidr>& b = {}) {
  std::string out;
  for (const auto* list : {&a, &b}) {
    for (const net::Cidr& cidr : *list) {
      if (!out.empty()) out += " ";
      out += cidr.ToString();
    }
  }
  return out;
}

std::string UnanalysedType(const std::string& resource_type) {
  if (resource_type.rfind("TransitGateway", 0) == 0) return "transit-gateway";
  if (resource_type.rfind("Vpn", 0) == 0) return "vpn-gateway";
  return "unanalysed";
}

}  // namespace

Vertex NetworkGraph::AddNode(NodeKind kind, model::Handle handle, std::string id, std::string type,
                             std::string label, std::string parent) {
  Vertex v = boost::add_vertex(
      NodeProps{kind, handle, id, std::move(type), std::move(label), std::move(parent)}, graph_);
  by_id_[id].push_back(v);
  return v;
}

Vertex NetworkGraph::NodeFor(const std::string& id, const std::string& type) {
  auto it = by_id_.find(id);
  if (it != by_id_.end() && !it->second.empty()) return it->second.front();
  return AddNode(NodeKind::kUnanalysed, model::kNone, id, type, id, "");
}

NetworkGraph::NetworkGraph(const model::Network& n) {
  const Vertex internet = AddNode(NodeKind::kInternet, model::kNone, "internet", "internet", "internet", "");
  vpc_nodes_.reserve(n.vpcs.size());
  for (model::Handle h = 0; h < n.vpcs.size(); ++h) {
    const model::Vpc& vpc = n.vpcs[h];
    vpc_nodes_.push_back(AddNode(NodeKind::kVpc, h, vpc.id, "vpc",
                                 vpc.id + "\n" + CidrList(vpc.ipv4_cidrs, vpc.ipv6_cidrs), ""));
  }
  auto vpc_id = [&](model::Handle vpc) { return vpc == model::kNone ? std::string() : n.vpcs[vpc].id.str(); };
  std::vector<Vertex> subnet_nodes;
  subnet_nodes.reserve(n.subnets.size());
  for (model::Handle h = 0; h < n.subnets.size(); ++h) {
    const model::Subnet& s = n.subnets[h];
    std::vector<net::Cidr> v4;
    if (s.has_ipv4) v4.push_back(s.ipv4_cidr);
    Vertex v = AddNode(NodeKind::kSubnet, h, s.id, "subnet",
                       s.id + "\n" + CidrList(v4, s.ipv6_cidrs) + " " + s.availability_zone, vpc_id(s.vpc));
    subnet_nodes.push_back(v);
    if (s.vpc != model::kNone) boost::add_edge(vpc_nodes_[s.vpc], v, {EdgeKind::kContains, ""}, graph_);
  }
  std::vector<Vertex> table_nodes;
  for (model::Handle h = 0; h < n.route_tables.size(); ++h) {
    const model::RouteTable& t = n.route_tables[h];
    table_nodes.push_back(AddNode(NodeKind::kRouteTable, h, t.id, "route-table",
                                  t.id + (t.IsMain() ? "\n(main)" : ""), vpc_id(t.vpc)));
  }
  for (model::Handle h = 0; h < n.subnets.size(); ++h) {
    const model::Handle t = n.subnets[h].route_table;
    if (t != model::kNone) boost::add_edge(subnet_nodes[h], table_nodes[t], {EdgeKind::kUses, ""}, graph_);
  }
  for (model::Handle h = 0; h < n.internet_gateways.size(); ++h) {
    const model::InternetGateway& g = n.internet_gateways[h];
    Vertex v = AddNode(g.egress_only ? NodeKind::kEgressOnlyGateway : NodeKind::kInternetGateway, h, g.id,
                       g.egress_only ? "egress-only-internet-gateway" : "internet-gateway", g.id, "");
    for (const model::GatewayAttachment& a : g.attachments) {
      if (a.Attached() && a.vpc != model::kNone) {
        boost::add_edge(v, vpc_nodes_[a.vpc], {EdgeKind::kAttached, "attached"}, graph_);
      }
    }
    boost::add_edge(v, internet, {EdgeKind::kInternet, ""}, graph_);
  }
  for (model::Handle h = 0; h < n.nat_gateways.size(); ++h) {
    const model::NatGateway& g = n.nat_gateways[h];
    std::string label = g.id;
    for (const model::NatAddress& a : g.addresses) {
      if (a.private_ip) label += "\n" + a.private_ip->ToString();
      if (a.public_ip) label += " / " + a.public_ip->ToString();
    }
    Vertex v = AddNode(NodeKind::kNatGateway, h, g.id, "nat-gateway", label,
                       g.subnet == model::kNone ? "" : n.subnets[g.subnet].id);
    if (g.subnet != model::kNone) boost::add_edge(v, subnet_nodes[g.subnet], {EdgeKind::kIn, ""}, graph_);
  }
  for (model::Handle h = 0; h < n.peerings.size(); ++h) {
    const model::VpcPeering& p = n.peerings[h];
    Vertex v = AddNode(NodeKind::kPeering, h, p.id, "peering-connection", p.id + "\n" + p.status, "");
    for (const model::PeeringSide* side : {&p.requester, &p.accepter}) {
      if (side->vpc != model::kNone) {
        boost::add_edge(v, vpc_nodes_[side->vpc], {EdgeKind::kPeers, p.status}, graph_);
      }
    }
  }
  for (model::Handle h = 0; h < n.interfaces.size(); ++h) {
    const model::NetworkInterface& e = n.interfaces[h];
    std::string label = e.id;
    if (!e.private_addresses.empty()) label += "\n" + e.private_addresses.front().address.ToString();
    if (!e.instance_id.empty()) label += " (" + e.instance_id + ")";
    Vertex v = AddNode(NodeKind::kInterface, h, e.id, "network-interface", label,
                       e.subnet == model::kNone ? "" : n.subnets[e.subnet].id);
    if (!e.instance_id.empty()) by_id_[e.instance_id].push_back(v);
    if (e.subnet != model::kNone) boost::add_edge(v, subnet_nodes[e.subnet], {EdgeKind::kIn, ""}, graph_);
  }
  for (model::Handle h = 0; h < n.endpoints.size(); ++h) {
    const model::VpcEndpoint& e = n.endpoints[h];
    Vertex v =
        AddNode(NodeKind::kUnanalysed, h, e.id, "vpc-endpoint", e.id + "\n" + e.service_name, vpc_id(e.vpc));
    if (e.vpc != model::kNone) boost::add_edge(v, vpc_nodes_[e.vpc], {EdgeKind::kAttached, ""}, graph_);
  }
  for (const model::UnanalysedResource& r : n.unanalysed) {
    if (by_id_.count(r.id) == 0)
      AddNode(NodeKind::kUnanalysed, model::kNone, r.id, UnanalysedType(r.type), r.id, "");
  }
  for (model::Handle t = 0; t < n.route_tables.size(); ++t) {
    for (const model::Route& route : n.route_tables[t].routes) {
      if (route.target_kind == model::TargetKind::kLocal || route.target_id.empty()) continue;
      Vertex target = NodeFor(route.target_id, model::TargetKindName(route.target_kind));
      std::string label = route.DestinationText();
      if (route.state == model::RouteState::kBlackhole) label += " (blackhole)";
      boost::add_edge(table_nodes[t], target, {EdgeKind::kRoute, label}, graph_);
    }
  }
}

Topology NetworkGraph::Get(const std::string& focus) const {
  Topology out;
  std::vector<bool> keep(boost::num_vertices(graph_), focus.empty());
  if (!focus.empty()) {
    auto it = by_id_.find(focus);
    if (it == by_id_.end()) return out;
    for (Vertex v : it->second) {
      keep[v] = true;
      for (auto [e, end] = boost::out_edges(v, graph_); e != end; ++e) keep[boost::target(*e, graph_)] = true;
      for (auto [e, end] = boost::in_edges(v, graph_); e != end; ++e) keep[boost::source(*e, graph_)] = true;
    }
  }
  for (auto [v, end] = boost::vertices(graph_); v != end; ++v) {
    if (!keep[*v]) continue;
    const NodeProps& p = graph_[*v];
    out.nodes.push_back({p.id, p.type, p.label, p.parent});
  }
  for (auto [e, end] = boost::edges(graph_); e != end; ++e) {
    Vertex a = boost::source(*e, graph_), b = boost::target(*e, graph_);
    if (keep[a] && keep[b]) out.edges.push_back({graph_[a].id, graph_[b].id, graph_[*e].label});
  }
  return out;
}

}  // namespace reachcheck::analysis::detail
