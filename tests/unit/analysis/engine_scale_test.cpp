// SPDX-License-Identifier: Apache-2.0
// CPU timings on a generated estate (hidden: run with `unit_analysis "[.perf]"`). The estate size
// comes from REACHCHECK_SCALE_INTERFACES (default 20000).
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "engine_test_util.h"

namespace reachcheck::analysis::testutil {
namespace {

/// Process CPU time (the machine may be shared: wall time would count waiting).
struct Clock {
  using time_point = double;
  static double now() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
  }
};

double Ms(double since) { return Clock::now() - since; }

std::string Ip(int a, int b, int c, int d) {
  return std::to_string(a) + "." + std::to_string(b) + "." + std::to_string(c) + "." + std::to_string(d);
}

/// Up to 250 VPCs 10.v.0.0/16 peered in a chain, each with an internet gateway, a NAT gateway
/// and `subnets` subnets 10.v.s.0/24 of `per_subnet` (<= 240) interfaces: subnet 0 public (web
/// servers with public IPs), the others private (app and db tiers, group references).
void Estate(testing::ModelBuilder& b, int vpcs, int subnets, int per_subnet) {
  for (int v = 0; v < vpcs; ++v) {
    const std::string vpc = "vpc-" + std::to_string(v);
    const std::string sfx = std::to_string(v);
    b.Vpc(vpc, Ip(10, v, 0, 0) + "/16");
    b.Igw("igw-" + sfx, vpc);
    auto pub = b.RouteTable("rtb-pub-" + sfx, vpc);
    pub.Route("0.0.0.0/0", "igw-" + sfx);
    auto priv = b.RouteTable("rtb-priv-" + sfx, vpc);
    priv.Main().Route("0.0.0.0/0", "nat-" + sfx);
    if (v + 1 < vpcs) priv.Route(Ip(10, v + 1, 0, 0) + "/16", "pcx-" + sfx);
    if (v > 0) priv.Route(Ip(10, v - 1, 0, 0) + "/16", "pcx-" + std::to_string(v - 1));
    if (v + 1 < vpcs) b.Peering("pcx-" + sfx, vpc, "vpc-" + std::to_string(v + 1));
    b.SecurityGroup("sg-web-" + sfx, vpc)
        .Ingress("tcp", 443, "0.0.0.0/0")
        .Ingress("tcp", 22, "10.0.0.0/8")
        .EgressAll();
    b.SecurityGroup("sg-app-" + sfx, vpc)
        .Ingress("tcp", 8080, "sg-web-" + sfx)
        .Ingress("icmp", 8, -1, "10.0.0.0/8")
        .EgressAll();
    b.SecurityGroup("sg-db-" + sfx, vpc).Ingress("tcp", 5432, "sg-app-" + sfx).EgressAll();
    b.Acl("acl-" + sfx, vpc)
        .Default()
        .Inbound(90, testing::kDeny, "tcp", 3389, 3389, "0.0.0.0/0")
        .InboundAll(100, testing::kAllow)
        .OutboundAll(100, testing::kAllow);
    for (int s = 0; s < subnets; ++s) {
      const std::string subnet = "subnet-" + sfx + "-" + std::to_string(s);
      b.Subnet(subnet, vpc, Ip(10, v, s, 0) + "/24");
      if (s == 0) {
        pub.Associate(subnet);
        b.Nat("nat-" + sfx, subnet, Ip(10, v, s, 5), Ip(52, v, 0, 5));
      }
      for (int i = 0; i < per_subnet; ++i) {
        const int host = 6 + i;  // .5 is the NAT gateway's
        const std::string eni = "eni-" + sfx + "-" + std::to_string(s) + "-" + std::to_string(i);
        auto e = b.Interface(eni, subnet, Ip(10, v, s, host % 250));
        const char* group = s == 0 ? "sg-web-" : (s % 2 == 1 ? "sg-app-" : "sg-db-");
        e.Group(group + sfx);
        if (s == 0) e.PublicIp(Ip(54, v, i / 250, i % 250));
      }
    }
  }
}

}  // namespace

TEST_CASE("timings on a generated estate", "[.perf]") {
  const char* env = std::getenv("REACHCHECK_SCALE_INTERFACES");
  const int target = env ? std::atoi(env) : 20000;
  const int subnets = 8;
  const int per_subnet = 200;
  const int vpcs = std::max(1, std::min(250, target / (subnets * per_subnet)));
  // REACHCHECK_SCALE_ONLY=point|wide|internet|exposure runs one measurement (for profiling).
  const char* only_env = std::getenv("REACHCHECK_SCALE_ONLY");
  const std::string only = only_env ? only_env : "";
  auto run = [&](const char* name) { return only.empty() || only == name; };
  auto t0 = Clock::now();
  testing::ModelBuilder b;
  Estate(b, vpcs, subnets, per_subnet);
  base::Diagnostics diagnostics;
  const model::Network n = b.Build(diagnostics);
  std::printf("estate: %d VPCs, %zu subnets, %zu interfaces, %zu diagnostics; built+validated in %.0f ms\n",
              vpcs, n.subnets.size(), n.interfaces.size(), diagnostics.All().size(), Ms(t0));
  t0 = Clock::now();
  Engine engine(n);
  std::printf("engine construction: %.0f ms\n", Ms(t0));
  const std::string a = "eni-0-1-3";
  const std::string web = "eni-0-0-0";
  // Point query: one interface, one address, one port.
  Query q;
  q.source = Resolve(n, a);
  q.destination = Resolve(n, "10.1.2.9");
  q.protocols = net::ProtocolSet::Single(net::kTcp);
  q.ports = net::PortSet::Single(5432);
  const int reps = run("point") ? 2000 : 0;
  t0 = Clock::now();
  std::size_t classes = 0;
  for (int i = 0; i < reps; ++i) classes += engine.Analyze(q).classes.size();
  if (reps > 0) {
    std::printf("point query (%s -> 10.1.2.9 tcp/5432): %.1f us each (%zu classes)\n", a.c_str(),
                Ms(t0) * 1000 / reps, classes / reps);
  }
  if (!only.empty() && only != "wide" && only != "internet" && only != "exposure") return;
  // Everything from one interface.
  Query wide;
  wide.source = Resolve(n, a);
  wide.destination = Resolve(n, "0.0.0.0/0");
  t0 = Clock::now();
  const QueryResult all = run("wide") ? engine.Analyze(wide) : QueryResult{};
  std::printf("why %s 0.0.0.0/0 (all protocols and ports): %.1f ms, %zu classes\n", a.c_str(), Ms(t0),
              all.classes.size());
  Query from_internet;
  from_internet.source = Resolve(n, "internet");
  from_internet.destination = Resolve(n, web);
  t0 = Clock::now();
  const QueryResult in = run("internet") ? engine.Analyze(from_internet) : QueryResult{};
  std::printf("why internet %s: %.1f ms, %zu classes\n", web.c_str(), Ms(t0), in.classes.size());
  t0 = Clock::now();
  const std::vector<Exposure> exposed = run("exposure")
                                            ? engine.Exposures(net::ProtocolSet::All(), net::PortSet::All())
                                            : std::vector<Exposure>{};
  std::printf("exposure: %.0f ms, %zu entries\n", Ms(t0), exposed.size());
  t0 = Clock::now();
  const Topology topology = engine.GetTopology();
  std::printf("topology: %.0f ms, %zu nodes, %zu edges\n", Ms(t0), topology.nodes.size(),
              topology.edges.size());
  if (only.empty()) {
    CHECK(!all.classes.empty());
    CHECK(!exposed.empty());
  }
}

}  // namespace reachcheck::analysis::testutil
