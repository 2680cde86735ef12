// SPDX-License-Identifier: Apache-2.0
// Validate: network interfaces (subnet, VPC, instance, groups), instances (interfaces, primary
// first) and Elastic IPs merged into interface and NAT gateway addresses.
#include <catch2/catch.hpp>

#include "diagnostic_lines.h"
#include "reachcheck/model/validate.h"
#include "support/model_builder.h"

namespace reachcheck::model {
namespace {

using testing::IpOf;
using testing::ModelBuilder;

TEST_CASE("Validate: an interface resolves subnet, VPC, instance and groups in order", "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  b.RouteTable("rtb-1", vpc).Main();
  auto web = b.SecurityGroup("sg-web", vpc);
  auto ssh = b.SecurityGroup("sg-ssh", vpc);
  auto eni = b.Interface("eni-1", sn, "10.0.1.5").Groups({ssh, "sg-9", web, "sg-ssh"});
  auto inst = b.Instance("i-1", {eni});
  base::Diagnostics d;
  Network n = b.Build(d);
  const NetworkInterface& e = n.interfaces[eni.Index()];
  CHECK(e.subnet == sn.Index());
  CHECK(e.vpc == vpc.Index());
  CHECK(e.vpc_id == "vpc-1");  // filled by the builder from the subnet
  CHECK(e.instance == inst.Index());
  CHECK(e.groups == std::vector<Handle>{ssh.Index(), web.Index()});
  CHECK(Lines(d) == LineList{"warning input-dangling-ref builder#/interfaces/0: network "
                             "interface 'eni-1' refers to security group 'sg-9' which is not in "
                             "the snapshot"});
}

TEST_CASE("Validate: interface references that dangle", "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  b.RouteTable("rtb-1", vpc).Main();
  b.Interface("eni-1", "subnet-9", "10.0.1.5").AttachTo("i-9");
  b.Interface("eni-2", sn, "10.0.1.6").Get().vpc_id = "vpc-8";  // disagrees with its subnet
  b.Interface("eni-3", "subnet-9", "10.0.1.7").Get().vpc_id = "vpc-1";
  base::Diagnostics d;
  Network n = b.Build(d);
  CHECK(n.interfaces[0].subnet == kNone);
  CHECK(n.interfaces[0].vpc == kNone);
  CHECK(n.interfaces[0].instance == kNone);
  CHECK(n.interfaces[1].vpc == kNone);
  CHECK(n.interfaces[2].vpc == vpc.Index());  // from its own VpcId
  CHECK(Lines(d) ==
        LineList{"warning input-dangling-ref builder#/interfaces/0: network interface 'eni-1' refers to "
                 "subnet 'subnet-9' which is not in the snapshot",
                 "warning input-dangling-ref builder#/interfaces/0: network interface 'eni-1' is attached "
                 "to instance 'i-9' which is not in the snapshot",
                 "warning input-dangling-ref builder#/interfaces/1: network interface 'eni-2' refers to "
                 "VPC 'vpc-8' which is not in the snapshot",
                 "warning input-dangling-ref builder#/interfaces/2: network interface 'eni-3' refers to "
                 "subnet 'subnet-9' which is not in the snapshot"});
}

TEST_CASE("Validate: an instance lists its interfaces once, primary (device index 0) first",
          "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  b.RouteTable("rtb-1", vpc).Main();
  auto secondary = b.Interface("eni-b", sn, "10.0.1.6").AttachTo("i-1", 1);
  auto primary = b.Interface("eni-a", sn, "10.0.1.5").AttachTo("i-1", 0);
  auto extra = b.Interface("eni-c", sn, "10.0.1.7").AttachTo("i-1", 2);  // not listed
  auto known_from_instance = b.Interface("eni-d", sn, "10.0.1.8");
  auto inst = b.Instance("i-1", {"eni-b", "eni-a", "eni-a", "eni-9"});
  auto inst2 = b.Instance("i-2", {known_from_instance});
  base::Diagnostics d;
  Network n = b.Build(d);
  CHECK(n.instances[inst.Index()].interfaces ==
        std::vector<Handle>{primary.Index(), secondary.Index(), extra.Index()});
  CHECK(n.interfaces[extra.Index()].instance == inst.Index());
  CHECK(n.instances[inst2.Index()].interfaces == std::vector<Handle>{known_from_instance.Index()});
  CHECK(n.interfaces[known_from_instance.Index()].instance == inst2.Index());
  CHECK(Lines(d) == LineList{"warning input-dangling-ref builder#/instances/0: instance 'i-1' "
                             "refers to network interface 'eni-9' which is not in the snapshot"});
}

TEST_CASE("Validate: an interface with no instance id that an instance lists belongs to it",
          "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  b.RouteTable("rtb-1", vpc).Main();
  auto eni = b.Interface("eni-1", sn, "10.0.1.5").FromInstance();
  auto inst = b.Instance("i-1", {eni});
  Network n = b.Build();
  n.interfaces[eni.Index()].instance_id = {};
  base::Diagnostics d;
  Validate(n, d);
  CHECK(d.Empty());
  CHECK(n.interfaces[eni.Index()].instance == inst.Index());
}

TEST_CASE("Validate: Elastic IPs become public addresses of the associated private address",
          "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  b.RouteTable("rtb-1", vpc).Main();
  auto e1 = b.Interface("eni-1", sn, "10.0.1.5").SecondaryIp("10.0.1.6");
  auto e2 = b.Interface("eni-2", sn, "10.0.1.7").PublicIp("54.0.0.7");
  auto e3 = b.Interface("eni-3", sn, "10.0.1.8");
  b.Instance("i-3", {e3});
  auto on_secondary = b.Eip("eipalloc-1", "54.0.0.1").Interface(e1, "10.0.1.6");
  b.Eip("eipalloc-2", "54.0.0.7").Interface(e2);  // the interface already shows it
  b.Eip("eipalloc-3", "54.0.0.3").Instance("i-3");
  b.Eip("eipalloc-4", "54.0.0.4");  // not associated
  Network n = b.Build();
  const NetworkInterface& i1 = n.interfaces[e1.Index()];
  CHECK_FALSE(i1.private_addresses[0].public_ip.has_value());
  REQUIRE(i1.private_addresses[1].public_ip.has_value());
  CHECK(*i1.private_addresses[1].public_ip == IpOf("54.0.0.1"));
  CHECK(i1.private_addresses[1].allocation_id == "eipalloc-1");
  CHECK(n.elastic_ips[on_secondary.Index()].network_interface == e1.Index());
  CHECK(n.interfaces[e2.Index()].private_addresses[0].allocation_id == "eipalloc-2");
  CHECK(*n.interfaces[e3.Index()].private_addresses[0].public_ip == IpOf("54.0.0.3"));
  CHECK(n.elastic_ips[2].network_interface == e3.Index());
  CHECK(n.elastic_ips[3].network_interface == kNone);
}

TEST_CASE("Validate: Elastic IP problems", "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  b.RouteTable("rtb-1", vpc).Main();
  auto eni = b.Interface("eni-1", sn, "10.0.1.5").PublicIp("54.9.9.9");
  b.Instance("i-empty");
  b.Eip("eipalloc-1", "54.0.0.1").Interface("eni-9");
  b.Eip("eipalloc-2", "54.0.0.2").Instance("i-9");
  b.Eip("eipalloc-3", "54.0.0.3").Instance("i-empty");
  b.Eip("eipalloc-4", "54.0.0.4").Interface(eni, "10.0.1.99");
  b.Eip("eipalloc-5", "54.0.0.5").Interface(eni);
  base::Diagnostics d;
  Network n = b.Build(d);
  CHECK(*n.interfaces[eni.Index()].private_addresses[0].public_ip == IpOf("54.9.9.9"));
  CHECK(n.interfaces[eni.Index()].private_addresses[0].allocation_id.empty());
  CHECK(Lines(d) ==
        LineList{"warning input-dangling-ref builder#/elastic_ips/0: Elastic IP 'eipalloc-1' is associated "
                 "with network interface 'eni-9' which is not in the snapshot",
                 "warning input-dangling-ref builder#/elastic_ips/1: Elastic IP 'eipalloc-2' is associated "
                 "with instance 'i-9' which is not in the snapshot",
                 "warning input-dangling-ref builder#/elastic_ips/2: Elastic IP 'eipalloc-3' is associated "
                 "with instance 'i-empty' which has no network interface in the snapshot",
                 "warning input-dangling-ref builder#/elastic_ips/3: Elastic IP 'eipalloc-4' is associated "
                 "with private address 10.0.1.99 which network interface 'eni-1' does not have",
                 "warning input-conflicting-association builder#/elastic_ips/4: Elastic IP 'eipalloc-5' "
                 "(54.0.0.5) is associated with 10.0.1.5 of network interface 'eni-1' which already has "
                 "public IP 54.9.9.9; 54.9.9.9 is kept"});
}

TEST_CASE("Validate: a NAT gateway's Elastic IP fills the NAT address, not its interface",
          "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  b.RouteTable("rtb-1", vpc).Main();
  auto nat = b.Nat("nat-1", sn, "10.0.1.10").AllocationId("eipalloc-nat").Eni("eni-nat");
  auto nat2 = b.Nat("nat-2", sn, "10.0.1.11");
  b.Raw().nat_gateways.back().addresses[0].network_interface_id = "eni-gone";
  auto eip = b.Eip("eipalloc-nat", "52.0.0.1").Interface("eni-nat");
  b.Eip("eipalloc-nat2", "52.0.0.2").Interface("eni-gone");  // NAT interface not in snapshot
  base::Diagnostics d;
  Network n = b.Build(d);
  CHECK(d.Empty());
  const NatAddress& address = n.nat_gateways[nat.Index()].addresses[0];
  REQUIRE(address.public_ip.has_value());
  CHECK(*address.public_ip == IpOf("52.0.0.1"));
  const Handle eni = n.FindInterface("eni-nat", 0);
  REQUIRE(eni != kNone);
  CHECK(n.interfaces[eni].interface_type == "nat_gateway");
  CHECK_FALSE(n.interfaces[eni].private_addresses[0].public_ip.has_value());
  CHECK(n.elastic_ips[eip.Index()].network_interface == eni);
  CHECK(*n.nat_gateways[nat2.Index()].addresses[0].public_ip == IpOf("52.0.0.2"));
  CHECK(n.nat_gateways[nat2.Index()].addresses[0].allocation_id == "eipalloc-nat2");
}

TEST_CASE("Validate: running it twice gives the same handles and addresses", "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  b.RouteTable("rtb-1", vpc).Main().Route("0.0.0.0/0", "igw-1");
  b.Igw("igw-1", vpc);
  b.SecurityGroup("sg-1", vpc).Ingress("tcp", 22, "sg-1");
  auto eni = b.Interface("eni-1", sn, "10.0.1.5").Groups({"sg-1"});
  b.Instance("i-1", {eni});
  b.Eip("eipalloc-1", "54.0.0.1").Instance("i-1");
  Network once = b.Build();
  Network twice = once;
  base::Diagnostics d;
  Validate(twice, d);
  CHECK(d.Empty());
  CHECK(twice.interfaces[0].groups == once.interfaces[0].groups);
  CHECK(twice.interfaces[0].private_addresses[0].public_ip ==
        once.interfaces[0].private_addresses[0].public_ip);
  CHECK(twice.instances[0].interfaces == once.instances[0].interfaces);
  CHECK(twice.subnets[0].route_table == once.subnets[0].route_table);
  CHECK(twice.subnets[0].network_acl == once.subnets[0].network_acl);
  CHECK(twice.route_tables[0].routes[1].target == once.route_tables[0].routes[1].target);
  CHECK(twice.security_groups[0].ingress[0].group == 0);
  CHECK(twice.elastic_ips[0].network_interface == eni.Index());
}

}  // namespace
}  // namespace reachcheck::model
