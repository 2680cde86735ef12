// SPDX-License-Identifier: Apache-2.0
// The engine: builds the index and graph once, then answers a question by resolving its
// sources and destinations, walking every packet symbolically and merging the pieces.
#include "analysis/engine_impl.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <utility>

namespace reachcheck::analysis {

Engine::Impl::Impl(const model::Network& n, const SweepProgress& progress)
    : network(n),
      index(n, progress),
      outside(detail::CoarseInternet(n)),
      internet(outside.Subtract(index.modelled_public)) {}

Engine::Engine(const model::Network& network, const SweepProgress& progress)
    : impl_(std::make_unique<Impl>(network, progress)) {}
Engine::~Engine() = default;

const model::Network& Engine::network() const { return impl_->network; }

Topology Engine::GetTopology(const std::string& focus) const { return impl_->index.Graph().Get(focus); }

namespace detail {
namespace {

net::AddressSet Family(const net::AddressSet& set, bool v4) {
  return v4 ? net::AddressSet{set.v4, {}} : net::AddressSet{{}, set.v6};
}

net::AddressSet SideBlocks(const Index& index, const model::PeeringSide& side) {
  if (side.vpc != model::kNone) return index.vpcs[side.vpc].cidrs;
  std::vector<net::Cidr> cidrs = side.ipv4_cidrs;
  cidrs.insert(cidrs.end(), side.ipv6_cidrs.begin(), side.ipv6_cidrs.end());
  return CidrSet(std::move(cidrs));
}

bool InterfaceKind(EndpointKind kind) {
  return kind == EndpointKind::kInterface || kind == EndpointKind::kInstance || kind == EndpointKind::kTag;
}

}  // namespace

std::vector<SourcePart> SourcesOf(const Index& index, const net::AddressSet& outside,
                                  const Endpoint& endpoint, std::set<std::string>& notes) {
  const model::Network& n = index.network;
  std::vector<SourcePart> out;
  if (endpoint.kind == EndpointKind::kInternet) {  // no interface owns an internet address
    out.push_back(
        {{SourceInfo::kOutside, model::kNone, model::kNone, "internet", model::kNone, true}, outside});
    return out;
  }
  if (InterfaceKind(endpoint.kind)) {
    for (model::Handle h : endpoint.interfaces) {
      const model::NetworkInterface& e = n.interfaces[h];
      out.push_back({{SourceInfo::kInterface, h, e.vpc, e.id, model::kNone}, index.InterfaceAddresses(h)});
    }
    return out;
  }
  if (endpoint.kind == EndpointKind::kSubnet) {
    const model::Subnet& s = n.subnets[endpoint.subnet];
    notes.insert(s.id + " stands for a host that could live in it: no security group applies to it");
    out.push_back({{SourceInfo::kSubnetHost, endpoint.subnet, s.vpc, s.id, model::kNone},
                   index.subnets[endpoint.subnet].cidrs});
    return out;
  }
  if (endpoint.kind == EndpointKind::kGateway) {
    if (endpoint.gateway_kind == "igw") {
      out.push_back(
          {{SourceInfo::kOutside, model::kNone, model::kNone, "internet", endpoint.gateway, true}, outside});
    } else {
      notes.insert(endpoint.text + " is not a packet source: the question has no packets");
    }
    return out;
  }
  // Addresses: each owned address is its interface; the rest are outside hosts.
  std::map<model::Handle, std::vector<net::IpAddress>> owned;
  net::AddressSet covered;
  ForEachPoint(endpoint.addresses.v4, index.iface_private.v4, [&](const Point<model::Handle>& p) {
    owned[p.payload].push_back(net::IpAddress::V4(static_cast<std::uint32_t>(p.address)));
    AppendValue(covered.v4, p.address);
  });
  ForEachPoint(endpoint.addresses.v6, index.iface_private.v6, [&](const Point<model::Handle>& p) {
    owned[p.payload].push_back(net::IpAddress::V6(p.address));
    AppendValue(covered.v6, p.address);
  });
  for (auto& [h, addresses] : owned) {
    const model::NetworkInterface& e = n.interfaces[h];
    out.push_back({{SourceInfo::kInterface, h, e.vpc, e.id, model::kNone}, SetOf(std::move(addresses))});
  }
  net::AddressSet rest = owned.empty() ? endpoint.addresses : endpoint.addresses.Subtract(covered);
  if (!rest.IsEmpty())
    out.push_back({{SourceInfo::kOutside, model::kNone, model::kNone, "internet", model::kNone}, rest});
  return out;
}

TargetInfo TargetOf(const Endpoint& endpoint) {
  TargetInfo target;
  target.kind = endpoint.kind;
  target.interfaces = endpoint.interfaces;
  std::sort(target.interfaces.begin(), target.interfaces.end());
  target.subnet = endpoint.subnet;
  target.coarse_internet = endpoint.kind == EndpointKind::kInternet;
  if (endpoint.kind == EndpointKind::kGateway) {
    target.gateway.kind = endpoint.gateway_kind == "nat" ? 'n' : endpoint.gateway_kind == "pcx" ? 'p' : 'i';
    target.gateway.handle = endpoint.gateway;
  }
  return target;
}

net::AddressSet DestinationAddresses(const Index& index, const net::AddressSet& internet,
                                     const Endpoint& endpoint, const SourceInfo& source) {
  const model::Network& n = index.network;
  if (InterfaceKind(endpoint.kind)) {
    std::vector<net::IpAddress> addresses;
    for (model::Handle h : endpoint.interfaces) {
      const model::NetworkInterface& e = n.interfaces[h];
      const bool near =
          source.vpc != model::kNone &&
          (e.vpc == source.vpc || std::count(index.vpcs[source.vpc].peers_any.begin(),
                                             index.vpcs[source.vpc].peers_any.end(), e.vpc) > 0);
      bool has_public = false;
      for (const model::PrivateAddress& a : e.private_addresses) {
        if (!near && a.public_ip) {
          addresses.push_back(*a.public_ip);
          has_public = true;
        }
      }
      for (const model::PrivateAddress& a : e.private_addresses) {
        if (near || !has_public) addresses.push_back(a.address);
      }
      addresses.insert(addresses.end(), e.ipv6_addresses.begin(), e.ipv6_addresses.end());
    }
    return SetOf(std::move(addresses));
  }
  switch (endpoint.kind) {
    case EndpointKind::kSubnet:
      return index.subnets[endpoint.subnet].cidrs;
    case EndpointKind::kGateway: {
      if (endpoint.gateway_kind != "pcx") return internet;
      const model::VpcPeering& p = n.peerings[endpoint.gateway];
      const bool requester = source.vpc != model::kNone && p.requester.vpc == source.vpc;
      const bool accepter = source.vpc != model::kNone && p.accepter.vpc == source.vpc;
      if (requester) return SideBlocks(index, p.accepter);
      if (accepter) return SideBlocks(index, p.requester);
      return SideBlocks(index, p.requester).Union(SideBlocks(index, p.accepter));
    }
    default:
      return endpoint.addresses;
  }
}

void WalkSource(const Index& index, const SourcePart& source, const TargetInfo& target,
                const net::AddressSet& destinations, const Query& query, std::vector<Final>& out,
                std::set<std::string>& notes) {
  Walker walker(index, source.info, target, out, notes);
  for (bool v4 : {true, false}) {
    Flow flow;
    // ICMP is IPv4's and ICMPv6 IPv6's: the other family's packets never carry it.
    flow.box = Box{Family(source.addresses, v4), Family(destinations, v4),
                   net::ProtocolsOfFamily(query.protocols, v4), query.ports, query.source_ports};
    if (flow.box.IsEmpty()) continue;
    walker.Start(std::move(flow));
  }
}

}  // namespace detail

QueryResult Engine::Analyze(const Query& query) const {
  using namespace detail;
  QueryResult result;
  std::set<std::string> notes;
  const Index& index = impl_->index;
  const TargetInfo target = TargetOf(query.destination);
  std::vector<RankedClass> ranked;
  // `internet` on either side is walked as the coarse `outside` set (a few intervals, not a
  // hole per modelled public address); pieces without an internet host are then dropped and
  // the holes cut out of each class, which gives exactly the classes of the exact set.
  const bool coarse_destination = target.coarse_internet;
  for (const SourcePart& source : SourcesOf(index, impl_->outside, query.source, notes)) {
    const net::AddressSet destinations =
        coarse_destination ? impl_->outside
                           : DestinationAddresses(index, impl_->internet, query.destination, source.info);
    std::vector<Final> finals;
    WalkSource(index, source, target, destinations, query, finals, notes);
    const bool coarse_source = source.info.coarse_internet;
    if (coarse_source || coarse_destination) {
      std::erase_if(finals, [&](const Final& f) {
        return (coarse_source && !impl_->internet_hosts.In(f.box.src)) ||
               (coarse_destination && !impl_->internet_hosts.In(f.box.dst));
      });
    }
    std::vector<RankedClass> built = BuildClasses(index, source, std::move(finals));
    if (query.exact_internet_addresses && (coarse_source || coarse_destination)) {
      for (RankedClass& c : built) {
        if (coarse_source) c.cls.source_addresses = c.cls.source_addresses.Subtract(index.modelled_public);
        if (coarse_destination) c.cls.destination = c.cls.destination.Subtract(index.modelled_public);
      }
    }
    if (ranked.empty()) {
      ranked = std::move(built);
    } else {
      ranked.reserve(ranked.size() + built.size());
      std::move(built.begin(), built.end(), std::back_inserter(ranked));
    }
  }
  std::size_t reachable = 0;
  result.classes.reserve(ranked.size());
  for (std::uint32_t i : ClassOrder(ranked)) {
    reachable += ranked[i].cls.reachable ? 1 : 0;
    result.classes.push_back(std::move(ranked[i].cls));
  }
  // Say why the question is empty once: a note that already says so (e.g. a gateway as the
  // source) makes the generic one redundant.
  const bool explained = std::any_of(notes.begin(), notes.end(), [](const std::string& note) {
    return note.find("the question has no packets") != std::string::npos;
  });
  if (result.classes.empty() && !explained) {
    notes.insert("the question has no packets (no source and destination address of one family)");
  }
  result.verdict = reachable == 0                       ? Verdict::kUnreachable
                   : reachable == result.classes.size() ? Verdict::kReachable
                                                        : Verdict::kPartial;
  result.notes.assign(notes.begin(), notes.end());
  return result;
}

}  // namespace reachcheck::analysis
