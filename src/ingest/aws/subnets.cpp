// SPDX-License-Identifier: Apache-2.0
// describe-subnets: IPv4 block (absent for IPv6-only subnets), IPv6 blocks, auto-assign flags.
#include "ingest/aws/loader.h"

namespace reachcheck::ingest::aws {

void ParseSubnet(const Node& element, FileContext& context) {
  element.ExpectObject("a subnet");
  model::Subnet subnet;
  subnet.id = element.String("SubnetId");
  subnet.vpc_id = element.String("VpcId");
  subnet.availability_zone = element.StringOr("AvailabilityZone");
  subnet.owner_id = element.StringOr("OwnerId");
  subnet.state = element.StringOr("State");
  subnet.map_public_ip_on_launch = element.OptBool("MapPublicIpOnLaunch").value_or(false);
  subnet.assign_ipv6_on_creation = element.OptBool("AssignIpv6AddressOnCreation").value_or(false);
  if (std::optional<Node> list = element.OptArray("Ipv6CidrBlockAssociationSet")) {
    for (const Node& association : list->Elements()) {
      association.ExpectObject("an IPv6 CIDR block association");
      if (!CidrStateCounts(association, "Ipv6CidrBlockState")) continue;
      subnet.ipv6_cidrs.push_back(association.Cidr("Ipv6CidrBlock", net::Family::kV6, context));
    }
  }
  // An IPv6-only subnet has no CidrBlock; any other subnet must have one.
  bool ipv6_native = element.OptBool("Ipv6Native").value_or(false);
  if (element.Has("CidrBlock") || (!ipv6_native && subnet.ipv6_cidrs.empty())) {
    subnet.ipv4_cidr = element.Cidr("CidrBlock", net::Family::kV4, context);
  } else {
    subnet.has_ipv4 = false;
  }
  subnet.tags = ReadTags(element);
  subnet.scope = context.ScopeOf(subnet.owner_id, subnet.availability_zone);
  subnet.origin = context.Ref(element.Pointer());
  context.network().subnets.push_back(std::move(subnet));
}

}  // namespace reachcheck::ingest::aws
