// SPDX-License-Identifier: Apache-2.0
// The engine compiles route tables and security groups the first time a walk reaches them:
// an answer must not depend on which questions came before it, nor on a sweep having
// compiled everything from several threads first.
#include <string>
#include <vector>

#include "differential_support.h"
#include "engine_test_util.h"

namespace reachcheck::analysis::testutil {
namespace {

using testing::differential::MakeQuerySpecs;
using testing::differential::QuerySpec;

std::string Answer(const Engine& engine, const QuerySpec& spec) {
  const EndpointResolution from = ResolveEndpoint(engine.network(), spec.source);
  const EndpointResolution to = ResolveEndpoint(engine.network(), spec.destination);
  if (!from.ok || !to.ok) return "unresolved";
  return spec.Text() + "\n" +
         Dump(Why(engine, spec.source, spec.destination, spec.proto.empty() ? "all" : spec.proto, spec.port,
                  spec.src_port));
}

}  // namespace

TEST_CASE("answers do not depend on the order of questions or on a sweep compiling first", "[engine][lazy]") {
  testing::RandomNetworkOptions options;
  int compared = 0;
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    std::vector<std::string> diagnostics;
    const model::Network network = testing::MakeRandomNetwork(seed, options, diagnostics);
    testing::SeededRandom rng(seed * 7919);
    const std::vector<QuerySpec> specs = MakeQuerySpecs(network, rng);
    REQUIRE_FALSE(specs.empty());

    Engine in_order(network);  // compiles as the questions reach each part
    std::vector<std::string> first;
    for (const QuerySpec& spec : specs) first.push_back(Answer(in_order, spec));

    Engine swept(network);  // an exposure sweep on every core compiles what it reaches first
    (void)swept.Exposures(net::ProtocolSet::All(), net::PortSet::All());
    Engine reversed(network);
    for (std::size_t i = specs.size(); i-- > 0;) {
      INFO("seed " << seed << ": " << specs[i].Text());
      CHECK(Answer(reversed, specs[i]) == first[i]);
      CHECK(Answer(swept, specs[i]) == first[i]);
      ++compared;
    }
    // Asked again, the same engine answers the same.
    CHECK(Answer(in_order, specs.front()) == first.front());
  }
  CHECK(compared > 100);
}

}  // namespace reachcheck::analysis::testutil
