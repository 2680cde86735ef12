// SPDX-License-Identifier: Apache-2.0
// describe-nat-gateways: placement, state, connectivity type and every address.
#include "ingest/aws/loader.h"

namespace reachcheck::ingest::aws {

void ParseNatGateway(const Node& element, FileContext& context) {
  element.ExpectObject("a NAT gateway");
  model::NatGateway nat;
  nat.id = element.String("NatGatewayId");
  nat.vpc_id = element.String("VpcId");
  nat.subnet_id = element.String("SubnetId");
  nat.state = element.StringOr("State");
  nat.connectivity = element.StringOr("ConnectivityType");
  if (nat.connectivity.empty()) nat.connectivity = "public";
  if (std::optional<Node> list = element.OptArray("NatGatewayAddresses")) {
    nat.addresses.reserve(list->Size());
    for (const Node& address : list->Elements()) {
      const bool first = nat.addresses.empty();  // every earlier address was added (or threw)
      address.ExpectObject("a NAT gateway address");
      model::NatAddress out;
      out.private_ip = address.OptAddress("PrivateIp", net::Family::kV4);
      out.public_ip = address.OptAddress("PublicIp", net::Family::kV4);
      out.allocation_id = address.StringOr("AllocationId");
      out.network_interface_id = address.StringOr("NetworkInterfaceId");
      // IsPrimary is recent; older output lists the primary address first.
      out.primary = address.OptBool("IsPrimary").value_or(first);
      nat.addresses.push_back(std::move(out));
    }
  }
  nat.tags = ReadTags(element);
  nat.scope = context.ScopeOf("", "");
  nat.origin = context.Ref(element.Pointer());
  context.network().nat_gateways.push_back(std::move(nat));
}

}  // namespace reachcheck::ingest::aws
