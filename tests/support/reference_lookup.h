// SPDX-License-Identifier: Apache-2.0
// Lookups and filters of the reference evaluator: who owns an address, which route a table
// picks, whether an ACL or a security group admits one packet. Plain linear scans.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "reachcheck/model/network.h"
#include "reachcheck/net/ip_address.h"
#include "reachcheck/net/port_set.h"

namespace reachcheck::testing::reference {

bool InRfc1918(const net::IpAddress& address);
bool InRfc6598(const net::IpAddress& address);

/// Every CIDR block of a VPC, IPv4 then IPv6.
std::vector<net::Cidr> VpcCidrs(const model::Network& network, model::Handle vpc);
bool SubnetHolds(const model::Network& network, model::Handle subnet, const net::IpAddress& address);
/// The subnet of `vpc` whose blocks hold `address`, or kNone.
model::Handle SubnetOfVpcHolding(const model::Network& network, model::Handle vpc,
                                 const net::IpAddress& address);
/// The VPC (first in the snapshot) whose IPv6 blocks hold `address`, or kNone.
model::Handle VpcOfIpv6(const model::Network& network, const net::IpAddress& address);
/// Whether `address` lies in the IPv4 blocks of any VPC.
bool InAnyVpcIpv4(const model::Network& network, const net::IpAddress& address);

bool IsNatInterface(const model::NetworkInterface& eni);
/// The interface (not a NAT's own) in `subnet` owning `address` (private or IPv6), or kNone.
model::Handle InterfaceOwning(const model::Network& network, model::Handle subnet,
                              const net::IpAddress& address);
bool InterfaceHasAddress(const model::Network& network, model::Handle interface,
                         const net::IpAddress& address);
/// The NAT gateway in `subnet` with private address `address`, or kNone.
model::Handle NatOwningPrivate(const model::Network& network, model::Handle subnet,
                               const net::IpAddress& address);
/// The NAT gateway with public address `address`, or kNone.
model::Handle NatOwningPublic(const model::Network& network, const net::IpAddress& address);
/// A NAT gateway's primary private / public address.
std::optional<net::IpAddress> NatPrivate(const model::NatGateway& nat);
std::optional<net::IpAddress> NatPublic(const model::NatGateway& nat);

/// The public IPv4 address (public IP or Elastic IP) of private address `address` of `interface`.
std::optional<net::IpAddress> PublicOf(const model::Network& network, model::Handle interface,
                                       const net::IpAddress& address);
/// The public IPv4 address of private address `address` of whichever interface of `vpc`
/// owns it (a host that merely uses the address gets it too), or nothing.
std::optional<net::IpAddress> PublicOfVpcAddress(const model::Network& network, model::Handle vpc,
                                                 const net::IpAddress& address);
/// The interface whose public IPv4 address is `public_ip`; `private_out` gets the private one.
model::Handle InterfaceWithPublic(const model::Network& network, const net::IpAddress& public_ip,
                                  net::IpAddress* private_out);

/// The internet gateway (egress_only false) or egress-only gateway (true) attached to `vpc`.
model::Handle AttachedGateway(const model::Network& network, model::Handle vpc, bool egress_only);
bool GatewayAttachedTo(const model::InternetGateway& gateway, model::Handle vpc);

/// A peering of any status joins `a` and `b` (both in the snapshot).
bool PeeredAnyStatus(const model::Network& network, model::Handle a, model::Handle b);
/// An active peering in one region joins `a` and `b`.
bool PeeredActiveSameRegion(const model::Network& network, model::Handle a, model::Handle b);

/// Whether ACL `acl` admits, in `direction`, a packet of `protocol` whose remote address is
/// `remote`, for EVERY destination port of `ports` (first matching entry in rule order).
bool AclAdmits(const model::NetworkAcl& acl, model::Direction direction, std::uint8_t protocol,
               const net::IpAddress& remote, const net::PortSet& ports, std::string* why);

enum class GroupVerdict { kAdmitted, kNoGroups, kMismatch, kNoRules };
/// Whether the groups of `interface` admit, in `direction`, (protocol, port) to/from `peer`.
/// Group references never match when `translated` (the source went through an IGW or NAT).
GroupVerdict GroupsAdmit(const model::Network& network, model::Handle interface, model::Direction direction,
                         std::uint8_t protocol, std::uint16_t port, const net::IpAddress& peer,
                         bool translated, std::string* why);

/// The route a table picks for `destination` from a subnet of `vpc` (longest prefix; at equal
/// length local, CIDR, prefix list, propagated). `local` is set when the pick is a local
/// route (implicit or listed); `route` is null for the implicit one.
struct RouteChoice {
  bool found = false;
  bool local = false;
  const model::Route* route = nullptr;
  std::string text;  ///< "10.0.0.0/16 -> local"
};
RouteChoice LookupRoute(const model::Network& network, const model::RouteTable& table, model::Handle vpc,
                        const net::IpAddress& destination);

}  // namespace reachcheck::testing::reference
