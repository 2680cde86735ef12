// SPDX-License-Identifier: Apache-2.0
// Validate passes for routing: route targets and prefix-list destinations, and each subnet's
// effective route table (explicit association, else its VPC's main table).
#include <string>
#include <unordered_map>

#include "validate_internal.h"

namespace reachcheck::model::detail {

namespace {

// How a target kind is named in messages, or nullptr for kinds with no element vector.
const char* TargetNoun(TargetKind kind) {
  switch (kind) {
    case TargetKind::kInternetGateway:
      return "internet gateway";
    case TargetKind::kEgressOnlyInternetGateway:
      return "egress-only internet gateway";
    case TargetKind::kNatGateway:
      return "NAT gateway";
    case TargetKind::kPeering:
      return "VPC peering connection";
    case TargetKind::kNetworkInterface:
      return "network interface";
    case TargetKind::kInstance:
      return "instance";
    case TargetKind::kGatewayEndpoint:
      return "gateway endpoint";
    default:
      return nullptr;
  }
}

Handle FindTarget(const Network& n, TargetKind kind, const std::string& id, Handle scope) {
  switch (kind) {
    case TargetKind::kInternetGateway:
    case TargetKind::kEgressOnlyInternetGateway:
      return n.FindInternetGateway(id, scope);
    case TargetKind::kNatGateway:
      return n.FindNatGateway(id, scope);
    case TargetKind::kPeering:
      return n.FindPeering(id, scope);
    case TargetKind::kNetworkInterface:
      return n.FindInterface(id, scope);
    case TargetKind::kInstance:
      return n.FindInstance(id, scope);
    case TargetKind::kGatewayEndpoint:
      return n.FindEndpoint(id, scope);
    default:
      return kNone;
  }
}

void ResolveRoute(Checker& checker, const RouteTable& table, Route& route) {
  const Network& n = checker.network;
  route.target = kNone;
  route.prefix_list = kNone;
  // AWS marks a route blackhole when its target was deleted: no need to say it again.
  const bool report = route.state != RouteState::kBlackhole;
  auto referrer = [&] { return "route " + route.DestinationText() + " of " + table.id; };
  if (!route.prefix_list_id.empty()) {
    route.prefix_list = n.FindPrefixList(route.prefix_list_id, table.scope);
    if (route.prefix_list == kNone && report) {
      checker.Dangling(route.origin, referrer(), "refers to", "prefix list", route.prefix_list_id);
    }
  }
  const char* noun = TargetNoun(route.target_kind);
  if (noun == nullptr || route.target_id.empty()) return;
  const Handle target = FindTarget(n, route.target_kind, route.target_id, table.scope);
  if (target == kNone) {
    if (report) checker.Dangling(route.origin, referrer(), "targets", noun, route.target_id);
    return;
  }
  if (route.target_kind == TargetKind::kInternetGateway ||
      route.target_kind == TargetKind::kEgressOnlyInternetGateway) {
    const bool egress_only = n.internet_gateways[target].egress_only;
    if (egress_only != (route.target_kind == TargetKind::kEgressOnlyInternetGateway)) {
      checker.diagnostics.Warning(
          "input-target-kind-mismatch",
          referrer() + " targets " + Named(noun, route.target_id) + " which is " +
              (egress_only ? "an egress-only internet gateway" : "an internet gateway"),
          route.origin);
      return;
    }
  }
  route.target = target;
}

}  // namespace

void ResolveRouteTargets(Checker& checker) {
  for (RouteTable& table : checker.network.route_tables) {
    for (Route& route : table.routes) ResolveRoute(checker, table, route);
  }
}

void ResolveSubnetRouteTables(Checker& checker) {
  Network& n = checker.network;
  for (Subnet& subnet : n.subnets) {
    subnet.route_table = kNone;
    subnet.route_table_is_main = false;
  }
  std::unordered_map<std::string, Handle> main_of_vpc;
  for (Handle t = 0; t < n.route_tables.size(); ++t) {
    const RouteTable& table = n.route_tables[t];
    auto referrer = [&table] { return Named("route table", table.id); };
    for (const RouteTableAssociation& association : table.associations) {
      if (!AssociationActive(association.state)) continue;
      if (association.main && (table.vpc != kNone || !table.vpc_id.empty())) {
        auto [it, inserted] = main_of_vpc.emplace(VpcKey(table.vpc, table.scope, table.vpc_id), t);
        if (!inserted && it->second != t) {
          const base::Text& first = n.route_tables[it->second].id;
          checker.Conflict(association.origin, Named("VPC", table.vpc_id) + " has two main route tables '" +
                                                   first + "' and '" + table.id + "'; '" + first +
                                                   "' is used");
        }
      }
      if (!association.subnet_id.empty()) {
        const Handle s = n.FindSubnet(association.subnet_id, table.scope);
        if (s == kNone) {
          checker.Dangling(association.origin, referrer(), "is associated with", "subnet",
                           association.subnet_id);
          continue;
        }
        Subnet& subnet = n.subnets[s];
        if (subnet.route_table == kNone) {
          subnet.route_table = t;
        } else if (subnet.route_table != t) {
          const base::Text& first = n.route_tables[subnet.route_table].id;
          checker.Conflict(association.origin, Named("subnet", subnet.id) +
                                                   " is associated with route tables '" + first + "' and '" +
                                                   table.id + "'; '" + first + "' is used");
        }
      }
      if (association.gateway_id.starts_with("igw-") &&
          n.FindInternetGateway(association.gateway_id, table.scope) == kNone) {
        checker.Dangling(association.origin, referrer(), "is associated with", "internet gateway",
                         association.gateway_id);
      }
    }
  }
  // Subnets without an explicit association use their VPC's main table.
  SubnetsByVpc orphans;
  for (Handle s = 0; s < n.subnets.size(); ++s) {
    Subnet& subnet = n.subnets[s];
    if (subnet.route_table != kNone) continue;
    auto it = subnet.vpc_id.empty() ? main_of_vpc.end()
                                    : main_of_vpc.find(VpcKey(subnet.vpc, subnet.scope, subnet.vpc_id));
    if (it == main_of_vpc.end()) {
      orphans.Add(n, s);
      continue;
    }
    subnet.route_table = it->second;
    subnet.route_table_is_main = true;
  }
  orphans.Report(checker, "input-no-main-route-table",
                 "has no main route table in the snapshot; subnets without an explicit "
                 "association have no routes",
                 "has no VPC and no route table association; it has no routes");
}

}  // namespace reachcheck::model::detail
