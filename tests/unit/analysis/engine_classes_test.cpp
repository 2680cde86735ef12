// SPDX-License-Identifier: Apache-2.0
// Packet classes: exact partitions of the question, fewest classes, their order, verdicts
// and membership (PacketClass::Contains).
#include <map>

#include "engine_networks.h"
#include "engine_test_util.h"

namespace reachcheck::analysis::testutil {
namespace {

std::string PathOf(const PacketClass& c) {
  std::string out = c.reachable ? "R|" : "U|";
  out += c.delivered_to + "|";
  for (const Hop& h : c.forward) out += h.detail + ";";
  out += "|";
  for (const Hop& h : c.reply) out += h.detail + ";";
  out += "|";
  for (const Blocker& b : c.blocked_by) out += b.code + b.detail + ";";
  return out;
}

net::AddressSet Set(std::initializer_list<const char*> cidrs) {
  net::AddressSet out;
  for (const char* c : cidrs) out = out.Union(net::AddressSet::Of(testing::CidrOf(c)));
  return out;
}

}  // namespace

TEST_CASE("0.0.0.0/0 is partitioned exactly, into the fewest classes", "[engine]") {
  testing::ModelBuilder b;
  TwoTier(b);
  const model::Network n = b.Build();
  Engine engine(n);
  const QueryResult r = Why(engine, "eni-app", "0.0.0.0/0", "tcp", "443");
  INFO(Dump(r));
  net::AddressSet covered;
  std::map<std::string, int> paths;
  for (const PacketClass& c : r.classes) {
    CHECK_FALSE(covered.Intersects(c.destination));
    covered = covered.Union(c.destination);
    CHECK(c.protocols == net::ProtocolSet::Single(net::kTcp));
    CHECK(c.ports == net::PortSet::Single(443));
    CHECK(c.source_ports == net::EphemeralPorts());
    ++paths[PathOf(c)];
  }
  CHECK(covered == net::AddressSet::AllV4());
  // Only the destination differs, so one class per path: nothing left to merge.
  for (const auto& [path, count] : paths) CHECK(count == 1);
  auto dest_of = [&](const char* delivered_to) {
    net::AddressSet out;
    for (const PacketClass& c : r.classes) {
      if (c.delivered_to == delivered_to) out = out.Union(c.destination);
    }
    return out;
  };
  // eni-web directly at its private address, and through the NAT and back in at its public one.
  CHECK(dest_of("eni-web") == Set({"10.0.1.10/32", "54.0.0.10/32"}));
  CHECK(dest_of("eni-db") == Set({"10.1.1.30/32"}));
  CHECK(dest_of("subnet-priv (no interface)") == Set({"10.0.2.0/24"}).Subtract(Set({"10.0.2.20/32"})));
  CHECK(dest_of("subnet-pub (no interface)") ==
        Set({"10.0.1.0/24"}).Subtract(Set({"10.0.1.10/32", "10.0.1.100/32"})));
  CHECK(dest_of("subnet-b (no interface)") == Set({"10.1.1.0/24"}).Subtract(Set({"10.1.1.30/32"})));
  CHECK(dest_of("internet") ==
        net::AddressSet::AllV4().Subtract(Set({"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
                                               "100.64.0.0/10", "52.0.0.100/32", "54.0.0.10/32"})));
  // Internet destinations first, then the peered VPC, then the source's own VPC.
  std::vector<int> order;
  for (const PacketClass& c : r.classes) {
    const net::IpAddress first = net::IpAddress::V4(c.destination.v4.Min());
    order.push_back(Set({"10.0.0.0/16"}).Contains(first) ? 2 : Set({"10.1.0.0/16"}).Contains(first) ? 1 : 0);
  }
  CHECK(std::is_sorted(order.begin(), order.end()));
  CHECK(r.verdict == Verdict::kPartial);
}

TEST_CASE("pieces that differ in one dimension merge back into one class", "[engine]") {
  testing::ModelBuilder b;
  b.Vpc("vpc-1", "10.0.0.0/16");
  b.Subnet("subnet-1", "vpc-1", "10.0.1.0/24");
  b.RouteTable("rtb-1", "vpc-1").Main();
  // Two rules that together admit tcp/80-90 from the VPC.
  b.SecurityGroup("sg-1", "vpc-1")
      .Ingress("tcp", 80, 85, "10.0.0.0/16")
      .Ingress("tcp", 86, 90, "10.0.0.0/16")
      .EgressAll();
  b.Interface("eni-1", "subnet-1", "10.0.1.5").Group("sg-1");
  b.Interface("eni-2", "subnet-1", "10.0.1.6").Group("sg-1");
  const model::Network n = b.Build();
  Engine engine(n);
  const QueryResult r = Why(engine, "eni-1", "eni-2", "tcp");
  INFO(Dump(r));
  // Each admitting rule is its own path (the hop names the rule); the rest is one class.
  REQUIRE(r.classes.size() == 3);
  int blocked = 0;
  for (const PacketClass& c : r.classes) {
    if (!c.reachable) {
      ++blocked;
      CHECK(c.ports == net::PortSet::Range(0, 79).Union(net::PortSet::Range(91, 65535)));
    }
  }
  CHECK(blocked == 1);
}

TEST_CASE("Contains: source ports only for TCP and UDP, ports only where they mean something", "[engine]") {
  PacketClass c;
  c.source_interface = 7;
  c.source_addresses = net::AddressSet::Of(testing::CidrOf("10.0.1.0/24"));
  c.destination = net::AddressSet::Of(testing::CidrOf("0.0.0.0/0"));
  c.protocols = net::ProtocolSet::Single(net::kTcp)
                    .Union(net::ProtocolSet::Single(net::kIcmp))
                    .Union(net::ProtocolSet::Single(47));
  c.ports = net::PortSet::Single(443);
  c.source_ports = net::EphemeralPorts();
  const net::IpAddress s = testing::IpOf("10.0.1.5");
  const net::IpAddress d = testing::IpOf("8.8.8.8");
  CHECK(c.Contains(7, s, d, net::kTcp, 40000, 443));
  CHECK_FALSE(c.Contains(7, s, d, net::kTcp, 80, 443));     // source port outside
  CHECK_FALSE(c.Contains(7, s, d, net::kTcp, 40000, 80));   // destination port outside
  CHECK_FALSE(c.Contains(8, s, d, net::kTcp, 40000, 443));  // another sender
  CHECK_FALSE(c.Contains(model::kNone, s, d, net::kTcp, 40000, 443));
  CHECK_FALSE(c.Contains(7, testing::IpOf("10.0.2.5"), d, net::kTcp, 40000, 443));
  CHECK_FALSE(c.Contains(7, s, d, net::kUdp, 40000, 443));
  CHECK(c.Contains(7, s, d, net::kIcmp, 0, 443));  // ICMP: no source port
  CHECK_FALSE(c.Contains(7, s, d, net::kIcmp, 0, 2048));
  CHECK(c.Contains(7, s, d, 47, 0, 0));  // GRE: no ports at all
  CHECK(std::string(VerdictName(Verdict::kReachable)) == "reachable");
  CHECK(std::string(VerdictName(Verdict::kUnreachable)) == "unreachable");
  CHECK(std::string(VerdictName(Verdict::kPartial)) == "partial");
}

TEST_CASE("ICMP echo gets an echo reply through the return ACL, other ICMP needs no reply", "[engine]") {
  testing::ModelBuilder b;
  b.Vpc("vpc-1", "10.0.0.0/16");
  b.Subnet("subnet-1", "vpc-1", "10.0.1.0/24");
  b.Subnet("subnet-2", "vpc-1", "10.0.2.0/24");
  b.RouteTable("rtb-1", "vpc-1").Main();
  b.SecurityGroup("sg-1", "vpc-1").IngressAll("0.0.0.0/0").EgressAll();
  b.Acl("acl-2", "vpc-1")
      .Associate("subnet-2")
      .InboundAll(100, testing::kAllow)
      .Outbound(100, testing::kAllow, "icmp", 0, 0, "0.0.0.0/0");  // echo reply, code 0 only
  b.Interface("eni-1", "subnet-1", "10.0.1.5").Group("sg-1");
  b.Interface("eni-2", "subnet-2", "10.0.2.5").Group("sg-1");
  const model::Network n = b.Build();
  Engine engine(n);
  const QueryResult r = Why(engine, "eni-1", "eni-2", "icmp");
  INFO(Dump(r));
  const model::Handle e1 = Eni(n, "eni-1");
  const PacketClass* echo0 = ClassOf(r, e1, "10.0.1.5", "10.0.2.5", net::kIcmp, 0, 8 * 256);
  const PacketClass* echo1 = ClassOf(r, e1, "10.0.1.5", "10.0.2.5", net::kIcmp, 0, 8 * 256 + 1);
  const PacketClass* unreachable_msg = ClassOf(r, e1, "10.0.1.5", "10.0.2.5", net::kIcmp, 0, 3 * 256 + 4);
  REQUIRE(echo0 != nullptr);
  REQUIRE(echo1 != nullptr);
  REQUIRE(unreachable_msg != nullptr);
  CHECK(echo0->reachable);
  CHECK_FALSE(echo1->reachable);
  CHECK(Codes(*echo1) == CodeSet{{"SUBNET_ACL_RESTRICTION", kRet}});
  CHECK(unreachable_msg->reachable);
  CHECK(PathMentions(unreachable_msg->reply, "this ICMP message has no reply"));
}

TEST_CASE("destinations matched by different entries of one prefix-list route share one class", "[engine]") {
  testing::ModelBuilder b;
  b.Vpc("vpc-1", "10.0.0.0/16");
  b.Subnet("subnet-1", "vpc-1", "10.0.1.0/24");
  b.Igw("igw-1", "vpc-1");
  b.PrefixList("pl-1", {"203.0.113.0/24", "198.51.100.0/25", "192.0.2.0/26"});
  b.RouteTable("rtb-1", "vpc-1").Main().Route("pl-1", "igw-1");
  b.SecurityGroup("sg-1", "vpc-1").EgressAll();
  b.Interface("eni-1", "subnet-1", "10.0.1.5").PublicIp("54.0.0.5").Group("sg-1");
  const model::Network n = b.Build();
  Engine engine(n);
  const QueryResult r = Why(engine, "eni-1", "0.0.0.0/0", "tcp", "443");
  INFO(Dump(r));
  std::vector<const PacketClass*> through_list;
  for (const PacketClass& c : r.classes) {
    if (PathMentions(c.forward, "rtb-1 route pl-1 -> igw-1 (longest match: an entry of pl-1)")) {
      through_list.push_back(&c);
    }
  }
  REQUIRE(through_list.size() == 1);
  CHECK(through_list.front()->reachable);
  CHECK(through_list.front()->destination == Set({"203.0.113.0/24", "198.51.100.0/25", "192.0.2.0/26"}));
  std::map<std::string, int> paths;
  for (const PacketClass& c : r.classes) ++paths[PathOf(c)];
  for (const auto& [path, count] : paths) CHECK(count == 1);
}

TEST_CASE("IPv4 answers have no ICMPv6 classes and IPv6 answers no ICMP classes", "[engine]") {
  testing::ModelBuilder b;
  b.Vpc("vpc-1", "10.0.0.0/16");
  b.Subnet("subnet-1", "vpc-1", "10.0.1.0/24");
  b.RouteTable("rtb-1", "vpc-1").Main();
  b.SecurityGroup("sg-1", "vpc-1").IngressAll("0.0.0.0/0").EgressAll();
  b.Interface("eni-1", "subnet-1", "10.0.1.5").Group("sg-1");
  b.Interface("eni-2", "subnet-1", "10.0.1.6").Group("sg-1");
  const model::Network n = b.Build();
  Engine engine(n);
  const QueryResult r = Why(engine, "eni-1", "eni-2");
  INFO(Dump(r));
  const model::Handle e1 = Eni(n, "eni-1");
  const net::IpAddress s = testing::IpOf("10.0.1.5");
  const net::IpAddress d = testing::IpOf("10.0.1.6");
  for (const PacketClass& c : r.classes) {
    CHECK(c.reachable);
    CHECK_FALSE(c.Contains(e1, s, d, net::kIcmpv6, 0, 128 * 256));  // no IPv4 packet is ICMPv6
    CHECK_FALSE(c.Contains(e1, s, d, net::kIcmpv6, 0, 1 * 256));
  }
  // Everything passes: ICMP echo (which has a reply) and the rest (which has none or is
  // answered on the request's ports) are the only ways the path differs.
  REQUIRE(r.classes.size() == 3);
  const PacketClass* tcp = ClassOf(r, e1, "10.0.1.5", "10.0.1.6", net::kTcp, 40000, 443);
  REQUIRE(tcp != nullptr);
  CHECK(tcp->protocols == net::ProtocolSet::All().Subtract(net::ProtocolSet::Single(net::kIcmp)));
}

}  // namespace reachcheck::analysis::testutil
