// SPDX-License-Identifier: Apache-2.0
// Validate: gateways (IGW attachments, NAT gateways, peering sides across accounts), security
// group rule references, endpoints, and duplicate ids.
#include <catch2/catch.hpp>

#include "diagnostic_lines.h"
#include "reachcheck/model/validate.h"
#include "support/model_builder.h"

namespace reachcheck::model {
namespace {

using testing::ModelBuilder;

TEST_CASE("Validate: gateway attachments, NAT gateways and endpoints link to their VPC",
          "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  b.RouteTable("rtb-1", vpc).Main();
  auto igw = b.Igw("igw-1", vpc);
  auto detached = b.Igw("igw-2").AttachTo(vpc).AttachmentState("detaching");
  auto eigw = b.EgressOnlyIgw("eigw-1", vpc);
  auto nat = b.Nat("nat-1", sn, "10.0.1.10", "52.0.0.1").Private();
  auto sg = b.SecurityGroup("sg-1", vpc);
  auto vpce = b.InterfaceEndpoint("vpce-1", vpc, "com.amazonaws.us-east-1.ssm", {sn})
                  .Groups({sg})
                  .Interfaces({"eni-vpce"})
                  .State("pending");
  Network n = b.Build();
  CHECK(n.internet_gateways[igw.Index()].AttachedVpc() == vpc.Index());
  CHECK(n.internet_gateways[detached.Index()].attachments[0].vpc == vpc.Index());
  CHECK(n.internet_gateways[detached.Index()].AttachedVpc() == kNone);
  CHECK(n.internet_gateways[eigw.Index()].AttachedVpc() == vpc.Index());
  CHECK(n.nat_gateways[nat.Index()].subnet == sn.Index());
  CHECK(n.nat_gateways[nat.Index()].vpc == vpc.Index());
  CHECK_FALSE(n.nat_gateways[nat.Index()].IsPublic());
  CHECK(n.endpoints[vpce.Index()].vpc == vpc.Index());
  CHECK(n.endpoints[vpce.Index()].type == "Interface");
  CHECK(n.endpoints[vpce.Index()].state == "pending");
  CHECK(n.endpoints[vpce.Index()].subnet_ids == std::vector<base::Text>{"subnet-1"});
  CHECK(n.endpoints[vpce.Index()].group_ids == std::vector<base::Text>{"sg-1"});
  CHECK(n.endpoints[vpce.Index()].network_interface_ids == std::vector<base::Text>{"eni-vpce"});
  CHECK(n.security_groups[sg.Index()].vpc == vpc.Index());
}

TEST_CASE("Validate: gateways, groups and endpoints referring to missing VPCs and subnets",
          "[model][validate]") {
  ModelBuilder b;
  b.Igw("igw-1", "vpc-9");
  b.EgressOnlyIgw("eigw-1", "vpc-9");
  b.Nat("nat-1", "subnet-9", "10.0.1.10").Get().vpc_id = "vpc-9";
  b.SecurityGroup("sg-1", "vpc-9");
  b.GatewayEndpoint("vpce-1", "vpc-9", "com.amazonaws.us-east-1.s3");
  base::Diagnostics d;
  Network n = b.Build(d);
  CHECK(n.nat_gateways[0].vpc == kNone);
  CHECK(n.nat_gateways[0].subnet == kNone);
  CHECK(Lines(d) ==
        LineList{"warning input-dangling-ref builder#/security_groups/0: security group 'sg-1' refers to "
                 "VPC 'vpc-9' which is not in the snapshot",
                 "warning input-dangling-ref builder#/endpoints/0: VPC endpoint 'vpce-1' refers to VPC "
                 "'vpc-9' which is not in the snapshot",
                 "warning input-dangling-ref builder#/internet_gateways/0: internet gateway 'igw-1' is "
                 "attached to VPC 'vpc-9' which is not in the snapshot",
                 "warning input-dangling-ref builder#/internet_gateways/1: egress-only internet gateway "
                 "'eigw-1' is attached to VPC 'vpc-9' which is not in the snapshot",
                 "warning input-dangling-ref builder#/nat_gateways/0: NAT gateway 'nat-1' refers to subnet "
                 "'subnet-9' which is not in the snapshot",
                 "warning input-dangling-ref builder#/nat_gateways/0: NAT gateway 'nat-1' refers to VPC "
                 "'vpc-9' which is not in the snapshot"});
}

TEST_CASE("Validate: peering sides resolve in their own account, absent remote VPCs are notes",
          "[model][validate]") {
  ModelBuilder b;
  auto a = b.Vpc("vpc-a", "10.0.0.0/16");
  b.Vpc("vpc-a2", "10.5.0.0/16");
  b.UseScope("222222222222", "us-east-1");
  auto remote = b.Vpc("vpc-b", "10.1.0.0/16");
  b.Vpc("vpc-a2", "10.6.0.0/16");  // same id as a VPC of the first account
  b.UseScope("111111111111", "us-east-1");
  auto both = b.Peering("pcx-1", a, remote);
  auto same_id = b.Peering("pcx-2", a, "vpc-a2").Accepter("222222222222", "us-east-1");
  auto away =
      b.Peering("pcx-3", a, "vpc-c").Accepter("333333333333", "eu-west-1").AccepterCidrs({"10.2.0.0/16"});
  b.Peering("pcx-4", "vpc-9", a);
  base::Diagnostics d;
  Network n = b.Build(d);
  CHECK(n.peerings[both.Index()].requester.vpc == a.Index());
  CHECK(n.peerings[both.Index()].accepter.vpc == remote.Index());
  CHECK(n.peerings[both.Index()].accepter.owner_id == "222222222222");  // filled by the builder
  CHECK(n.peerings[both.Index()].accepter.ipv4_cidrs.size() == 1);
  REQUIRE(n.peerings[same_id.Index()].accepter.vpc != kNone);
  CHECK(n.vpcs[n.peerings[same_id.Index()].accepter.vpc].ipv4_cidrs[0].ToString() == "10.6.0.0/16");
  CHECK(n.peerings[away.Index()].accepter.vpc == kNone);
  CHECK(Lines(d) ==
        LineList{"note input-external-ref builder#/peerings/2: VPC peering connection 'pcx-3' refers to "
                 "accepter VPC 'vpc-c' of account 333333333333 region eu-west-1 which is not in the "
                 "snapshot; the CIDR blocks recorded on the peering connection are used",
                 "warning input-dangling-ref builder#/peerings/3: VPC peering connection 'pcx-4' refers to "
                 "requester VPC 'vpc-9' which is not in the snapshot"});
}

TEST_CASE(
    "Validate: security group rules resolve prefix lists and groups, peered ones in "
    "their owner's account",
    "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto pl = b.PrefixList("pl-1", {"10.8.0.0/16"});
  auto web = b.SecurityGroup("sg-web", vpc)
                 .Ingress("tcp", 443, pl)
                 .Ingress("tcp", 22, "sg-admin")
                 .Ingress("tcp", 5432, "sg-shared")
                 .Peered("222222222222", "vpc-2")
                 .EgressAll("sg-web");
  auto admin = b.SecurityGroup("sg-admin", vpc);
  auto local_shared = b.SecurityGroup("sg-shared", vpc);
  b.UseScope("222222222222", "us-east-1");
  auto peer_vpc = b.Vpc("vpc-2", "10.1.0.0/16");
  auto remote_shared = b.SecurityGroup("sg-shared", peer_vpc);
  Network n = b.Build();
  const SecurityGroup& g = n.security_groups[web.Index()];
  CHECK(g.ingress[0].prefix_list == pl.Index());
  CHECK(g.ingress[0].group == kNone);
  CHECK(g.ingress[1].group == admin.Index());
  CHECK(g.ingress[2].group == remote_shared.Index());
  CHECK(g.ingress[2].group != local_shared.Index());
  CHECK(g.egress[0].group == web.Index());
}

TEST_CASE(
    "Validate: security group rules that dangle or point to an account not in the "
    "snapshot",
    "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  b.SecurityGroup("sg-1", vpc)
      .Ingress("tcp", 443, "pl-9")
      .Ingress("-1", -1, -1, "sg-9")
      .Ingress("tcp", 22, "sg-far")
      .Peered("999999999999", "vpc-far")
      .Egress("udp", 53, "sg-8");
  base::Diagnostics d;
  Network n = b.Build(d);
  CHECK(n.security_groups[0].ingress[2].group == kNone);
  CHECK(Lines(d) ==
        LineList{"warning input-dangling-ref builder#/security_groups/0/ingress/0: security group 'sg-1' "
                 "ingress rule tcp/443 from pl-9 refers to prefix list 'pl-9' which is not in the snapshot",
                 "warning input-dangling-ref builder#/security_groups/0/ingress/1: security group 'sg-1' "
                 "ingress rule all from sg-9 refers to security group 'sg-9' which is not in the snapshot",
                 "note input-external-ref builder#/security_groups/0/ingress/2: security group 'sg-1' "
                 "ingress rule tcp/22 from sg-far (999999999999/vpc-far) refers to security group 'sg-far' "
                 "of account 999999999999 which is not in the snapshot; the rule matches no address",
                 "warning input-dangling-ref builder#/security_groups/0/egress/0: security group 'sg-1' "
                 "egress rule udp/53 to sg-8 refers to security group 'sg-8' which is not in the "
                 "snapshot"});
}

TEST_CASE("Validate: a duplicate id in one scope is an error and the later element is dropped",
          "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  b.Subnet("subnet-1", vpc, "10.0.2.0/24");
  b.RouteTable("rtb-1", vpc).Main();
  b.Interface("eni-1", "subnet-1", "10.0.1.5");
  b.Interface("eni-1", "subnet-1", "10.0.1.6").Origin("NetworkInterfaces.json", "/NetworkInterfaces/1");
  b.UseScope("222222222222", "us-east-1");
  auto other = b.Vpc("vpc-1", "10.0.0.0/16");  // another account: no duplicate
  base::Diagnostics d;
  Network n = b.Build(d);
  REQUIRE(n.subnets.size() == 1);
  CHECK(n.subnets[0].ipv4_cidr.ToString() == "10.0.1.0/24");
  REQUIRE(n.interfaces.size() == 1);
  CHECK(n.interfaces[0].private_addresses[0].address.ToString() == "10.0.1.5");
  CHECK(n.interfaces[0].subnet == 0);
  CHECK(n.vpcs.size() == 2);
  CHECK(n.FindVpc("vpc-1", other.Get().scope) == other.Index());
  CHECK(Lines(d) ==
        LineList{"error input-duplicate-id builder#/subnets/1: duplicate subnet id 'subnet-1' in account "
                 "111111111111 region us-east-1: the first definition at builder#/subnets/0 is used and "
                 "this one is skipped",
                 "error input-duplicate-id NetworkInterfaces.json#/NetworkInterfaces/1: duplicate network "
                 "interface id 'eni-1' in account 111111111111 region us-east-1: the first definition at "
                 "builder#/interfaces/0 is used and this one is skipped"});
}

TEST_CASE("Validate: an empty network and elements without scope or ids do not crash", "[model][validate]") {
  Network empty;
  base::Diagnostics d;
  Validate(empty, d);
  CHECK(d.Empty());

  Network n;
  n.subnets.emplace_back();
  n.interfaces.emplace_back();
  n.interfaces.back().group_ids = {""};
  n.route_tables.emplace_back();
  n.route_tables.back().routes.emplace_back();
  n.route_tables.back().associations.push_back({"a", true, "", "", "", {}});
  n.elastic_ips.emplace_back();
  n.peerings.emplace_back();
  n.peerings.back().accepter.vpc_id = "vpc-x";
  Validate(n, d);
  Validate(n, d);
  CHECK(n.subnets[0].route_table == kNone);  // no VPC id: the main table is not its
  CHECK(d.Count(base::Severity::kError) == 0);
}

}  // namespace
}  // namespace reachcheck::model
