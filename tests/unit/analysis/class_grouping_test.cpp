// SPDX-License-Identifier: Apache-2.0
// Grouping walked pieces into classes: pieces whose paths read the same (built apart, not
// shared) become one class, and the grouping is the same whether the walk left a few pieces
// (compared pairwise) or many (hashed first).
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/describe.h"
#include "analysis/engine_impl.h"
#include "engine_networks.h"
#include "support/model_builder.h"

namespace reachcheck::analysis::detail {
namespace {

/// A piece to 10.9.0.<last> over TCP 443, walked through the hops named by `path`.
Final Piece(std::uint32_t last, const std::vector<std::string>& path, bool reachable) {
  Flow flow;
  for (const std::string& component : path) {
    AddHop(flow, MakeHop(component, "network-interface", Cat(component, " sends")));
  }
  Final f;
  f.box.src = net::AddressSet::Of(net::IpAddress::V4(0x0a000105));
  f.box.dst = net::AddressSet::Of(net::IpAddress::V4(0x0a090000 + last));
  f.box.proto = net::ProtocolSet::Single(net::kTcp);
  f.box.dport = net::PortSet::Single(443);
  f.box.sport = net::EphemeralPorts();
  f.reachable = reachable;
  f.delivered_to = reachable ? path.back() : "";
  f.hops = flow.hops;
  return f;
}

std::string Describe(const PacketClass& c) {
  std::string out = (c.reachable ? "R " : "U ") + c.delivered_to + " " + c.destination.ToString() + " via";
  for (const Hop& hop : c.forward) out += " " + hop.detail;
  return out;
}

std::vector<std::string> Grouped(const Index& index, const SourcePart& source, std::vector<Final> finals) {
  std::vector<std::string> out;
  for (const RankedClass& c : BuildClasses(index, source, std::move(finals))) out.push_back(Describe(c.cls));
  return out;
}

}  // namespace

TEST_CASE("pieces on one path form one class whether the walk left few pieces or many", "[engine]") {
  testing::ModelBuilder b;
  testutil::TwoTier(b);
  const model::Network n = b.Build();
  const Index index(n);
  const SourcePart source{{SourceInfo::kInterface, 0, n.interfaces[0].vpc, n.interfaces[0].id.str()},
                          net::AddressSet::Of(net::IpAddress::V4(0x0a000105))};
  const std::vector<std::string> a = {"eni-a", "eni-b"};
  const std::vector<std::string> c = {"eni-a", "eni-c"};
  std::vector<Final> few = {Piece(1, a, true),  Piece(2, c, true), Piece(3, a, true),
                            Piece(4, c, false), Piece(5, a, true), Piece(6, c, true)};
  REQUIRE(few.size() <= 8);
  // The same pieces among empty ones (which add no class): over eight, so hashed first.
  std::vector<Final> many = few;
  for (int i = 0; i < 6; ++i) {
    Final empty = Piece(100, a, true);
    empty.box.dst = {};
    many.insert(many.begin() + i * 2, std::move(empty));
  }
  REQUIRE(many.size() > 8);

  const std::vector<std::string> from_few = Grouped(index, source, few);
  INFO(Catch::Detail::stringify(from_few));
  REQUIRE(from_few.size() == 3);
  CHECK(from_few[0] == "R eni-b 10.9.0.1/32, 10.9.0.3/32, 10.9.0.5/32 via eni-a sends eni-b sends");
  CHECK(from_few[1] == "R eni-c 10.9.0.2/32, 10.9.0.6/32 via eni-a sends eni-c sends");
  CHECK(from_few[2] == "U  10.9.0.4/32 via eni-a sends eni-c sends");
  CHECK(Grouped(index, source, many) == from_few);
}

}  // namespace reachcheck::analysis::detail
