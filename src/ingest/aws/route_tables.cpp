// SPDX-License-Identifier: Apache-2.0
// describe-route-tables: routes (CIDR, IPv6 or prefix-list destination; every target kind;
// state; origin) and associations (main, subnet, gateway edge).
#include "ingest/aws/loader.h"

namespace reachcheck::ingest::aws {
namespace {

struct TargetField {
  std::string_view key;
  model::TargetKind kind;
};

// In this order: an instance route carries both NetworkInterfaceId and InstanceId, and the
// interface is the precise target. GatewayId is classified by its prefix.
constexpr TargetField kTargetFields[] = {
    {"GatewayId", model::TargetKind::kUnknown},
    {"EgressOnlyInternetGatewayId", model::TargetKind::kEgressOnlyInternetGateway},
    {"NatGatewayId", model::TargetKind::kNatGateway},
    {"VpcPeeringConnectionId", model::TargetKind::kPeering},
    {"NetworkInterfaceId", model::TargetKind::kNetworkInterface},
    {"InstanceId", model::TargetKind::kInstance},
    {"TransitGatewayId", model::TargetKind::kTransitGateway},
    {"CarrierGatewayId", model::TargetKind::kCarrierGateway},
    {"LocalGatewayId", model::TargetKind::kLocalGateway},
    {"CoreNetworkArn", model::TargetKind::kCoreNetwork},
};

model::TargetKind GatewayKind(std::string_view id) {
  struct Prefix {
    std::string_view prefix;
    model::TargetKind kind;
  };
  static constexpr Prefix kPrefixes[] = {
      {"igw-", model::TargetKind::kInternetGateway},
      {"vgw-", model::TargetKind::kVirtualPrivateGateway},
      {"vpce-", model::TargetKind::kGatewayEndpoint},
      {"eigw-", model::TargetKind::kEgressOnlyInternetGateway},
      {"nat-", model::TargetKind::kNatGateway},
      {"tgw-", model::TargetKind::kTransitGateway},
  };
  if (id == "local") return model::TargetKind::kLocal;
  for (const Prefix& p : kPrefixes) {
    if (id.substr(0, p.prefix.size()) == p.prefix) return p.kind;
  }
  return model::TargetKind::kUnknown;
}

void ReadTarget(const Node& node, model::Route& route, FileContext& context) {
  for (const TargetField& field : kTargetFields) {
    std::optional<std::string_view> id = node.OptString(field.key);
    if (!id) continue;
    route.target_id = *id;
    route.target_kind = field.key == "GatewayId" ? GatewayKind(*id) : field.kind;
    if (route.target_kind == model::TargetKind::kUnknown) {
      context.Warn("input-unknown-target",
                   "unrecognised route target " + Quoted(*id) +
                       " in 'GatewayId'; the route "
                       "is kept with an unknown target",
                   node.PointerTo(field.key));
    }
    if (route.target_kind == model::TargetKind::kInstance) {
      route.instance_owner_id = node.StringOr("InstanceOwnerId");
    }
    return;
  }
  if (route.state == model::RouteState::kActive) {
    context.Warn("input-missing-field",
                 "active route to " + route.DestinationText() +
                     " has no target field; it "
                     "matches nothing",
                 node.Pointer());
  }
}

model::Route ParseRoute(const Node& node, FileContext& context) {
  node.ExpectObject("a route");
  model::Route route;
  if (node.Has("DestinationCidrBlock")) {
    route.destination = node.Cidr("DestinationCidrBlock", net::Family::kV4, context);
  } else if (node.Has("DestinationIpv6CidrBlock")) {
    route.destination = node.Cidr("DestinationIpv6CidrBlock", net::Family::kV6, context);
  } else if (std::optional<std::string_view> list = node.OptString("DestinationPrefixListId")) {
    route.prefix_list_id = *list;
  } else {
    node.Fail("input-missing-field",
              "missing route destination: expected 'DestinationCidrBlock', "
              "'DestinationIpv6CidrBlock' or 'DestinationPrefixListId'");
  }
  if (std::optional<std::string_view> state = node.OptString("State")) {
    if (*state == "blackhole") {
      route.state = model::RouteState::kBlackhole;
    } else if (*state != "active") {
      node.Fail("input-bad-value",
                "invalid route State " + Quoted(*state) + ": expected 'active' or 'blackhole'", "State");
    }
  }
  if (std::optional<std::string_view> origin = node.OptString("Origin")) {
    if (*origin == "CreateRouteTable") {
      route.route_origin = model::RouteOrigin::kCreateRouteTable;
    } else if (*origin == "EnableVgwRoutePropagation") {
      route.route_origin = model::RouteOrigin::kPropagated;
    }
  }
  ReadTarget(node, route, context);
  route.origin = context.Ref(node.Pointer());
  return route;
}

model::RouteTableAssociation ParseAssociation(const Node& node, FileContext& context) {
  node.ExpectObject("a route table association");
  model::RouteTableAssociation association;
  association.id = node.StringOr("RouteTableAssociationId");
  association.main = node.OptBool("Main").value_or(false);
  association.subnet_id = node.StringOr("SubnetId");
  association.gateway_id = node.StringOr("GatewayId");
  if (std::optional<Node> state = node.OptObject("AssociationState")) {
    association.state = state->StringOr("State");
  }
  association.origin = context.Ref(node.Pointer());
  return association;
}

}  // namespace

void ParseRouteTable(const Node& element, FileContext& context) {
  element.ExpectObject("a route table");
  model::RouteTable table;
  table.id = element.String("RouteTableId");
  table.vpc_id = element.String("VpcId");
  table.owner_id = element.StringOr("OwnerId");
  if (std::optional<Node> list = element.OptArray("Routes")) {
    table.routes.reserve(list->Size());
    for (const Node& route : list->Elements()) table.routes.push_back(ParseRoute(route, context));
  }
  if (std::optional<Node> list = element.OptArray("Associations")) {
    table.associations.reserve(list->Size());
    for (const Node& association : list->Elements()) {
      table.associations.push_back(ParseAssociation(association, context));
    }
  }
  table.tags = ReadTags(element);
  table.scope = context.ScopeOf(table.owner_id, "");
  table.origin = context.Ref(element.Pointer());
  context.network().route_tables.push_back(std::move(table));
}

}  // namespace reachcheck::ingest::aws
