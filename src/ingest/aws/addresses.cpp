// SPDX-License-Identifier: Apache-2.0
// describe-addresses: Elastic IPs (Validate merges them into the interfaces they are
// associated with).
#include "ingest/aws/loader.h"

namespace reachcheck::ingest::aws {

void ParseAddress(const Node& element, FileContext& context) {
  element.ExpectObject("an address");
  model::ElasticIp eip;
  std::optional<net::IpAddress> public_ip = element.OptAddress("PublicIp", net::Family::kV4);
  if (!public_ip) element.Fail("input-missing-field", "missing required field 'PublicIp'");
  eip.public_ip = *public_ip;
  eip.allocation_id = element.StringOr("AllocationId");
  eip.id = eip.allocation_id.empty() ? base::Text(element.String("PublicIp")) : eip.allocation_id;
  eip.association_id = element.StringOr("AssociationId");
  eip.domain = element.StringOr("Domain");
  eip.network_interface_id = element.StringOr("NetworkInterfaceId");
  eip.instance_id = element.StringOr("InstanceId");
  eip.private_ip = element.OptAddress("PrivateIpAddress", net::Family::kV4);
  eip.tags = ReadTags(element);
  // An address names no owner; its network border group is its region (or a local zone
  // group such as "us-west-2-lax-1", which is not a region and is then ignored).
  eip.scope = context.ScopeIn("", element.StringOr("NetworkBorderGroup"));
  eip.origin = context.Ref(element.Pointer());
  context.network().elastic_ips.push_back(std::move(eip));
}

}  // namespace reachcheck::ingest::aws
