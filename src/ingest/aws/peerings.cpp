// SPDX-License-Identifier: Apache-2.0
// describe-vpc-peering-connections: both sides (VPC, owner, region, IPv4 and IPv6 blocks)
// and the status code.
#include <algorithm>

#include "ingest/aws/loader.h"

namespace reachcheck::ingest::aws {
namespace {

void ReadCidrSet(const Node& side, std::string_view key, std::string_view cidr_key, net::Family family,
                 std::vector<net::Cidr>& out, FileContext& context) {
  std::optional<Node> list = side.OptArray(key);
  if (!list) return;
  for (const Node& item : list->Elements()) {
    item.ExpectObject("a CIDR block");
    net::Cidr cidr = item.Cidr(cidr_key, family, context);
    if (std::find(out.begin(), out.end(), cidr) == out.end()) out.push_back(cidr);
  }
}

model::PeeringSide ParseSide(const Node& element, std::string_view key, FileContext& context) {
  std::optional<Node> value = element.OptObject(key);
  if (!value) element.Fail("input-missing-field", "missing required field '" + std::string(key) + "'");
  const Node& side = *value;
  model::PeeringSide out;
  out.vpc_id = side.String("VpcId");
  out.owner_id = side.StringOr("OwnerId");
  out.region = side.StringOr("Region");
  if (side.Has("CidrBlock")) {
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
  if (std::optional<Node> status = element.OptObject("Status")) {
    peering.status = status->StringOr("Code");
  }
  peering.tags = ReadTags(element);
  // Listed by both accounts of a cross-account peering: the scope is the folder's (or the
  // snapshot's only account), never one side's owner, which would invent a second account.
  peering.scope = context.ScopeOf("", "");
  peering.origin = context.Ref(element.Pointer());
  context.network().peerings.push_back(std::move(peering));
}

}  // namespace reachcheck::ingest::aws
