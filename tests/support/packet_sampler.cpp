// SPDX-License-Identifier: Apache-2.0
// PacketSampler: biased draws of addresses, protocols and ports; InternetSet.
#include "support/packet_sampler.h"

#include <algorithm>
#include <limits>

#include "support/reference_evaluator.h"

namespace reachcheck::testing {

namespace {

void AddEdges(std::vector<net::IpAddress>& out, const net::Cidr& cidr) {
  const net::IpAddress first = cidr.First();
  const net::IpAddress last = cidr.Last();
  out.push_back(first);
  out.push_back(last);
  if (first != last) {
    out.push_back(net::IpAddress{first.family, first.bits + 1});
    out.push_back(net::IpAddress{last.family, last.bits - 1});
  }
  if (first.bits > 0) out.push_back(net::IpAddress{first.family, first.bits - 1});
  const net::Uint128 max =
      first.family == net::Family::kV4 ? net::Uint128{0xffffffffu} : std::numeric_limits<net::Uint128>::max();
  if (last.bits < max) out.push_back(net::IpAddress{last.family, last.bits + 1});
}

void AddAddress(std::vector<net::IpAddress>& out, const net::IpAddress& a) {
  out.push_back(a);
  out.push_back(net::IpAddress{a.family, a.bits + 1});
}

}  // namespace

PacketSampler::PacketSampler(const model::Network& n, SeededRandom& rng) : rng_(rng) {
  for (const char* text :
       {"8.8.8.8", "1.1.1.1", "203.0.113.5", "198.51.100.7", "10.99.0.1", "192.168.99.1", "100.64.0.1",
        "172.20.0.1", "54.0.0.250", "2001:db8::1", "2001:db8:8000::1", "2600:1f18:900::1"}) {
    interesting_.push_back(*net::ParseIpAddress(text));
  }
  for (const model::Vpc& v : n.vpcs) {
    for (const net::Cidr& c : v.ipv4_cidrs) AddEdges(interesting_, c);
    for (const net::Cidr& c : v.ipv6_cidrs) AddEdges(interesting_, c);
  }
  for (model::Handle s = 0; s < n.subnets.size(); ++s) {
    for (const net::Cidr& c : SubnetCidrs(n, s)) AddEdges(interesting_, c);
  }
  for (const model::RouteTable& t : n.route_tables) {
    for (const model::Route& r : t.routes) {
      if (r.destination) AddEdges(interesting_, *r.destination);
    }
  }
  for (const model::PrefixList& p : n.prefix_lists) {
    for (const net::Cidr& c : p.cidrs) AddEdges(interesting_, c);
  }
  for (const model::SecurityGroup& g : n.security_groups) {
    for (const std::vector<model::SgRule>* rules : {&g.ingress, &g.egress}) {
      for (const model::SgRule& r : *rules) {
        if (r.peer_kind == model::PeerKind::kCidr) AddEdges(interesting_, r.cidr);
      }
    }
  }
  for (const model::NetworkAcl& a : n.network_acls) {
    for (const model::AclEntry& e : a.inbound) AddEdges(interesting_, e.cidr);
    for (const model::AclEntry& e : a.outbound) AddEdges(interesting_, e.cidr);
  }
  for (const model::NetworkInterface& i : n.interfaces) {
    for (const model::PrivateAddress& p : i.private_addresses) {
      AddAddress(interesting_, p.address);
      if (p.public_ip) AddAddress(interesting_, *p.public_ip);
    }
    for (const net::IpAddress& a : i.ipv6_addresses) AddAddress(interesting_, a);
  }
  for (const model::ElasticIp& e : n.elastic_ips) AddAddress(interesting_, e.public_ip);
  for (const model::NatGateway& g : n.nat_gateways) {
    for (const model::NatAddress& a : g.addresses) {
      if (a.private_ip) AddAddress(interesting_, *a.private_ip);
      if (a.public_ip) AddAddress(interesting_, *a.public_ip);
    }
  }
}

net::IpAddress PacketSampler::Address(const net::AddressSet& set, net::Family family) {
  if (rng_.Percent(75)) {
    std::vector<net::IpAddress> inside;
    for (const net::IpAddress& a : interesting_) {
      if (a.family == family && set.Contains(a)) inside.push_back(a);
    }
    if (!inside.empty()) return rng_.Pick(inside);
  }
  if (family == net::Family::kV4) {
    const auto& intervals = set.v4.Intervals();
    const auto& i = intervals[rng_.Below(static_cast<std::uint32_t>(intervals.size()))];
    const std::uint64_t size = std::uint64_t{i.hi} - i.lo + 1;
    return net::IpAddress::V4(static_cast<std::uint32_t>(i.lo + rng_.Next() % size));
  }
  const auto& intervals = set.v6.Intervals();
  const auto& i = intervals[rng_.Below(static_cast<std::uint32_t>(intervals.size()))];
  const net::Uint128 random = (net::Uint128{rng_.Next()} << 64) | rng_.Next();
  const net::Uint128 span = i.hi - i.lo;
  if (span == std::numeric_limits<net::Uint128>::max()) return net::IpAddress::V6(random);
  return net::IpAddress::V6(i.lo + random % (span + 1));
}

std::vector<net::IpAddress> PacketSampler::InterestingIn(const net::AddressSet& set,
                                                         net::Family family) const {
  std::vector<net::IpAddress> out;
  for (const net::IpAddress& a : interesting_) {
    if (a.family == family && set.Contains(a)) out.push_back(a);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<net::IpAddress> PacketSampler::AddressNotIn(const net::AddressSet& set, net::Family family) {
  std::vector<net::IpAddress> outside;
  for (const net::IpAddress& a : interesting_) {
    if (a.family == family && !set.Contains(a)) outside.push_back(a);
  }
  if (outside.empty()) return std::nullopt;
  return rng_.Pick(outside);
}

std::uint8_t PacketSampler::Protocol(const net::ProtocolSet& all_protocols, net::Family family) {
  // No packet of a family carries the other family's ICMP.
  const net::ProtocolSet protocols = net::ProtocolsOfFamily(all_protocols, family == net::Family::kV4);
  std::vector<std::uint8_t> favourites = {net::kTcp, net::kTcp, net::kUdp,
                                          family == net::Family::kV4 ? net::kIcmp : net::kIcmpv6,
                                          family == net::Family::kV4 ? net::kIcmp : net::kIcmpv6};
  if (rng_.Percent(15)) favourites = {47, 0, 50, 255, net::kIcmp, net::kIcmpv6};
  std::vector<std::uint8_t> inside;
  for (std::uint8_t p : favourites) {
    if (protocols.Contains(p)) inside.push_back(p);
  }
  if (!inside.empty()) return rng_.Pick(inside);
  const auto& intervals = protocols.Intervals();
  const auto& i = intervals[rng_.Below(static_cast<std::uint32_t>(intervals.size()))];
  return static_cast<std::uint8_t>(i.lo + rng_.Below(static_cast<std::uint32_t>(i.hi - i.lo) + 1));
}

std::uint16_t PacketSampler::FromSet(const net::PortSet& ports,
                                     const std::vector<std::uint16_t>& favourites) {
  if (rng_.Percent(80)) {
    std::vector<std::uint16_t> inside;
    for (std::uint16_t p : favourites) {
      if (ports.Contains(p)) inside.push_back(p);
    }
    if (!inside.empty()) return rng_.Pick(inside);
  }
  const auto& intervals = ports.Intervals();
  const auto& i = intervals[rng_.Below(static_cast<std::uint32_t>(intervals.size()))];
  return static_cast<std::uint16_t>(i.lo + rng_.Below(static_cast<std::uint32_t>(i.hi - i.lo) + 1));
}

std::uint16_t PacketSampler::Port(const net::PortSet& ports, std::uint8_t protocol) {
  if (protocol == net::kIcmp || protocol == net::kIcmpv6) {
    auto packed = [](int type, int code) { return static_cast<std::uint16_t>(type * 256 + code); };
    return FromSet(ports, {packed(8, 0), packed(8, 0), packed(0, 0), packed(3, 4), packed(3, 3),
                           packed(11, 0), packed(128, 0), packed(128, 0), packed(129, 0), packed(1, 4),
                           packed(8, 1), packed(5, 0), packed(255, 255)});
  }
  return FromSet(
      ports, {0,    1,    21,   22,   23,   52,   53,   54,   79,   80,   81,   442,   443,   444,   999,
              1000, 1022, 1023, 1024, 1025, 2000, 2001, 8079, 8080, 8090, 8091, 32767, 32768, 65534, 65535});
}

std::uint16_t PacketSampler::SourcePort(const net::PortSet& ports) {
  return FromSet(ports, {1024, 1025, 2000, 2001, 32767, 32768, 40000, 65534, 65535, 0, 22, 1023});
}

net::AddressSet InternetSet(const model::Network& n) {
  net::AddressSet out = net::AddressSet::All();
  for (const char* text : {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"}) {
    out = out.Subtract(net::AddressSet::Of(*net::ParseCidr(text).cidr));
  }
  for (const model::Vpc& v : n.vpcs) {
    out = out.Subtract(net::AddressSet::Of(v.ipv4_cidrs)).Subtract(net::AddressSet::Of(v.ipv6_cidrs));
  }
  for (const model::NetworkInterface& i : n.interfaces) {
    for (const model::PrivateAddress& p : i.private_addresses) {
      if (p.public_ip) out = out.Subtract(net::AddressSet::Of(*p.public_ip));
    }
    for (const net::IpAddress& a : i.ipv6_addresses) out = out.Subtract(net::AddressSet::Of(a));
  }
  for (const model::ElasticIp& e : n.elastic_ips) out = out.Subtract(net::AddressSet::Of(e.public_ip));
  for (const model::NatGateway& g : n.nat_gateways) {
    for (const model::NatAddress& a : g.addresses) {
      if (a.public_ip) out = out.Subtract(net::AddressSet::Of(*a.public_ip));
    }
  }
  return out;
}

}  // namespace reachcheck::testing
