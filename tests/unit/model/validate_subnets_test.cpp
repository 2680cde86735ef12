// SPDX-License-Identifier: Apache-2.0
// Validate: each subnet's effective route table and network ACL, and the diagnostics for
// missing, dangling and conflicting associations.
#include <catch2/catch.hpp>

#include "diagnostic_lines.h"
#include "support/model_builder.h"

namespace reachcheck::model {
namespace {

using testing::ModelBuilder;

TEST_CASE("Validate: a subnet uses its explicit route table, else the VPC main table", "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn1 = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  auto sn2 = b.Subnet("subnet-2", vpc, "10.0.2.0/24");
  auto main = b.RouteTable("rtb-main", vpc).Main();
  auto custom = b.RouteTable("rtb-custom", vpc).Associate(sn1);
  Network n = b.Build();
  CHECK(n.subnets[sn1.Index()].route_table == custom.Index());
  CHECK_FALSE(n.subnets[sn1.Index()].route_table_is_main);
  CHECK(n.subnets[sn2.Index()].route_table == main.Index());
  CHECK(n.subnets[sn2.Index()].route_table_is_main);
  CHECK(n.route_tables[main.Index()].vpc == vpc.Index());
}

TEST_CASE("Validate: two explicit route tables for one subnet: the first wins, with a warning",
          "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  auto first = b.RouteTable("rtb-1", vpc).Main().Associate(sn);
  b.RouteTable("rtb-2", vpc).Associate(sn);
  base::Diagnostics d;
  Network n = b.Build(d);
  CHECK(n.subnets[sn.Index()].route_table == first.Index());
  CHECK_FALSE(n.subnets[sn.Index()].route_table_is_main);
  CHECK(Lines(d) == LineList{"warning input-conflicting-association "
                             "builder#/route_tables/1/associations/0: subnet 'subnet-1' is "
                             "associated with route tables 'rtb-1' and 'rtb-2'; 'rtb-1' is used"});
}

TEST_CASE("Validate: two main route tables for one VPC: the first wins", "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  auto first = b.RouteTable("rtb-1", vpc).Main();
  b.RouteTable("rtb-2", vpc).Main();
  base::Diagnostics d;
  Network n = b.Build(d);
  CHECK(n.subnets[sn.Index()].route_table == first.Index());
  CHECK(Lines(d) == LineList{"warning input-conflicting-association "
                             "builder#/route_tables/1/associations/0: VPC 'vpc-1' has two main "
                             "route tables 'rtb-1' and 'rtb-2'; 'rtb-1' is used"});
}

TEST_CASE(
    "Validate: no main route table: one warning per VPC naming the subnets left without "
    "routes",
    "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto vpc2 = b.Vpc("vpc-2", "10.1.0.0/16");
  auto explicit_subnet = b.Subnet("subnet-0", vpc, "10.0.0.0/24");
  for (int i = 1; i <= 7; ++i) {
    b.Subnet("subnet-" + std::to_string(i), vpc, "10.0." + std::to_string(i) + ".0/24");
  }
  auto other = b.Subnet("subnet-b", vpc2, "10.1.0.0/24");
  auto table = b.RouteTable("rtb-1", vpc).Associate(explicit_subnet);
  base::Diagnostics d;
  Network n = b.Build(d);
  CHECK(n.subnets[explicit_subnet.Index()].route_table == table.Index());
  CHECK(n.subnets[1].route_table == kNone);
  CHECK_FALSE(n.subnets[1].route_table_is_main);
  CHECK(n.subnets[other.Index()].route_table == kNone);
  CHECK(Lines(d) == LineList{"warning input-no-main-route-table builder#/vpcs/0: VPC 'vpc-1' has no main "
                             "route table in the snapshot; subnets without an explicit association have no "
                             "routes: 'subnet-1', 'subnet-2', 'subnet-3', 'subnet-4', 'subnet-5', and 2 more",
                             "warning input-no-main-route-table builder#/vpcs/1: VPC 'vpc-2' has no main "
                             "route table in the snapshot; subnets without an explicit association have no "
                             "routes: 'subnet-b'"});
}

TEST_CASE(
    "Validate: a subnet of a VPC not in the snapshot still finds that VPC's main table "
    "by id",
    "[model][validate]") {
  ModelBuilder b;
  auto sn = b.Subnet("subnet-1", "vpc-9", "10.0.1.0/24");
  auto main = b.RouteTable("rtb-1", "vpc-9").Main();
  auto acl = b.Acl("acl-1", "vpc-9").Default();
  base::Diagnostics d;
  Network n = b.Build(d);
  CHECK(n.subnets[sn.Index()].vpc == kNone);
  CHECK(n.subnets[sn.Index()].route_table == main.Index());
  CHECK(n.subnets[sn.Index()].network_acl == acl.Index());
  CHECK(Lines(d) ==
        LineList{"warning input-dangling-ref builder#/subnets/0: subnet 'subnet-1' refers to VPC 'vpc-9' "
                 "which is not in the snapshot",
                 "warning input-dangling-ref builder#/route_tables/0: route table 'rtb-1' refers to VPC "
                 "'vpc-9' which is not in the snapshot",
                 "warning input-dangling-ref builder#/network_acls/0: network ACL 'acl-1' refers to VPC "
                 "'vpc-9' which is not in the snapshot"});
}

TEST_CASE("Validate: a subnet without VPC, route table or ACL is reported at the subnet",
          "[model][validate]") {
  ModelBuilder b;
  auto sn = b.Subnet("subnet-1", "", "10.0.1.0/24");
  base::Diagnostics d;
  Network n = b.Build(d);
  CHECK(n.subnets[sn.Index()].route_table == kNone);
  CHECK(n.subnets[sn.Index()].network_acl == kNone);
  CHECK(Lines(d) ==
        LineList{"warning input-no-main-route-table builder#/subnets/0: subnet 'subnet-1' has no VPC and "
                 "no route table association; it has no routes",
                 "warning input-no-default-acl builder#/subnets/0: subnet 'subnet-1' has no VPC and no "
                 "network ACL association; it has no network ACL"});
}

TEST_CASE(
    "Validate: route table associations to missing subnets and gateways dangle, "
    "inactive associations are ignored",
    "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  auto main = b.RouteTable("rtb-main", vpc).Main();
  b.RouteTable("rtb-1", vpc).Associate("subnet-9").AssociateGateway("igw-9").Associate(sn);
  b.Raw().route_tables.back().associations.back().state = "disassociated";
  base::Diagnostics d;
  Network n = b.Build(d);
  CHECK(n.subnets[sn.Index()].route_table == main.Index());
  CHECK(Lines(d) ==
        LineList{"warning input-dangling-ref builder#/route_tables/1/associations/0: route table 'rtb-1' "
                 "is associated with subnet 'subnet-9' which is not in the snapshot",
                 "warning input-dangling-ref builder#/route_tables/1/associations/1: route table 'rtb-1' "
                 "is associated with internet gateway 'igw-9' which is not in the snapshot"});
}

TEST_CASE("Validate: a subnet uses its explicit ACL, else the VPC default ACL", "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn1 = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  auto sn2 = b.Subnet("subnet-2", vpc, "10.0.2.0/24");
  b.RouteTable("rtb-1", vpc).Main();
  auto custom = b.Acl("acl-1", vpc).Associate(sn1);
  Network n = b.Build();
  CHECK(n.subnets[sn1.Index()].network_acl == custom.Index());
  const Handle fallback = n.subnets[sn2.Index()].network_acl;
  REQUIRE(fallback != kNone);
  CHECK(n.network_acls[fallback].id == "acl-default-vpc-1");
  CHECK(n.network_acls[fallback].is_default);
  CHECK(n.network_acls[custom.Index()].vpc == vpc.Index());
}

TEST_CASE(
    "Validate: ACL conflicts, two defaults, dangling associations and a VPC without a "
    "default ACL",
    "[model][validate]") {
  ModelBuilder b;
  b.NoDefaultAcls();
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto vpc2 = b.Vpc("vpc-2", "10.1.0.0/16");
  auto sn1 = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  auto sn2 = b.Subnet("subnet-2", vpc, "10.0.2.0/24");
  auto sn3 = b.Subnet("subnet-3", vpc2, "10.1.3.0/24");
  b.RouteTable("rtb-1", vpc).Main();
  b.RouteTable("rtb-2", vpc2).Main();
  auto first = b.Acl("acl-1", vpc).Default().Associate(sn1);
  b.Acl("acl-2", vpc).Default().Associate(sn1).Associate("subnet-9");
  base::Diagnostics d;
  Network n = b.Build(d);
  CHECK(n.subnets[sn1.Index()].network_acl == first.Index());
  CHECK(n.subnets[sn2.Index()].network_acl == first.Index());
  CHECK(n.subnets[sn3.Index()].network_acl == kNone);
  CHECK(Lines(d) ==
        LineList{"warning input-conflicting-association builder#/network_acls/1: VPC 'vpc-1' has two "
                 "default network ACLs 'acl-1' and 'acl-2'; 'acl-1' is used",
                 "warning input-conflicting-association builder#/network_acls/1/associations/0: subnet "
                 "'subnet-1' is associated with network ACLs 'acl-1' and 'acl-2'; 'acl-1' is used",
                 "warning input-dangling-ref builder#/network_acls/1/associations/1: network ACL 'acl-2' "
                 "is associated with subnet 'subnet-9' which is not in the snapshot",
                 "warning input-no-default-acl builder#/vpcs/1: VPC 'vpc-2' has no default network ACL in "
                 "the snapshot; subnets without an explicit association have no network ACL: "
                 "'subnet-3'"});
}

}  // namespace
}  // namespace reachcheck::model
