// SPDX-License-Identifier: Apache-2.0
// The smallest fix for a class that exactly one component blocks: the rule, route, address
// or setting to add or change, worded for the packets of the class.

#include "analysis/describe.h"
#include "analysis/engine_impl.h"

namespace reachcheck::analysis::detail {
namespace {

std::string FirstGroup(const model::NetworkInterface& e) {
  return e.group_ids.empty() ? "a security group of " + e.id : e.group_ids.front().str();
}

std::string RouteFix(const Index& index, const SourcePart& source, const net::AddressSet& destination,
                     model::Handle table_handle) {
  const model::Network& n = index.network;
  const model::RouteTable& table = n.route_tables[table_handle];
  const model::Handle vpc = table.vpc;
  const bool v4 = !destination.v4.IsEmpty();
  if (vpc != model::kNone) {
    for (model::Handle p : index.vpcs[vpc].peerings) {
      const model::VpcPeering& peering = n.peerings[p];
      const model::Handle far = peering.requester.vpc == vpc ? peering.accepter.vpc : peering.requester.vpc;
      if (far == model::kNone || far == vpc || !index.vpcs[far].cidrs.Intersects(destination)) continue;
      for (const net::Cidr& block : v4 ? n.vpcs[far].ipv4_cidrs : n.vpcs[far].ipv6_cidrs) {
        if (net::AddressSet::Of(block).Intersects(destination)) {
          return "add a route " + block.ToString() + " -> " + peering.id + " to " + table.id;
        }
      }
    }
  }
  if (vpc == model::kNone || index.closed_from_outside.Intersects(destination)) {
    return "add a route for " + AddressText(destination) + " to " + table.id;
  }
  const VpcIndex& v = index.vpcs[vpc];
  std::string target = v.igw != model::kNone ? n.internet_gateways[v.igw].id : "an internet gateway";
  if (!v4 && v.igw == model::kNone && v.eigw != model::kNone) target = n.internet_gateways[v.eigw].id;
  bool has_public = false;
  if (source.info.kind == SourceInfo::kInterface) {
    for (const model::PrivateAddress& a : n.interfaces[source.info.handle].private_addresses) {
      has_public = has_public || a.public_ip.has_value();
    }
  }
  if (v4 && !has_public && !v.public_nats.empty()) target = n.nat_gateways[v.public_nats.front()].id;
  return "add a route " + std::string(v4 ? "0.0.0.0/0" : "::/0") + " -> " + target + " to " + table.id;
}

/// The addresses a rule should name: "0.0.0.0/0" (or "::/0") for internet addresses that
/// take more than a few CIDRs to list (outside every modelled VPC), else the CIDRs.
std::string RuleAddresses(const Index& index, const net::AddressSet& set) {
  constexpr std::size_t kFewCidrs = 4;
  const bool one_family = set.v4.IsEmpty() != set.v6.IsEmpty();
  const bool in_a_vpc = index.vpc_blocks.Intersects(set);
  if (one_family && !in_a_vpc && set.ToCidrs().size() > kFewCidrs) {
    return set.v4.IsEmpty() ? "::/0" : "0.0.0.0/0";
  }
  return AddressText(set);
}

}  // namespace

std::string Suggest(const Index& index, const SourcePart& source, const PacketClass& cls,
                    const BlockerNote& note) {
  const model::Network& n = index.network;
  auto remote_set = [&]() {
    if (!note.remote.linked) return net::AddressSet::Of(note.remote.value);
    return note.remote.dim == Dim::kSrc ? cls.source_addresses : cls.destination;
  };
  auto service = [&]() {
    const net::PortSet ports =
        !note.port.linked
            ? note.port.value
            : ShiftPorts(note.port.dim == Dim::kDport ? cls.ports : cls.source_ports, note.port.offset);
    return net::ServiceMatch{cls.protocols, ports}.ToString();
  };
  switch (note.fix) {
    case FixKind::kSgIngress:
    case FixKind::kSgEgress: {
      const model::NetworkInterface& e = n.interfaces[note.handle];
      const bool ingress = note.fix == FixKind::kSgIngress;
      std::string peer = RuleAddresses(index, remote_set());
      if (ingress && !note.translated && note.remote.linked && source.info.kind == SourceInfo::kInterface) {
        const model::NetworkInterface& s = n.interfaces[source.info.handle];
        if (!s.group_ids.empty() && (s.vpc == e.vpc || index.SameRegionPeers(e.vpc, s.vpc)))
          peer = s.group_ids.front();
      }
      return std::string("add an ") + (ingress ? "inbound rule " : "outbound rule ") + service() +
             (ingress ? " from " : " to ") + peer + " to " + FirstGroup(e);
    }
    case FixKind::kAcl: {
      const model::NetworkAcl& acl = n.network_acls[note.handle];
      std::string out = std::string("add an ") + (note.ingress ? "inbound" : "outbound") + " rule allowing " +
                        service() + (note.ingress ? " from " : " to ") + RuleAddresses(index, remote_set()) +
                        " to " + acl.id;
      if (note.rule_number > 0 && note.rule_number < 32767) {
        out += " numbered below " + std::to_string(note.rule_number);
      }
      return out;
    }
    case FixKind::kNoRoute:
      if (note.handle == model::kNone) return "associate a route table with the subnet";
      return RouteFix(index, source, remote_set(), note.handle);
    case FixKind::kPublicIp:
      if (note.handle == model::kNone)
        return "give the source a public IP, or route it through a NAT gateway";
      return "associate a public IP (or an Elastic IP) with " + n.interfaces[note.handle].id;
    case FixKind::kState: {
      const model::NetworkInterface& e = n.interfaces[note.handle];
      if (e.instance != model::kNone && !n.instances[e.instance].Running()) {
        return "start " + n.instances[e.instance].id;
      }
      return "attach " + e.id + " to a running instance";
    }
    case FixKind::kSourceDestCheck:
      return "disable the source/destination check on " + n.interfaces[note.handle].id;
    case FixKind::kBlackhole:
      return "replace the blackhole route in " + n.route_tables[note.handle].id +
             " with a route to an existing target";
    case FixKind::kNone:
      break;
  }
  return "";
}

}  // namespace reachcheck::analysis::detail
