// SPDX-License-Identifier: Apache-2.0
// Lookups and filters of the reference evaluator: address owners, route choice, ACL and
// security group checks for one packet, by linear scans over the model.
#include "support/reference_lookup.h"

#include <algorithm>

#include "reachcheck/net/protocol.h"

namespace reachcheck::testing::reference {

using model::Handle;
using model::kNone;

namespace {

bool V4In(const net::IpAddress& a, std::uint32_t base, int length) {
  if (!a.is_v4()) return false;
  const std::uint32_t mask = length == 0 ? 0 : ~std::uint32_t{0} << (32 - length);
  return (a.v4() & mask) == base;
}

bool CidrHolds(const net::Cidr& cidr, const net::IpAddress& address) {
  return cidr.family() == address.family && cidr.Contains(address);
}

}  // namespace

bool InRfc1918(const net::IpAddress& a) {
  return V4In(a, 0x0A000000u, 8) || V4In(a, 0xAC100000u, 12) || V4In(a, 0xC0A80000u, 16);
}

bool InRfc6598(const net::IpAddress& a) { return V4In(a, 0x64400000u, 10); }

std::vector<net::Cidr> VpcCidrs(const model::Network& network, Handle vpc) {
  std::vector<net::Cidr> out;
  if (vpc == kNone) return out;
  const model::Vpc& v = network.vpcs[vpc];
  out.insert(out.end(), v.ipv4_cidrs.begin(), v.ipv4_cidrs.end());
  out.insert(out.end(), v.ipv6_cidrs.begin(), v.ipv6_cidrs.end());
  return out;
}

bool SubnetHolds(const model::Network& network, Handle subnet, const net::IpAddress& address) {
  const model::Subnet& s = network.subnets[subnet];
  if (s.has_ipv4 && CidrHolds(s.ipv4_cidr, address)) return true;
  for (const net::Cidr& c : s.ipv6_cidrs) {
    if (CidrHolds(c, address)) return true;
  }
  return false;
}

Handle SubnetOfVpcHolding(const model::Network& network, Handle vpc, const net::IpAddress& address) {
  for (Handle s = 0; s < network.subnets.size(); ++s) {
    if (network.subnets[s].vpc == vpc && SubnetHolds(network, s, address)) return s;
  }
  return kNone;
}

Handle VpcOfIpv6(const model::Network& network, const net::IpAddress& address) {
  for (Handle v = 0; v < network.vpcs.size(); ++v) {
    for (const net::Cidr& c : network.vpcs[v].ipv6_cidrs) {
      if (CidrHolds(c, address)) return v;
    }
  }
  return kNone;
}

bool InAnyVpcIpv4(const model::Network& network, const net::IpAddress& address) {
  for (const model::Vpc& v : network.vpcs) {
    for (const net::Cidr& c : v.ipv4_cidrs) {
      if (CidrHolds(c, address)) return true;
    }
  }
  return false;
}

bool IsNatInterface(const model::NetworkInterface& eni) { return eni.interface_type == "nat_gateway"; }

bool InterfaceHasAddress(const model::Network& network, Handle interface, const net::IpAddress& address) {
  const model::NetworkInterface& eni = network.interfaces[interface];
  for (const model::PrivateAddress& p : eni.private_addresses) {
    if (p.address == address) return true;
  }
  for (const net::IpAddress& a : eni.ipv6_addresses) {
    if (a == address) return true;
  }
  return false;
}

Handle InterfaceOwning(const model::Network& network, Handle subnet, const net::IpAddress& address) {
  for (Handle i = 0; i < network.interfaces.size(); ++i) {
    const model::NetworkInterface& eni = network.interfaces[i];
    if (eni.subnet != subnet || IsNatInterface(eni)) continue;
    if (InterfaceHasAddress(network, i, address)) return i;
  }
  return kNone;
}

std::optional<net::IpAddress> NatPrivate(const model::NatGateway& nat) {
  for (const model::NatAddress& a : nat.addresses) {
    if (a.primary && a.private_ip) return a.private_ip;
  }
  for (const model::NatAddress& a : nat.addresses) {
    if (a.private_ip) return a.private_ip;
  }
  return std::nullopt;
}

std::optional<net::IpAddress> NatPublic(const model::NatGateway& nat) {
  for (const model::NatAddress& a : nat.addresses) {
    if (a.primary && a.public_ip) return a.public_ip;
  }
  for (const model::NatAddress& a : nat.addresses) {
    if (a.public_ip) return a.public_ip;
  }
  return std::nullopt;
}

Handle NatOwningPrivate(const model::Network& network, Handle subnet, const net::IpAddress& address) {
  for (Handle n = 0; n < network.nat_gateways.size(); ++n) {
    const model::NatGateway& nat = network.nat_gateways[n];
    if (nat.subnet != subnet) continue;
    for (const model::NatAddress& a : nat.addresses) {
      if (a.private_ip && *a.private_ip == address) return n;
    }
  }
  return kNone;
}

Handle NatOwningPublic(const model::Network& network, const net::IpAddress& address) {
  for (Handle n = 0; n < network.nat_gateways.size(); ++n) {
    for (const model::NatAddress& a : network.nat_gateways[n].addresses) {
      if (a.public_ip && *a.public_ip == address) return n;
    }
  }
  return kNone;
}

std::optional<net::IpAddress> PublicOf(const model::Network& network, Handle interface,
                                       const net::IpAddress& address) {
  const model::NetworkInterface& eni = network.interfaces[interface];
  if (IsNatInterface(eni)) return std::nullopt;
  for (const model::PrivateAddress& p : eni.private_addresses) {
    if (p.address == address && p.public_ip) return p.public_ip;
  }
  // Elastic IPs, in case they were not merged into the interface's addresses.
  for (const model::ElasticIp& eip : network.elastic_ips) {
    if (eip.network_interface != interface) continue;
    if (eip.private_ip
            ? *eip.private_ip == address
            : (!eni.private_addresses.empty() && eni.private_addresses.front().address == address)) {
      return eip.public_ip;
    }
  }
  return std::nullopt;
}

std::optional<net::IpAddress> PublicOfVpcAddress(const model::Network& network, Handle vpc,
                                                 const net::IpAddress& address) {
  for (Handle i = 0; i < network.interfaces.size(); ++i) {
    if (network.interfaces[i].vpc != vpc) continue;
    if (auto p = PublicOf(network, i, address)) return p;
  }
  return std::nullopt;
}

Handle InterfaceWithPublic(const model::Network& network, const net::IpAddress& public_ip,
                           net::IpAddress* private_out) {
  for (Handle i = 0; i < network.interfaces.size(); ++i) {
    for (const model::PrivateAddress& p : network.interfaces[i].private_addresses) {
      const std::optional<net::IpAddress> pub = PublicOf(network, i, p.address);
      if (pub && *pub == public_ip) {
        *private_out = p.address;
        return i;
      }
    }
  }
  return kNone;
}

bool GatewayAttachedTo(const model::InternetGateway& gateway, Handle vpc) {
  for (const model::GatewayAttachment& a : gateway.attachments) {
    if (a.vpc == vpc && vpc != kNone && a.Attached()) return true;
  }
  return false;
}

Handle AttachedGateway(const model::Network& network, Handle vpc, bool egress_only) {
  for (Handle g = 0; g < network.internet_gateways.size(); ++g) {
    const model::InternetGateway& gw = network.internet_gateways[g];
    if (gw.egress_only == egress_only && GatewayAttachedTo(gw, vpc)) return g;
  }
  return kNone;
}

bool PeeredAnyStatus(const model::Network& network, Handle a, Handle b) {
  for (const model::VpcPeering& p : network.peerings) {
    if ((p.requester.vpc == a && p.accepter.vpc == b) || (p.requester.vpc == b && p.accepter.vpc == a)) {
      if (a != kNone && b != kNone) return true;
    }
  }
  return false;
}

namespace {

std::string SideRegion(const model::Network& network, const model::PeeringSide& side) {
  if (!side.region.empty()) return side.region;
  if (side.vpc != kNone && network.vpcs[side.vpc].scope < network.scopes.size()) {
    return network.scopes[network.vpcs[side.vpc].scope].region;
  }
  return "";
}

}  // namespace

bool PeeredActiveSameRegion(const model::Network& network, Handle a, Handle b) {
  for (const model::VpcPeering& p : network.peerings) {
    if (!p.Active() || a == kNone || b == kNone) continue;
    if ((p.requester.vpc == a && p.accepter.vpc == b) || (p.requester.vpc == b && p.accepter.vpc == a)) {
      if (SideRegion(network, p.requester) == SideRegion(network, p.accepter)) return true;
    }
  }
  return false;
}

bool AclAdmits(const model::NetworkAcl& acl, model::Direction direction, std::uint8_t protocol,
               const net::IpAddress& remote, const net::PortSet& ports, std::string* why) {
  std::vector<const model::AclEntry*> entries;
  for (const model::AclEntry& e : acl.Entries(direction)) entries.push_back(&e);
  std::stable_sort(entries.begin(), entries.end(), [](const model::AclEntry* a, const model::AclEntry* b) {
    return a->rule_number < b->rule_number;
  });
  const bool has_ports = net::HasPorts(protocol);
  net::PortSet remaining = has_ports ? ports : net::PortSet::Single(0);
  for (const model::AclEntry* e : entries) {
    if (!e->service.protocols.Contains(protocol) || !CidrHolds(e->cidr, remote)) continue;
    const net::PortSet hit = has_ports ? remaining.Intersect(e->service.ports) : remaining;
    if (hit.IsEmpty()) continue;
    if (!e->allow) {
      *why = acl.id + " denies by rule " + std::to_string(e->rule_number);
      return false;
    }
    remaining = remaining.Subtract(hit);
    if (remaining.IsEmpty()) {
      *why = acl.id + " allows by rule " + std::to_string(e->rule_number);
      return true;
    }
  }
  *why = acl.id + " denies: no entry matches (implicit deny)";
  return false;
}

namespace {

bool GroupReferenceMatches(const model::Network& network, Handle group, const net::IpAddress& peer,
                           Handle vpc) {
  if (group == kNone) return false;
  for (Handle k = 0; k < network.interfaces.size(); ++k) {
    const model::NetworkInterface& eni = network.interfaces[k];
    if (std::find(eni.groups.begin(), eni.groups.end(), group) == eni.groups.end()) continue;
    if (!InterfaceHasAddress(network, k, peer)) continue;
    if (eni.vpc == vpc || PeeredActiveSameRegion(network, vpc, eni.vpc)) return true;
  }
  return false;
}

bool PeerMatches(const model::Network& network, const model::SgRule& rule, const net::IpAddress& peer,
                 Handle vpc, bool translated) {
  switch (rule.peer_kind) {
    case model::PeerKind::kCidr:
      return CidrHolds(rule.cidr, peer);
    case model::PeerKind::kPrefixList:
      if (rule.prefix_list == kNone) return false;
      for (const net::Cidr& c : network.prefix_lists[rule.prefix_list].cidrs) {
        if (CidrHolds(c, peer)) return true;
      }
      return false;
    case model::PeerKind::kSecurityGroup:
      return !translated && GroupReferenceMatches(network, rule.group, peer, vpc);
  }
  return false;
}

}  // namespace

GroupVerdict GroupsAdmit(const model::Network& network, Handle interface, model::Direction direction,
                         std::uint8_t protocol, std::uint16_t port, const net::IpAddress& peer,
                         bool translated, std::string* why) {
  const model::NetworkInterface& eni = network.interfaces[interface];
  if (eni.groups.empty()) {
    *why = eni.id + " has no security group";
    return GroupVerdict::kNoGroups;
  }
  bool all_empty = true;
  for (Handle g : eni.groups) {
    const model::SecurityGroup& group = network.security_groups[g];
    all_empty = all_empty && group.HasNoRules();
    const std::vector<model::SgRule>& rules =
        direction == model::Direction::kIngress ? group.ingress : group.egress;
    for (const model::SgRule& rule : rules) {
      if (rule.service.Matches(protocol, port) && PeerMatches(network, rule, peer, eni.vpc, translated)) {
        *why = group.id + " admits by rule " + std::to_string(&rule - rules.data());
        return GroupVerdict::kAdmitted;
      }
    }
  }
  *why = "no rule of the groups of " + eni.id + " matches";
  if (translated) *why += " (SG_REFERENCES_NOT_PRESERVED)";
  return all_empty ? GroupVerdict::kNoRules : GroupVerdict::kMismatch;
}

RouteChoice LookupRoute(const model::Network& network, const model::RouteTable& table, Handle vpc,
                        const net::IpAddress& destination) {
  RouteChoice best;
  int best_length = -1;
  int best_rank = 0;
  auto offer = [&](int length, int rank, bool local, const model::Route* route, const std::string& text) {
    if (length > best_length || (length == best_length && rank < best_rank)) {
      best_length = length;
      best_rank = rank;
      best = RouteChoice{true, local, route, text};
    }
  };
  for (const net::Cidr& c : VpcCidrs(network, vpc)) {
    if (CidrHolds(c, destination)) offer(c.length, 0, true, nullptr, c.ToString() + " -> local (implicit)");
  }
  for (const model::Route& r : table.routes) {
    const bool propagated = r.route_origin == model::RouteOrigin::kPropagated;
    const bool local = r.target_kind == model::TargetKind::kLocal;
    const std::string text = r.DestinationText() + " -> " + r.target_id;
    if (r.destination) {
      if (CidrHolds(*r.destination, destination)) {
        offer(r.destination->length, propagated ? 3 : (local ? 0 : 1), local, &r, text);
      }
    } else if (r.prefix_list != kNone) {
      for (const net::Cidr& c : network.prefix_lists[r.prefix_list].cidrs) {
        if (CidrHolds(c, destination))
          offer(c.length, propagated ? 3 : 2, local, &r, text + " (" + c.ToString() + ")");
      }
    }
  }
  return best;
}

}  // namespace reachcheck::testing::reference
