// SPDX-License-Identifier: Apache-2.0
// `why` questions on four public corpus networks (Batfish's test-public-subnet, test-nat-gateway
// and test-vpc-peering, and pybatfish's hybrid-cloud notebook network), each answered first by
// reading the describe-* JSON against AWS's documented behaviour (docs/reachability-semantics.md).
// The comment above each test names the JSON facts the expected answer follows from.
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>

#include "reachcheck/ingest/load.h"
#include "support/support_paths.h"
#include "unit/analysis/engine_test_util.h"

namespace reachcheck::analysis::testutil {
namespace why_corpus {

const std::string kAws = "batfish/projects/batfish/src/test/resources/org/batfish/representation/aws/";
const std::string kPublicSubnet = kAws + "test-public-subnet";
const std::string kNatGateway = kAws + "test-nat-gateway";
const std::string kPeering = kAws + "test-vpc-peering";
const std::string kHybridCloud = "pybatfish/jupyter_notebooks/networks/hybrid-cloud";

struct LoadedSnapshot {
  model::Network network;
  std::unique_ptr<Engine> engine;
};

/// The engine over one corpus snapshot, loaded once per run.
const Engine& EngineFor(const std::string& snapshot) {
  static std::map<std::string, std::unique_ptr<LoadedSnapshot>> cache;
  std::unique_ptr<LoadedSnapshot>& slot = cache[snapshot];
  if (!slot) {
    base::Diagnostics diagnostics;
    auto loaded = std::make_unique<LoadedSnapshot>();
    loaded->network = ingest::LoadSnapshot({reachcheck::testing::CorpusDir() + "/" + snapshot}, diagnostics);
    REQUIRE_FALSE(diagnostics.HasErrors());
    loaded->engine = std::make_unique<Engine>(loaded->network);
    slot = std::move(loaded);
  }
  return *slot->engine;
}

/// The only class of a question with one source address, one destination and one port.
const PacketClass& Only(const QueryResult& r) {
  INFO(Dump(r));
  REQUIRE(r.classes.size() == 1);
  return r.classes.front();
}

/// Whether some hop of `component` has a detail mentioning every one of `texts`.
bool HopSays(const Path& hops, std::string_view component,
             std::initializer_list<std::string_view> texts) {
  for (const Hop& h : hops) {
    if (h.component != component) continue;
    bool all = true;
    for (std::string_view text : texts) all = all && h.detail.find(text) != std::string::npos;
    if (all) return true;
  }
  return false;
}

bool Mentions(const PacketClass& c, std::string_view text) {
  return PathMentions(c.forward, text) || PathMentions(c.reply, text);
}

/// The blockers of a class as (component, code, return_path).
std::set<std::tuple<std::string, std::string, bool>> BlockersOf(const PacketClass& c) {
  std::set<std::tuple<std::string, std::string, bool>> out;
  for (const Blocker& b : c.blocked_by) out.insert({b.component, b.code, b.return_path});
  return out;
}

using BlockerSet = std::set<std::tuple<std::string, std::string, bool>>;

/// Whether a class's sources lie in 203.0.113.0/24, the hybrid-cloud network's on-premises range.
bool FromOnPremRange(const PacketClass& c) {
  const bool first = c.source_addresses.Contains(reachcheck::testing::IpOf("203.0.113.0"));
  const bool last = c.source_addresses.Contains(reachcheck::testing::IpOf("203.0.113.255"));
  INFO("class from " << c.source_addresses.ToString());
  CHECK(first == last);
  return first;
}

/// How many classes of a question from `internet` hold sources of 203.0.113.0/24.
int OnPremReplyClasses(const QueryResult& r) {
  int n = 0;
  for (const PacketClass& c : r.classes) n += FromOnPremRange(c) ? 1 : 0;
  return n;
}

}  // namespace why_corpus

using namespace why_corpus;

// ---------------------------------------------------------------------------------------------
// test-public-subnet (AWS "VPC with a single public subnet"): vpc-0672bce73895d7252 10.0.0.0/16,
// one subnet subnet-0bb82ae8b3ea5dc78 10.0.0.0/24 explicitly associated with rtb-0489000c9e6c299e8
// (10.0.0.0/16 local, 0.0.0.0/0 -> igw-0a409e562d251f766, which InternetGateways.json shows
// attached to the VPC), ACL acl-0d9449710ec85473c allowing everything both ways (rule 100).
// One running instance i-06669a407b2ef3ae5 / eni-00064850627e198ee, private 10.0.0.91, public IP
// 18.216.80.133, group launch-wizard-1 sg-09ccba6656672061b: inbound tcp/22 from 0.0.0.0/0 only,
// outbound all to 0.0.0.0/0.
constexpr const char* kPsInstance = "i-06669a407b2ef3ae5";
constexpr const char* kPsEni = "eni-00064850627e198ee";
constexpr const char* kPsEniGroup = "sg-09ccba6656672061b";
constexpr const char* kPsIgw = "igw-0a409e562d251f766";

// Egress allowed by launch-wizard-1 (all to 0.0.0.0/0) and rule 100 of the ACL; the default route
// goes to the attached IGW, which (AWS: "Enable internet access") translates the private address
// 10.0.0.91 to the instance's public IP 18.216.80.133. The reply returns through the same IGW.
TEST_CASE("corpus why: the public-subnet instance reaches the internet as its public IP", "[why][corpus]") {
  const QueryResult r = Why(EngineFor(kPublicSubnet), kPsInstance, "8.8.8.8", "tcp", "443");
  const PacketClass& c = Only(r);
  INFO(Dump(r));
  CHECK(r.verdict == Verdict::kReachable);
  CHECK(c.delivered_to == "internet");
  CHECK(HopSays(c.forward, kPsIgw, {"10.0.0.91", "18.216.80.133"}));
  CHECK(PathMentions(c.reply, kPsIgw));
}

// From outside, an instance is addressed at its public IP (18.216.80.133): the IGW maps it to
// 10.0.0.91, the ACL admits all inbound, launch-wizard-1 admits tcp/22 from 0.0.0.0/0, and the
// reply leaves through the same IGW (security groups are stateful; ACL egress rule 100).
TEST_CASE("corpus why: the internet reaches the public-subnet instance on ssh", "[why][corpus]") {
  const QueryResult r = Why(EngineFor(kPublicSubnet), "internet", kPsInstance, "tcp", "22");
  INFO(Dump(r));
  CHECK(r.verdict == Verdict::kReachable);
  REQUIRE_FALSE(r.classes.empty());
  for (const PacketClass& c : r.classes) {
    CHECK(c.destination.Contains(reachcheck::testing::IpOf("18.216.80.133")));
    CHECK(c.delivered_to == kPsEni);
    CHECK(HopSays(c.forward, kPsIgw, {"18.216.80.133", "10.0.0.91"}));
  }
}

// launch-wizard-1 has no inbound rule for tcp/443, and the instance carries no other group: the
// packet gets through the IGW and the ACL and is refused by the interface's groups.
TEST_CASE("corpus why: the public-subnet instance refuses https from the internet", "[why][corpus]") {
  const QueryResult r = Why(EngineFor(kPublicSubnet), "internet", kPsInstance, "tcp", "443");
  INFO(Dump(r));
  CHECK(r.verdict == Verdict::kUnreachable);
  REQUIRE_FALSE(r.classes.empty());
  for (const PacketClass& c : r.classes) {
    CHECK(BlockersOf(c) == BlockerSet{{kPsEniGroup, "ENI_SG_RULES_MISMATCH", false}});
    CHECK(PathMentions(c.forward, kPsIgw));
  }
}

// 10.0.0.91 is an RFC 1918 address: nothing on the internet can address it, only the public IP
// is routed to the VPC's IGW.
TEST_CASE("corpus why: the instance's private address is not reachable from outside", "[why][corpus]") {
  const QueryResult r = Why(EngineFor(kPublicSubnet), "198.51.100.7", "10.0.0.91", "tcp", "22");
  const PacketClass& c = Only(r);
  INFO(Dump(r));
  CHECK_FALSE(c.reachable);
  CHECK(Codes(c) == CodeSet{{"IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", kFwd}});
}

// 172.16.5.5 is outside the VPC, so the 0.0.0.0/0 route sends it to the IGW, which does not
// forward RFC 1918 destinations to the internet.
TEST_CASE("corpus why: a private destination outside the VPC dies at the IGW", "[why][corpus]") {
  const QueryResult r = Why(EngineFor(kPublicSubnet), kPsInstance, "172.16.5.5", "tcp", "443");
  const PacketClass& c = Only(r);
  INFO(Dump(r));
  CHECK_FALSE(c.reachable);
  CHECK(BlockersOf(c) == BlockerSet{{kPsIgw, "IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS", false}});
}

// ---------------------------------------------------------------------------------------------
// test-nat-gateway: vpc-0008a7b45e3ddf1dd 10.1.0.0/16 with
//  - Public Subnet subnet-0428892a357fa1f94 10.1.250.0/24, rtb-0ddf14681733ed0b7: 0.0.0.0/0 ->
//    igw-071753b9c23d8a9b2 (attached); ACL acl-0792adae678b88f85: inbound 100 icmp from
//    10.1.1.0/24, 200 all from 0.0.0.0/0; outbound all. Holds the bastion i-0b31b509174d7f5de
//    (10.1.250.116, public 18.216.129.140) and nat-07ab4846da51f4612 (available, private
//    10.1.250.210, Elastic IP 3.135.127.225).
//  - Subnet 1 subnet-06f469bcee42e408e 10.1.1.0/24, rtb-02fe228b42de92a7c: 0.0.0.0/0 -> the NAT;
//    i-0a128d26e59be60f3 (10.1.1.98, no public IP).
//  - Subnet 20 subnet-02ff259e663e9613e 10.1.20.0/24, no association -> main rtb-0e169c4a1e0b27b55
//    (local only); i-0a73a1a6021c03ddb (10.1.20.173).
// Subnets 1 and 20 use the default ACL acl-0380e24eb934b075e (all allowed). All three instances
// carry sg-0253af84ae6485905: inbound tcp/22 from 0.0.0.0/0 and icmp type 8 code 0 (FromPort 8,
// ToPort 0) from 0.0.0.0/0; outbound all.
constexpr const char* kBastion = "i-0b31b509174d7f5de";
constexpr const char* kBastionEni = "eni-068fb5a0a9a57f23c";
constexpr const char* kPrivate1 = "i-0a128d26e59be60f3";
constexpr const char* kPrivate1Eni = "eni-0e4ce6a7777b9bff8";
constexpr const char* kNatVpcGroup = "sg-0253af84ae6485905";  ///< the bastion's and private-1's group
constexpr const char* kPrivate20 = "i-0a73a1a6021c03ddb";
constexpr const char* kNat = "nat-07ab4846da51f4612";
constexpr const char* kNatIgw = "igw-071753b9c23d8a9b2";
constexpr const char* kPublicAcl = "acl-0792adae678b88f85";

// Subnet 1's default route goes to the NAT (in the VPC, state available). The NAT's subnet ACL
// admits tcp from 10.1.1.98 by rule 200 (rule 100 is icmp only); the NAT rewrites the source to
// 10.1.250.210 and the public subnet's default route hands it to the IGW, which translates it to
// the NAT's Elastic IP 3.135.127.225 (AWS NAT gateway docs: a public NAT gateway replaces the
// instances' source address with its own, which the IGW maps to its Elastic IP). Replies come back
// the same way: IGW -> NAT (ACL rule 200) -> Subnet 1 (default ACL).
TEST_CASE("corpus why: the private instance reaches the internet through the NAT gateway", "[why][corpus]") {
  const QueryResult r = Why(EngineFor(kNatGateway), kPrivate1, "8.8.8.8", "tcp", "443");
  const PacketClass& c = Only(r);
  INFO(Dump(r));
  CHECK(r.verdict == Verdict::kReachable);
  CHECK(c.delivered_to == "internet");
  CHECK(HopSays(c.forward, kPublicAcl, {"inbound rule 200"}));
  CHECK(HopSays(c.forward, kNat, {"10.1.250.210"}));
  CHECK(HopSays(c.forward, kNatIgw, {"10.1.250.210", "3.135.127.225"}));
  CHECK(PathMentions(c.reply, kNat));
}

// The bastion's own subnet routes 0.0.0.0/0 straight to the IGW: it leaves as its public IP
// 18.216.129.140 and never touches the NAT.
TEST_CASE("corpus why: the bastion reaches the internet through the IGW, not the NAT", "[why][corpus]") {
  const QueryResult r = Why(EngineFor(kNatGateway), kBastion, "8.8.8.8", "tcp", "443");
  const PacketClass& c = Only(r);
  INFO(Dump(r));
  CHECK(r.verdict == Verdict::kReachable);
  CHECK(HopSays(c.forward, kNatIgw, {"10.1.250.116", "18.216.129.140"}));
  CHECK_FALSE(Mentions(c, kNat));
}

// Subnet 20 has no explicit association, so it uses the main table rtb-0e169c4a1e0b27b55, whose
// only route is 10.1.0.0/16 local: no route for 8.8.8.8 (the NAT serves Subnet 1's table only).
TEST_CASE("corpus why: the subnet on the main table has no route out", "[why][corpus]") {
  const QueryResult r = Why(EngineFor(kNatGateway), kPrivate20, "8.8.8.8", "tcp", "443");
  const PacketClass& c = Only(r);
  INFO(Dump(r));
  CHECK_FALSE(c.reachable);
  CHECK(BlockersOf(c) == BlockerSet{{"rtb-0e169c4a1e0b27b55", "NO_ROUTE_TO_DESTINATION", false}});
}

// i-0a128d26e59be60f3 has no public IP (Association null), so from outside it is asked about at
// its private address, which the internet cannot reach; a NAT gateway admits no unsolicited
// inbound connection either: a packet to the NAT's Elastic IP is dropped.
TEST_CASE("corpus why: nothing from outside reaches the private instance or the NAT", "[why][corpus]") {
  const QueryResult r = Why(EngineFor(kNatGateway), "internet", kPrivate1, "tcp", "22");
  INFO(Dump(r));
  CHECK(r.verdict == Verdict::kUnreachable);
  REQUIRE_FALSE(r.classes.empty());
  for (const PacketClass& c : r.classes) {
    CHECK(Codes(c) == CodeSet{{"IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", kFwd}});
  }
  const QueryResult nat = Why(EngineFor(kNatGateway), "198.51.100.7", "3.135.127.225", "tcp", "22");
  const PacketClass& c = Only(nat);
  INFO(Dump(nat));
  CHECK_FALSE(c.reachable);
  CHECK(Codes(c) == CodeSet{{"NO_POSSIBLE_DESTINATION", kFwd}});
}

// Inside the VPC the local route carries bastion -> 10.1.1.98; the default ACL admits it and the
// group admits tcp/22 and icmp echo (type 8 code 0, port 8*256+0 = 2048) from 0.0.0.0/0. The
// replies enter the public subnet through acl-0792adae678b88f85: icmp by rule 100 (source in
// 10.1.1.0/24), tcp by rule 200. tcp/443 has no inbound rule: the private instance's groups
// refuse it.
TEST_CASE("corpus why: the bastion reaches the private instance on ssh and ping only", "[why][corpus]") {
  const Engine& engine = EngineFor(kNatGateway);
  const QueryResult ssh = Why(engine, kBastion, kPrivate1, "tcp", "22");
  INFO(Dump(ssh));
  CHECK(ssh.verdict == Verdict::kReachable);
  CHECK(Only(ssh).delivered_to == kPrivate1Eni);
  CHECK(HopSays(Only(ssh).reply, kPublicAcl, {"inbound rule 200"}));
  const QueryResult ping = Why(engine, kBastion, kPrivate1, "icmp", "2048");
  INFO(Dump(ping));
  CHECK(ping.verdict == Verdict::kReachable);
  CHECK(HopSays(Only(ping).reply, kPublicAcl, {"inbound rule 100"}));
  const QueryResult https = Why(engine, kBastion, kPrivate1, "tcp", "443");
  const PacketClass& c = Only(https);
  INFO(Dump(https));
  CHECK_FALSE(c.reachable);
  CHECK(BlockersOf(c) == BlockerSet{{kNatVpcGroup, "ENI_SG_RULES_MISMATCH", false}});
}

// The group's icmp rule is FromPort 8 / ToPort 0, which for ICMP the EC2 API defines as type and
// code: echo request (type 8) with code 0 only. From
// the internet the bastion is pingable at 18.216.129.140 (ACL rule 200 admits it; rule 100's
// 10.1.1.0/24 does not match an outside source), but a destination-unreachable message (type 3
// code 0, port 768) matches no inbound rule.
TEST_CASE("corpus why: the bastion answers echo requests from the internet, nothing else icmp",
          "[why][corpus]") {
  const Engine& engine = EngineFor(kNatGateway);
  const QueryResult echo = Why(engine, "internet", kBastion, "icmp", "2048");
  INFO(Dump(echo));
  CHECK(echo.verdict == Verdict::kReachable);
  for (const PacketClass& c : echo.classes) {
    CHECK(c.destination.Contains(reachcheck::testing::IpOf("18.216.129.140")));
  }
  const QueryResult unreachable = Why(engine, "internet", kBastion, "icmp", "768");
  INFO(Dump(unreachable));
  CHECK(unreachable.verdict == Verdict::kUnreachable);
  REQUIRE_FALSE(unreachable.classes.empty());
  for (const PacketClass& c : unreachable.classes) {
    CHECK(BlockersOf(c) == BlockerSet{{kNatVpcGroup, "ENI_SG_RULES_MISMATCH", false}});
  }
}

// ---------------------------------------------------------------------------------------------
// test-vpc-peering: VPC A vpc-0404e08ceddf7f650 10.10.0.0/16, VPC B vpc-00a31ce9d0c06675c and
// VPC C vpc-09095dbf2886404ee, both 192.168.0.0/16. Active peerings pcx-0b89b559e3319d6cf (A-B)
// and pcx-0d5b836985ac8ca8c (A-C). Main tables (no explicit associations):
//  - A rtb-0891861fffaea6d52: 192.168.1.0/24 -> pcx A-B, 192.168.2.0/24 -> pcx A-C, local.
//  - B rtb-017c36290c9baf017: local, 10.10.0.0/16 -> pcx A-B, 0.0.0.0/0 -> igw-0a2c9ae201b441bff
//    in state blackhole (no IGW in the snapshot).
//  - C rtb-0890ea815555d4457: local, 10.10.0.0/16 -> pcx A-C.
// All ACLs allow everything. Instances: A i-06ba034d88c84ef07 10.10.10.157 (launch-wizard-2),
// B i-0b14080af811fda3d 192.168.1.106 (launch-wizard-1), C i-04a292ff83b3aa833 192.168.2.229
// (launch-wizard-3); each group admits tcp/22 from 0.0.0.0/0 and sends all out. No public IPs.
constexpr const char* kInstA = "i-06ba034d88c84ef07";
constexpr const char* kInstB = "i-0b14080af811fda3d";
constexpr const char* kEniB = "eni-0024c0af5aa1387e5";
constexpr const char* kEniBGroup = "sg-065c26b39e45ae384";
constexpr const char* kInstC = "i-04a292ff83b3aa833";
constexpr const char* kEniC = "eni-06347554b65539ff3";
constexpr const char* kPcxAB = "pcx-0b89b559e3319d6cf";
constexpr const char* kPcxAC = "pcx-0d5b836985ac8ca8c";

// A's /24 routes pick the right peering for each of the two VPCs that share 192.168.0.0/16, and
// each peer's 10.10.0.0/16 route brings the reply back over the same peering. Over a peering the
// private addresses are used (AWS VPC peering guide); launch-wizard-1/-3 admit tcp/22.
TEST_CASE("corpus why: VPC A reaches B and C on ssh, each over its own peering", "[why][corpus]") {
  const Engine& engine = EngineFor(kPeering);
  const QueryResult to_b = Why(engine, kInstA, kInstB, "tcp", "22");
  const PacketClass& b = Only(to_b);
  INFO(Dump(to_b));
  CHECK(to_b.verdict == Verdict::kReachable);
  CHECK(b.delivered_to == kEniB);
  CHECK(PathMentions(b.forward, kPcxAB));
  CHECK(PathMentions(b.reply, kPcxAB));
  CHECK_FALSE(Mentions(b, kPcxAC));

  const QueryResult to_c = Why(engine, kInstA, kInstC, "tcp", "22");
  const PacketClass& c = Only(to_c);
  INFO(Dump(to_c));
  CHECK(to_c.verdict == Verdict::kReachable);
  CHECK(c.delivered_to == kEniC);
  CHECK(PathMentions(c.forward, kPcxAC));
  CHECK(PathMentions(c.reply, kPcxAC));
  CHECK_FALSE(Mentions(c, kPcxAB));
}

// B's 10.10.0.0/16 route sends ssh to A over pcx A-B; launch-wizard-2 admits tcp/22; A's reply
// to 192.168.1.106 takes A's 192.168.1.0/24 route, the same peering.
TEST_CASE("corpus why: VPC B reaches A on ssh over the peering", "[why][corpus]") {
  const QueryResult r = Why(EngineFor(kPeering), kInstB, kInstA, "tcp", "22");
  const PacketClass& c = Only(r);
  INFO(Dump(r));
  CHECK(r.verdict == Verdict::kReachable);
  CHECK(PathMentions(c.forward, kPcxAB));
  CHECK(PathMentions(c.reply, kPcxAB));
}

// The peering carries the packet (routes and ACLs allow it) but launch-wizard-1 on B admits only
// tcp/22: tcp/443 is refused at B's interface.
TEST_CASE("corpus why: across the peering a port the group does not open is refused", "[why][corpus]") {
  const QueryResult r = Why(EngineFor(kPeering), kInstA, kInstB, "tcp", "443");
  const PacketClass& c = Only(r);
  INFO(Dump(r));
  CHECK_FALSE(c.reachable);
  CHECK(PathMentions(c.forward, kPcxAB));
  CHECK(BlockersOf(c) == BlockerSet{{kEniBGroup, "ENI_SG_RULES_MISMATCH", false}});
}

// Peering is not transitive (AWS VPC peering guide: B cannot reach C through A), and B and C share
// 192.168.0.0/16 anyway: from B, C's 192.168.2.229 matches B's own local route, and B has no
// subnet holding it.
TEST_CASE("corpus why: B does not reach C (no transitive peering, overlapping CIDRs)", "[why][corpus]") {
  const QueryResult r = Why(EngineFor(kPeering), kInstB, kInstC, "tcp", "22");
  const PacketClass& c = Only(r);
  INFO(Dump(r));
  CHECK_FALSE(c.reachable);
  CHECK(Codes(c) == CodeSet{{"NO_POSSIBLE_DESTINATION", kFwd}});
  CHECK_FALSE(Mentions(c, kPcxAB));
}

// A's table has routes only for 192.168.1.0/24, 192.168.2.0/24 and 10.10.0.0/16: 192.168.3.10
// (inside B's and C's VPC range but in neither peered /24) has no route.
TEST_CASE("corpus why: A has no route to the rest of 192.168.0.0/16", "[why][corpus]") {
  const QueryResult r = Why(EngineFor(kPeering), kInstA, "192.168.3.10", "tcp", "22");
  const PacketClass& c = Only(r);
  INFO(Dump(r));
  CHECK_FALSE(c.reachable);
  CHECK(BlockersOf(c) == BlockerSet{{"rtb-0891861fffaea6d52", "NO_ROUTE_TO_DESTINATION", false}});
}

// B's default route points at igw-0a2c9ae201b441bff in state blackhole: traffic to the internet
// is dropped there.
TEST_CASE("corpus why: B's default route is a blackhole", "[why][corpus]") {
  const QueryResult r = Why(EngineFor(kPeering), kInstB, "8.8.8.8", "tcp", "443");
  const PacketClass& c = Only(r);
  INFO(Dump(r));
  CHECK_FALSE(c.reachable);
  CHECK(Codes(c) == CodeSet{{"BAD_STATE_ROUTE", kFwd}});
}

// ---------------------------------------------------------------------------------------------
// pybatfish hybrid-cloud (aws_configs/us-east-2 and us-west-2):
//  - us-east-2 vpc-1 vpc-0574d08f8d05917e4 10.20.0.0/16, main rtb-0aa3f1bdeb6d18dd3: local,
//    203.0.113.0/24 and 10.30.0.0/16 -> tgw-06b348adabd13452d, 0.0.0.0/0 -> igw-02fd68f94367a67c7
//    (attached). i-01602d9efaed4409a 10.20.1.207, public 13.59.144.125, launch-wizard-1
//    sg-0e37fc2ef01c89369: inbound tcp/22 and tcp/3306 from 0.0.0.0/0.
//  - us-east-2 vpc-2 vpc-0276455718806058a 10.30.0.0/16, main rtb-06227a9df13216f67: local,
//    203.0.113.0/24 and 10.20.0.0/16 -> the TGW, no default route, no IGW.
//    i-04cd3db5124a05ee6 10.30.1.166, no public IP, tcp/22 from 0.0.0.0/0.
//  - us-west-2 vpc-3 vpc-00b65e98077106059 10.40.0.0/16, main rtb-068db527ab264f289: local,
//    203.0.113.0/24 and 10.50.0.0/16 -> tgw-0888a76c8a371246d, 0.0.0.0/0 -> igw-0a8309f3192e7cea3.
//    i-02cae6eaa9edeed70 10.40.2.80, public 54.191.42.182, tcp/22 from 0.0.0.0/0.
//  - us-west-2 vpc-4 vpc-00157b5941bfd4959 10.50.0.0/16: i-0a5d64b8b58c6dd09 10.50.2.251.
// 203.0.113.0/24 is the on-premises side of the VPN attachments of the two TGWs. All ACLs allow
// everything. Transit gateways and VPNs are outside what the engine models.
constexpr const char* kVpc1Host = "i-01602d9efaed4409a";
constexpr const char* kVpc1Eni = "eni-01997085076a9b98a";
constexpr const char* kVpc1EniGroup = "sg-0e37fc2ef01c89369";
constexpr const char* kVpc2Host = "i-04cd3db5124a05ee6";
constexpr const char* kVpc3Host = "i-02cae6eaa9edeed70";
constexpr const char* kVpc4Host = "i-0a5d64b8b58c6dd09";
constexpr const char* kTgwEast = "tgw-06b348adabd13452d";
constexpr const char* kTgwWest = "tgw-0888a76c8a371246d";

// vpc-1's default route goes to its attached IGW, which translates 10.20.1.207 to 13.59.144.125.
TEST_CASE("corpus why: hybrid-cloud vpc-1 host reaches the internet as its public IP", "[why][corpus]") {
  const QueryResult r = Why(EngineFor(kHybridCloud), kVpc1Host, "8.8.8.8", "tcp", "443");
  const PacketClass& c = Only(r);
  INFO(Dump(r));
  CHECK(r.verdict == Verdict::kReachable);
  CHECK(HopSays(c.forward, "igw-02fd68f94367a67c7", {"10.20.1.207", "13.59.144.125"}));
}

// launch-wizard-1 opens tcp/3306 ("Connectivity test") and tcp/22 to 0.0.0.0/0, nothing else.
// But the table's 203.0.113.0/24 -> TGW route is more specific than 0.0.0.0/0 -> IGW, so the reply
// to an outside host in 203.0.113.0/24 (a public range, part of the `internet` set) is routed
// towards the transit gateway instead of back through the IGW: those hosts get no answer we can
// vouch for (COMPONENT_NOT_ANALYSED on the return path; in AWS the reply would leave over the VPN,
// not to the sender). Every other outside host is answered on 3306.
TEST_CASE("corpus why: hybrid-cloud vpc-1 host takes 3306 from the internet, not 80", "[why][corpus]") {
  const Engine& engine = EngineFor(kHybridCloud);
  const QueryResult mysql = Why(engine, "internet", kVpc1Host, "tcp", "3306");
  INFO(Dump(mysql));
  CHECK(mysql.verdict == Verdict::kPartial);
  CHECK(OnPremReplyClasses(mysql) == 1);
  for (const PacketClass& c : mysql.classes) {
    CHECK(c.destination.Contains(reachcheck::testing::IpOf("13.59.144.125")));
    CHECK(c.delivered_to == kVpc1Eni);
    if (FromOnPremRange(c)) {
      CHECK(BlockersOf(c) == BlockerSet{{kTgwEast, "COMPONENT_NOT_ANALYSED", true}});
    } else {
      CHECK(c.reachable);
    }
  }
  // tcp/80 is refused by the group for every outside host; for 203.0.113.0/24 the reply route
  // to the TGW is listed as well (the request was delivered to the interface).
  const QueryResult http = Why(engine, "internet", kVpc1Host, "tcp", "80");
  INFO(Dump(http));
  CHECK(http.verdict == Verdict::kUnreachable);
  CHECK(OnPremReplyClasses(http) == 1);
  for (const PacketClass& c : http.classes) {
    BlockerSet expected{{kVpc1EniGroup, "ENI_SG_RULES_MISMATCH", false}};
    if (FromOnPremRange(c)) expected.insert({kTgwEast, "COMPONENT_NOT_ANALYSED", true});
    CHECK(BlockersOf(c) == expected);
  }
}

// vpc-1 -> vpc-2 (10.30.1.166), vpc-1 and vpc-2 -> on-premises (203.0.113.0/24, more specific
// than vpc-1's default route) are routed to the us-east-2 transit gateway, and vpc-4 -> vpc-3
// (10.40.2.80) to the us-west-2 one: the engine does not model transit gateways or VPNs, so it
// must say so rather than guess. (The private addresses are asked for: an instance destination
// in an unpeered VPC stands for its public address, which vpc-4 has no route to.)
TEST_CASE("corpus why: hybrid-cloud transit and VPN paths are reported as not analysed", "[why][corpus]") {
  const Engine& engine = EngineFor(kHybridCloud);
  struct Case {
    const char* src;
    const char* dst;
    const char* tgw;
  };
  for (const Case& q : {Case{kVpc1Host, "10.30.1.166", kTgwEast}, Case{kVpc1Host, "203.0.113.10", kTgwEast},
                        Case{kVpc2Host, "203.0.113.10", kTgwEast}, Case{kVpc4Host, "10.40.2.80", kTgwWest}}) {
    const QueryResult r = Why(engine, q.src, q.dst, "tcp", "22");
    const PacketClass& c = Only(r);
    INFO(q.src << " -> " << q.dst << "\n" << Dump(r));
    CHECK_FALSE(c.reachable);
    CHECK(BlockersOf(c) == BlockerSet{{q.tgw, "COMPONENT_NOT_ANALYSED", false}});
  }
}

// vpc-2 has no internet gateway and its table no default route.
TEST_CASE("corpus why: hybrid-cloud vpc-2 host has no route to the internet", "[why][corpus]") {
  const QueryResult r = Why(EngineFor(kHybridCloud), kVpc2Host, "8.8.8.8", "tcp", "443");
  const PacketClass& c = Only(r);
  INFO(Dump(r));
  CHECK_FALSE(c.reachable);
  CHECK(BlockersOf(c) == BlockerSet{{"rtb-06227a9df13216f67", "NO_ROUTE_TO_DESTINATION", false}});
}

// The us-west-2 region loads beside us-east-2: vpc-3's host is reachable on ssh at 54.191.42.182
// through igw-0a8309f3192e7cea3.
// As in us-east-2, vpc-3's table routes 203.0.113.0/24 to its transit gateway
// (tgw-0888a76c8a371246d), so replies to outside hosts in that range do not come back.
TEST_CASE("corpus why: hybrid-cloud us-west-2 host takes ssh from the internet", "[why][corpus]") {
  const QueryResult r = Why(EngineFor(kHybridCloud), "internet", kVpc3Host, "tcp", "22");
  INFO(Dump(r));
  CHECK(r.verdict == Verdict::kPartial);
  CHECK(OnPremReplyClasses(r) == 1);
  for (const PacketClass& c : r.classes) {
    CHECK(c.destination.Contains(reachcheck::testing::IpOf("54.191.42.182")));
    CHECK(HopSays(c.forward, "igw-0a8309f3192e7cea3", {"54.191.42.182", "10.40.2.80"}));
    if (FromOnPremRange(c)) {
      CHECK(BlockersOf(c) == BlockerSet{{kTgwWest, "COMPONENT_NOT_ANALYSED", true}});
    } else {
      CHECK(c.reachable);
    }
  }
}

}  // namespace reachcheck::analysis::testutil
