// SPDX-License-Identifier: Apache-2.0
// Exposure: what the internet reaches. Interfaces in one subnet with the same security
// groups answer alike, so one walk per (subnet, groups, family) serves all of them; each
// interface then gets that answer with its own addresses in the path.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <tuple>
#include <utility>

#include "analysis/describe.h"
#include "analysis/engine_impl.h"
#include "reachcheck/base/parallel.h"

namespace reachcheck::analysis {
namespace {

using detail::Final;

struct Piece {
  net::ProtocolSet protocols;
  net::PortSet ports;
  const Final* path;
};

Path PathFor(const Final& rep, const model::Network& n, const detail::Index& index, model::Handle iface,
             const net::IpAddress& address, const net::IpAddress* private_ip) {
  Path hops = detail::ToPath(rep.hops);
  const model::NetworkInterface& e = n.interfaces[iface];
  for (std::uint16_t i : rep.subject_hops) {
    if (i >= hops.size()) continue;
    HopRef& hop = hops[i];
    if (hop->type == "network-interface") {
      hop = HopRef(detail::MakeHop(e.id, "network-interface", "delivered to " + e.id, e.origin));
    } else if (private_ip != nullptr && e.vpc != model::kNone && index.vpcs[e.vpc].igw != model::kNone) {
      const model::InternetGateway& g = n.internet_gateways[index.vpcs[e.vpc].igw];
      Hop translated = *hop;
      translated.detail = g.id + " translates destination " + address.ToString() + " -> " + private_ip->ToString();
      hop = HopRef(std::move(translated));
    }
  }
  return hops;
}

}  // namespace

std::vector<Exposure> Engine::Exposures(const net::ProtocolSet& protocols, const net::PortSet& ports,
                                        const SweepProgress& progress) const {
  using namespace detail;
  const model::Network& n = impl_->network;
  const Index& index = impl_->index;
  // Outside hosts: the walk uses every address outside private ranges and VPC blocks; a
  // reachable piece counts only if it holds an address that is not a modelled public one.
  const net::AddressSet& outside = impl_->outside;
  struct Member {
    model::Handle iface;
    net::IpAddress address;
    std::optional<net::IpAddress> private_ip;
  };
  using Key = std::tuple<model::Handle, std::vector<model::Handle>, bool>;
  std::map<Key, std::vector<Member>> groups;
  const InternetHosts& internet_hosts = impl_->internet_hosts;
  for (model::Handle h = 0; h < n.interfaces.size(); ++h) {
    const model::NetworkInterface& e = n.interfaces[h];
    if (e.subnet == model::kNone || e.vpc == model::kNone) continue;
    if (!e.InUse() && !e.from_instance) continue;  // BAD_STATE: nothing reaches it
    if (e.instance != model::kNone && !n.instances[e.instance].Running()) continue;
    for (const model::PrivateAddress& a : e.private_addresses) {
      if (!a.public_ip) continue;
      const Point<PublicMapping>* p = FindPoint(index.iface_public.v4, a.public_ip->bits);
      if (p == nullptr || p->payload.iface != h) continue;  // a NAT's address, or a duplicate
      groups[{e.subnet, e.groups, true}].push_back({h, *a.public_ip, a.address});
    }
    for (const net::IpAddress& a : e.ipv6_addresses)
      groups[{e.subnet, e.groups, false}].push_back({h, a, {}});
  }
  // One walk per group, spread over the cores; the results keep the groups' order.
  std::vector<const std::vector<Member>*> work;
  work.reserve(groups.size());
  for (const auto& [key, members] : groups) work.push_back(&members);
  std::vector<std::vector<std::pair<model::Handle, Exposure>>> results(work.size());
  auto expose = [&](std::size_t i) {
    const std::vector<Member>& members = *work[i];
    std::vector<std::pair<model::Handle, Exposure>>& out = results[i];
    const Member& rep = members.front();
    SourcePart source{{SourceInfo::kOutside, model::kNone, model::kNone, "internet", model::kNone, true},
                      outside};
    Endpoint endpoint;
    endpoint.kind = EndpointKind::kInterface;
    endpoint.interfaces = {rep.iface};
    const TargetInfo target = TargetOf(endpoint);
    Query query;
    query.protocols = protocols;
    query.ports = ports;
    std::vector<Final> finals;
    std::set<std::string> notes;
    WalkSource(index, source, target, net::AddressSet::Of(rep.address), query, finals, notes);
    std::vector<Piece> pieces;
    for (const Final& f : finals) {
      if (f.reachable && internet_hosts.In(f.box.src)) {
        pieces.push_back({f.box.proto, f.box.dport, &f});
      }
    }
    if (pieces.empty()) return;
    // Per protocol, the union of reachable ports; protocols with equal port sets share an entry.
    std::map<std::uint8_t, std::pair<net::PortSet, const Final*>> per_protocol;
    for (const Piece& piece : pieces) {
      for (const auto& interval : piece.protocols.Intervals()) {
        for (unsigned p = interval.lo; p <= interval.hi; ++p) {
          auto& slot = per_protocol[static_cast<std::uint8_t>(p)];
          if (slot.second == nullptr) slot.second = piece.path;
          slot.first = slot.first.Union(piece.ports);
        }
      }
    }
    std::vector<std::tuple<net::ProtocolSet, net::PortSet, const Final*>> entries;
    for (const auto& [protocol, slot] : per_protocol) {
      auto it = std::find_if(entries.begin(), entries.end(), [&](const auto& entry) {
        return std::get<1>(entry) == slot.first && std::get<2>(entry) == slot.second;
      });
      if (it == entries.end()) {
        entries.emplace_back(net::ProtocolSet::Single(protocol), slot.first, slot.second);
      } else {
        std::get<0>(*it) = std::get<0>(*it).Union(net::ProtocolSet::Single(protocol));
      }
    }
    for (const Member& m : members) {
      const model::NetworkInterface& e = n.interfaces[m.iface];
      for (const auto& [protos, port_set, path] : entries) {
        Exposure x;
        x.interface = m.iface;
        x.interface_id = e.id;
        x.instance_id = e.instance != model::kNone ? n.instances[e.instance].id : e.instance_id;
        x.address = m.address;
        x.protocols = net::WithForeignIcmpWhereShorter(protos, m.address.is_v4());
        x.ports = port_set;
        x.path = PathFor(*path, n, index, m.iface, m.address, m.private_ip ? &*m.private_ip : nullptr);
        out.emplace_back(m.iface, std::move(x));
      }
    }
  };
  base::ForEachParallel(work.size(), expose, progress);
  std::vector<std::pair<model::Handle, Exposure>> out;
  for (auto& part : results) std::move(part.begin(), part.end(), std::back_inserter(out));
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.second.address != b.second.address) return a.second.address < b.second.address;
    return a.second.protocols.Min() < b.second.protocols.Min();
  });
  std::vector<Exposure> result;
  result.reserve(out.size());
  for (auto& [handle, x] : out) result.push_back(std::move(x));
  return result;
}

}  // namespace reachcheck::analysis
