// SPDX-License-Identifier: Apache-2.0
// describe-vpcs: the primary IPv4 block and every associated IPv4/IPv6 block.
#include <algorithm>

#include "ingest/aws/loader.h"

namespace reachcheck::ingest::aws {
namespace {

void AddUnique(std::vector<net::Cidr>& cidrs, const net::Cidr& cidr) {
  if (std::find(cidrs.begin(), cidrs.end(), cidr) == cidrs.end()) cidrs.push_back(cidr);
}

}  // namespace

void ParseVpc(const Node& element, FileContext& context) {
  element.ExpectObject("a VPC");
  model::Vpc vpc;
  vpc.id = element.String("VpcId");
  vpc.owner_id = element.StringOr("OwnerId");
  vpc.state = element.StringOr("State");
  vpc.is_default = element.OptBool("IsDefault").value_or(false);
  vpc.ipv4_cidrs.push_back(element.Cidr("CidrBlock", net::Family::kV4, context));
  if (std::optional<Node> list = element.OptArray("CidrBlockAssociationSet")) {
    for (const Node& association : list->Elements()) {
      association.ExpectObject("a CIDR block association");
      if (!CidrStateCounts(association, "CidrBlockState")) continue;
      AddUnique(vpc.ipv4_cidrs, association.Cidr("CidrBlock", net::Family::kV4, context));
    }
  }
  if (std::optional<Node> list = element.OptArray("Ipv6CidrBlockAssociationSet")) {
    for (const Node& association : list->Elements()) {
      association.ExpectObject("an IPv6 CIDR block association");
      if (!CidrStateCounts(association, "Ipv6CidrBlockState")) continue;
      AddUnique(vpc.ipv6_cidrs, association.Cidr("Ipv6CidrBlock", net::Family::kV6, context));
    }
  }
  vpc.tags = ReadTags(element);
  vpc.scope = context.ScopeOf(vpc.owner_id, "");
  vpc.origin = context.Ref(element.Pointer());
  context.network().vpcs.push_back(std::move(vpc));
}

}  // namespace reachcheck::ingest::aws
