// SPDX-License-Identifier: Apache-2.0
// Progress of the engine's long steps: building the index and the exposure sweep report
// every step once, in order, ending at the total; a sweep large enough to run on several
// threads gives every interface its own answer, in order.
#include <string>
#include <utility>
#include <vector>

#include "engine_networks.h"
#include "engine_test_util.h"

namespace reachcheck::analysis::testutil {

TEST_CASE("the engine reports each build step and each exposure walk", "[engine][progress]") {
  testing::ModelBuilder b;
  TwoTier(b);
  const model::Network n = b.Build();
  std::vector<std::pair<std::size_t, std::size_t>> build;
  Engine engine(n, [&](std::size_t done, std::size_t total) { build.emplace_back(done, total); });
  REQUIRE(build.size() == 4);
  for (std::size_t i = 0; i < build.size(); ++i) {
    CHECK(build[i].first == i + 1);
    CHECK(build[i].second == 4);
  }

  std::vector<std::pair<std::size_t, std::size_t>> sweep;
  const std::vector<Exposure> found =
      engine.Exposures(net::ProtocolSet::All(), net::PortSet::All(),
                       [&](std::size_t done, std::size_t total) { sweep.emplace_back(done, total); });
  // eni-web is the only interface with a public address: one walk for its IPv4 address
  // and one for its IPv6 address (same subnet and groups).
  REQUIRE(sweep.size() == 2);
  CHECK(sweep[0] == std::make_pair(std::size_t{1}, std::size_t{2}));
  CHECK(sweep[1] == std::make_pair(std::size_t{2}, std::size_t{2}));
  CHECK_FALSE(found.empty());
  // The same sweep without a callback gives the same answer.
  CHECK(engine.Exposures(net::ProtocolSet::All(), net::PortSet::All()).size() == found.size());
}

TEST_CASE("an exposure sweep over many walks gives each interface its own answer, in order",
          "[engine][progress][exposure]") {
  // 100 interfaces, each alone in a security group that opens tcp/(1000 + i) to the world:
  // 100 walks, enough for the sweep to use every core.
  constexpr int kHosts = 100;
  testing::ModelBuilder b;
  b.Vpc("vpc-a", "10.0.0.0/16");
  b.Subnet("subnet-pub", "vpc-a", "10.0.1.0/24");
  b.Igw("igw-a", "vpc-a");
  b.RouteTable("rtb-pub", "vpc-a").Main().Route("0.0.0.0/0", "igw-a");
  for (int i = 0; i < kHosts; ++i) {
    const std::string n = std::to_string(i);
    b.SecurityGroup("sg-" + n, "vpc-a").Ingress("tcp", 1000 + i, "0.0.0.0/0").EgressAll();
    b.Interface("eni-" + n, "subnet-pub", "10.0.1." + std::to_string(10 + i))
        .PublicIp("54.0.0." + std::to_string(10 + i))
        .Group("sg-" + n);
  }
  const model::Network n = b.Build();
  Engine engine(n);
  std::size_t last_total = 0, calls = 0;
  const std::vector<Exposure> found = engine.Exposures(
      net::ProtocolSet::All(), net::PortSet::All(), [&](std::size_t done, std::size_t total) {
        ++calls;
        CHECK(done == calls);  // one call at a time, counting up
        last_total = total;
      });
  CHECK(calls == static_cast<std::size_t>(kHosts));
  CHECK(last_total == static_cast<std::size_t>(kHosts));
  REQUIRE(found.size() == static_cast<std::size_t>(kHosts));
  for (std::size_t k = 0; k < found.size(); ++k) {
    const Exposure& x = found[k];
    // Interfaces come in handle order, which is the order they were added.
    const int i = std::stoi(x.interface_id.substr(4));
    INFO(x.interface_id);
    CHECK(x.interface == Eni(n, x.interface_id));
    CHECK(x.interface_id == "eni-" + std::to_string(k));
    CHECK(x.address == testing::IpOf("54.0.0." + std::to_string(10 + i)));
    CHECK(x.protocols == net::ProtocolSet::Single(net::kTcp));
    CHECK(x.ports == net::PortSet::Single(static_cast<std::uint16_t>(1000 + i)));
  }
}

}  // namespace reachcheck::analysis::testutil
