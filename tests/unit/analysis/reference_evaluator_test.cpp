// SPDX-License-Identifier: Apache-2.0
// The reference evaluator on hand-built networks, one section of
// docs/reachability-semantics.md at a time: states, security groups, ACLs, routes,
// arrival and destinations. Gateways and the internet: reference_evaluator_gateways_test.cpp.
#include <catch2/catch.hpp>

#include "unit/analysis/reference_fixture.h"

namespace reachcheck::testing {
namespace {

using namespace fixture;

TEST_CASE("reference: a packet inside the VPC is delivered and its reply comes back") {
  ModelBuilder b;
  BuildBase(b);
  const model::Network n = b.Build();
  const ReferenceOutcome out =
      Eval(n, FromEni(n, "eni-web", "10.0.1.10", "10.0.2.20", 8080), ToInterface(n, "eni-app"));
  CHECK(out.reachable);
  CHECK(out.delivered);
  CHECK(out.reply_back);
  CHECK(out.delivered_to == "eni-app");
  CHECK(out.Codes().empty());
}

TEST_CASE("reference: step 1, the sender and the receiver must be in use and running") {
  ModelBuilder b;
  BuildBase(b);
  b.Instance("i-stopped").State("stopped");
  b.Interface("eni-stopped", "subnet-priv", "10.0.2.30").Group("sg-web").AttachTo("i-stopped");
  b.Interface("eni-detached", "subnet-priv", "10.0.2.31").Group("sg-web").Status("available");
  const model::Network n = b.Build();
  // A blocked sender is still walked, so the packet is delivered "as if" and the reply walked.
  ReferenceOutcome out = Eval(n, FromEni(n, "eni-stopped", "10.0.2.30", "10.0.1.10", 443));
  CHECK_FALSE(out.reachable);
  CHECK_FALSE(out.delivered);
  CHECK(out.reply_back);
  CHECK(out.delivered_to == "eni-web");
  CHECK(out.Codes() == Codes{{"BAD_STATE", kForward}});
  out = Eval(n, FromEni(n, "eni-web", "10.0.1.10", "10.0.2.31", 443));
  CHECK(out.Codes() == Codes{{"BAD_STATE", kForward}});
}

TEST_CASE("reference: step 2, egress security groups") {
  ModelBuilder b;
  BuildBase(b);
  b.SecurityGroup("sg-empty", "vpc-a");
  b.SecurityGroup("sg-in-only", "vpc-a").IngressAll("0.0.0.0/0");
  b.SecurityGroup("sg-out-443", "vpc-a").Egress("tcp", 443, "10.0.1.0/24");
  b.Interface("eni-empty", "subnet-priv", "10.0.2.40").Group("sg-empty");
  b.Interface("eni-in-only", "subnet-priv", "10.0.2.41").Group("sg-in-only");
  b.Interface("eni-none", "subnet-priv", "10.0.2.42");
  b.Interface("eni-two", "subnet-priv", "10.0.2.43").Groups({"sg-empty", "sg-out-443"});
  const model::Network n = b.Build();
  CHECK(Eval(n, FromEni(n, "eni-empty", "10.0.2.40", "10.0.1.10", 443)).Codes() ==
        Codes{{"SG_HAS_NO_RULES", kForward}});
  CHECK(Eval(n, FromEni(n, "eni-in-only", "10.0.2.41", "10.0.1.10", 443)).Codes() ==
        Codes{{"ENI_SG_RULES_MISMATCH", kForward}});
  CHECK(Eval(n, FromEni(n, "eni-none", "10.0.2.42", "10.0.1.10", 443)).reachable);
  // The union of the groups: sg-out-443 admits tcp/443 to subnet-pub only.
  CHECK(Eval(n, FromEni(n, "eni-two", "10.0.2.43", "10.0.1.10", 443)).reachable);
  CHECK(Eval(n, FromEni(n, "eni-two", "10.0.2.43", "10.0.1.10", 444)).Codes() ==
        Codes{{"ENI_SG_RULES_MISMATCH", kForward}});
}

TEST_CASE("reference: security group references and prefix lists") {
  ModelBuilder b;
  BuildBase(b);
  b.PrefixList("pl-admin", {"10.0.2.64/26"});
  b.SecurityGroup("sg-admin", "vpc-a").Ingress("tcp", 9000, "pl-admin").EgressAll();
  b.Interface("eni-admin", "subnet-pub", "10.0.1.50").Group("sg-admin");
  b.Interface("eni-other", "subnet-priv", "10.0.2.70").Group("sg-web");  // carries sg-web
  b.Interface("eni-plain", "subnet-priv", "10.0.2.71").Group("sg-admin");
  const model::Network n = b.Build();
  // sg-app admits 8080 from interfaces carrying sg-web, whatever their address.
  CHECK(Eval(n, FromEni(n, "eni-other", "10.0.2.70", "10.0.2.20", 8080)).reachable);
  CHECK(Eval(n, FromEni(n, "eni-plain", "10.0.2.71", "10.0.2.20", 8080)).Codes() ==
        Codes{{"ENI_SG_RULES_MISMATCH", kForward}});
  // Prefix list 10.0.2.64/26 holds .70 and .71 but not .20.
  CHECK(Eval(n, FromEni(n, "eni-plain", "10.0.2.71", "10.0.1.50", 9000)).reachable);
  CHECK(Eval(n, FromEni(n, "eni-app", "10.0.2.20", "10.0.1.50", 9000)).Codes() ==
        Codes{{"ENI_SG_RULES_MISMATCH", kForward}});
}

TEST_CASE("reference: step 3, no ACL between two hosts of one subnet") {
  ModelBuilder b;
  BuildBase(b);
  b.Acl("acl-closed", "vpc-a").Associate("subnet-pub");  // only the "*" denies
  b.Interface("eni-web2", "subnet-pub", "10.0.1.11").Group("sg-web");
  const model::Network n = b.Build();
  CHECK(Eval(n, FromEni(n, "eni-web2", "10.0.1.11", "10.0.1.10", 443)).reachable);
  // Leaving the subnet meets the closed ACL both ways.
  const ReferenceOutcome out = Eval(n, FromEni(n, "eni-web2", "10.0.1.11", "10.0.2.20", 8080));
  CHECK(out.Codes() == Codes{{"SUBNET_ACL_RESTRICTION", kForward}, {"SUBNET_ACL_RESTRICTION", kReturn}});
  CHECK(out.delivered_to == "eni-app");
}

TEST_CASE("reference: step 4, ACL entries in rule order, stateless replies") {
  ModelBuilder b;
  BuildBase(b);
  b.Acl("acl-priv", "vpc-a")
      .Associate("subnet-priv")
      .Outbound(90, kDeny, "tcp", 20, 30, "0.0.0.0/0")
      .OutboundAll(100, kAllow)
      .Inbound(100, kAllow, "tcp", 1024, 65535, "0.0.0.0/0")
      .Inbound(110, kDeny, "icmp", -1, -1, "10.0.0.0/8")
      .Inbound(120, kAllow, "icmp", 0, -1, "0.0.0.0/0");
  const model::Network n = b.Build();
  CHECK(Eval(n, FromEni(n, "eni-app", "10.0.2.20", "10.0.1.10", 22)).Codes() ==
        Codes{{"SUBNET_ACL_RESTRICTION", kForward}});
  CHECK(Eval(n, FromEni(n, "eni-app", "10.0.2.20", "10.0.1.10", 443)).reachable);
  // A client port below 1024: the reply to it is not admitted back into subnet-priv.
  const ReferenceOutcome low = Eval(n, FromEni(n, "eni-app", "10.0.2.20", "10.0.1.10", 443, net::kTcp, 1000));
  CHECK(low.delivered);
  CHECK_FALSE(low.reply_back);
  CHECK(low.Codes() == Codes{{"SUBNET_ACL_RESTRICTION", kReturn}});
  // ICMP echo: the echo reply (type 0) from 10.0.1.10 meets rule 110 (deny) first.
  CHECK(Eval(n, FromEni(n, "eni-app", "10.0.2.20", "10.0.1.10", 8 * 256, net::kIcmp)).Codes() ==
        Codes{{"SUBNET_ACL_RESTRICTION", kReturn}});
}

TEST_CASE("reference: ICMP replies and messages without a reply") {
  ModelBuilder b;
  BuildBase(b);
  b.Acl("acl-pub", "vpc-a")
      .Associate("subnet-pub")
      .Inbound(100, kAllow, "icmp", 8, -1, "0.0.0.0/0")
      .InboundAll(110, kAllow, "10.0.0.0/8")
      .Outbound(100, kAllow, "icmp", 3, -1, "0.0.0.0/0")
      .OutboundAll(110, kAllow, "10.0.0.0/8");
  const model::Network n = b.Build();
  // Echo request from the internet comes in; the echo reply (type 0) may not leave.
  CHECK(Eval(n, FromOutside("8.8.8.8", "54.0.0.10", 8 * 256 + 0, net::kIcmp)).Codes() ==
        Codes{{"SUBNET_ACL_RESTRICTION", kReturn}});
  // Destination unreachable from eni-web: sent, no reply expected.
  ModelBuilder b2;
  BuildBase(b2);
  b2.Acl("acl-pub", "vpc-a").Associate("subnet-pub").Outbound(100, kAllow, "icmp", 3, -1, "0.0.0.0/0");
  const model::Network n2 = b2.Build();
  const ReferenceOutcome out =
      Eval(n2, FromEni(n2, "eni-web", "10.0.1.10", "8.8.8.8", 3 * 256 + 4, net::kIcmp));
  CHECK(out.reachable);
  CHECK(Eval(n2, FromEni(n2, "eni-web", "10.0.1.10", "8.8.8.8", 8 * 256, net::kIcmp)).Codes() ==
        Codes{{"SUBNET_ACL_RESTRICTION", kForward}, {"SUBNET_ACL_RESTRICTION", kReturn}});
}

TEST_CASE("reference: step 5, longest prefix and ties between route kinds") {
  ModelBuilder b;
  BuildBase(b);
  b.PrefixList("pl-dns", {"8.8.8.0/24", "9.9.9.0/24"});
  auto t = b.RouteTable("rtb-app", "vpc-a");
  b.Subnet("subnet-app", "vpc-a", "10.0.3.0/24");
  t.Associate("subnet-app")
      .Route("0.0.0.0/0", "nat-a")
      .Route("8.8.8.0/24", "tgw-1")  // a CIDR route beats the prefix list at /24
      .Route("pl-dns", "igw-a")
      .Route("9.9.9.0/24", "vgw-1")
      .Propagated()  // the prefix list beats a propagated route
      .Route("1.1.1.0/24", "nat-a")
      .Blackhole()
      .Route("10.0.0.0/16", "tgw-1");  // local wins at equal length
  b.Interface("eni-app3", "subnet-app", "10.0.3.5").Group("sg-web");
  const model::Network n = b.Build();
  CHECK(Eval(n, FromEni(n, "eni-app3", "10.0.3.5", "8.8.8.8", 443)).Codes() ==
        Codes{{"COMPONENT_NOT_ANALYSED", kForward}});
  // 9.9.9.9 -> igw-a, but eni-app3 has no public IP.
  CHECK(Eval(n, FromEni(n, "eni-app3", "10.0.3.5", "9.9.9.9", 443)).Codes() ==
        Codes{{"IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS", kForward}});
  CHECK(Eval(n, FromEni(n, "eni-app3", "10.0.3.5", "1.1.1.1", 443)).Codes() ==
        Codes{{"BAD_STATE_ROUTE", kForward}});
  CHECK(Eval(n, FromEni(n, "eni-app3", "10.0.3.5", "1.1.2.1", 443)).reachable);  // via nat-a
  CHECK(Eval(n, FromEni(n, "eni-app3", "10.0.3.5", "10.0.1.10", 443)).reachable);
  // No route at all: subnet-b's table only knows 10.0.0.0/16 and the local block.
  CHECK(Eval(n, FromEni(n, "eni-db", "10.1.1.30", "8.8.8.8", 443)).Codes() ==
        Codes{{"NO_ROUTE_TO_DESTINATION", kForward}});
}

TEST_CASE("reference: arriving at an address: NAT, unowned, outside every subnet") {
  ModelBuilder b;
  BuildBase(b);
  const model::Network n = b.Build();
  CHECK(Eval(n, FromEni(n, "eni-app", "10.0.2.20", "10.0.1.100", 443)).Codes() ==
        Codes{{"NO_POSSIBLE_DESTINATION", kForward}});
  const ReferenceOutcome host = Eval(n, FromEni(n, "eni-app", "10.0.2.20", "10.0.1.77", 443));
  CHECK(host.reachable);
  CHECK(host.delivered_to == "subnet-pub (no interface)");
  CHECK(Eval(n, FromEni(n, "eni-app", "10.0.2.20", "10.0.200.1", 443)).Codes() ==
        Codes{{"NO_POSSIBLE_DESTINATION", kForward}});
}

TEST_CASE("reference: subnet destinations ignore owners, interface destinations must be met") {
  ModelBuilder b;
  BuildBase(b);
  b.Vpc("vpc-c", "10.0.0.0/16");  // overlaps vpc-a, not peered
  b.Subnet("subnet-c", "vpc-c", "10.0.2.0/24");
  b.RouteTable("rtb-c", "vpc-c").Main();
  b.SecurityGroup("sg-c", "vpc-c").EgressAll();
  b.Interface("eni-c", "subnet-c", "10.0.2.5").Group("sg-c");
  const model::Network n = b.Build();
  // sg-web does not admit 9999, but a subnet destination has no security group.
  CHECK(Eval(n, FromEni(n, "eni-app", "10.0.2.20", "10.0.1.10", 9999), ToSubnet(n, "subnet-pub")).reachable);
  CHECK(Eval(n, FromEni(n, "eni-app", "10.0.2.20", "10.0.1.10", 9999)).Codes() ==
        Codes{{"ENI_SG_RULES_MISMATCH", kForward}});
  // eni-app has no public IP: from vpc-c it is asked about at 10.0.2.20, which vpc-c keeps.
  const ReferenceOutcome elsewhere =
      Eval(n, FromEni(n, "eni-c", "10.0.2.5", "10.0.2.20", 8080), ToInterface(n, "eni-app"));
  CHECK(elsewhere.Codes() == Codes{{"NO_POSSIBLE_DESTINATION", kForward}});
  CHECK(Eval(n, FromEni(n, "eni-c", "10.0.2.5", "10.0.2.20", 8080)).reachable);  // as an address
  CHECK(Eval(n, FromEni(n, "eni-c", "10.0.2.5", "10.0.2.20", 8080), ToSubnet(n, "subnet-priv")).Codes() ==
        Codes{{"NO_POSSIBLE_DESTINATION", kForward}});
}

TEST_CASE("reference: a host that could live in a subnet sends without security groups") {
  ModelBuilder b;
  BuildBase(b);
  const model::Network n = b.Build();
  CHECK(Eval(n, FromSubnet(n, "subnet-priv", "10.0.2.77", "8.8.8.8", 443)).reachable);  // via the NAT
  CHECK(Eval(n, FromSubnet(n, "subnet-pub", "10.0.1.77", "8.8.8.8", 443)).Codes() ==
        Codes{{"IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS", kForward}});
  // The public IP belongs to the private address 10.0.1.10, whoever sends from it.
  CHECK(Eval(n, FromSubnet(n, "subnet-pub", "10.0.1.10", "8.8.8.8", 443)).reachable);
  // sg-app admits only sg-web members: a subnet host is none.
  CHECK(Eval(n, FromSubnet(n, "subnet-pub", "10.0.1.77", "10.0.2.20", 8080)).Codes() ==
        Codes{{"ENI_SG_RULES_MISMATCH", kForward}});
  // Replies reach the virtual host at any address of its subnet.
  CHECK(Eval(n, FromSubnet(n, "subnet-pub", "10.0.1.77", "10.0.1.10", 443)).reachable);
}

}  // namespace
}  // namespace reachcheck::testing
