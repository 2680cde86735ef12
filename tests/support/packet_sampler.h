// SPDX-License-Identifier: Apache-2.0
// Draws concrete packet fields from a question's header space, biased to the values where
// classes split: CIDR edges and modelled addresses, port-range edges, ICMP types.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "reachcheck/model/network.h"
#include "reachcheck/net/address_set.h"
#include "reachcheck/net/port_set.h"
#include "reachcheck/net/protocol.h"
#include "support/random_network.h"

namespace reachcheck::testing {

class PacketSampler {
 public:
  /// Collects the interesting values of `network` (every CIDR's edges, every address).
  PacketSampler(const model::Network& network, SeededRandom& rng);

  /// An address of `set` in `family`; precondition: the set has one.
  net::IpAddress Address(const net::AddressSet& set, net::Family family);
  /// Every modelled or edge address of `family` in `set`: one at least in each piece of the
  /// address space where no rule or route of the network changes.
  std::vector<net::IpAddress> InterestingIn(const net::AddressSet& set, net::Family family) const;
  /// A modelled or edge address of `family` that is NOT in `set`, if there is one.
  std::optional<net::IpAddress> AddressNotIn(const net::AddressSet& set, net::Family family);
  /// A protocol of `protocols` (tcp, udp, icmp or icmpv6 for `family`, and a few others).
  std::uint8_t Protocol(const net::ProtocolSet& protocols, net::Family family);
  /// A destination port (or packed ICMP type/code) of `ports` for `protocol`.
  std::uint16_t Port(const net::PortSet& ports, std::uint8_t protocol);
  /// A source port of `ports`.
  std::uint16_t SourcePort(const net::PortSet& ports);

 private:
  std::uint16_t FromSet(const net::PortSet& ports, const std::vector<std::uint16_t>& favourites);

  SeededRandom& rng_;
  std::vector<net::IpAddress> interesting_;
};

/// The `internet` address set, computed from the semantics page independently of the engine:
/// every address minus private (RFC 1918) and shared (RFC 6598) ranges, VPC blocks and the
/// public addresses of modelled interfaces and NAT gateways.
net::AddressSet InternetSet(const model::Network& network);

/// Whether `set` holds an address of `family`.
inline bool HasFamily(const net::AddressSet& set, net::Family family) {
  return family == net::Family::kV4 ? !set.v4.IsEmpty() : !set.v6.IsEmpty();
}

}  // namespace reachcheck::testing
