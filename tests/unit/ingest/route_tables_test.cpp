// SPDX-License-Identifier: Apache-2.0
// describe-route-tables: destinations of the three kinds, every target kind, state, origin,
// associations, and the diagnostics for bad routes.
#include <catch2/catch.hpp>

#include "ingest_test_util.h"

namespace reachcheck::ingest {
namespace {

using testing::Load;
using Strings = std::vector<std::string>;
using model::TargetKind;

TEST_CASE("Route table: every destination and target kind, state, origin") {
  auto loaded = Load(R"({"RouteTables": [{"RouteTableId": "rtb-1", "VpcId": "vpc-1",
  "OwnerId": "111122223333",
  "Routes": [
   {"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"},
   {"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "igw-1", "Origin": "CreateRoute", "State": "active"},
   {"DestinationCidrBlock": "172.16.0.0/12", "GatewayId": "vgw-1", "Origin": "EnableVgwRoutePropagation"},
   {"DestinationPrefixListId": "pl-63a5400a", "GatewayId": "vpce-1"},
   {"DestinationIpv6CidrBlock": "::/0", "EgressOnlyInternetGatewayId": "eigw-1"},
   {"DestinationCidrBlock": "10.9.0.0/16", "NatGatewayId": "nat-1"},
   {"DestinationCidrBlock": "10.8.0.0/16", "VpcPeeringConnectionId": "pcx-1", "State": "blackhole"},
   {"DestinationCidrBlock": "10.7.0.0/16", "InstanceId": "i-1", "InstanceOwnerId": "111122223333",
    "NetworkInterfaceId": "eni-1"},
   {"DestinationCidrBlock": "10.6.0.0/16", "InstanceId": "i-2", "InstanceOwnerId": "111122223333"},
   {"DestinationCidrBlock": "10.5.0.0/16", "TransitGatewayId": "tgw-1"},
   {"DestinationCidrBlock": "10.4.0.0/16", "CarrierGatewayId": "cagw-1"},
   {"DestinationCidrBlock": "10.3.0.0/16", "LocalGatewayId": "lgw-1"},
   {"DestinationCidrBlock": "10.2.0.0/16", "CoreNetworkArn": "arn:aws:networkmanager::1:core-network/cn-1"}],
  "Associations": [
   {"Main": true, "RouteTableAssociationId": "rtbassoc-1", "AssociationState": {"State": "associated"}},
   {"Main": false, "SubnetId": "subnet-1", "RouteTableAssociationId": "rtbassoc-2"},
   {"Main": false, "GatewayId": "igw-1", "RouteTableAssociationId": "rtbassoc-3",
    "AssociationState": {"State": "disassociated"}}],
  "Tags": [{"Key": "Name", "Value": "public"}]}]})");
  REQUIRE(loaded.Errors().empty());
  REQUIRE(loaded.network.route_tables.size() == 1);
  const model::RouteTable& t = loaded.network.route_tables[0];
  CHECK(t.id == "rtb-1");
  CHECK(t.vpc_id == "vpc-1");
  CHECK(t.owner_id == "111122223333");
  CHECK(t.Name() == "public");
  REQUIRE(t.routes.size() == 13);
  struct Expect {
    std::string destination;
    TargetKind kind;
    std::string target;
  };
  const Expect expected[] = {
      {"10.0.0.0/16", TargetKind::kLocal, "local"},
      {"0.0.0.0/0", TargetKind::kInternetGateway, "igw-1"},
      {"172.16.0.0/12", TargetKind::kVirtualPrivateGateway, "vgw-1"},
      {"pl-63a5400a", TargetKind::kGatewayEndpoint, "vpce-1"},
      {"::/0", TargetKind::kEgressOnlyInternetGateway, "eigw-1"},
      {"10.9.0.0/16", TargetKind::kNatGateway, "nat-1"},
      {"10.8.0.0/16", TargetKind::kPeering, "pcx-1"},
      {"10.7.0.0/16", TargetKind::kNetworkInterface, "eni-1"},
      {"10.6.0.0/16", TargetKind::kInstance, "i-2"},
      {"10.5.0.0/16", TargetKind::kTransitGateway, "tgw-1"},
      {"10.4.0.0/16", TargetKind::kCarrierGateway, "cagw-1"},
      {"10.3.0.0/16", TargetKind::kLocalGateway, "lgw-1"},
      {"10.2.0.0/16", TargetKind::kCoreNetwork, "arn:aws:networkmanager::1:core-network/cn-1"},
  };
  for (std::size_t i = 0; i < t.routes.size(); ++i) {
    INFO("route " << i);
    CHECK(t.routes[i].DestinationText() == expected[i].destination);
    CHECK(t.routes[i].target_kind == expected[i].kind);
    CHECK(t.routes[i].target_id == expected[i].target);
    CHECK(t.routes[i].origin.pointer == "/RouteTables/0/Routes/" + std::to_string(i));
  }
  CHECK(t.routes[3].prefix_list_id == "pl-63a5400a");
  CHECK_FALSE(t.routes[3].destination.has_value());
  CHECK(t.routes[0].route_origin == model::RouteOrigin::kCreateRouteTable);
  CHECK(t.routes[1].route_origin == model::RouteOrigin::kCreateRoute);
  CHECK(t.routes[2].route_origin == model::RouteOrigin::kPropagated);
  CHECK(t.routes[6].state == model::RouteState::kBlackhole);
  CHECK(t.routes[5].state == model::RouteState::kActive);
  CHECK(t.routes[8].instance_owner_id == "111122223333");
  REQUIRE(t.associations.size() == 3);
  CHECK(t.associations[0].main);
  CHECK(t.associations[0].id == "rtbassoc-1");
  CHECK(t.associations[0].state == "associated");
  CHECK(t.associations[1].subnet_id == "subnet-1");
  CHECK_FALSE(t.associations[1].main);
  CHECK(t.associations[1].state.empty());
  CHECK(t.associations[2].gateway_id == "igw-1");
  CHECK(t.associations[2].state == "disassociated");
  CHECK(t.associations[2].origin.pointer == "/RouteTables/0/Associations/2");
}

TEST_CASE("Route problems") {
  SECTION("no destination") {
    auto loaded = Load(R"({"RouteTables": [{"RouteTableId": "rtb-1", "VpcId": "vpc-1",
 "Routes": [{"GatewayId": "local"}]}]})",
                       "r.json");
    CHECK(loaded.Errors() ==
          Strings{"r.json:2:13: error: missing route destination: expected "
                  "'DestinationCidrBlock', 'DestinationIpv6CidrBlock' or "
                  "'DestinationPrefixListId' [input-missing-field]\n  at /RouteTables/0/Routes/0"});
    CHECK(loaded.network.route_tables.empty());
  }
  SECTION("unknown state") {
    auto loaded = Load(R"({"RouteTables": [{"RouteTableId": "rtb-1", "VpcId": "vpc-1",
 "Routes": [{"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "igw-1", "State": "up"}]}]})",
                       "r.json");
    CHECK(loaded.Errors() == Strings{"r.json:2:82: error: invalid route State 'up': expected 'active' or "
                                     "'blackhole' [input-bad-value]\n  at /RouteTables/0/Routes/0/State"});
  }
  SECTION("IPv4 block in the IPv6 field") {
    auto loaded = Load(R"({"RouteTables": [{"RouteTableId": "rtb-1", "VpcId": "vpc-1",
 "Routes": [{"DestinationIpv6CidrBlock": "0.0.0.0/0", "GatewayId": "igw-1"}]}]})",
                       "r.json");
    CHECK(loaded.Errors() ==
          Strings{"r.json:2:42: error: invalid CIDR '0.0.0.0/0': expected an IPv6 block here "
                  "[input-bad-cidr]\n  at /RouteTables/0/Routes/0/DestinationIpv6CidrBlock"});
  }
  SECTION("unknown gateway prefix: kept, with a warning") {
    auto loaded = Load(R"({"RouteTables": [{"RouteTableId": "rtb-1", "VpcId": "vpc-1",
 "Routes": [{"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "xgw-1"}]}]})",
                       "r.json");
    CHECK(loaded.With("input-unknown-target") ==
          Strings{"r.json:2:64: warning: unrecognised route target 'xgw-1' in 'GatewayId'; the "
                  "route is kept with an unknown target [input-unknown-target]\n"
                  "  at /RouteTables/0/Routes/0/GatewayId"});
    REQUIRE(loaded.network.route_tables.size() == 1);
    CHECK(loaded.network.route_tables[0].routes[0].target_kind == TargetKind::kUnknown);
  }
  SECTION("active route without any target") {
    auto loaded = Load(R"({"RouteTables": [{"RouteTableId": "rtb-1", "VpcId": "vpc-1",
 "Routes": [{"DestinationCidrBlock": "0.0.0.0/0"}]}]})",
                       "r.json");
    CHECK(loaded.With("input-missing-field") ==
          Strings{"r.json:2:13: warning: active route to 0.0.0.0/0 has no target field; it "
                  "matches nothing [input-missing-field]\n  at /RouteTables/0/Routes/0"});
  }
  SECTION("Main must be a boolean") {
    auto loaded = Load(R"({"RouteTables": [{"RouteTableId": "rtb-1", "VpcId": "vpc-1",
 "Associations": [{"Main": "true"}]}]})",
                       "r.json");
    CHECK(loaded.Errors() == Strings{"r.json:2:28: error: expected a boolean for 'Main', found a string "
                                     "[input-wrong-type]\n  at /RouteTables/0/Associations/0/Main"});
  }
}

}  // namespace
}  // namespace reachcheck::ingest
