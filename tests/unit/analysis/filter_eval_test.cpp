// SPDX-License-Identifier: Apache-2.0
// First-match evaluation of rule lists against a per-packet reference: on seeded random rule
// lists and flows (single packets, which take the whole-flow shortcut, and ranges, which
// split), every packet of the flow lies in exactly one piece, and that piece names the rule
// the packet meets first.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <vector>

#include "analysis/filter.h"

namespace reachcheck::analysis::detail {
namespace {

constexpr std::uint32_t kBase = 0x0a000000;  // 10.0.0.0: addresses are kBase + 0..7
constexpr int kAddresses = 8;
constexpr int kPorts = 12;  // destination ports 0..11
const std::uint8_t kProtocols[] = {net::kTcp, net::kUdp, 47};

net::AddressSet Addresses(int lo, int hi) {
  net::AddressSet set;
  set.v4 = net::IntervalSet<std::uint32_t>::Range(kBase + static_cast<std::uint32_t>(lo),
                                                  kBase + static_cast<std::uint32_t>(hi));
  return set;
}

Rule RandomRule(std::mt19937& rng) {
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  Rule rule;
  const int lo = pick(kAddresses);
  rule.remote = pick(5) == 0 ? net::AddressSet::All() : Addresses(lo, lo + pick(kAddresses - lo));
  switch (pick(4)) {
    case 0:
      rule.service.protocols = net::ProtocolSet::All();
      break;
    case 1:
      rule.service.protocols = net::ProtocolSet::Single(47);
      break;
    default:
      rule.service.protocols = net::ProtocolSet::Single(pick(2) == 0 ? net::kTcp : net::kUdp);
  }
  if (pick(3) != 0) {
    const int port = pick(kPorts);
    rule.service.ports = net::PortSet::Range(static_cast<std::uint16_t>(port),
                                             static_cast<std::uint16_t>(port + pick(kPorts - port)));
  }
  rule.allow = pick(4) != 0;
  rule.Finish("sg-test", "security-group");
  return rule;
}

/// The rule a packet meets first in the lists, or nullptr (egress: the remote is the destination).
const Rule* Reference(const std::vector<const Filter*>& filters, std::uint32_t dst, std::uint8_t protocol,
                      std::uint16_t port) {
  for (const Filter* filter : filters) {
    for (const Rule& rule : filter->rules) {
      if (rule.remote.v4.Contains(dst) && rule.service.Matches(protocol, port)) return &rule;
    }
  }
  return nullptr;
}

TEST_CASE("filter evaluation: every packet's piece names the rule it meets first") {
  int whole = 0, split = 0;
  for (unsigned seed = 1; seed <= 300; ++seed) {
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    std::vector<Filter> lists(1 + static_cast<std::size_t>(pick(2)));
    for (Filter& list : lists) {
      const int rules = 1 + pick(6);
      for (int r = 0; r < rules; ++r) list.Add(RandomRule(rng));
    }
    std::vector<const Filter*> filters;
    for (const Filter& list : lists) filters.push_back(&list);

    Flow flow;
    const bool packet = seed % 2 == 0;  // a single packet, or ranges of every dimension
    const int dst_lo = pick(kAddresses);
    const int port_lo = pick(kPorts);
    flow.box.src = Addresses(0, 0);
    flow.box.dst = packet ? Addresses(dst_lo, dst_lo) : Addresses(dst_lo, dst_lo + pick(kAddresses - dst_lo));
    flow.box.proto = packet ? net::ProtocolSet::Single(kProtocols[pick(3)])
                            : net::ProtocolSet::Single(net::kTcp).Union(net::ProtocolSet::Single(47));
    flow.box.dport = net::PortSet::Range(static_cast<std::uint16_t>(port_lo),
                                         static_cast<std::uint16_t>(packet ? port_lo : port_lo + pick(kPorts - port_lo)));
    flow.box.sport = net::PortSet::Range(1024, 65535);

    const std::vector<Match> matches = Evaluate(flow, filters, flow.dst, false);
    REQUIRE_FALSE(matches.empty());
    (matches.size() == 1 && matches.front().whole ? whole : split) += 1;
    for (const Match& match : matches) {
      REQUIRE(match.rules.size() == 1);
      if (match.whole) REQUIRE(matches.size() == 1);
    }
    for (int d = 0; d < kAddresses; ++d) {
      const std::uint32_t dst = kBase + static_cast<std::uint32_t>(d);
      for (std::uint8_t protocol : kProtocols) {
        for (std::uint16_t port = 0; port < kPorts; ++port) {
          const bool in_flow = flow.box.dst.v4.Contains(dst) && flow.box.proto.Contains(protocol) &&
                               flow.box.dport.Contains(port);
          if (!in_flow) continue;
          int holders = 0;
          const Rule* decided = nullptr;
          for (const Match& match : matches) {
            const Box& box = match.whole ? flow.box : match.box;
            if (!box.dst.v4.Contains(dst) || !box.proto.Contains(protocol)) continue;
            if (net::HasPorts(protocol) && !box.dport.Contains(port)) continue;
            ++holders;
            decided = match.rules.front();
          }
          INFO("seed " << seed << " dst " << d << " protocol " << int{protocol} << " port " << port);
          REQUIRE(holders == 1);
          REQUIRE(decided == Reference(filters, dst, protocol, port));
        }
      }
    }
  }
  // Both ways of deciding were exercised.
  CHECK(whole > 20);
  CHECK(split > 20);
}

}  // namespace
}  // namespace reachcheck::analysis::detail
