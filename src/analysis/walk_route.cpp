// SPDX-License-Identifier: Apache-2.0
// The walk through a subnet's routing (steps 3 to 6 of the semantics page): delivery inside
// the subnet, the ACL outbound, the longest prefix match, and each kind of route target.
#include <algorithm>
#include <utility>

#include "analysis/walker_filters.h"

namespace reachcheck::analysis::detail {

void Walker::RouteFrom(Flow&& f, model::Handle subnet) {
  const model::Subnet& s = net_.subnets[subnet];
  SplitBySet(
      std::move(f), f.dst, index_.subnets[subnet].cidrs,
      [&](Flow&& inside) {
        AddHop(inside,
               MakeHop(s.id, "subnet", "destination inside " + s.id + ": delivered directly", s.origin));
        ArriveAtHost(std::move(inside), subnet);
      },
      [&](Flow&& outside) {
        Acl(std::move(outside), subnet, false, [&](Flow&& p) {
          if (s.route_table == model::kNone) {
            BlockerNote note = MakeBlocker(s.id, code::kNoRoute, false,
                                           s.id + " has no route table in the snapshot", s.origin);
            note.fix = FixKind::kNoRoute;
            Stop(std::move(p), std::move(note));
            return;
          }
          const model::RouteTable& table = net_.route_tables[s.route_table];
          const RouteTableIndex& routes = index_.Table(s.route_table);
          for (const std::string& note : routes.notes) Note(note);
          SplitBySpans(
              std::move(p), p.dst, routes.lpm,
              [&](const Span<int>& span, Flow&& piece) {
                const RouteEntry& entry = routes.entries[span.payload];
                AddHop(piece, entry.route_hop);
                ApplyRoute(std::move(piece), subnet, entry);
              },
              [&](Flow&& piece) {
                BlockerNote note = MakeBlocker(table.id, code::kNoRoute, false,
                                               table.id + " has no route for the destination", table.origin);
                note.fix = FixKind::kNoRoute;
                note.handle = s.route_table;
                note.remote = piece.dst;
                Stop(std::move(piece), std::move(note));
              });
        });
      });
}

void Walker::ApplyRoute(Flow&& f, model::Handle subnet, const RouteEntry& entry) {
  if (entry.blackhole) {
    BlockerNote note =
        MakeBlocker(net_.route_tables[net_.subnets[subnet].route_table].id, code::kBadStateRoute, false,
                    entry.text + " is a blackhole", entry.route->origin);
    note.fix = FixKind::kBlackhole;
    note.handle = net_.subnets[subnet].route_table;
    Stop(std::move(f), std::move(note));
    return;
  }
  switch (entry.kind) {
    case model::TargetKind::kLocal:
      ToLocal(std::move(f), net_.subnets[subnet].vpc, entry);
      return;
    case model::TargetKind::kInternetGateway:
      ToInternetGateway(std::move(f), subnet, entry);
      return;
    case model::TargetKind::kEgressOnlyInternetGateway:
      ToEgressOnlyGateway(std::move(f), subnet, entry);
      return;
    case model::TargetKind::kNatGateway:
      ToNat(std::move(f), subnet, entry);
      return;
    case model::TargetKind::kPeering:
      ToPeering(std::move(f), subnet, entry);
      return;
    case model::TargetKind::kNetworkInterface:
    case model::TargetKind::kInstance:
      ToAppliance(std::move(f), subnet, entry);
      return;
    default:
      Stop(std::move(f), MakeBlocker(entry.route->target_id, code::kNotAnalysed, false,
                                     entry.route->target_id + " (" + model::TargetKindName(entry.kind) +
                                         ") is not analysed",
                                     entry.route->origin));
  }
}

void Walker::ToLocal(Flow&& f, model::Handle vpc, const RouteEntry& entry) {
  if (vpc == model::kNone) {
    Stop(std::move(f), MakeBlocker(entry.text, code::kNoDestination, false, "no VPC for the local route"));
    return;
  }
  const model::Vpc& v = net_.vpcs[vpc];
  SplitBySpans(
      std::move(f), f.dst, index_.vpcs[vpc].subnets,
      [&](const Span<model::Handle>& span, Flow&& piece) { EnterSubnet(std::move(piece), span.payload); },
      [&](Flow&& piece) {
        Stop(std::move(piece), MakeBlocker(v.id, code::kNoDestination, false,
                                           "no subnet of " + v.id + " holds the destination", v.origin));
      });
}

void Walker::ToNat(Flow&& f, model::Handle subnet, const RouteEntry& entry) {
  const base::Text& id = entry.route->target_id;
  if (f.reply) {
    Stop(std::move(f),
         MakeBlocker(id, code::kNoDestination, false,
                     "the reply is routed to " + id + ", which would send it from its own address",
                     entry.route->origin));
    return;
  }
  if (f.nat != model::kNone) {
    Stop(std::move(f), MakeBlocker(id, code::kNoDestination, false,
                                   "already translated by " + net_.nat_gateways[f.nat].id +
                                       ": a NAT gateway never forwards to another",
                                   entry.route->origin));
    return;
  }
  const model::Handle nat = entry.route->target;
  if (nat == model::kNone || !net_.nat_gateways[nat].Available()) {
    std::string state = nat == model::kNone ? "not in the snapshot" : net_.nat_gateways[nat].state;
    Stop(std::move(f), MakeBlocker(id, code::kBadState, false, id + " is " + state, entry.route->origin));
    return;
  }
  const model::NatGateway& g = net_.nat_gateways[nat];
  const model::Handle vpc = net_.subnets[subnet].vpc;
  if (g.vpc != vpc || f.origin_vpc != vpc) {
    Stop(std::move(f), MakeBlocker(g.id, code::kNgwSourceInVpc, true,
                                   g.id + " only translates traffic that starts in its own VPC", g.origin));
    return;
  }
  if (!IsV4(f.box)) {
    Stop(std::move(f),
         MakeBlocker(g.id, code::kNotAnalysed, true, "NAT64 through " + g.id + " is not modelled", g.origin));
    return;
  }
  const std::optional<net::IpAddress> address = index_.NatPrivate(nat);
  if (!address || g.subnet == model::kNone) {
    Stop(std::move(f), MakeBlocker(g.id, code::kBadState, true,
                                   g.id + " has no private address or subnet in the snapshot", g.origin));
    return;
  }
  f.passed.push_back({'n', nat});
  auto translate = [&](Flow&& p) {
    p.pre_nat_src = p.src;
    p.pre_nat_sport = p.sport;
    p.nat = nat;
    p.src = AddrView{false, Dim::kSrc, *address};
    p.sport = PortView{false, Dim::kSport, 0, net::EphemeralPorts()};
    p.translated = true;
    AddHop(
        p,
        MakeHop(g.id, "nat-gateway",
                Cat(g.id, " translates the source to ", address->ToString(),
                    " and the source port to 1024-65535 (NGW_SOURCE_ADDRESS_REASSIGN, REMAP_EPHEMERAL_PORT)"),
                g.origin));
    RouteFrom(std::move(p), g.subnet);
  };
  if (g.subnet != subnet) {
    Acl(std::move(f), g.subnet, true, translate);
  } else {
    translate(std::move(f));
  }
}

void Walker::ToPeering(Flow&& f, model::Handle subnet, const RouteEntry& entry) {
  const base::Text& id = entry.route->target_id;
  const model::Handle pcx = entry.route->target;
  if (pcx == model::kNone || !net_.peerings[pcx].Active()) {
    std::string state = pcx == model::kNone ? "not in the snapshot" : net_.peerings[pcx].status;
    Stop(std::move(f), MakeBlocker(id, code::kBadState, false, id + " is " + state, entry.route->origin));
    return;
  }
  const model::VpcPeering& p = net_.peerings[pcx];
  const model::Handle vpc = net_.subnets[subnet].vpc;
  const model::PeeringSide* far = p.requester.vpc == vpc  ? &p.accepter
                                  : p.accepter.vpc == vpc ? &p.requester
                                                          : nullptr;
  if (far == nullptr || vpc == model::kNone) {
    Stop(std::move(f),
         MakeBlocker(id, code::kBadStateRoute, false, id + " does not join this VPC", p.origin));
    return;
  }
  f.passed.push_back({'p', pcx});
  AddHop(f, MakeHop(p.id, "peering-connection", p.id + " to " + far->vpc_id, p.origin));
  net::AddressSet blocks;
  if (far->vpc != model::kNone) {
    blocks = index_.vpcs[far->vpc].cidrs;
  } else {
    std::vector<net::Cidr> cidrs = far->ipv4_cidrs;
    cidrs.insert(cidrs.end(), far->ipv6_cidrs.begin(), far->ipv6_cidrs.end());
    for (const net::Cidr& c : cidrs) blocks = blocks.Union(net::AddressSet::Of(c));
  }
  SplitBySet(
      std::move(f), f.dst, blocks,
      [&](Flow&& in) {
        if (far->vpc == model::kNone) {
          Stop(std::move(in), MakeBlocker(far->vpc_id, code::kUnknownDestination, false,
                                          far->vpc_id + " is not in the snapshot", p.origin));
          return;
        }
        SplitBySpans(
            std::move(in), in.dst, index_.vpcs[far->vpc].subnets,
            [&](const Span<model::Handle>& span, Flow&& piece) {
              EnterSubnet(std::move(piece), span.payload);
            },
            [&](Flow&& piece) {
              Stop(std::move(piece),
                   MakeBlocker(far->vpc_id, code::kNoDestination, false,
                               "no subnet of " + far->vpc_id + " holds the destination", p.origin));
            });
      },
      [&](Flow&& out) {
        Stop(std::move(out),
             MakeBlocker(p.id, code::kPcxCidr, false,
                         "the destination is outside " + far->vpc_id + "'s CIDR blocks", p.origin));
      });
}

void Walker::ToAppliance(Flow&& f, model::Handle subnet, const RouteEntry& entry) {
  const base::Text& id = entry.route->target_id;
  const model::Handle appliance = index_.ApplianceOf(*entry.route);
  const model::Handle table = net_.subnets[subnet].route_table;
  if (appliance == model::kNone || net_.interfaces[appliance].subnet == model::kNone) {
    Stop(std::move(f), MakeBlocker(net_.route_tables[table].id, code::kBadStateRoute, false,
                                   id + " is not in the snapshot", entry.route->origin));
    return;
  }
  const model::NetworkInterface& a = net_.interfaces[appliance];
  if (std::find(f.appliances.begin(), f.appliances.end(), appliance) != f.appliances.end()) {
    Stop(std::move(f),
         MakeBlocker(a.id, code::kRoutingLoop, false, "the packet visits " + a.id + " twice", a.origin));
    return;
  }
  f.appliances.push_back(appliance);
  auto forward = [&](Flow&& p) {
    if (a.source_dest_check) {
      BlockerNote note =
          MakeBlocker(a.id, code::kSourceDestCheck, false,
                      a.id + " has its source/destination check on: it does not forward", a.origin);
      note.fix = FixKind::kSourceDestCheck;
      note.handle = appliance;
      AddBlocker(p, std::move(note));
    } else {
      AddHop(p,
             MakeHop(a.id, "network-interface", a.id + " forwards (source/destination check off)", a.origin));
    }
    if (p.reply) {
      RouteFrom(std::move(p), a.subnet);
    } else {
      Groups(std::move(p), appliance, false, [&](Flow&& q) { RouteFrom(std::move(q), a.subnet); });
    }
  };
  auto inbound = [&](Flow&& p) {
    if (p.reply) {
      forward(std::move(p));
    } else {
      Groups(std::move(p), appliance, true, forward);
    }
  };
  if (a.subnet != subnet) {
    Acl(std::move(f), a.subnet, true, inbound);
  } else {
    inbound(std::move(f));
  }
}

}  // namespace reachcheck::analysis::detail
