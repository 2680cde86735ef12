// SPDX-License-Identifier: Apache-2.0
// Validate passes that link elements to their VPC: subnets, route tables, security groups,
// network ACLs, endpoints and gateway attachments; NAT gateways and peering sides.
#include <string>
#include <vector>

#include "validate_internal.h"

namespace reachcheck::model::detail {

namespace {

// The VPC `vpc_id` as seen from an element of `scope`; warns when it is missing, citing the
// referrer "<kind> '<id>'".
Handle FindVpcOrWarn(Checker& checker, const std::string& vpc_id, Handle scope, const base::SourceRef& where,
                     std::string_view kind, std::string_view id, std::string_view relation = "refers to") {
  if (vpc_id.empty()) return kNone;
  const Handle vpc = checker.network.FindVpc(vpc_id, scope);
  if (vpc == kNone) checker.Dangling(where, Named(kind, id), relation, "VPC", vpc_id);
  return vpc;
}

template <typename T>
void ResolveVpcOf(Checker& checker, std::vector<T>& items, const char* kind) {
  for (T& item : items) {
    item.vpc = FindVpcOrWarn(checker, item.vpc_id, item.scope, item.origin, kind, item.id);
  }
}

// The scope a peering side lives in: its owner and region, each defaulting to the peering's.
Scope SideScope(const Network& network, const VpcPeering& peering, const PeeringSide& side) {
  Scope scope;
  if (peering.scope < network.scopes.size()) scope = network.scopes[peering.scope];
  if (!side.owner_id.empty()) scope.account = side.owner_id;
  if (!side.region.empty()) scope.region = side.region;
  return scope;
}

void ResolveSide(Checker& checker, VpcPeering& peering, PeeringSide& side, const char* role) {
  side.vpc = kNone;
  if (side.vpc_id.empty()) return;
  Network& network = checker.network;
  const Scope side_scope = SideScope(network, peering, side);
  const Handle side_scope_handle = network.FindScope(side_scope);
  side.vpc = network.FindVpc(side.vpc_id, side_scope_handle != kNone ? side_scope_handle : peering.scope);
  if (side.vpc != kNone) return;
  const Scope own = peering.scope < network.scopes.size() ? network.scopes[peering.scope] : Scope{};
  const std::string referrer = Named("VPC peering connection", peering.id);
  const std::string relation = std::string("refers to ") + role;
  if (side_scope == own) {
    checker.Dangling(peering.origin, referrer, relation, "VPC", side.vpc_id);
    return;
  }
  std::string where_text;
  if (!side_scope.account.empty()) where_text += " account " + side_scope.account;
  if (!side_scope.region.empty()) where_text += " region " + side_scope.region;
  checker.diagnostics.Note("input-external-ref",
                           referrer + " " + relation + " " + Named("VPC", side.vpc_id) + " of" + where_text +
                               " which is not in the snapshot; the CIDR blocks recorded on "
                               "the peering connection are used",
                           peering.origin);
}

}  // namespace

void ResolveVpcReferences(Checker& checker) {
  Network& n = checker.network;
  ResolveVpcOf(checker, n.subnets, "subnet");
  ResolveVpcOf(checker, n.route_tables, "route table");
  ResolveVpcOf(checker, n.security_groups, "security group");
  ResolveVpcOf(checker, n.network_acls, "network ACL");
  ResolveVpcOf(checker, n.endpoints, "VPC endpoint");
  for (InternetGateway& gateway : n.internet_gateways) {
    const char* kind = gateway.egress_only ? "egress-only internet gateway" : "internet gateway";
    for (GatewayAttachment& attachment : gateway.attachments) {
      attachment.vpc = FindVpcOrWarn(checker, attachment.vpc_id, gateway.scope, gateway.origin, kind,
                                     gateway.id, "is attached to");
    }
  }
}

void ResolveGateways(Checker& checker) {
  Network& n = checker.network;
  for (NatGateway& nat : n.nat_gateways) {
    nat.subnet = kNone;
    if (!nat.subnet_id.empty()) {
      nat.subnet = n.FindSubnet(nat.subnet_id, nat.scope);
      if (nat.subnet == kNone) {
        checker.Dangling(nat.origin, Named("NAT gateway", nat.id), "refers to", "subnet", nat.subnet_id);
      }
    }
    const Subnet* subnet = nat.subnet == kNone ? nullptr : &n.subnets[nat.subnet];
    if (nat.vpc_id.empty()) {
      nat.vpc = subnet == nullptr ? kNone : subnet->vpc;
    } else if (subnet != nullptr && subnet->vpc_id == nat.vpc_id) {
      nat.vpc = subnet->vpc;  // a missing VPC was reported at the subnet
    } else {
      nat.vpc = FindVpcOrWarn(checker, nat.vpc_id, nat.scope, nat.origin, "NAT gateway", nat.id);
    }
  }
  for (VpcPeering& peering : n.peerings) {
    ResolveSide(checker, peering, peering.requester, "requester");
    ResolveSide(checker, peering, peering.accepter, "accepter");
  }
}

}  // namespace reachcheck::model::detail
