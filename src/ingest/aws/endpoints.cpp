// SPDX-License-Identifier: Apache-2.0
// describe-vpc-endpoints: gateway and interface endpoints with their tables, subnets,
// groups and interfaces.
#include "ingest/aws/loader.h"

namespace reachcheck::ingest::aws {

void ParseEndpoint(const Node& element, FileContext& context) {
  element.ExpectObject("a VPC endpoint");
  model::VpcEndpoint endpoint;
  endpoint.id = element.String("VpcEndpointId");
  endpoint.type = element.StringOr("VpcEndpointType");
  endpoint.vpc_id = element.StringOr("VpcId");
  endpoint.service_name = element.StringOr("ServiceName");
  endpoint.state = element.StringOr("State");
  endpoint.route_table_ids = StringList(element, "RouteTableIds");
  endpoint.subnet_ids = StringList(element, "SubnetIds");
  endpoint.network_interface_ids = StringList(element, "NetworkInterfaceIds");
  if (std::optional<Node> list = element.OptArray("Groups")) {
    endpoint.group_ids.reserve(list->Size());
    for (const Node& group : list->Elements()) {
      group.ExpectObject("a group");
      endpoint.group_ids.emplace_back(group.String("GroupId"));
    }
  }
  endpoint.tags = ReadTags(element);
  endpoint.scope = context.ScopeOf(element.StringOr("OwnerId"), "");
  endpoint.origin = context.Ref(element.Pointer());
  context.network().endpoints.push_back(std::move(endpoint));
}

}  // namespace reachcheck::ingest::aws
