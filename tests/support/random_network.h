// SPDX-License-Identifier: Apache-2.0
// A seeded generator of small random AWS networks whose rules, routes and addresses overlap
// on purpose (a few VPCs, <= ~30 interfaces), for the differential test of the engine.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "reachcheck/model/network.h"

namespace reachcheck::testing {

/// A tiny deterministic generator (splitmix64), the same on every platform.
class SeededRandom {
 public:
  explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next();
  /// Uniform in [0, n); n > 0.
  std::uint32_t Below(std::uint32_t n) { return static_cast<std::uint32_t>(Next() % n); }
  /// True with probability percent / 100.
  bool Percent(int percent) { return Below(100) < static_cast<std::uint32_t>(percent); }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(static_cast<std::uint32_t>(items.size()))];
  }

 private:
  std::uint64_t state_;
};

struct RandomNetworkOptions {
  int min_vpcs = 2;
  int max_vpcs = 4;
  int max_interfaces = 26;
  bool nat_interfaces = true;  ///< list the NAT gateways' own interfaces (type nat_gateway)
};

/// The network built for `seed`, validated (model::Validate's warnings go to `diagnostics`
/// as text, e.g. a route to a NAT of another VPC). Same seed, same network.
model::Network MakeRandomNetwork(std::uint64_t seed, const RandomNetworkOptions& options,
                                 std::vector<std::string>& diagnostics);

/// Every element of `network` with the fields the analysis reads, one line each: enough to
/// rebuild a failing case by hand.
std::string DescribeNetwork(const model::Network& network);

}  // namespace reachcheck::testing
