// SPDX-License-Identifier: Apache-2.0
// Tests of the small model helpers: tags, enum names, route/rule texts, main tables and
// gateway attachments.
#include <catch2/catch.hpp>

#include "reachcheck/model/gateways.h"
#include "reachcheck/model/network_acl.h"
#include "reachcheck/model/route_table.h"
#include "reachcheck/model/security_group.h"
#include "support/model_builder.h"

namespace reachcheck::model {
namespace {

using testing::CidrOf;
using testing::ServiceOf;

TEST_CASE("Element: FindTag and Name", "[model]") {
  Element e;
  CHECK(e.FindTag("Name") == nullptr);
  CHECK(e.Name().empty());
  e.tags = {{"env", "prod"}, {"Name", "web"}, {"name", "lower"}};
  REQUIRE(e.FindTag("env") != nullptr);
  CHECK(*e.FindTag("env") == "prod");
  CHECK(e.FindTag("Env") == nullptr);  // keys are case-sensitive
  CHECK(e.Name() == "web");
}

TEST_CASE("TargetKindName: every kind has its stable name", "[model]") {
  CHECK(std::string(TargetKindName(TargetKind::kLocal)) == "local");
  CHECK(std::string(TargetKindName(TargetKind::kInternetGateway)) == "internet-gateway");
  CHECK(std::string(TargetKindName(TargetKind::kEgressOnlyInternetGateway)) ==
        "egress-only-internet-gateway");
  CHECK(std::string(TargetKindName(TargetKind::kNatGateway)) == "nat-gateway");
  CHECK(std::string(TargetKindName(TargetKind::kPeering)) == "vpc-peering-connection");
  CHECK(std::string(TargetKindName(TargetKind::kNetworkInterface)) == "network-interface");
  CHECK(std::string(TargetKindName(TargetKind::kInstance)) == "instance");
  CHECK(std::string(TargetKindName(TargetKind::kTransitGateway)) == "transit-gateway");
  CHECK(std::string(TargetKindName(TargetKind::kGatewayEndpoint)) == "gateway-endpoint");
  CHECK(std::string(TargetKindName(TargetKind::kVirtualPrivateGateway)) == "virtual-private-gateway");
  CHECK(std::string(TargetKindName(TargetKind::kCarrierGateway)) == "carrier-gateway");
  CHECK(std::string(TargetKindName(TargetKind::kLocalGateway)) == "local-gateway");
  CHECK(std::string(TargetKindName(TargetKind::kCoreNetwork)) == "core-network");
  CHECK(std::string(TargetKindName(TargetKind::kUnknown)) == "unknown");
}

TEST_CASE("DirectionName", "[model]") {
  CHECK(std::string(DirectionName(Direction::kIngress)) == "ingress");
  CHECK(std::string(DirectionName(Direction::kEgress)) == "egress");
}

TEST_CASE("Route: DestinationText for CIDR, IPv6, prefix list and nothing", "[model]") {
  Route route;
  route.destination = CidrOf("0.0.0.0/0");
  CHECK(route.DestinationText() == "0.0.0.0/0");
  route.destination = CidrOf("2600:1f18::/56");
  CHECK(route.DestinationText() == "2600:1f18::/56");
  route.destination.reset();
  route.prefix_list_id = "pl-63a5400a";
  CHECK(route.DestinationText() == "pl-63a5400a");
  route.prefix_list_id = {};
  CHECK(route.DestinationText() == "(no destination)");
}

TEST_CASE("SgRule: ToString per peer kind and direction", "[model]") {
  SgRule rule;
  rule.service = ServiceOf("tcp", 22, 22);
  rule.cidr = CidrOf("0.0.0.0/0");
  CHECK(rule.ToString() == "tcp/22 from 0.0.0.0/0");

  rule.direction = Direction::kEgress;
  rule.service = ServiceOf("-1", -1, -1);
  rule.peer_kind = PeerKind::kSecurityGroup;
  rule.group_id = "sg-0abc";
  CHECK(rule.ToString() == "all to sg-0abc");
  rule.group_owner_id = "222222222222";
  CHECK(rule.ToString() == "all to sg-0abc");  // same-VPC reference: no suffix
  rule.group_vpc_id = "vpc-2";
  CHECK(rule.ToString() == "all to sg-0abc (222222222222/vpc-2)");

  rule.direction = Direction::kIngress;
  rule.service = ServiceOf("tcp", 443, 443);
  rule.peer_kind = PeerKind::kPrefixList;
  rule.prefix_list_id = "pl-123";
  CHECK(rule.ToString() == "tcp/443 from pl-123");

  rule.peer_kind = PeerKind::kCidr;
  rule.service = ServiceOf("udp", 1024, 65535);
  rule.cidr = CidrOf("::/0");
  CHECK(rule.ToString() == "udp/1024-65535 from ::/0");
}

TEST_CASE("AclEntry: ToString with and without a direction", "[model]") {
  AclEntry entry;
  entry.rule_number = 100;
  entry.allow = true;
  entry.service = ServiceOf("tcp", 22, 22);
  entry.cidr = CidrOf("0.0.0.0/0");
  CHECK(entry.ToString() == "rule 100 allow tcp/22 0.0.0.0/0");
  CHECK(entry.ToString(Direction::kIngress) == "rule 100 allow tcp/22 from 0.0.0.0/0");
  CHECK(entry.ToString(Direction::kEgress) == "rule 100 allow tcp/22 to 0.0.0.0/0");

  entry.rule_number = 32767;
  entry.allow = false;
  entry.service = ServiceOf("-1", -1, -1);
  CHECK(entry.ToString() == "rule * deny all 0.0.0.0/0");
  entry.rule_number = 32768;
  entry.cidr = CidrOf("::/0");
  CHECK(entry.ToString(Direction::kIngress) == "rule * deny all from ::/0");
  entry.rule_number = 32766;
  CHECK(entry.ToString() == "rule 32766 deny all ::/0");
}

TEST_CASE("RouteTable: IsMain looks at every association", "[model]") {
  RouteTable table;
  CHECK_FALSE(table.IsMain());
  table.associations.push_back({"rtbassoc-1", false, "subnet-1", "", "associated", {}});
  CHECK_FALSE(table.IsMain());
  table.associations.push_back({"rtbassoc-2", true, "", "", "associated", {}});
  CHECK(table.IsMain());
}

TEST_CASE("InternetGateway: AttachedVpc needs an attached state and a resolved VPC", "[model]") {
  InternetGateway gateway;
  CHECK(gateway.AttachedVpc() == kNone);
  gateway.attachments.push_back({"vpc-1", "detached", 3});
  CHECK(gateway.AttachedVpc() == kNone);
  gateway.attachments.push_back({"vpc-2", "available", kNone});  // VPC not in the snapshot
  CHECK(gateway.AttachedVpc() == kNone);
  gateway.attachments.push_back({"vpc-3", "attached", 7});
  CHECK(gateway.AttachedVpc() == 7);
  gateway.attachments.front().state = "available";
  CHECK(gateway.AttachedVpc() == 3);
}

TEST_CASE("Gateway and host state helpers", "[model]") {
  NatGateway nat;
  nat.state = "pending";
  CHECK_FALSE(nat.Available());
  CHECK(nat.IsPublic());  // connectivity not given: public
  nat.connectivity = "private";
  CHECK_FALSE(nat.IsPublic());
  VpcPeering peering;
  peering.status = "pending-acceptance";
  CHECK_FALSE(peering.Active());
  NetworkInterface eni;
  CHECK(eni.InUse());  // no status (known from an instance only)
  eni.status = "available";
  CHECK_FALSE(eni.InUse());
}

}  // namespace
}  // namespace reachcheck::model
