// SPDX-License-Identifier: Apache-2.0
// The reference evaluator through gateways: internet and egress-only gateways, NAT gateways,
// peerings, appliances, packets from the internet, and the reply's reverse translations.
#include <catch2/catch.hpp>

#include "unit/analysis/reference_fixture.h"

namespace reachcheck::testing {
namespace {

using namespace fixture;

model::RouteTable& Table(ModelBuilder& b, const std::string& id) {
  for (model::RouteTable& t : b.Raw().route_tables) {
    if (t.id == id) return t;
  }
  FAIL("no route table " << id);
  return b.Raw().route_tables.front();
}

TEST_CASE("reference: internet gateway out: public addresses, private destinations, attachment") {
  ModelBuilder b;
  BuildBase(b);
  b.Interface("eni-multi", "subnet-pub", "10.0.1.60").SecondaryIp("10.0.1.61", "54.0.0.61").Group("sg-web");
  b.Interface("eni-eip", "subnet-pub", "10.0.1.70").Group("sg-web");
  b.Eip("eipalloc-1", "54.0.0.70").Interface("eni-eip");
  const model::Network base = b.Build();
  CHECK(Eval(base, FromEni(base, "eni-web", "10.0.1.10", "8.8.8.8", 443)).delivered_to == "internet");
  CHECK(Eval(base, FromEni(base, "eni-web", "10.0.1.10", "8.8.8.8", 443)).reachable);
  CHECK(Eval(base, FromEni(base, "eni-web", "10.0.1.10", "192.168.5.5", 443)).Codes() ==
        Codes{{"IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS", kForward}});
  CHECK(Eval(base, FromEni(base, "eni-web", "10.0.1.10", "100.64.0.1", 443)).Codes() ==
        Codes{{"IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS", kForward}});
  CHECK(Eval(base, FromEni(base, "eni-multi", "10.0.1.60", "8.8.8.8", 443)).Codes() ==
        Codes{{"IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS", kForward}});
  CHECK(Eval(base, FromEni(base, "eni-multi", "10.0.1.61", "8.8.8.8", 443)).reachable);
  CHECK(Eval(base, FromEni(base, "eni-eip", "10.0.1.70", "8.8.8.8", 443)).reachable);
  CHECK(Eval(base, FromOutside("8.8.8.8", "54.0.0.70", 443)).delivered_to == "eni-eip");

  ModelBuilder d;
  BuildBase(d);
  d.Igw("igw-x");
  d.RouteTable("rtb-x", "vpc-a").Associate("subnet-priv").Route("0.0.0.0/0", "igw-x");
  const model::Network detached = BuildLoose(d);
  CHECK(Eval(detached, FromEni(detached, "eni-app", "10.0.2.20", "8.8.8.8", 443)).Codes() ==
        Codes{{"BAD_STATE_ATTACHMENT", kForward}});
}

TEST_CASE("reference: egress-only gateway: IPv6 out, replies back in, IPv4 refused") {
  ModelBuilder b;
  BuildBase(b);
  b.Subnet("subnet-v6", "vpc-a", "10.0.4.0/24").Ipv6("2600:1f18:a:4::/64");
  b.RouteTable("rtb-v6", "vpc-a")
      .Associate("subnet-v6")
      .Route("::/0", "eigw-a")
      .Route("0.0.0.0/0", "eigw-a")
      .Route("64:ff9b::/96", "nat-a");
  b.Interface("eni-v6", "subnet-v6", "10.0.4.5").Ipv6("2600:1f18:a:4::5").Group("sg-web");
  b.Vpc("vpc-d", "10.3.0.0/16").Ipv6("2600:1f18:d::/56");
  b.Subnet("subnet-d", "vpc-d", "10.3.1.0/24").Ipv6("2600:1f18:d:1::/64");
  b.EgressOnlyIgw("eigw-d", "vpc-d");
  b.RouteTable("rtb-d", "vpc-d").Main().Route("::/0", "eigw-d");
  b.SecurityGroup("sg-d", "vpc-d").IngressAll("::/0").EgressAll("::/0");
  b.Interface("eni-d", "subnet-d", "10.3.1.5").Ipv6("2600:1f18:d:1::5").Group("sg-d");
  const model::Network n = b.Build();
  CHECK(Eval(n, FromEni(n, "eni-v6", "2600:1f18:a:4::5", "2001:db8::1", 443)).reachable);
  CHECK(Eval(n, FromEni(n, "eni-v6", "10.0.4.5", "8.8.8.8", 443)).Codes() ==
        Codes{{"NO_POSSIBLE_DESTINATION", kForward}});
  CHECK(Eval(n, FromEni(n, "eni-v6", "2600:1f18:a:4::5", "64:ff9b::808:808", 443)).Codes() ==
        Codes{{"COMPONENT_NOT_ANALYSED", kForward}});
  // In through vpc-a's internet gateway, back out through the egress-only one.
  CHECK(Eval(n, FromOutside("2001:db8::1", "2600:1f18:a:4::5", 443)).reachable);
  // vpc-d has no internet gateway: nothing comes in unsolicited.
  CHECK(Eval(n, FromEni(n, "eni-d", "2600:1f18:d:1::5", "2001:db8::1", 443)).reachable);
  CHECK(Eval(n, FromOutside("2001:db8::1", "2600:1f18:d:1::5", 443)).Codes() ==
        Codes{{"IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", kForward}});
  // ... but a reply comes back in through the egress-only gateway the request left by, also
  // when the request was delivered inside another VPC (through vpc-a's internet gateway).
  CHECK(Eval(n, FromEni(n, "eni-d", "2600:1f18:d:1::5", "2600:1f18:a:4::77", 443)).reachable);
  // An unowned IPv6 address of vpc-a's subnet: a host that could live there.
  CHECK(Eval(n, FromOutside("2001:db8::1", "2600:1f18:a:4::77", 443)).delivered_to ==
        "subnet-v6 (no interface)");
}

TEST_CASE("reference: NAT gateway: translation, every remapped port, private and pending NATs") {
  ModelBuilder b;
  BuildBase(b);
  b.Acl("acl-pub", "vpc-a")
      .Associate("subnet-pub")
      .Inbound(90, kDeny, "tcp", 2000, 2000, "0.0.0.0/0")
      .InboundAll(100, kAllow)
      .OutboundAll(100, kAllow);
  const model::Network n = b.Build();
  // eni-app's reply comes back to the NAT on a port in 1024-65535: port 2000 is denied.
  const ReferenceOutcome nat = Eval(n, FromEni(n, "eni-app", "10.0.2.20", "8.8.8.8", 443));
  CHECK(nat.delivered);
  CHECK(nat.Codes() == Codes{{"SUBNET_ACL_RESTRICTION", kReturn}});
  // eni-web's own reply comes back to port 40000 only.
  CHECK(Eval(n, FromEni(n, "eni-web", "10.0.1.10", "8.8.8.8", 443)).reachable);

  ModelBuilder p;
  BuildBase(p);
  p.Subnet("subnet-app", "vpc-a", "10.0.3.0/24");
  p.Nat("nat-p", "subnet-pub", "10.0.1.101").Private();
  p.Nat("nat-pending", "subnet-pub", "10.0.1.102", "52.0.0.102").State("pending");
  p.Nat("nat-b", "subnet-priv", "10.0.2.100", "52.0.0.101");
  p.RouteTable("rtb-app", "vpc-a")
      .Associate("subnet-app")
      .Route("8.8.8.0/24", "nat-p")
      .Route("8.8.4.0/24", "nat-pending")
      .Route("9.9.9.0/24", "nat-b");
  p.RouteTable("rtb-b2", "vpc-b")
      .Associate("subnet-b")
      .Route("0.0.0.0/0", "nat-a")
      .Route("10.0.0.0/16", "pcx-ab");
  p.Interface("eni-app3", "subnet-app", "10.0.3.5").Group("sg-web");
  const model::Network q = p.Build();
  CHECK(Eval(q, FromEni(q, "eni-app3", "10.0.3.5", "8.8.8.8", 443)).Codes() ==
        Codes{{"NO_POSSIBLE_DESTINATION", kForward}});
  CHECK(Eval(q, FromEni(q, "eni-app3", "10.0.3.5", "8.8.4.4", 443)).Codes() ==
        Codes{{"BAD_STATE", kForward}});
  // nat-b's subnet routes 0/0 to nat-a: a NAT never forwards to another NAT.
  CHECK(Eval(q, FromEni(q, "eni-app3", "10.0.3.5", "9.9.9.9", 443)).Codes() ==
        Codes{{"NO_POSSIBLE_DESTINATION", kForward}});
  CHECK(Eval(q, FromEni(q, "eni-db", "10.1.1.30", "8.8.8.8", 443)).Codes() ==
        Codes{{"NGW_REQUIRES_SOURCE_IN_VPC", kForward}});
}

TEST_CASE("reference: a reply is never translated anew by a NAT gateway") {
  ModelBuilder b;
  BuildBase(b);
  b.Subnet("subnet-x", "vpc-a", "10.0.5.0/24");
  b.RouteTable("rtb-x", "vpc-a").Associate("subnet-x").Route("0.0.0.0/0", "nat-a");
  b.Interface("eni-x", "subnet-x", "10.0.5.5").PublicIp("54.0.0.55").Group("sg-web");
  const model::Network n = b.Build();
  const ReferenceOutcome out = Eval(n, FromOutside("8.8.8.8", "54.0.0.55", 443));
  CHECK(out.delivered);
  CHECK(out.delivered_to == "eni-x");
  CHECK(out.Codes() == Codes{{"NO_POSSIBLE_DESTINATION", kReturn}});
}

TEST_CASE("reference: peering: group references, status, return routes, CIDRs, unknown peers") {
  ModelBuilder c;
  BuildBase(c);
  c.Interface("eni-app2", "subnet-priv", "10.0.2.21").Group("sg-web");
  c.Peering("pcx-x", "vpc-a", "vpc-zzz").Accepter("222222222222", "us-east-1").AccepterCidrs({"10.9.0.0/16"});
  c.RouteTable("rtb-priv2", "vpc-a")
      .Associate("subnet-priv")
      .Route("10.1.0.0/16", "pcx-ab")
      .Route("10.2.0.0/16", "pcx-ab")
      .Route("10.8.0.0/16", "pcx-x")
      .Route("10.9.0.0/16", "pcx-x");
  c.RouteTable("rtb-b2", "vpc-b")
      .Associate("subnet-b")
      .Route("10.0.0.0/16", "pcx-ab")
      .Route("10.5.0.0/16", "pcx-x")
      .Route("8.8.8.0/24", "pcx-ab");
  const model::Network n = BuildLoose(c);
  const DestinationSpec db = ToInterface(n, "eni-db");
  CHECK(Eval(n, FromEni(n, "eni-app", "10.0.2.20", "10.1.1.30", 5432), db).reachable);
  CHECK(Eval(n, FromEni(n, "eni-app", "10.0.2.20", "10.1.1.30", 5433), db).Codes() ==
        Codes{{"ENI_SG_RULES_MISMATCH", kForward}});
  CHECK(Eval(n, FromEni(n, "eni-app2", "10.0.2.21", "10.1.1.30", 5432), db).Codes() ==
        Codes{{"ENI_SG_RULES_MISMATCH", kForward}});
  CHECK(Eval(n, FromEni(n, "eni-app", "10.0.2.20", "10.2.0.5", 5432)).Codes() ==
        Codes{{"PCX_REQUIRES_ADDRESS_IN_VPC_CIDR", kForward}});
  CHECK(Eval(n, FromEni(n, "eni-app", "10.0.2.20", "10.9.0.5", 5432)).Codes() ==
        Codes{{"UNKNOWN_DESTINATION", kForward}});
  CHECK(Eval(n, FromEni(n, "eni-app", "10.0.2.20", "10.8.0.5", 5432)).Codes() ==
        Codes{{"PCX_REQUIRES_ADDRESS_IN_VPC_CIDR", kForward}});
  CHECK(Eval(n, FromEni(n, "eni-db", "10.1.1.30", "10.5.0.5", 5432)).Codes() ==
        Codes{{"BAD_STATE_ROUTE", kForward}});
  // No transitive routing: vpc-a is not a way to the internet for vpc-b.
  CHECK(Eval(n, FromEni(n, "eni-db", "10.1.1.30", "8.8.8.8", 443)).Codes() ==
        Codes{{"PCX_REQUIRES_ADDRESS_IN_VPC_CIDR", kForward}});

  ModelBuilder s;
  BuildBase(s);
  s.Raw().peerings[0].status = "pending-acceptance";
  const model::Network pending = s.Build();
  CHECK(Eval(pending, FromEni(pending, "eni-app", "10.0.2.20", "10.1.1.30", 5432)).Codes() ==
        Codes{{"BAD_STATE", kForward}});

  ModelBuilder r;
  BuildBase(r);
  Table(r, "rtb-b").routes.clear();  // no way back to vpc-a
  const model::Network one_way = r.Build();
  const ReferenceOutcome out = Eval(one_way, FromEni(one_way, "eni-app", "10.0.2.20", "10.1.1.30", 5432));
  CHECK(out.delivered);
  CHECK(out.Codes() == Codes{{"NO_ROUTE_TO_DESTINATION", kReturn}});
}

TEST_CASE("reference: group references need an active peering in one region") {
  ModelBuilder b;
  b.Vpc("vpc-a", "10.0.0.0/16");
  b.Subnet("subnet-a", "vpc-a", "10.0.1.0/24");
  b.RouteTable("rtb-a", "vpc-a").Main().Route("10.1.0.0/16", "pcx-ab");
  b.SecurityGroup("sg-a", "vpc-a").EgressAll();
  b.Interface("eni-a", "subnet-a", "10.0.1.5").Group("sg-a");
  b.UseScope("111111111111", "us-west-2");
  b.Vpc("vpc-b", "10.1.0.0/16");
  b.Subnet("subnet-b", "vpc-b", "10.1.1.0/24");
  b.RouteTable("rtb-b", "vpc-b").Main().Route("10.0.0.0/16", "pcx-ab");
  b.SecurityGroup("sg-b", "vpc-b").Ingress("tcp", 80, "sg-a").Ingress("tcp", 81, "10.0.1.5/32").EgressAll();
  b.Interface("eni-b", "subnet-b", "10.1.1.5").Group("sg-b");
  b.UseScope("111111111111", "us-east-1");
  b.Peering("pcx-ab", "vpc-a", "vpc-b").Accepter("111111111111", "us-west-2");
  const model::Network n = BuildLoose(b);
  CHECK(Eval(n, FromEni(n, "eni-a", "10.0.1.5", "10.1.1.5", 81)).reachable);
  CHECK(Eval(n, FromEni(n, "eni-a", "10.0.1.5", "10.1.1.5", 80)).Codes() ==
        Codes{{"ENI_SG_RULES_MISMATCH", kForward}});
}

TEST_CASE("reference: appliances forward only with source/dest check off, once each") {
  auto build = [](ModelBuilder& b, bool check, const char* fw_next) {
    BuildBase(b);
    b.Subnet("subnet-app", "vpc-a", "10.0.3.0/24");
    b.Subnet("subnet-fw", "vpc-a", "10.0.6.0/24");
    b.SecurityGroup("sg-fw", "vpc-a").Ingress("tcp", 443, "0.0.0.0/0").EgressAll();
    b.Interface("eni-fw", "subnet-fw", "10.0.6.10").Group("sg-fw").SourceDestCheck(check);
    b.Instance("i-fw", {"eni-fw"});
    b.RouteTable("rtb-app", "vpc-a")
        .Associate("subnet-app")
        .Route("8.8.8.0/24", "eni-fw")
        .Route("9.9.9.0/24", "i-fw")
        .Route("1.1.1.0/24", "eni-missing");
    b.RouteTable("rtb-fw", "vpc-a").Associate("subnet-fw").Route("0.0.0.0/0", fw_next);
    b.Interface("eni-app3", "subnet-app", "10.0.3.5").Group("sg-web");
  };
  ModelBuilder b;
  build(b, false, "nat-a");
  const model::Network n = BuildLoose(b);
  CHECK(Eval(n, FromEni(n, "eni-app3", "10.0.3.5", "8.8.8.8", 443)).reachable);
  CHECK(Eval(n, FromEni(n, "eni-app3", "10.0.3.5", "9.9.9.9", 443)).reachable);  // instance target
  CHECK(Eval(n, FromEni(n, "eni-app3", "10.0.3.5", "8.8.8.8", 80)).Codes() ==
        Codes{{"ENI_SG_RULES_MISMATCH", kForward}});
  CHECK(Eval(n, FromEni(n, "eni-app3", "10.0.3.5", "1.1.1.1", 443)).Codes() ==
        Codes{{"BAD_STATE_ROUTE", kForward}});

  ModelBuilder c;
  build(c, true, "nat-a");
  const model::Network checked = BuildLoose(c);
  CHECK(Eval(checked, FromEni(checked, "eni-app3", "10.0.3.5", "8.8.8.8", 443)).Codes() ==
        Codes{{"ENI_SOURCE_DEST_CHECK_RESTRICTION", kForward}});

  ModelBuilder l;
  build(l, false, "eni-fw");
  const model::Network loop = BuildLoose(l);
  CHECK(Eval(loop, FromEni(loop, "eni-app3", "10.0.3.5", "8.8.8.8", 443)).Codes() ==
        Codes{{"ROUTING_LOOP", kForward}});
}

TEST_CASE("reference: the reply crosses an appliance without its security groups") {
  for (bool check : {false, true}) {
    ModelBuilder b;
    BuildBase(b);
    b.Subnet("subnet-fw", "vpc-a", "10.0.6.0/24");
    b.SecurityGroup("sg-closed", "vpc-a").Ingress("tcp", 1, "10.255.255.255/32");
    b.Interface("eni-fw", "subnet-fw", "10.0.6.10").Group("sg-closed").SourceDestCheck(check);
    b.RouteTable("rtb-fw", "vpc-a").Associate("subnet-fw").Route("0.0.0.0/0", "igw-a");
    Table(b, "rtb-pub").routes[0].target_id = "eni-fw";
    Table(b, "rtb-pub").routes[0].target_kind = model::TargetKind::kNetworkInterface;
    const model::Network n = b.Build();
    const ReferenceOutcome out = Eval(n, FromOutside("8.8.8.8", "54.0.0.10", 443));
    CHECK(out.delivered);
    if (check) {
      CHECK(out.Codes() == Codes{{"ENI_SOURCE_DEST_CHECK_RESTRICTION", kReturn}});
    } else {
      CHECK(out.reachable);
    }
  }
}

TEST_CASE("reference: from the internet: public sources, VPC addresses, NATs, gateways") {
  ModelBuilder b;
  BuildBase(b);
  b.Interface("eni-app2", "subnet-pub", "10.0.1.20").PublicIp("54.0.0.20").Group("sg-app");
  b.Interface("eni-pubb", "subnet-b", "10.1.1.40").PublicIp("54.0.0.99").Group("sg-db");
  b.Raw().nat_gateways[0].addresses[0].network_interface_id = "eni-nat";
  b.Interface("eni-nat", "subnet-pub", "10.0.1.100").Type("nat_gateway").PublicIp("52.0.0.100");
  const model::Network n = b.Build();
  const ReferenceOutcome web = Eval(n, FromOutside("8.8.8.8", "54.0.0.10", 443));
  CHECK(web.reachable);
  CHECK(web.delivered_to == "eni-web");
  CHECK(Eval(n, FromOutside("8.8.8.8", "54.0.0.10", 22)).Codes() ==
        Codes{{"ENI_SG_RULES_MISMATCH", kForward}});
  CHECK(Eval(n, FromOutside("10.9.9.9", "54.0.0.10", 443)).Codes() ==
        Codes{{"IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS", kForward},
              {"IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS", kReturn}});
  CHECK(Eval(n, FromOutside("100.64.1.1", "54.0.0.10", 443)).Codes() ==
        Codes{{"IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS", kForward},
              {"IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS", kReturn}});
  for (const char* inside : {"10.0.1.10", "10.0.1.77", "10.0.200.1"}) {
    CHECK(Eval(n, FromOutside("8.8.8.8", inside, 443)).Codes() ==
          Codes{{"IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", kForward}});
  }
  CHECK(Eval(n, FromOutside("8.8.8.8", "52.0.0.100", 443)).Codes() ==
        Codes{{"NO_POSSIBLE_DESTINATION", kForward}});
  CHECK(Eval(n, FromEni(n, "eni-app", "10.0.2.20", "10.0.1.100", 443)).Codes() ==
        Codes{{"NO_POSSIBLE_DESTINATION", kForward}});
  CHECK(Eval(n, FromOutside("8.8.8.8", "54.0.0.99", 5432)).Codes() ==
        Codes{{"IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", kForward}});
  const ReferenceOutcome outside = Eval(n, FromOutside("8.8.8.8", "1.2.3.4", 443));
  CHECK(outside.reachable);
  CHECK(outside.delivered_to == "internet");
  // Through an internet gateway a group reference no longer matches.
  CHECK(Eval(n, FromEni(n, "eni-web", "10.0.1.10", "10.0.1.20", 8080)).reachable);
  const ReferenceOutcome translated = Eval(n, FromEni(n, "eni-web", "10.0.1.10", "54.0.0.20", 8080));
  CHECK(translated.Codes() == Codes{{"ENI_SG_RULES_MISMATCH", kForward}});
  REQUIRE(translated.blockers.size() == 1);
  CHECK_THAT(translated.blockers[0].detail, Catch::Contains("SG_REFERENCES_NOT_PRESERVED"));
  // An interface destination is asked about at its public address from outside.
  CHECK(InterfaceDestinationAddresses(n, Eni(n, "eni-web"), model::kNone) ==
        net::AddressSet::Of(IpOf("54.0.0.10")).Union(net::AddressSet::Of(IpOf("2600:1f18:a:1::10"))));
  CHECK(InterfaceDestinationAddresses(n, Eni(n, "eni-web"), n.FindVpc("vpc-b", 0)) ==
        net::AddressSet::Of(IpOf("10.0.1.10")).Union(net::AddressSet::Of(IpOf("2600:1f18:a:1::10"))));
  CHECK(InterfaceDestinationAddresses(n, Eni(n, "eni-app"), model::kNone) ==
        net::AddressSet::Of(IpOf("10.0.2.20")));
}

TEST_CASE("reference: gateway destinations and sources must be passed through") {
  ModelBuilder b;
  BuildBase(b);
  b.Vpc("vpc-c", "10.2.0.0/16");
  b.Subnet("subnet-c", "vpc-c", "10.2.1.0/24");
  b.Igw("igw-c", "vpc-c");
  b.RouteTable("rtb-c", "vpc-c").Main().Route("0.0.0.0/0", "igw-c");
  b.SecurityGroup("sg-c", "vpc-c").IngressAll("0.0.0.0/0").EgressAll();
  b.Interface("eni-c", "subnet-c", "10.2.1.5").PublicIp("54.0.2.5").Group("sg-c");
  const model::Network n = b.Build();
  auto through = [&](GatewayKind kind, model::Handle gateway) {
    DestinationSpec d;
    d.kind = DestinationKind::kGateway;
    d.gateway_kind = kind;
    d.gateway = gateway;
    return d;
  };
  const DestinationSpec nat = through(GatewayKind::kNat, n.FindNatGateway("nat-a", 0));
  const DestinationSpec igw = through(GatewayKind::kInternet, n.FindInternetGateway("igw-a", 0));
  const DestinationSpec pcx = through(GatewayKind::kPeering, n.FindPeering("pcx-ab", 0));
  CHECK(Eval(n, FromEni(n, "eni-app", "10.0.2.20", "8.8.8.8", 443), nat).reachable);
  CHECK(Eval(n, FromEni(n, "eni-app", "10.0.2.20", "8.8.8.8", 443), igw).reachable);  // NAT, then igw-a
  CHECK(Eval(n, FromEni(n, "eni-web", "10.0.1.10", "8.8.8.8", 443), nat).Codes() ==
        Codes{{"NO_POSSIBLE_DESTINATION", kForward}});
  CHECK(Eval(n, FromEni(n, "eni-app", "10.0.2.20", "10.1.1.30", 5432), pcx).reachable);
  CHECK(Eval(n, FromEni(n, "eni-app", "10.0.2.20", "10.0.1.10", 443), pcx).Codes() ==
        Codes{{"NO_POSSIBLE_DESTINATION", kForward}});
  // `igw-a` as a source: outside hosts whose packets come in through igw-a.
  ConcretePacket in = FromOutside("8.8.8.8", "54.0.0.10", 443);
  in.entry_gateway = n.FindInternetGateway("igw-a", 0);
  CHECK(Eval(n, in).reachable);
  in.dst = IpOf("54.0.2.5");  // comes in through igw-c instead
  CHECK(Eval(n, in).Codes() == Codes{{"NO_POSSIBLE_DESTINATION", kForward}});
}

}  // namespace
}  // namespace reachcheck::testing
