// SPDX-License-Identifier: Apache-2.0
// Every explanation code the engine emits, each on the smallest network that produces it,
// and appliance routing (source/destination check, loops).
#include "engine_networks.h"
#include "engine_test_util.h"

namespace reachcheck::analysis::testutil {
namespace {

/// vpc-f 10.0.0.0/16: subnet-a 10.0.1.0/24 (rtb-a: 10.0.3.0/24 -> eni-fw), subnet-fw
/// 10.0.2.0/24 (main rtb-fw), subnet-c 10.0.3.0/24 (rtb-c: 10.0.1.0/24 -> eni-fw); eni-a
/// 10.0.1.5, eni-fw 10.0.2.5, eni-c 10.0.3.5, all in sg-all (everything both ways).
void Appliance(testing::ModelBuilder& b, bool check) {
  b.Vpc("vpc-f", "10.0.0.0/16");
  b.Subnet("subnet-a", "vpc-f", "10.0.1.0/24");
  b.Subnet("subnet-fw", "vpc-f", "10.0.2.0/24");
  b.Subnet("subnet-c", "vpc-f", "10.0.3.0/24");
  b.RouteTable("rtb-a", "vpc-f").Associate("subnet-a").Route("10.0.3.0/24", "eni-fw");
  b.RouteTable("rtb-c", "vpc-f").Associate("subnet-c").Route("10.0.1.0/24", "eni-fw");
  b.RouteTable("rtb-fw", "vpc-f").Main();
  b.SecurityGroup("sg-all", "vpc-f").IngressAll("0.0.0.0/0").EgressAll();
  b.Interface("eni-a", "subnet-a", "10.0.1.5").Group("sg-all");
  b.Interface("eni-fw", "subnet-fw", "10.0.2.5").Group("sg-all").SourceDestCheck(check);
  b.Interface("eni-c", "subnet-c", "10.0.3.5").Group("sg-all");
}

/// The one class of a question that must have exactly one (a copy: results are temporaries).
PacketClass Only(const QueryResult& r) {
  INFO(Dump(r));
  REQUIRE(r.classes.size() == 1);
  return r.classes[0];
}

}  // namespace

TEST_CASE("an appliance route forwards both ways when the source/destination check is off", "[engine]") {
  testing::ModelBuilder b;
  Appliance(b, false);
  const model::Network n = b.Build();
  Engine engine(n);
  const QueryResult r = Why(engine, "eni-a", "eni-c", "tcp", "80");
  const PacketClass& c = Only(r);
  INFO(Dump(r));
  CHECK(c.reachable);
  CHECK(PathMentions(c.forward, "rtb-a route 10.0.3.0/24 -> eni-fw (longest match /24)"));
  CHECK(PathMentions(c.forward, "eni-fw forwards (source/destination check off)"));
  CHECK(PathMentions(c.reply, "rtb-c route 10.0.1.0/24 -> eni-fw (longest match /24)"));
  CHECK(PathMentions(c.reply, "eni-fw forwards (source/destination check off)"));
}

TEST_CASE("an appliance with its source/destination check on blocks both ways", "[engine]") {
  testing::ModelBuilder b;
  Appliance(b, true);
  const model::Network n = b.Build();
  Engine engine(n);
  const PacketClass& c = Only(Why(engine, "eni-a", "eni-c", "tcp", "80"));
  CHECK_FALSE(c.reachable);
  CHECK(Codes(c) ==
        CodeSet{{"ENI_SOURCE_DEST_CHECK_RESTRICTION", kFwd}, {"ENI_SOURCE_DEST_CHECK_RESTRICTION", kRet}});
  CHECK(c.delivered_to == "eni-c");
  CHECK(c.suggestion == "disable the source/destination check on eni-fw");
}

TEST_CASE("a packet that visits an appliance twice is a routing loop", "[engine]") {
  testing::ModelBuilder b;
  Appliance(b, false);
  b.Raw().route_tables[2].routes.clear();
  b.RouteTable("rtb-fw2", "vpc-f").Associate("subnet-fw").Route("10.0.3.0/24", "eni-fw");
  const model::Network n = b.Build();
  Engine engine(n);
  const PacketClass& c = Only(Why(engine, "eni-a", "eni-c", "tcp", "80"));
  CHECK(Codes(c) == CodeSet{{"ROUTING_LOOP", kFwd}});
  CHECK(c.blocked_by[0].component == "eni-fw");
}

TEST_CASE("blackhole, unanalysed and missing routes stop the walk", "[engine]") {
  testing::ModelBuilder b;
  b.Vpc("vpc-1", "10.0.0.0/16");
  b.Subnet("subnet-1", "vpc-1", "10.0.1.0/24");
  b.Igw("igw-z");  // not attached
  b.Unanalysed("TransitGateways", "tgw-1");
  b.RouteTable("rtb-1", "vpc-1")
      .Main()
      .Route("8.8.8.0/24", "igw-gone")
      .Blackhole()
      .Route("10.50.0.0/16", "tgw-1")
      .Route("9.9.9.0/24", "igw-z");
  b.SecurityGroup("sg-1", "vpc-1").EgressAll();
  b.Interface("eni-1", "subnet-1", "10.0.1.5").Group("sg-1");
  base::Diagnostics diagnostics;
  const model::Network n = b.Build(diagnostics);
  Engine engine(n);
  const PacketClass& blackhole = Only(Why(engine, "eni-1", "8.8.8.8", "tcp", "443"));
  CHECK(Codes(blackhole) == CodeSet{{"BAD_STATE_ROUTE", kFwd}});
  CHECK(blackhole.blocked_by[0].component == "rtb-1");
  CHECK(blackhole.suggestion == "replace the blackhole route in rtb-1 with a route to an existing target");
  const PacketClass& tgw = Only(Why(engine, "eni-1", "10.50.1.1", "tcp", "443"));
  CHECK(Codes(tgw) == CodeSet{{"COMPONENT_NOT_ANALYSED", kFwd}});
  CHECK(tgw.blocked_by[0].component == "tgw-1");
  const PacketClass& detached = Only(Why(engine, "eni-1", "9.9.9.9", "tcp", "443"));
  CHECK(Codes(detached) == CodeSet{{"BAD_STATE_ATTACHMENT", kFwd}});
  const PacketClass& none = Only(Why(engine, "eni-1", "1.1.1.1", "tcp", "443"));
  CHECK(Codes(none) == CodeSet{{"NO_ROUTE_TO_DESTINATION", kFwd}});
  CHECK(none.suggestion == "add a route 0.0.0.0/0 -> an internet gateway to rtb-1");
  const PacketClass& gap = Only(Why(engine, "eni-1", "10.0.200.1", "tcp", "443"));
  CHECK(Codes(gap) == CodeSet{{"NO_POSSIBLE_DESTINATION", kFwd}});
  CHECK(gap.blocked_by[0].component == "vpc-1");
}

TEST_CASE("peering routes: inactive, outside the peer's blocks, peer not in the snapshot", "[engine]") {
  testing::ModelBuilder b;
  b.Vpc("vpc-a", "10.0.0.0/16");
  b.Subnet("subnet-a", "vpc-a", "10.0.1.0/24");
  b.Vpc("vpc-b", "10.1.0.0/16");
  b.Subnet("subnet-b", "vpc-b", "10.1.1.0/24");
  b.Vpc("vpc-c", "10.2.0.0/16");
  b.Peering("pcx-ab", "vpc-a", "vpc-b");
  b.Peering("pcx-ac", "vpc-a", "vpc-c").Status("pending-acceptance");
  b.Peering("pcx-ax", "vpc-a", "vpc-x").AccepterCidrs({"10.9.0.0/16"}).Accepter("222222222222", "us-east-1");
  b.RouteTable("rtb-a", "vpc-a")
      .Main()
      .Route("10.1.0.0/16", "pcx-ab")
      .Route("10.3.0.0/16", "pcx-ab")
      .Route("10.2.0.0/16", "pcx-ac")
      .Route("10.9.0.0/16", "pcx-ax");
  b.RouteTable("rtb-b", "vpc-b").Main().Route("10.0.0.0/16", "pcx-ab");
  b.SecurityGroup("sg-a", "vpc-a").EgressAll();
  b.Interface("eni-a", "subnet-a", "10.0.1.5").Group("sg-a");
  base::Diagnostics diagnostics;
  const model::Network n = b.Build(diagnostics);
  Engine engine(n);
  CHECK(Why(engine, "eni-a", "10.1.1.9", "tcp", "22").verdict == Verdict::kReachable);
  CHECK(Codes(Only(Why(engine, "eni-a", "10.3.0.1", "tcp", "22"))) ==
        CodeSet{{"PCX_REQUIRES_ADDRESS_IN_VPC_CIDR", kFwd}});
  const PacketClass& pending = Only(Why(engine, "eni-a", "10.2.0.1", "tcp", "22"));
  CHECK(Codes(pending) == CodeSet{{"BAD_STATE", kFwd}});
  CHECK(pending.blocked_by[0].detail == "pcx-ac is pending-acceptance");
  CHECK(Codes(Only(Why(engine, "eni-a", "10.9.0.1", "tcp", "22"))) == CodeSet{{"UNKNOWN_DESTINATION", kFwd}});
  CHECK(Codes(Only(Why(engine, "eni-a", "10.1.200.1", "tcp", "22"))) ==
        CodeSet{{"NO_POSSIBLE_DESTINATION", kFwd}});
}

TEST_CASE("states: a stopped instance, a failed NAT gateway, an interface not in use", "[engine]") {
  testing::ModelBuilder b;
  TwoTier(b);
  b.Raw().nat_gateways[0].state = "failed";
  b.Instance("i-stopped", {}).State("stopped");
  b.Interface("eni-stopped", "subnet-pub", "10.0.1.60")
      .PublicIp("54.0.0.60")
      .Group("sg-web")
      .AttachTo("i-stopped");
  b.Interface("eni-loose", "subnet-pub", "10.0.1.61").Group("sg-web").Status("available");
  base::Diagnostics diagnostics;
  const model::Network n = b.Build(diagnostics);
  Engine engine(n);
  const PacketClass& nat = Only(Why(engine, "eni-app", "8.8.8.8", "tcp", "443"));
  CHECK(Codes(nat) == CodeSet{{"BAD_STATE", kFwd}});
  CHECK(nat.blocked_by[0].component == "nat-a");
  const PacketClass& stopped = Only(Why(engine, "eni-stopped", "8.8.8.8", "tcp", "443"));
  CHECK(Codes(stopped) == CodeSet{{"BAD_STATE", kFwd}});
  CHECK(stopped.blocked_by[0].component == "i-stopped");
  CHECK(stopped.suggestion == "start i-stopped");
  CHECK(stopped.delivered_to == "internet");  // the walk goes on past the blocker
  const PacketClass& loose = Only(Why(engine, "eni-web", "eni-loose", "tcp", "443"));
  CHECK(Codes(loose) == CodeSet{{"BAD_STATE", kFwd}});
  CHECK(loose.blocked_by[0].direction == "ingress");
}

TEST_CASE("a group without rules is SG_HAS_NO_RULES, a NAT of another VPC is refused", "[engine]") {
  testing::ModelBuilder b;
  TwoTier(b);
  b.SecurityGroup("sg-empty", "vpc-a");
  b.Interface("eni-empty", "subnet-priv", "10.0.2.30").Group("sg-empty");
  b.Raw().route_tables[2].routes.clear();  // rtb-b
  b.Raw().route_tables[2].routes.push_back(model::Route{});
  model::Route& r = b.Raw().route_tables[2].routes.back();
  r.destination = testing::CidrOf("0.0.0.0/0");
  r.target_kind = model::TargetKind::kNatGateway;
  r.target_id = "nat-a";
  base::Diagnostics diagnostics;
  const model::Network n = b.Build(diagnostics);
  Engine engine(n);
  const PacketClass& empty = Only(Why(engine, "eni-app", "eni-empty", "tcp", "22"));
  CHECK(Codes(empty) == CodeSet{{"SG_HAS_NO_RULES", kFwd}});
  const PacketClass& cross = Only(Why(engine, "eni-db", "8.8.8.8", "tcp", "443"));
  CHECK(Codes(cross) == CodeSet{{"NGW_REQUIRES_SOURCE_IN_VPC", kFwd}});
}

TEST_CASE("an interface destination reached at another host's address does not deliver", "[engine]") {
  // vpc-a and vpc-b overlap (10.0.0.0/16); eni-x in vpc-b owns 10.0.2.20 like eni-app.
  testing::ModelBuilder b;
  TwoTier(b);
  b.Vpc("vpc-x", "10.0.0.0/16");
  b.Subnet("subnet-x", "vpc-x", "10.0.2.0/24");
  b.SecurityGroup("sg-x", "vpc-x").IngressAll("0.0.0.0/0").EgressAll();
  b.Interface("eni-x", "subnet-x", "10.0.2.20").Group("sg-x");
  base::Diagnostics diagnostics;
  const model::Network n = b.Build(diagnostics);
  Engine engine(n);
  // From eni-web, 10.0.2.20 is eni-app (local route), never eni-x.
  const PacketClass& c = Only(Why(engine, "eni-web", "eni-x", "tcp", "8080"));
  CHECK(Codes(c) == CodeSet{{"NO_POSSIBLE_DESTINATION", kFwd}});
  CHECK(c.blocked_by[0].component == "eni-app");
  // As a source, the address stands for both owners.
  const QueryResult both = Why(engine, "10.0.2.20", "8.8.8.8", "tcp", "443");
  INFO(Dump(both));
  std::set<std::string> sources;
  for (const PacketClass& k : both.classes) sources.insert(k.source);
  CHECK(sources == std::set<std::string>{"eni-app", "eni-x"});
}

}  // namespace reachcheck::analysis::testutil
