// SPDX-License-Identifier: Apache-2.0
// The reference evaluator: judges ONE concrete packet by walking docs/reachability-semantics.md
// literally (linear scans, no sets of packets), to check the engine against.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "reachcheck/model/network.h"
#include "reachcheck/net/address_set.h"
#include "reachcheck/net/ip_address.h"

namespace reachcheck::testing {

/// Who sends the packet (the page's "Sources").
enum class SenderKind {
  kInterface,    ///< a network interface: its subnet, its security groups
  kSubnetHost,   ///< a host that could live in a subnet: subnet ACL and routes, no group
  kOutsideHost,  ///< an outside host on the internet
};

/// One packet: its sender and its header. For ICMP/ICMPv6 `dst_port` is type * 256 + code.
struct ConcretePacket {
  SenderKind sender = SenderKind::kInterface;
  model::Handle interface = model::kNone;  ///< kInterface
  model::Handle subnet = model::kNone;     ///< kSubnetHost
  net::IpAddress src;
  net::IpAddress dst;
  std::uint8_t protocol = 6;
  std::uint16_t src_port = 0;
  std::uint16_t dst_port = 0;
  /// kOutsideHost asked about as `igw-`: it must come in through this internet gateway.
  model::Handle entry_gateway = model::kNone;

  /// "eni-1 10.0.1.5:40000 -> 10.0.2.7:443 tcp".
  std::string ToString(const model::Network& network) const;
};

/// What counts as delivered for the question (the page's "Destinations").
enum class DestinationKind {
  kInterfaces,  ///< interface / instance / tag: one of `interfaces`, security groups apply
  kSubnet,      ///< a host that could live in `subnet`, at any of its addresses
  kAddresses,   ///< address / CIDR / internet: whatever the walk delivers the packet to
  kGateway,     ///< igw- / nat- / pcx-: as kAddresses, having passed through `gateway`
};

enum class GatewayKind { kInternet, kNat, kPeering };

struct DestinationSpec {
  DestinationKind kind = DestinationKind::kAddresses;
  std::vector<model::Handle> interfaces;              ///< kInterfaces
  model::Handle subnet = model::kNone;                ///< kSubnet
  GatewayKind gateway_kind = GatewayKind::kInternet;  ///< kGateway
  model::Handle gateway = model::kNone;  ///< kGateway: internet_gateways / nat_gateways / peerings
};

/// A component that dropped the packet or its reply.
struct ReferenceBlocker {
  std::string code;
  std::string component;
  bool return_path = false;
  std::string detail;
};

/// The evaluator's answer for one packet.
struct ReferenceOutcome {
  bool delivered = false;    ///< the request reached the destination with no forward blocker
  bool reply_back = false;   ///< the reply reached the sender with no return blocker
  bool reachable = false;    ///< delivered && reply_back
  std::string delivered_to;  ///< "eni-..", "subnet-.. (no interface)", "internet", "" if not
  std::vector<ReferenceBlocker> blockers;
  std::vector<std::string> trace;  ///< every step, for failure messages

  /// The distinct (code, return_path) pairs of `blockers`.
  std::set<std::pair<std::string, bool>> Codes() const;
  /// Verdict, delivery, blockers and the trace, one per line.
  std::string ToString() const;
};

/// Walks `packet` and, when it is delivered, its reply.
ReferenceOutcome Evaluate(const model::Network& network, const ConcretePacket& packet,
                          const DestinationSpec& destination);

/// The addresses an interface destination is asked about from a sender in `source_vpc`
/// (model::kNone for an outside host): private IPv4 + IPv6 from its own VPC or a VPC joined
/// to it by a peering of any status, else public IPv4 (private when it has none) + IPv6.
net::AddressSet InterfaceDestinationAddresses(const model::Network& network, model::Handle interface,
                                              model::Handle source_vpc);

/// Interfaces owning `address` as one of their private IPv4 or IPv6 addresses (NAT gateway
/// interfaces excluded): the senders an address source stands for.
std::vector<model::Handle> PrivateAddressOwners(const model::Network& network, const net::IpAddress& address);

/// Every private IPv4 and IPv6 address of an interface.
std::vector<net::IpAddress> InterfaceAddresses(const model::Network& network, model::Handle interface);

/// Every CIDR block of a subnet (IPv4 when it has one, then IPv6).
std::vector<net::Cidr> SubnetCidrs(const model::Network& network, model::Handle subnet);

}  // namespace reachcheck::testing
