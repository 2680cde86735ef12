// SPDX-License-Identifier: Apache-2.0
// Validate: route targets of every kind, prefix-list destinations, blackhole routes, kind
// mismatches and the scope a target is looked up in.
#include <catch2/catch.hpp>

#include "diagnostic_lines.h"
#include "support/model_builder.h"

namespace reachcheck::model {
namespace {

using testing::ModelBuilder;

// The route of `table` whose destination text is `destination`.
const Route& RouteTo(const Network& n, Handle table, const std::string& destination) {
  for (const Route& route : n.route_tables[table].routes) {
    if (route.DestinationText() == destination) return route;
  }
  FAIL("no route " << destination);
  throw std::logic_error("unreachable");
}

TEST_CASE("Validate: every analysed target kind resolves into its own vector", "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16").Ipv6("2600:1f18::/56");
  auto vpc2 = b.Vpc("vpc-2", "10.1.0.0/16");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  auto igw = b.Igw("igw-1", vpc);
  auto eigw = b.EgressOnlyIgw("eigw-1", vpc);
  auto nat = b.Nat("nat-1", sn, "10.0.1.10", "52.0.0.1");
  auto pcx = b.Peering("pcx-1", vpc, vpc2);
  auto eni = b.Interface("eni-1", sn, "10.0.1.5").SourceDestCheck(false);
  b.Interface("eni-2", sn, "10.0.1.6");
  auto inst = b.Instance("i-1", {"eni-2"});
  auto vpce = b.GatewayEndpoint("vpce-1", vpc, "com.amazonaws.us-east-1.s3");
  auto pl = b.PrefixList("pl-1", {"52.216.0.0/15"});
  auto rt = b.RouteTable("rtb-1", vpc)
                .Main()
                .Route("0.0.0.0/0", igw)
                .Route("::/0", eigw)
                .Route("172.16.0.0/12", nat)
                .Route("10.1.0.0/16", pcx)
                .Route("192.168.0.0/16", eni)
                .Route("192.168.100.0/24", inst)
                .Route("pl-1", vpce)
                .Route("100.64.0.0/10", "tgw-1")
                .Route("198.18.0.0/15", "vgw-1");
  b.Unanalysed("TransitGateways", "tgw-1");
  Network n = b.Build();
  const Handle t = rt.Index();
  CHECK(RouteTo(n, t, "10.0.0.0/16").target_kind == TargetKind::kLocal);
  CHECK(RouteTo(n, t, "10.0.0.0/16").target == kNone);
  CHECK(RouteTo(n, t, "2600:1f18::/56").target_kind == TargetKind::kLocal);
  CHECK(RouteTo(n, t, "0.0.0.0/0").target == igw.Index());
  CHECK(RouteTo(n, t, "::/0").target == eigw.Index());
  CHECK(RouteTo(n, t, "172.16.0.0/12").target == nat.Index());
  CHECK(RouteTo(n, t, "10.1.0.0/16").target == pcx.Index());
  CHECK(RouteTo(n, t, "192.168.0.0/16").target == eni.Index());
  CHECK(RouteTo(n, t, "192.168.100.0/24").target == inst.Index());
  CHECK(RouteTo(n, t, "pl-1").target == vpce.Index());
  CHECK(RouteTo(n, t, "pl-1").prefix_list == pl.Index());
  CHECK(RouteTo(n, t, "100.64.0.0/10").target_kind == TargetKind::kTransitGateway);
  CHECK(RouteTo(n, t, "100.64.0.0/10").target == kNone);  // unanalysed: no handle
  CHECK(RouteTo(n, t, "198.18.0.0/15").target == kNone);
  CHECK(RouteTo(n, t, "0.0.0.0/0").prefix_list == kNone);
}

TEST_CASE("Validate: a missing route target or prefix list dangles, cited at the route",
          "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  b.RouteTable("rtb-1", vpc)
      .Main()
      .Route("0.0.0.0/0", "nat-9")
      .Route("::/0", "igw-9")
      .Route("10.2.0.0/16", "pcx-9")
      .Route("10.3.0.0/16", "eni-9")
      .Route("10.4.0.0/16", "i-9")
      .Route("10.5.0.0/16", "eigw-9")
      .Route("pl-9", "vpce-9")
      .Route("10.6.0.0/16", "tgw-9");
  base::Diagnostics d;
  Network n = b.Build(d);
  for (const Route& route : n.route_tables[0].routes) CHECK(route.target == kNone);
  // The local route was inserted first: the routes above are /routes/1 to /routes/8.
  CHECK(Lines(d) ==
        LineList{"warning input-dangling-ref builder#/route_tables/0/routes/1: route 0.0.0.0/0 of rtb-1 "
                 "targets NAT gateway 'nat-9' which is not in the snapshot",
                 "warning input-dangling-ref builder#/route_tables/0/routes/2: route ::/0 of rtb-1 targets "
                 "internet gateway 'igw-9' which is not in the snapshot",
                 "warning input-dangling-ref builder#/route_tables/0/routes/3: route 10.2.0.0/16 of rtb-1 "
                 "targets VPC peering connection 'pcx-9' which is not in the snapshot",
                 "warning input-dangling-ref builder#/route_tables/0/routes/4: route 10.3.0.0/16 of rtb-1 "
                 "targets network interface 'eni-9' which is not in the snapshot",
                 "warning input-dangling-ref builder#/route_tables/0/routes/5: route 10.4.0.0/16 of rtb-1 "
                 "targets instance 'i-9' which is not in the snapshot",
                 "warning input-dangling-ref builder#/route_tables/0/routes/6: route 10.5.0.0/16 of rtb-1 "
                 "targets egress-only internet gateway 'eigw-9' which is not in the snapshot",
                 "warning input-dangling-ref builder#/route_tables/0/routes/7: route pl-9 of rtb-1 refers "
                 "to prefix list 'pl-9' which is not in the snapshot",
                 "warning input-dangling-ref builder#/route_tables/0/routes/7: route pl-9 of rtb-1 targets "
                 "gateway endpoint 'vpce-9' which is not in the snapshot"});
}

TEST_CASE(
    "Validate: a blackhole route to a deleted target is not reported again, an existing "
    "target still resolves",
    "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
  auto nat = b.Nat("nat-1", sn, "10.0.1.10").State("deleted");
  auto rt = b.RouteTable("rtb-1", vpc)
                .Main()
                .Route("0.0.0.0/0", "nat-9")
                .Blackhole()
                .Route("10.9.0.0/16", nat)
                .Blackhole()
                .Route("pl-9", "nat-8")
                .Blackhole();
  base::Diagnostics d;
  Network n = b.Build(d);
  CHECK(d.Empty());
  CHECK(RouteTo(n, rt.Index(), "0.0.0.0/0").state == RouteState::kBlackhole);
  CHECK(RouteTo(n, rt.Index(), "0.0.0.0/0").target == kNone);
  CHECK(RouteTo(n, rt.Index(), "10.9.0.0/16").target == nat.Index());
}

TEST_CASE(
    "Validate: an internet gateway route to an egress-only gateway (and back) is a kind "
    "mismatch",
    "[model][validate]") {
  ModelBuilder b;
  auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
  b.Igw("igw-1", vpc);
  b.EgressOnlyIgw("eigw-1", vpc);
  auto rt = b.RouteTable("rtb-1", vpc)
                .Main()
                .Route("::/0", TargetKind::kEgressOnlyInternetGateway, "igw-1")
                .Route("0.0.0.0/0", TargetKind::kInternetGateway, "eigw-1");
  base::Diagnostics d;
  Network n = b.Build(d);
  CHECK(RouteTo(n, rt.Index(), "::/0").target == kNone);
  CHECK(RouteTo(n, rt.Index(), "0.0.0.0/0").target == kNone);
  CHECK(Lines(d) ==
        LineList{"warning input-target-kind-mismatch builder#/route_tables/0/routes/1: route ::/0 of "
                 "rtb-1 targets egress-only internet gateway 'igw-1' which is an internet gateway",
                 "warning input-target-kind-mismatch builder#/route_tables/0/routes/2: route 0.0.0.0/0 of "
                 "rtb-1 targets internet gateway 'eigw-1' which is an egress-only internet gateway"});
}

TEST_CASE("Validate: route targets are looked up in the table's scope first", "[model][validate]") {
  ModelBuilder b;
  auto vpc_a = b.Vpc("vpc-1", "10.0.0.0/16");
  auto igw_a = b.Igw("igw-1", vpc_a);
  auto rt_a = b.RouteTable("rtb-1", vpc_a).Main().Route("0.0.0.0/0", "igw-1");
  b.UseScope("222222222222", "us-east-1");
  auto vpc_b = b.Vpc("vpc-1", "10.0.0.0/16");
  auto igw_b = b.Igw("igw-1", vpc_b);
  auto rt_b = b.RouteTable("rtb-1", vpc_b).Main().Route("0.0.0.0/0", "igw-1");
  Network n = b.Build();
  CHECK(igw_a.Index() != igw_b.Index());
  CHECK(RouteTo(n, rt_a.Index(), "0.0.0.0/0").target == igw_a.Index());
  CHECK(RouteTo(n, rt_b.Index(), "0.0.0.0/0").target == igw_b.Index());
  CHECK(n.internet_gateways[igw_b.Index()].AttachedVpc() == vpc_b.Index());
}

}  // namespace
}  // namespace reachcheck::model
