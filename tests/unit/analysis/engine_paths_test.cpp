// SPDX-License-Identifier: Apache-2.0
// The engine on the paths of the semantics page: security groups (including references
// across a peering), ACLs both ways, routes, NAT and internet gateway rewriting, IPv6.
#include "engine_networks.h"
#include "engine_test_util.h"

namespace reachcheck::analysis::testutil {
namespace {

model::Network TwoTierNetwork() {
  testing::ModelBuilder b;
  TwoTier(b);
  return b.Build();
}

}  // namespace

TEST_CASE("security groups split the ports of an internet question", "[engine]") {
  const model::Network n = TwoTierNetwork();
  Engine engine(n);
  const QueryResult r = Why(engine, "internet", "eni-web", "tcp");
  INFO(Dump(r));
  CHECK(r.verdict == Verdict::kPartial);
  const PacketClass* https = ClassOf(r, model::kNone, "8.8.8.8", "54.0.0.10", net::kTcp, 40000, 443);
  REQUIRE(https != nullptr);
  CHECK(https->reachable);
  CHECK(https->ports == net::PortSet::Single(443));
  CHECK(https->delivered_to == "eni-web");
  CHECK(PathMentions(https->forward, "igw-a translates destination 54.0.0.10 -> 10.0.1.10"));
  CHECK(PathMentions(https->forward, "ingress allowed by sg-web rule tcp/443 from 0.0.0.0/0"));
  CHECK(PathMentions(https->reply, "igw-a translates source 10.0.1.10 -> 54.0.0.10"));
  CHECK(https->blocked_by.empty());
  const PacketClass* ssh = ClassOf(r, model::kNone, "8.8.8.8", "54.0.0.10", net::kTcp, 40000, 22);
  REQUIRE(ssh != nullptr);
  CHECK_FALSE(ssh->reachable);
  CHECK(Codes(*ssh) == CodeSet{{"ENI_SG_RULES_MISMATCH", kFwd}});
  // The group whose rules fail is the blocker, at the group in the input; the detail names the interface.
  CHECK(ssh->blocked_by.front().component == "sg-web");
  for (const model::SecurityGroup& g : n.security_groups) {
    if (g.id == "sg-web") CHECK(ssh->blocked_by.front().where.pointer == g.origin.pointer);
  }
  CHECK_FALSE(ssh->blocked_by.front().where.pointer.empty());
  CHECK(ssh->blocked_by.front().detail == "no inbound rule of sg-web (eni-web) matches");
  CHECK(ssh->blocked_by.front().direction == "ingress");
  // Outside hosts are the internet: the fix names 0.0.0.0/0, not the many CIDRs of the class.
  CHECK(ssh->suggestion == "add an inbound rule tcp/0-442,444-65535 from 0.0.0.0/0 to sg-web");
  // The rule admits tcp/22 from the VPC only: outside hosts never reach port 22.
  CHECK(ssh->ports == net::PortSet::Range(0, 442).Union(net::PortSet::Range(444, 65535)));
  // The internet source excludes private ranges and the modelled public addresses.
  CHECK_FALSE(https->source_addresses.Contains(testing::IpOf("10.0.0.1")));
  CHECK_FALSE(https->source_addresses.Contains(testing::IpOf("52.0.0.100")));
  // IPv6: the same rule for ::/0, through the same gateway without translation.
  const PacketClass* v6 = ClassOf(r, model::kNone, "2001:db8::1", "2600:1f18:a:1::10", net::kTcp, 50000, 443);
  REQUIRE(v6 != nullptr);
  CHECK(v6->reachable);
  CHECK(PathMentions(v6->forward, "igw-a forwards into vpc-a"));
}

TEST_CASE("a group reference matches private addresses in the VPC and across an active peering", "[engine]") {
  const model::Network n = TwoTierNetwork();
  Engine engine(n);
  const model::Handle app = Eni(n, "eni-app");
  const QueryResult inside = Why(engine, "eni-web", "eni-app", "tcp");
  INFO(Dump(inside));
  const PacketClass* c = ClassOf(inside, Eni(n, "eni-web"), "10.0.1.10", "10.0.2.20", net::kTcp, 40000, 8080);
  REQUIRE(c != nullptr);
  CHECK(c->reachable);
  CHECK(PathMentions(c->forward, "ingress allowed by sg-app rule tcp/8080 from sg-web"));
  const QueryResult peered = Why(engine, "eni-app", "eni-db", "tcp", "5432");
  INFO(Dump(peered));
  CHECK(peered.verdict == Verdict::kReachable);
  REQUIRE(peered.classes.size() == 1);
  CHECK(PathMentions(peered.classes[0].forward, "pcx-ab"));
  CHECK(PathMentions(peered.classes[0].reply, "rtb-b route 10.0.0.0/16 -> pcx-ab (longest match /16)"));
  CHECK(peered.classes[0].source_interface == app);
}

TEST_CASE("a group reference across a peering of another region does not match", "[engine]") {
  testing::ModelBuilder b;
  TwoTier(b);
  b.Raw().peerings.clear();
  b.Peering("pcx-ab", "vpc-a", "vpc-b").Accepter("111111111111", "eu-west-1");
  const model::Network n = b.Build();
  Engine engine(n);
  const QueryResult r = Why(engine, "eni-app", "eni-db", "tcp", "5432");
  INFO(Dump(r));
  CHECK(r.verdict == Verdict::kUnreachable);
  REQUIRE(r.classes.size() == 1);
  CHECK(Codes(r.classes[0]) == CodeSet{{"ENI_SG_RULES_MISMATCH", kFwd}});
  CHECK(r.classes[0].suggestion == "add an inbound rule tcp/5432 from 10.0.2.20/32 to sg-db");
}

TEST_CASE("a private subnet reaches the internet through the NAT gateway and back", "[engine]") {
  const model::Network n = TwoTierNetwork();
  Engine engine(n);
  const QueryResult r = Why(engine, "eni-app", "8.8.8.8", "tcp", "443");
  INFO(Dump(r));
  CHECK(r.verdict == Verdict::kReachable);
  REQUIRE(r.classes.size() == 1);
  const PacketClass& c = r.classes[0];
  CHECK(c.delivered_to == "internet");
  CHECK(PathMentions(c.forward, "rtb-main route 0.0.0.0/0 -> nat-a (longest match /0)"));
  CHECK(PathMentions(c.forward, "nat-a translates the source to 10.0.1.100"));
  CHECK(PathMentions(c.forward, "igw-a translates source 10.0.1.100 -> 52.0.0.100"));
  CHECK(PathMentions(c.reply, "igw-a translates destination 52.0.0.100 -> 10.0.1.100"));
  CHECK(PathMentions(c.reply, "nat-a translates the reply back to the original source"));
  CHECK(PathMentions(c.reply, "reply reaches eni-app"));
  // Unsolicited packets to the NAT's addresses are dropped.
  const QueryResult to_nat = Why(engine, "internet", "52.0.0.100", "tcp", "443");
  INFO(Dump(to_nat));
  CHECK(to_nat.verdict == Verdict::kUnreachable);
  for (const PacketClass& k : to_nat.classes) CHECK(Codes(k) == CodeSet{{"NO_POSSIBLE_DESTINATION", kFwd}});
}

TEST_CASE("a packet delivered without passing the gateway asked about is blocked there", "[engine]") {
  const model::Network n = TwoTierNetwork();
  Engine engine(n);
  // eni-web's subnet routes to the internet gateway: its packets never pass the NAT.
  const QueryResult r = Why(engine, "eni-web", "nat-a", "tcp", "443");
  INFO(Dump(r));
  CHECK(r.verdict == Verdict::kUnreachable);
  bool found = false;
  for (const PacketClass& c : r.classes) {
    for (const Blocker& b : c.blocked_by) {
      if (b.detail.find("without passing through") == std::string::npos) continue;
      found = true;
      CHECK(b.component == "nat-a");
      CHECK(b.code == "NO_POSSIBLE_DESTINATION");
      CHECK(b.detail == "delivered to the internet without passing through nat-a");
      CHECK_FALSE(b.where.pointer.empty());
    }
  }
  CHECK(found);
}

TEST_CASE("a gateway as the source: one note says the question has no packets", "[engine]") {
  const model::Network n = TwoTierNetwork();
  Engine engine(n);
  const QueryResult r = Why(engine, "nat-a", "internet");
  INFO(Dump(r));
  CHECK(r.classes.empty());
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes.front() == "nat-a is not a packet source: the question has no packets");
}

TEST_CASE("a NAT's remapped port must pass the return ACL for every port, a client's port splits",
          "[engine]") {
  testing::ModelBuilder b;
  TwoTier(b);
  b.Acl("acl-pub", "vpc-a")
      .Associate("subnet-pub")
      .InboundAll(100, testing::kAllow, "10.0.0.0/16")
      .Inbound(110, testing::kAllow, "tcp", 1024, 40000, "0.0.0.0/0")
      .OutboundAll(100, testing::kAllow);
  const model::Network n = b.Build();
  Engine engine(n);
  const QueryResult via_nat = Why(engine, "eni-app", "8.8.8.8", "tcp", "443");
  INFO(Dump(via_nat));
  CHECK(via_nat.verdict == Verdict::kUnreachable);
  REQUIRE(via_nat.classes.size() == 1);
  const PacketClass& blocked = via_nat.classes[0];
  CHECK(blocked.source_ports == net::EphemeralPorts());  // not split: the NAT picks the port
  CHECK(Codes(blocked) == CodeSet{{"SUBNET_ACL_RESTRICTION", kRet}});
  CHECK(blocked.blocked_by[0].component == "acl-pub");
  CHECK(blocked.blocked_by[0].direction == "ingress");
  CHECK(blocked.blocked_by[0].detail == "acl-pub inbound rule * denies all from 0.0.0.0/0");
  CHECK(blocked.delivered_to == "internet");

  const QueryResult direct = Why(engine, "eni-web", "8.8.8.8", "tcp", "443");
  INFO(Dump(direct));
  CHECK(direct.verdict == Verdict::kPartial);
  const PacketClass* low = ClassOf(direct, Eni(n, "eni-web"), "10.0.1.10", "8.8.8.8", net::kTcp, 40000, 443);
  const PacketClass* high = ClassOf(direct, Eni(n, "eni-web"), "10.0.1.10", "8.8.8.8", net::kTcp, 40001, 443);
  REQUIRE(low != nullptr);
  REQUIRE(high != nullptr);
  CHECK(low->reachable);
  CHECK(low->source_ports == net::PortSet::Range(1024, 40000));
  CHECK_FALSE(high->reachable);
  CHECK(high->source_ports == net::PortSet::Range(40001, 65535));
  CHECK(Codes(*high) == CodeSet{{"SUBNET_ACL_RESTRICTION", kRet}});
  CHECK(high->suggestion == "add an inbound rule allowing tcp/40001-65535 from 8.8.8.8/32 to acl-pub");
}

TEST_CASE("a missing return route over a peering blocks the return path", "[engine]") {
  testing::ModelBuilder b;
  TwoTier(b);
  b.Raw().route_tables.erase(b.Raw().route_tables.begin() + 2);  // rtb-b
  b.RouteTable("rtb-b", "vpc-b").Main();
  const model::Network n = b.Build();
  Engine engine(n);
  const QueryResult r = Why(engine, "eni-app", "eni-db", "tcp", "5432");
  INFO(Dump(r));
  CHECK(r.verdict == Verdict::kUnreachable);
  REQUIRE(r.classes.size() == 1);
  const PacketClass& c = r.classes[0];
  CHECK(c.delivered_to == "eni-db");
  CHECK(Codes(c) == CodeSet{{"NO_ROUTE_TO_DESTINATION", kRet}});
  CHECK(c.blocked_by[0].component == "rtb-b");
  CHECK(c.suggestion == "add a route 10.0.0.0/16 -> pcx-ab to rtb-b");
}

TEST_CASE("every blocker along the path is listed", "[engine]") {
  testing::ModelBuilder b;
  TwoTier(b);
  b.Raw().security_groups[1].egress.clear();  // sg-app: no egress rule
  b.Acl("acl-b", "vpc-b")
      .Associate("subnet-b")
      .Inbound(90, testing::kDeny, "tcp", 5432, 5432, "10.0.0.0/16")
      .InboundAll(100, testing::kAllow)
      .OutboundAll(100, testing::kAllow);
  const model::Network n = b.Build();
  Engine engine(n);
  const QueryResult r = Why(engine, "eni-app", "eni-db", "tcp", "5432");
  INFO(Dump(r));
  REQUIRE(r.classes.size() == 1);
  const PacketClass& c = r.classes[0];
  CHECK_FALSE(c.reachable);
  REQUIRE(c.blocked_by.size() == 2);
  CHECK(c.blocked_by[0].code == "ENI_SG_RULES_MISMATCH");
  CHECK(c.blocked_by[0].direction == "egress");
  CHECK(c.blocked_by[0].component == "sg-app");
  CHECK(c.blocked_by[1].code == "SUBNET_ACL_RESTRICTION");
  CHECK(c.blocked_by[1].detail == "acl-b inbound rule 90 denies tcp/5432 from 10.0.0.0/16");
  CHECK(c.suggestion.empty());  // two components: no single fix
  // The walk went on to the destination: its path names the peering and the ACL.
  CHECK(PathMentions(c.forward, "pcx-ab"));
}

TEST_CASE("a subnet without an explicit association uses the main route table", "[engine]") {
  const model::Network n = TwoTierNetwork();
  Engine engine(n);
  const QueryResult r = Why(engine, "subnet-priv", "1.1.1.1", "udp", "53");
  INFO(Dump(r));
  CHECK(r.verdict == Verdict::kReachable);
  REQUIRE(r.classes.size() == 1);
  CHECK(r.classes[0].source == "subnet-priv");
  CHECK(r.classes[0].source_interface == model::kNone);
  CHECK(r.classes[0].source_addresses == net::AddressSet::Of(testing::CidrOf("10.0.2.0/24")));
  CHECK(PathMentions(r.classes[0].forward, "rtb-main route 0.0.0.0/0 -> nat-a (longest match /0)"));
  CHECK_FALSE(PathMentions(r.classes[0].forward, "security-group"));
  CHECK(std::count_if(r.notes.begin(), r.notes.end(), [](const std::string& s) {
          return s.find("no security group") != std::string::npos;
        }) == 1);
}

TEST_CASE("an internet gateway needs a public source and a public destination", "[engine]") {
  testing::ModelBuilder b;
  TwoTier(b);
  b.Interface("eni-nopub", "subnet-pub", "10.0.1.50").Group("sg-web");
  const model::Network n = b.Build();
  Engine engine(n);
  const QueryResult nopub = Why(engine, "eni-nopub", "8.8.8.8", "tcp", "443");
  INFO(Dump(nopub));
  REQUIRE(nopub.classes.size() == 1);
  CHECK(Codes(nopub.classes[0]) == CodeSet{{"IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS", kFwd}});
  CHECK(nopub.classes[0].suggestion == "associate a public IP (or an Elastic IP) with eni-nopub");
  const QueryResult rfc1918 = Why(engine, "eni-web", "192.168.1.1", "tcp", "443");
  INFO(Dump(rfc1918));
  REQUIRE(rfc1918.classes.size() == 1);
  CHECK(Codes(rfc1918.classes[0]) == CodeSet{{"IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS", kFwd}});
  const QueryResult rfc6598 = Why(engine, "eni-web", "100.64.0.1", "tcp", "443");
  REQUIRE(rfc6598.classes.size() == 1);
  CHECK(Codes(rfc6598.classes[0]) == CodeSet{{"IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS", kFwd}});
  // Outside hosts with private or shared addresses do not come in.
  const QueryResult from_private = Why(engine, "10.99.0.0/16", "eni-web", "tcp", "443");
  INFO(Dump(from_private));
  REQUIRE(from_private.classes.size() == 1);
  // The reply to a private address cannot leave through the gateway either.
  CHECK(Codes(from_private.classes[0]) == CodeSet{{"IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS", kFwd},
                                                  {"IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS", kRet}});
  CHECK(from_private.classes[0].delivered_to == "eni-web");
  const QueryResult from_shared = Why(engine, "100.64.1.1", "54.0.0.10", "tcp", "443");
  REQUIRE(from_shared.classes.size() == 1);
  CHECK(Codes(from_shared.classes[0]) == CodeSet{{"IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS", kFwd},
                                                 {"IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS", kRet}});
  // An interface without a public address is asked about at its private one from outside.
  const QueryResult to_private = Why(engine, "internet", "eni-app", "tcp", "8080");
  INFO(Dump(to_private));
  REQUIRE(to_private.classes.size() == 1);
  CHECK(to_private.classes[0].destination == net::AddressSet::Of(testing::IpOf("10.0.2.20")));
  CHECK(Codes(to_private.classes[0]) == CodeSet{{"IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", kFwd}});
}

TEST_CASE("IPv6 leaves through an egress-only gateway, which admits no request from outside", "[engine]") {
  testing::ModelBuilder b;
  b.Vpc("vpc-6", "10.6.0.0/16").Ipv6("2600:1f18:6::/56");
  b.Subnet("subnet-6", "vpc-6", "10.6.1.0/24").Ipv6("2600:1f18:6:1::/64");
  b.EgressOnlyIgw("eigw-6", "vpc-6");
  b.RouteTable("rtb-6", "vpc-6").Main().Route("::/0", "eigw-6");
  b.SecurityGroup("sg-6", "vpc-6").IngressAll("::/0").EgressAll("::/0");
  b.Interface("eni-6", "subnet-6", "10.6.1.5").Ipv6("2600:1f18:6:1::5").Group("sg-6");
  const model::Network n = b.Build();
  Engine engine(n);
  const QueryResult out = Why(engine, "eni-6", "2001:db8::1", "tcp", "443");
  INFO(Dump(out));
  CHECK(out.verdict == Verdict::kReachable);
  REQUIRE(out.classes.size() == 1);
  CHECK(PathMentions(out.classes[0].forward, "eigw-6 forwards to the internet"));
  CHECK(PathMentions(out.classes[0].reply, "eigw-6 forwards into vpc-6"));
  const QueryResult in = Why(engine, "2001:db8::1", "eni-6", "tcp", "443");
  INFO(Dump(in));
  CHECK(in.verdict == Verdict::kUnreachable);
  REQUIRE(in.classes.size() == 1);
  CHECK(Codes(in.classes[0]) == CodeSet{{"IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", kFwd}});
  // IPv4: no egress rule and no route.
  const QueryResult v4 = Why(engine, "eni-6", "8.8.8.8", "tcp", "443");
  REQUIRE(v4.classes.size() == 1);
  CHECK(Codes(v4.classes[0]) == CodeSet{{"ENI_SG_RULES_MISMATCH", kFwd}, {"NO_ROUTE_TO_DESTINATION", kFwd}});
}

TEST_CASE("a reply comes back in through the egress-only gateway its request left by", "[engine]") {
  testing::ModelBuilder b;
  b.Vpc("vpc-6", "10.6.0.0/16").Ipv6("2600:1f18:6::/56");
  b.Subnet("subnet-6", "vpc-6", "10.6.1.0/24").Ipv6("2600:1f18:6:1::/64");
  b.EgressOnlyIgw("eigw-6", "vpc-6");
  b.RouteTable("rtb-6", "vpc-6").Main().Route("::/0", "eigw-6");
  b.Vpc("vpc-7", "10.7.0.0/16").Ipv6("2600:1f18:7::/56");
  b.Subnet("subnet-7", "vpc-7", "10.7.1.0/24").Ipv6("2600:1f18:7:1::/64");
  b.Igw("igw-7", "vpc-7");
  b.RouteTable("rtb-7", "vpc-7").Main().Route("::/0", "igw-7");
  b.SecurityGroup("sg-6", "vpc-6").EgressAll("::/0");
  b.SecurityGroup("sg-7", "vpc-7").IngressAll("::/0").EgressAll("::/0");
  b.Interface("eni-6", "subnet-6", "10.6.1.5").Ipv6("2600:1f18:6:1::5").Group("sg-6");
  b.Interface("eni-7", "subnet-7", "10.7.1.5").Ipv6("2600:1f18:7:1::5").Group("sg-7");
  const model::Network n = b.Build();
  Engine engine(n);
  const QueryResult r = Why(engine, "eni-6", "2600:1f18:7:1::5", "tcp", "443");
  INFO(Dump(r));
  CHECK(r.verdict == Verdict::kReachable);
  REQUIRE(r.classes.size() == 1);
  CHECK(PathMentions(r.classes[0].forward, "eigw-6 forwards to the internet"));
  CHECK(PathMentions(r.classes[0].forward, "igw-7 forwards into vpc-7"));
  CHECK(PathMentions(r.classes[0].reply, "igw-7 forwards to the internet"));
  CHECK(PathMentions(r.classes[0].reply, "eigw-6 forwards into vpc-6"));
  // The other way round the egress-only gateway admits nothing.
  const QueryResult back = Why(engine, "eni-7", "2600:1f18:6:1::5", "tcp", "443");
  REQUIRE(back.classes.size() == 1);
  CHECK(Codes(back.classes[0]) == CodeSet{{"IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", kFwd}});
}

TEST_CASE("prefix lists act as their CIDRs in routes and rules, unknown entries match nothing", "[engine]") {
  testing::ModelBuilder b;
  b.Vpc("vpc-1", "10.0.0.0/16");
  b.Subnet("subnet-1", "vpc-1", "10.0.1.0/24");
  b.Igw("igw-1", "vpc-1");
  b.PrefixList("pl-known", {"203.0.113.0/24", "198.51.100.0/25"});
  b.PrefixList("pl-unknown", {}).EntriesUnknown();
  b.RouteTable("rtb-1", "vpc-1").Main().Route("pl-known", "igw-1").Route("pl-unknown", "igw-1");
  b.SecurityGroup("sg-1", "vpc-1").Egress("tcp", 443, "pl-known").Egress("tcp", 80, "pl-unknown");
  b.Interface("eni-1", "subnet-1", "10.0.1.5").PublicIp("54.0.0.5").Group("sg-1");
  base::Diagnostics diagnostics;
  const model::Network n = b.Build(diagnostics);
  Engine engine(n);
  const QueryResult ok = Why(engine, "eni-1", "203.0.113.7", "tcp", "443");
  INFO(Dump(ok));
  CHECK(ok.verdict == Verdict::kReachable);
  REQUIRE(ok.classes.size() == 1);
  CHECK(PathMentions(ok.classes[0].forward,
                     "rtb-1 route pl-known -> igw-1 (longest match: an entry of pl-known)"));
  CHECK(PathMentions(ok.classes[0].forward, "egress allowed by sg-1 rule tcp/443 to pl-known"));
  const QueryResult half = Why(engine, "eni-1", "198.51.100.0/24", "tcp", "443");
  INFO(Dump(half));
  CHECK(half.verdict == Verdict::kPartial);  // the list holds the lower /25 only
  const QueryResult unknown = Why(engine, "eni-1", "192.0.2.1", "tcp", "80");
  INFO(Dump(unknown));
  REQUIRE(unknown.classes.size() == 1);
  CHECK(Codes(unknown.classes[0]) ==
        CodeSet{{"ENI_SG_RULES_MISMATCH", kFwd}, {"NO_ROUTE_TO_DESTINATION", kFwd}});
  CHECK(std::count_if(unknown.notes.begin(), unknown.notes.end(), [](const std::string& note) {
          return note.find("pl-unknown") != std::string::npos;
        }) == 2);
}

TEST_CASE("translated packets never match group references", "[engine]") {
  testing::ModelBuilder b;
  TwoTier(b);
  b.SecurityGroup("sg-web2", "vpc-a").Ingress("tcp", 8443, "sg-app").EgressAll();
  b.Raw().interfaces[0].group_ids = {"sg-web2"};  // eni-web
  const model::Network n = b.Build();
  Engine engine(n);
  const QueryResult direct = Why(engine, "eni-app", "10.0.1.10", "tcp", "8443");
  INFO(Dump(direct));
  CHECK(direct.verdict == Verdict::kReachable);
  const QueryResult via_nat = Why(engine, "eni-app", "54.0.0.10", "tcp", "8443");
  INFO(Dump(via_nat));
  REQUIRE(via_nat.classes.size() == 1);
  CHECK(Codes(via_nat.classes[0]) == CodeSet{{"ENI_SG_RULES_MISMATCH", kFwd}});
  CHECK(via_nat.classes[0].blocked_by[0].detail.find("SG_REFERENCES_NOT_PRESERVED") != std::string::npos);
  CHECK(via_nat.classes[0].suggestion == "add an inbound rule tcp/8443 from 52.0.0.100/32 to sg-web2");
}

TEST_CASE("a result's paths outlive the engine, rule and route hops included", "[engine]") {
  const model::Network n = TwoTierNetwork();
  std::optional<QueryResult> r;
  {
    Engine engine(n);
    r = Why(engine, "internet", "eni-web", "tcp", "443");
  }  // the engine and its compiled rules and routes are gone
  const PacketClass* https = ClassOf(*r, model::kNone, "8.8.8.8", "54.0.0.10", net::kTcp, 40000, 443);
  REQUIRE(https != nullptr);
  // Hops the walk made (the gateway's translation) and hops of the index (the rule, the route).
  CHECK(PathMentions(https->forward, "igw-a translates destination 54.0.0.10 -> 10.0.1.10"));
  CHECK(PathMentions(https->forward, "ingress allowed by sg-web rule tcp/443 from 0.0.0.0/0"));
  bool route = false;
  for (const Hop& hop : https->reply) route = route || hop.type == "route-table";
  CHECK(route);
}

}  // namespace reachcheck::analysis::testutil
