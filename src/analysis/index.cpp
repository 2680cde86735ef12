// SPDX-License-Identifier: Apache-2.0
// Builds the lookup index: VPCs (subnets, gateways, peers), address owners, public address
// maps and route tables' longest-prefix-match partitions.
#include "analysis/index.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

#include "analysis/lpm.h"
#include "reachcheck/base/parallel.h"

namespace reachcheck::analysis::detail {
net::AddressSet CidrSet(std::vector<net::Cidr> cidrs) {
  std::sort(cidrs.begin(), cidrs.end(), [](const net::Cidr& a, const net::Cidr& b) {
    return a.base.family != b.base.family ? a.base.family < b.base.family : a.base.bits < b.base.bits;
  });
  net::AddressSet out;
  for (const net::Cidr& c : cidrs) {
    if (c.family() == net::Family::kV4) {
      out.v4.AppendMerging({c.First().v4(), c.Last().v4()});
    } else {
      out.v6.AppendMerging({c.First().bits, c.Last().bits});
    }
  }
  return out;
}

namespace {

template <typename P>
void AddSpan(SpanIndex<P>& index, const net::Cidr& cidr, P payload) {
  auto& list = cidr.family() == net::Family::kV4 ? index.v4 : index.v6;
  list.push_back({cidr.First().bits, cidr.Last().bits, payload});
}

/// Sorts and drops spans that overlap an earlier one (first in address order wins).
template <typename P>
void Disjoint(std::vector<Span<P>>& spans) {
  SortSpans(spans);
  std::vector<Span<P>> out;
  for (const Span<P>& s : spans) {
    if (!out.empty() && s.lo <= out.back().hi) continue;
    out.push_back(s);
  }
  spans = std::move(out);
}

template <typename P>
void AddPoint(PointIndex<P>& index, const net::IpAddress& address, P payload) {
  (address.is_v4() ? index.v4 : index.v6).push_back({address.bits, payload});
}

/// Keeps the first point per address.
template <typename P>
void UniquePoints(std::vector<Point<P>>& points) {
  SortPoints(points);
  points.erase(std::unique(points.begin(), points.end(),
                           [](const Point<P>& a, const Point<P>& b) { return a.address == b.address; }),
               points.end());
}

/// Orders IPv4 points by address, keeping the order of equal addresses: a radix sort on the
/// address's 32 bits in two 16-bit passes (an XL estate's 200,000 interface addresses in a
/// few milliseconds, where a comparison sort took 18).
template <typename P>
void SortV4PointsStable(std::vector<Point<P>>& points) {
  std::vector<Point<P>> buffer(points.size());
  std::vector<std::uint32_t> start(std::size_t{1} << 16);
  for (int shift : {0, 16}) {
    auto digit = [shift](const Point<P>& p) {
      return (static_cast<std::uint32_t>(p.address) >> shift) & 0xffff;
    };
    std::fill(start.begin(), start.end(), 0);
    for (const Point<P>& p : points) ++start[digit(p)];
    std::uint32_t at = 0;
    for (std::uint32_t& s : start) at += std::exchange(s, at);
    for (const Point<P>& p : points) buffer[start[digit(p)]++] = p;
    points.swap(buffer);
  }
}

/// Replaces `out` with an interface's private IPv4 addresses, then its IPv6 ones.
void OwnAddresses(const model::NetworkInterface& e, std::vector<net::IpAddress>& out) {
  out.clear();
  for (const model::PrivateAddress& a : e.private_addresses) out.push_back(a.address);
  out.insert(out.end(), e.ipv6_addresses.begin(), e.ipv6_addresses.end());
}

}  // namespace

net::AddressSet SetOf(std::vector<net::IpAddress> addresses) { return SetOfInPlace(addresses); }

net::AddressSet SetOfInPlace(std::span<net::IpAddress> addresses) {
  std::sort(addresses.begin(), addresses.end());
  net::AddressSet out;
  for (const net::IpAddress& a : addresses) {
    if (a.is_v4())
      AppendValue(out.v4, a.bits);
    else
      AppendValue(out.v6, a.bits);
  }
  return out;
}

Index::Index(const model::Network& n, const std::function<void(std::size_t, std::size_t)>& step)
    : network(n) {
  constexpr std::size_t kSteps = 4;
  auto done = [&](std::size_t count) {
    if (step) step(count, kSteps);
  };
  done(1);  // started
  prefix_lists_.reserve(n.prefix_lists.size());
  for (const model::PrefixList& list : n.prefix_lists) {
    prefix_lists_.push_back(CidrSet(list.cidrs));
  }
  vpcs.resize(n.vpcs.size());             // filled by both halves below, in different fields
  tables_.resize(n.route_tables.size());  // compiled on first use (Table)
  table_once_ = std::make_unique<std::once_flag[]>(n.route_tables.size());
  done(2);
  // Two halves of about the same work, built side by side: the owners of addresses (which
  // fill each VPC's public_of); and the VPCs' blocks, subnets and peerings, then the
  // filters' slots and members, then the public addresses of modelled resources.
  base::ForEachParallel(
      2,
      [&](std::size_t part) {
        if (part == 0) {
          IndexOwners();
        } else {
          IndexVpcs();
          CompileFilters();
          modelled_public = ModelledPublicAddresses(n);  // the holes of InternetAddresses, exactly
        }
      },
      {}, 2);
  done(3);
  net::AddressSet private_v4;
  for (const auto& p : iface_private.v4) AppendValue(private_v4.v4, p.address);
  closed_from_outside = net::AddressSet{vpc_blocks.v4, {}}.Union(private_v4);
  done(4);
}

std::string Index::SideRegion(const model::PeeringSide& side) const {
  if (!side.region.empty()) return side.region;
  if (side.vpc == model::kNone) return "";
  const model::Handle scope = network.vpcs[side.vpc].scope;
  return scope == model::kNone ? "" : network.scopes[scope].region;
}

void Index::IndexVpcs() {
  const model::Network& n = network;
  for (model::Handle v = 0; v < n.vpcs.size(); ++v) {
    const model::Vpc& vpc = n.vpcs[v];
    std::vector<net::Cidr> blocks = vpc.ipv4_cidrs;
    blocks.insert(blocks.end(), vpc.ipv6_cidrs.begin(), vpc.ipv6_cidrs.end());
    vpcs[v].cidrs = CidrSet(blocks);
    for (const net::Cidr& c : vpc.ipv6_cidrs) vpc_v6.v6.push_back({c.First().bits, c.Last().bits, v});
  }
  // Gateways attached to each VPC (the first of each kind, by handle), and its peerings.
  for (model::Handle g = 0; g < n.internet_gateways.size(); ++g) {
    const model::InternetGateway& gateway = n.internet_gateways[g];
    for (const model::GatewayAttachment& a : gateway.attachments) {
      if (!a.Attached() || a.vpc == model::kNone) continue;
      model::Handle& slot = gateway.egress_only ? vpcs[a.vpc].eigw : vpcs[a.vpc].igw;
      if (slot == model::kNone) slot = g;
    }
  }
  for (model::Handle p = 0; p < n.peerings.size(); ++p) {
    const model::VpcPeering& peering = n.peerings[p];
    for (model::Handle side : {peering.requester.vpc, peering.accepter.vpc}) {
      if (side == model::kNone) continue;
      std::vector<model::Handle>& list = vpcs[side].peerings;
      if (list.empty() || list.back() != p) list.push_back(p);  // both sides in one VPC: once
    }
  }
  for (model::Handle v = 0; v < n.vpcs.size(); ++v) {
    for (model::Handle p : vpcs[v].peerings) {
      const model::VpcPeering& peering = n.peerings[p];
      const bool requester = peering.requester.vpc == v;
      const model::PeeringSide& far = requester ? peering.accepter : peering.requester;
      const model::PeeringSide& near = requester ? peering.requester : peering.accepter;
      if (far.vpc == model::kNone || far.vpc == v) continue;
      vpcs[v].peers_any.push_back(far.vpc);
      if (peering.Active() && SideRegion(far) == SideRegion(near)) {
        vpcs[v].peers_same_region.push_back(far.vpc);
      }
    }
  }
  // Available public NAT gateways of each VPC, by handle.
  for (model::Handle g = 0; g < n.nat_gateways.size(); ++g) {
    const model::NatGateway& nat = n.nat_gateways[g];
    if (nat.vpc != model::kNone && nat.Available() && nat.IsPublic()) vpcs[nat.vpc].public_nats.push_back(g);
  }
  vpc_blocks = VpcBlocks(n);
  Disjoint(vpc_v6.v6);
  for (model::Handle s = 0; s < n.subnets.size(); ++s) {
    const model::Subnet& subnet = n.subnets[s];
    if (subnet.vpc == model::kNone) continue;
    if (subnet.has_ipv4) AddSpan(vpcs[subnet.vpc].subnets, subnet.ipv4_cidr, s);
    for (const net::Cidr& c : subnet.ipv6_cidrs) AddSpan(vpcs[subnet.vpc].subnets, c, s);
  }
  for (VpcIndex& vpc : vpcs) {
    Disjoint(vpc.subnets.v4);
    Disjoint(vpc.subnets.v6);
  }
}

net::AddressSet Index::InterfaceAddresses(model::Handle i) const {
  std::vector<net::IpAddress> own;
  OwnAddresses(network.interfaces[i], own);
  return SetOfInPlace(own);
}

void Index::IndexOwners() {
  const model::Network& n = network;
  subnets.resize(n.subnets.size());
  for (model::Handle s = 0; s < n.subnets.size(); ++s) {
    const model::Subnet& subnet = n.subnets[s];
    std::vector<net::Cidr> blocks = subnet.ipv6_cidrs;
    if (subnet.has_ipv4) blocks.push_back(subnet.ipv4_cidr);
    subnets[s].cidrs = CidrSet(blocks);
  }
  PointIndex<model::Handle> nat_private;  // NAT private address -> its subnet
  for (model::Handle g = 0; g < n.nat_gateways.size(); ++g) {
    const model::NatGateway& nat = n.nat_gateways[g];
    for (const model::NatAddress& a : nat.addresses) {
      if (a.private_ip) {
        AddPoint(nat_private, *a.private_ip, nat.subnet);
        if (nat.subnet != model::kNone)
          AddPoint(subnets[nat.subnet].owners, *a.private_ip, Owner{Owner::kNat, g});
      }
      if (a.public_ip) {
        AddPoint(nat_public, *a.public_ip, g);
      }
    }
  }
  SortPoints(nat_private.v4);
  SortPoints(nat_private.v6);
  // A NAT's address in its own subnet is the NAT's, even when the NAT's interface lists it.
  auto is_nat_address = [&](model::Handle subnet, const net::IpAddress& a) {
    const auto& points = a.is_v4() ? nat_private.v4 : nat_private.v6;
    for (const Point<model::Handle>* p = FindPoint(points, a.bits);
         p != nullptr && p != points.data() + points.size() && p->address == a.bits; ++p) {
      if (p->payload == subnet) return true;
    }
    return false;
  };
  std::vector<net::IpAddress> own;  // reused: no allocation per interface
  for (model::Handle i = 0; i < n.interfaces.size(); ++i) {
    const model::NetworkInterface& e = n.interfaces[i];
    OwnAddresses(e, own);
    const bool nat_interface = e.interface_type == "nat_gateway";
    for (const net::IpAddress& a : own) {
      if (nat_interface) continue;
      AddPoint(iface_private, a, i);
      if (!is_nat_address(e.subnet, a) && e.subnet != model::kNone) {
        AddPoint(subnets[e.subnet].owners, a, Owner{Owner::kInterface, i});
      }
    }
    for (const model::PrivateAddress& a : e.private_addresses) {
      if (!a.public_ip) continue;
      if (nat_interface || FindPoint(nat_public.v4, a.public_ip->bits) != nullptr) continue;
      PublicMapping mapping{a.address, *a.public_ip, i};
      AddPoint(iface_public, *a.public_ip, mapping);
      if (e.vpc != model::kNone) vpcs[e.vpc].public_of.v4.push_back({a.address.bits, mapping});
    }
  }
  for (SubnetIndex& s : subnets) {
    UniquePoints(s.owners.v4);
    UniquePoints(s.owners.v6);
  }
  for (VpcIndex& v : vpcs) UniquePoints(v.public_of.v4);
  UniquePoints(nat_public.v4);
  UniquePoints(iface_public.v4);
  // The points went in by ascending interface: a stable sort by address orders them by
  // (address, interface).
  SortV4PointsStable(iface_private.v4);
  std::sort(iface_private.v6.begin(), iface_private.v6.end(), [](const auto& a, const auto& b) {
    return a.address != b.address ? a.address < b.address : a.payload < b.payload;
  });
}

const NetworkGraph& Index::Graph() const {
  std::call_once(graph_once_, [&] { graph_ = std::make_unique<NetworkGraph>(network); });
  return *graph_;
}

const RouteTableIndex& Index::Table(model::Handle t) const {
  std::call_once(table_once_[t], [&] { CompileTable(t); });
  return tables_[t];
}

void Index::CompileTable(model::Handle t) const {
  const model::Network& n = network;
  {
    const model::RouteTable& table = n.route_tables[t];
    RouteTableIndex& index = tables_[t];
    auto text = [&](const std::string& destination, const std::string& target) {
      return table.id + " route " + destination + " -> " + target;
    };
    // The implicit local route of every VPC block comes first: it wins ties.
    const model::Handle vpc = table.vpc;
    if (vpc != model::kNone) {
      for (const auto* blocks : {&n.vpcs[vpc].ipv4_cidrs, &n.vpcs[vpc].ipv6_cidrs}) {
        for (const net::Cidr& c : *blocks)
          index.entries.push_back({c, 0, nullptr, text(c.ToString(), "local"), {}});
      }
    }
    for (const model::Route& route : table.routes) {
      const bool local = route.target_kind == model::TargetKind::kLocal;
      const bool propagated = route.route_origin == model::RouteOrigin::kPropagated;
      const std::string target = local ? "local" : route.target_id;
      if (route.destination) {
        index.entries.push_back({*route.destination,
                                 propagated ? 3
                                 : local    ? 0
                                            : 1,
                                 &route,
                                 text(route.destination->ToString(), target),
                                 {}});
      } else if (!route.prefix_list_id.empty() &&
                 (route.prefix_list == model::kNone || !n.prefix_lists[route.prefix_list].entries_known)) {
        index.notes.push_back(
            table.id + " route " + route.prefix_list_id + " -> " + target +
            ": the prefix list's entries are not in the snapshot, so the route matches nothing");
      }
      if (!route.destination && route.prefix_list != model::kNone) {
        const model::PrefixList& list = n.prefix_lists[route.prefix_list];
        for (const net::Cidr& c : list.cidrs) {
          index.entries.push_back({c, propagated ? 3 : 2, &route, text(route.prefix_list_id, target), {}});
        }
      }
    }
    // One hop per route: a prefix list's entries all point at the hop of the first one.
    std::unordered_map<const model::Route*, HopRef> route_hops;
    for (RouteEntry& e : index.entries) {
      if (e.route != nullptr) {
        e.kind = e.route->target_kind;
        e.blackhole = e.route->state == model::RouteState::kBlackhole;
      }
      const bool from_list = e.route != nullptr && !e.route->destination;
      if (from_list) {
        auto found = route_hops.find(e.route);
        if (found != route_hops.end()) {
          e.route_hop = found->second;
          continue;
        }
      }
      const std::string match = from_list ? " (longest match: an entry of " + e.route->prefix_list_id + ")"
                                          : " (longest match /" + std::to_string(e.prefix.length) + ")";
      const base::SourceRef& where = e.route != nullptr ? e.route->origin : table.origin;
      e.route_hop = HopRef(Hop{table.id, "route-table", e.text + match, where});
      if (from_list) route_hops.emplace(e.route, e.route_hop);
    }
    index.lpm = BuildLpm(index.entries);
  }
}

std::optional<net::IpAddress> Index::NatPrivate(model::Handle nat) const {
  const auto& addresses = network.nat_gateways[nat].addresses;
  for (const model::NatAddress& a : addresses) {
    if (a.primary && a.private_ip) return a.private_ip;
  }
  for (const model::NatAddress& a : addresses) {
    if (a.private_ip) return a.private_ip;
  }
  return std::nullopt;
}

std::optional<net::IpAddress> Index::NatPublic(model::Handle nat) const {
  const auto& addresses = network.nat_gateways[nat].addresses;
  for (const model::NatAddress& a : addresses) {
    if (a.primary && a.public_ip) return a.public_ip;
  }
  for (const model::NatAddress& a : addresses) {
    if (a.public_ip) return a.public_ip;
  }
  return std::nullopt;
}

const PublicMapping* Index::PublicOf(model::Handle vpc, const net::IpAddress& private_ip) const {
  if (vpc == model::kNone || !private_ip.is_v4()) return nullptr;
  const Point<PublicMapping>* p = FindPoint(vpcs[vpc].public_of.v4, private_ip.bits);
  return p ? &p->payload : nullptr;
}

model::Handle Index::ApplianceOf(const model::Route& route) const {
  if (route.target == model::kNone) return model::kNone;
  if (route.target_kind == model::TargetKind::kNetworkInterface) return route.target;
  const model::Instance& instance = network.instances[route.target];
  return instance.interfaces.empty() ? model::kNone : instance.interfaces.front();
}

const net::AddressSet& Index::PrefixList(model::Handle list) const {
  static const net::AddressSet kEmpty;
  return list == model::kNone ? kEmpty : prefix_lists_[list];
}

bool Index::SameRegionPeers(model::Handle a, model::Handle b) const {
  if (a == model::kNone) return false;
  const auto& peers = vpcs[a].peers_same_region;
  return std::find(peers.begin(), peers.end(), b) != peers.end();
}

}  // namespace reachcheck::analysis::detail
