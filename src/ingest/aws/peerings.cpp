// SPDX-License-Identifier: Apache-2.0
// describe-vpc-peering-connections: both sides (VPC, owner, region, IPv4 and IPv6 blocks)
// and the status code.
#include <algorithm>

#include "ingest/aws/loader.h"

namespace reachcheck::ingest::aws {
namespace {

void ReadCidrSet(const Node& side, std::string_view key, std::string_view cidr_key, net::Family family,
                 std::vector<net::Cidr>& out, FileContext& context) {
  const Json* set = side.OptArray(key);
  if (set == nullptr) return;
  Node list(*set, side, key);
  for (std::size_t i = 0; i < set->size(); ++i) {
    Node item((*set)[i], list, i);
    item.ExpectObject("a CIDR block");
    net::Cidr cidr = item.Cidr(cidr_key, family, context);
    if (std::find(out.begin(), out.end(), cidr) == out.end()) out.push_back(cidr);
  }
}

model::PeeringSide ParseSide(const Node& element, std::string_view key, FileContext& context) {
  const Json* value = element.OptObject(key);
  if (value == nullptr) {
    element.Fail("input-missing-field", "missing required field '" + std::string(key) + "'");
  }
  Node side(*value, element, key);
  model::PeeringSide out;
  out.vpc_id = side.String("VpcId");
  out.owner_id = side.StringOr("OwnerId");
  out.region = side.StringOr("Region");
  if (side.Find("CidrBlock") != nullptr) {
    out.ipv4_cidrs.push_back(side.Cidr("CidrBlock", net::Family::kV4, context));
  }
  ReadCidrSet(side, "CidrBlockSet", "CidrBlock", net::Family::kV4, out.ipv4_cidrs, context);
  ReadCidrSet(side, "Ipv6CidrBlockSet", "Ipv6CidrBlock", net::Family::kV6, out.ipv6_cidrs, context);
  return out;
}

}  // namespace

void ParsePeering(const Node& element, FileContext& context) {
  element.ExpectObject("a VPC peering connection");
  model::VpcPeering peering;
  peering.id = element.String("VpcPeeringConnectionId");
  peering.requester = ParseSide(element, "RequesterVpcInfo", context);
  peering.accepter = ParseSide(element, "AccepterVpcInfo", context);
  if (const Json* status = element.OptObject("Status")) {
    peering.status = Node(*status, element, "Status").StringOr("Code");
  }
  peering.tags = ReadTags(element);
  // Listed by both accounts of a cross-account peering: the scope is the folder's (or the
  // snapshot's only account), never one side's owner, which would invent a second account.
  peering.scope = context.ScopeOf("", "");
  peering.origin = context.Ref(element.Pointer());
  context.network().peerings.push_back(std::move(peering));
}

}  // namespace reachcheck::ingest::aws
