// SPDX-License-Identifier: Apache-2.0
// Progress of the engine's long steps: building the index and the exposure sweep report
// every step once, in order, ending at the total.
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
  REQUIRE(build.size() == 5);
  for (std::size_t i = 0; i < build.size(); ++i) {
    CHECK(build[i].first == i + 1);
    CHECK(build[i].second == 5);
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

}  // namespace reachcheck::analysis::testutil
