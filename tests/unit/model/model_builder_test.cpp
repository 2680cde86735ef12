// SPDX-License-Identifier: Apache-2.0
// Tests of the test ModelBuilder itself: the AWS defaults Build() adds, derived fields,
// SourceRefs, parsers, and that problems surface.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "support/model_builder.h"

namespace reachcheck::model {
namespace {

using testing::CidrOf;
using testing::IpOf;
using testing::kAllow;
using testing::kDeny;
using testing::ModelBuilder;

std::vector<std::string> Texts(const std::vector<AclEntry>& entries) {
  std::vector<std::string> out;
  for (const AclEntry& e : entries) out.push_back(e.ToString());
  return out;
}

TEST_CASE("ModelBuilder: the example network builds without diagnostics", "[model][builder]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  auto rt = b.RouteTable("rtb-1", vpc).Main().Route("0.0.0.0/0", TargetKind::kInternetGateway, "igw-1");
  b.Igw("igw-1", vpc);
  auto sg = b.SecurityGroup("sg-1", vpc).Ingress("tcp", 22, 22, "0.0.0.0/0").EgressAll();
  b.Interface("eni-1", sn, "10.0.1.5").PublicIp("54.1.2.3").Groups({"sg-1"});
  b.Instance("i-1", {"eni-1"});
  Network n = b.Build();
  REQUIRE(n.scopes.size() == 1);
  CHECK(n.scopes[0] == Scope{"111111111111", "us-east-1"});
  CHECK(n.vpcs[0].state == "available");
  CHECK(n.vpcs[0].owner_id == "111111111111");
  CHECK(n.subnets[0].availability_zone == "us-east-1a");
  CHECK(n.subnets[0].route_table == rt.Index());
  CHECK(n.instances[0].state == "running");
  CHECK(n.instances[0].vpc_id == "vpc-1");
  CHECK(n.instances[0].subnet_id == "subnet-1");
  CHECK(n.interfaces[0].status == "in-use");
  CHECK(n.interfaces[0].instance_id == "i-1");
  CHECK(n.interfaces[0].attachment_status == "attached");
  CHECK(n.interfaces[0].groups == std::vector<Handle>{sg.Index()});
  CHECK(*n.interfaces[0].private_addresses[0].public_ip == IpOf("54.1.2.3"));
  CHECK(n.security_groups[0].ingress[0].ToString() == "tcp/22 from 0.0.0.0/0");
  CHECK(n.security_groups[0].egress[0].ToString() == "all to 0.0.0.0/0");
  CHECK(n.internet_gateways[0].attachments[0].state == "available");
}

TEST_CASE("ModelBuilder: one default allow-all ACL per VPC, with AWS's entries", "[model][builder]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  b.RouteTable("rtb-1", vpc).Main();
  Network n = b.Build();
  REQUIRE(n.network_acls.size() == 1);
  const NetworkAcl& acl = n.network_acls[0];
  CHECK(acl.id == "acl-default-vpc-1");
  CHECK(acl.is_default);
  CHECK(acl.vpc == vpc.Index());
  const std::vector<std::string> expected = {"rule 100 allow all 0.0.0.0/0", "rule 101 allow all ::/0",
                                             "rule * deny all 0.0.0.0/0", "rule * deny all ::/0"};
  CHECK(Texts(acl.inbound) == expected);
  CHECK(Texts(acl.outbound) == expected);
  CHECK(acl.inbound[2].rule_number == 32767);
  CHECK(acl.inbound[3].rule_number == 32768);
  CHECK(n.subnets[sn.Index()].network_acl == 0);
}

TEST_CASE("ModelBuilder: default ACLs can be left out, per VPC or everywhere, or given", "[model][builder]") {
  ModelBuilder b;
  b.Vpc("vpc-1", "10.0.0.0/16").NoDefaultAcl();
  b.Vpc("vpc-2", "10.1.0.0/16");
  auto vpc3 = b.Vpc("vpc-3", "10.2.0.0/16");
  b.Acl("acl-own", vpc3).Default().InboundAll(100, kDeny);
  base::Diagnostics d;
  Network n = b.Build(d);  // the VPCs have no subnets: nothing to report
  CHECK(d.Empty());
  std::vector<std::string> ids;
  for (const NetworkAcl& acl : n.network_acls) ids.push_back(acl.id);
  CHECK(ids == std::vector<std::string>{"acl-own", "acl-default-vpc-2"});

  ModelBuilder none;
  none.NoDefaultAcls();
  none.Vpc("vpc-1", "10.0.0.0/16");
  CHECK(none.Build().network_acls.empty());
}

TEST_CASE("ModelBuilder: ACL entries are sorted and get the \"*\" denies unless told otherwise",
          "[model][builder]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  b.RouteTable("rtb-1", vpc).Main();
  auto acl = b.Acl("acl-1", vpc)
                 .Inbound(200, kAllow, "tcp", 1024, 65535, "0.0.0.0/0")
                 .Inbound(100, kDeny, "tcp", 22, 22, "10.9.0.0/16")
                 .Inbound(150, kAllow, "icmp", 8, -1, "0.0.0.0/0")
                 .OutboundAll(100, kAllow)
                 .Associate(sn);
  auto bare = b.Acl("acl-2", vpc).NoImplicitDeny().Outbound(5, kAllow, "udp", 53, 53, "::/0");
  Network n = b.Build();
  CHECK(Texts(n.network_acls[acl.Index()].inbound) ==
        std::vector<std::string>{
            "rule 100 deny tcp/22 10.9.0.0/16", "rule 150 allow icmp/echo-request 0.0.0.0/0",
            "rule 200 allow tcp/1024-65535 0.0.0.0/0", "rule * deny all 0.0.0.0/0", "rule * deny all ::/0"});
  CHECK(n.network_acls[acl.Index()].outbound.size() == 3);
  CHECK(n.network_acls[acl.Index()].inbound[0].origin.pointer == "/network_acls/0/inbound/0");
  CHECK(Texts(n.network_acls[bare.Index()].outbound) == std::vector<std::string>{"rule 5 allow udp/53 ::/0"});
  CHECK(n.network_acls[bare.Index()].inbound.empty());
  CHECK(n.subnets[sn.Index()].network_acl == acl.Index());
}

TEST_CASE("ModelBuilder: local routes for every VPC block come first, once", "[model][builder]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16").Cidr("10.1.0.0/16").Ipv6("2600:1f18:0:100::/56");
  auto rt = b.RouteTable("rtb-1", vpc)
                .Main()
                .Route("10.1.0.0/16", "local")
                .Route("0.0.0.0/0", "igw-1")
                .Route("::/0", "eigw-1")
                .Route("pl-1", "vpce-1")
                .Route("10.8.0.0/16", "vgw-1")
                .Propagated()
                .Route("10.9.0.0/16", "pcx-gone")
                .Blackhole();
  auto bare = b.RouteTable("rtb-2", vpc).NoLocalRoutes();
  b.Igw("igw-1", vpc);
  b.EgressOnlyIgw("eigw-1", vpc);
  b.GatewayEndpoint("vpce-1", vpc, "com.amazonaws.us-east-1.s3", {rt});
  b.PrefixList("pl-1", {"52.216.0.0/15"}).ListName("com.amazonaws.us-east-1.s3").AwsManaged();
  Network n = b.Build();
  std::vector<std::string> routes;
  for (const Route& r : n.route_tables[rt.Index()].routes) {
    routes.push_back(r.DestinationText() + " " + TargetKindName(r.target_kind) + " " + r.target_id);
  }
  CHECK(routes == std::vector<std::string>{"10.0.0.0/16 local local", "2600:1f18:0:100::/56 local local",
                                           "10.1.0.0/16 local local", "0.0.0.0/0 internet-gateway igw-1",
                                           "::/0 egress-only-internet-gateway eigw-1",
                                           "pl-1 gateway-endpoint vpce-1",
                                           "10.8.0.0/16 virtual-private-gateway vgw-1",
                                           "10.9.0.0/16 vpc-peering-connection pcx-gone"});
  const std::vector<Route>& r = n.route_tables[rt.Index()].routes;
  CHECK(r[0].route_origin == RouteOrigin::kCreateRouteTable);
  CHECK(r[3].route_origin == RouteOrigin::kCreateRoute);
  CHECK(r[6].route_origin == RouteOrigin::kPropagated);
  CHECK(r[7].state == RouteState::kBlackhole);
  CHECK(r[5].prefix_list == 0);
  CHECK(n.route_tables[bare.Index()].routes.empty());
  CHECK(n.endpoints[0].route_table_ids == std::vector<base::Text>{"rtb-1"});
  CHECK(n.prefix_lists[0].owner_id == "AWS");
  CHECK(n.prefix_lists[0].name == "com.amazonaws.us-east-1.s3");
  CHECK(n.prefix_lists[0].address_family == "IPv4");
}

TEST_CASE("ModelBuilder: every element, route, rule, entry and association gets a SourceRef",
          "[model][builder]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  b.RouteTable("rtb-1", vpc).Main().Associate(sn).Route("0.0.0.0/0", "igw-1");
  b.Igw("igw-1", vpc).Origin("InternetGateways.json", "/InternetGateways/0");
  b.SecurityGroup("sg-1", vpc).IngressAll("10.0.0.0/8").EgressAll();
  b.Eip("eipalloc-1", "54.0.0.1");
  b.Unanalysed("TransitGateways", "tgw-1");
  Network n = b.Build();
  CHECK(n.vpcs[0].origin == base::SourceRef{"builder", "/vpcs/0"});
  CHECK(n.subnets[0].origin.pointer == "/subnets/0");
  CHECK(n.route_tables[0].origin.pointer == "/route_tables/0");
  CHECK(n.route_tables[0].routes[1].origin.pointer == "/route_tables/0/routes/1");
  CHECK(n.route_tables[0].associations[1].origin.pointer == "/route_tables/0/associations/1");
  CHECK(n.internet_gateways[0].origin.ToString() == "InternetGateways.json#/InternetGateways/0");
  CHECK(n.security_groups[0].egress[0].origin.pointer == "/security_groups/0/egress/0");
  CHECK(n.network_acls[0].origin.pointer == "/network_acls/0");
  CHECK(n.network_acls[0].outbound[3].origin.pointer == "/network_acls/0/outbound/3");
  CHECK(n.elastic_ips[0].origin.pointer == "/elastic_ips/0");
  CHECK(n.unanalysed[0].origin.pointer == "/unanalysed/0");
}

TEST_CASE("ModelBuilder: interfaces, instances, IPv6 and states", "[model][builder]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16").Ipv6("2600:1f18::/56");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24").Ipv6("2600:1f18:0:1::/64").MapPublicIp();
  auto v6only = b.Subnet("subnet-6", vpc, "").Ipv6("2600:1f18:0:6::/64").Az("us-east-1b");
  b.RouteTable("rtb-1", vpc).Main();
  auto appliance = b.Interface("eni-1", sn, "10.0.1.5")
                       .SecondaryIp("10.0.1.6", "54.0.0.6")
                       .Ipv6("2600:1f18:0:1::5")
                       .SourceDestCheck(false)
                       .Description("firewall")
                       .Tag("role", "fw")
                       .Name("fw-1");
  auto lambda = b.Interface("eni-2", v6only, "")
                    .Ipv6("2600:1f18:0:6::9")
                    .Type("lambda")
                    .RequesterManaged("123456789012")
                    .Status("available");
  auto inst = b.Instance("i-1", {appliance}).State("stopped").Type("c5.large");
  Network n = b.Build();
  const NetworkInterface& e = n.interfaces[appliance.Index()];
  REQUIRE(e.private_addresses.size() == 2);
  CHECK(e.private_addresses[0].primary);
  CHECK_FALSE(e.private_addresses[1].primary);
  CHECK(*e.private_addresses[1].public_ip == IpOf("54.0.0.6"));
  CHECK(e.ipv6_addresses == std::vector<net::IpAddress>{IpOf("2600:1f18:0:1::5")});
  CHECK_FALSE(e.source_dest_check);
  CHECK(e.Name() == "fw-1");
  CHECK(*e.FindTag("role") == "fw");
  CHECK(n.subnets[sn.Index()].map_public_ip_on_launch);
  CHECK_FALSE(n.subnets[v6only.Index()].has_ipv4);
  CHECK(n.subnets[v6only.Index()].ipv6_cidrs[0].ToString() == "2600:1f18:0:6::/64");
  const NetworkInterface& l = n.interfaces[lambda.Index()];
  CHECK(l.private_addresses.empty());
  CHECK(l.availability_zone == "us-east-1b");
  CHECK(l.requester_managed);
  CHECK(l.requester_id == "123456789012");
  CHECK_FALSE(l.InUse());
  CHECK(n.instances[inst.Index()].state == "stopped");
  CHECK_FALSE(n.instances[inst.Index()].Running());
  CHECK(n.instances[inst.Index()].instance_type == "c5.large");
}

TEST_CASE("ModelBuilder: NAT gateways, peerings and scopes", "[model][builder]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  b.RouteTable("rtb-1", vpc).Main();
  auto nat = b.Nat("nat-1", sn, "10.0.1.10", "52.0.0.1").Address("10.0.1.11", "52.0.0.2").State("pending");
  b.UseScope("222222222222", "us-west-2");
  auto far = b.Vpc("vpc-2", "10.1.0.0/16");
  auto pcx = b.Peering("pcx-1", vpc, far).Status("pending-acceptance");
  Network n = b.Build();
  const NatGateway& g = n.nat_gateways[nat.Index()];
  CHECK(g.vpc_id == "vpc-1");
  CHECK(g.connectivity == "public");
  CHECK_FALSE(g.Available());
  REQUIRE(g.addresses.size() == 2);
  CHECK(g.addresses[0].primary);
  CHECK(*g.addresses[1].public_ip == IpOf("52.0.0.2"));
  const VpcPeering& p = n.peerings[pcx.Index()];
  CHECK(p.scope == 1);
  CHECK(p.status == "pending-acceptance");
  CHECK(p.requester.owner_id == "111111111111");
  CHECK(p.requester.region == "us-east-1");
  CHECK(p.requester.ipv4_cidrs == std::vector<net::Cidr>{CidrOf("10.0.0.0/16")});
  CHECK(p.accepter.region == "us-west-2");
  CHECK(p.requester.vpc == vpc.Index());
  CHECK(p.accepter.vpc == far.Index());
  CHECK(n.vpcs[far.Index()].owner_id == "222222222222");
  CHECK(n.Counts(1).at("vpcs") == 1);
}

TEST_CASE("ModelBuilder: parsers for test text are strict", "[model][builder]") {
  CHECK_THROWS_AS(CidrOf("10.0.0.0/33"), std::invalid_argument);
  CHECK_THROWS_AS(CidrOf("10.0.0.5/16"), std::invalid_argument);  // host bits: a typo
  CHECK_THROWS_AS(IpOf("10.0.0"), std::invalid_argument);
  CHECK_THROWS_AS(testing::ServiceOf("tcpp", 1, 2), std::invalid_argument);
  CHECK_THROWS_AS(testing::ServiceOf("tcp", 10, 2), std::invalid_argument);
  CHECK(testing::ServiceOf("udp", -1, -1).ports.IsAll());
  CHECK(testing::ServiceOf("6", 80, 81).ToString() == "tcp/80-81");
  CHECK(testing::ServiceOf("icmpv6", -1, -1).ToString() == "icmpv6");
  CHECK(testing::ServiceOf("47", -1, -1).ToString() == "47");
  CHECK(testing::TargetKindOf("nat-0abc") == TargetKind::kNatGateway);
  CHECK(testing::TargetKindOf("eigw-1") == TargetKind::kEgressOnlyInternetGateway);
  CHECK(testing::TargetKindOf("i-1") == TargetKind::kInstance);
  CHECK(testing::TargetKindOf("tgw-1") == TargetKind::kTransitGateway);
  CHECK(testing::TargetKindOf("cagw-1") == TargetKind::kCarrierGateway);
  CHECK(testing::TargetKindOf("lgw-1") == TargetKind::kLocalGateway);
  CHECK(testing::TargetKindOf("core-network-1") == TargetKind::kCoreNetwork);
  CHECK(testing::TargetKindOf("x-1") == TargetKind::kUnknown);
  ModelBuilder b;
  CHECK_THROWS_AS(b.SecurityGroup("sg-1", "vpc-1").Ingress("tcp", 22, "0.0.0.0/0").Peered("1", "v"),
                  std::invalid_argument);
  CHECK_THROWS_AS(b.Interface("eni-1", "subnet-1", "").PublicIp("54.0.0.1"), std::invalid_argument);
}

TEST_CASE(
    "ModelBuilder: Build() throws with the diagnostics, Build(d) reports them, the "
    "builder can build again",
    "[model][builder]") {
  ModelBuilder b;
  b.Subnet("subnet-1", "vpc-9", "10.0.1.0/24");
  try {
    (void)b.Build();
    FAIL("Build() did not throw");
  } catch (const std::logic_error& e) {
    const std::string text = e.what();
    CHECK(text.find("subnet 'subnet-1' refers to VPC 'vpc-9' which is not in the snapshot "
                    "[input-dangling-ref]") != std::string::npos);
  }
  base::Diagnostics d1;
  base::Diagnostics d2;
  Network first = b.Build(d1);
  Network second = b.Build(d2);
  CHECK(d1.All().size() == 3);  // dangling VPC, no main table, no default ACL
  CHECK(d2.All().size() == d1.All().size());
  CHECK(first.subnets.size() == second.subnets.size());
  CHECK(first.network_acls.size() == second.network_acls.size());
  CHECK(b.Raw().network_acls.empty());  // defaults go to the built copy only
}

TEST_CASE("ModelBuilder: unanalysed resources are counted", "[model][builder]") {
  ModelBuilder b;
  b.Unanalysed("TransitGateways", "tgw-1").Unanalysed("VpnGateways", "vgw-1");
  Network n = b.Build();
  CHECK(n.Counts(kNone).at("unanalysed:TransitGateways") == 1);
  CHECK(n.Counts(kNone).at("unanalysed:VpnGateways") == 1);
  CHECK(n.AllIds() == std::vector<std::string>{"tgw-1", "vgw-1"});
}

}  // namespace
}  // namespace reachcheck::model
