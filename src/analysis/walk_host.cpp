// SPDX-License-Identifier: Apache-2.0
// The walk at hosts: the start, leaving an interface, entering a subnet and arriving at a
// host (interface, NAT gateway or a host that could live in the subnet), for requests and
// replies.
#include <algorithm>
#include <utility>

#include "analysis/walker_filters.h"

namespace reachcheck::analysis::detail {
namespace {

bool InterfaceTarget(EndpointKind kind) {
  return kind == EndpointKind::kInterface || kind == EndpointKind::kInstance || kind == EndpointKind::kTag;
}

}  // namespace

void Walker::Start(Flow&& flow) {
  flow.origin_vpc = source_.vpc;
  switch (source_.kind) {
    case SourceInfo::kInterface:
      LeaveInterface(std::move(flow), source_.handle);
      return;
    case SourceInfo::kSubnetHost: {
      const model::Subnet& s = net_.subnets[source_.handle];
      AddHop(flow,
             MakeHop(s.id, "subnet", "a host in " + s.id + " sends (no security group applies)", s.origin));
      RouteFrom(std::move(flow), source_.handle);
      return;
    }
    case SourceInfo::kOutside:
      AddHop(flow, MakeHop("internet", "internet", "an outside host sends"));
      OnInternet(std::move(flow));
      return;
  }
}

void Walker::LeaveInterface(Flow&& f, model::Handle iface) {
  const model::NetworkInterface& e = net_.interfaces[iface];
  AddHop(f, MakeHop(e.id, "network-interface", Cat(e.id, " sends"), e.origin));
  if (!e.InUse() && !e.from_instance) {
    BlockerNote note =
        MakeBlocker(e.id, code::kBadState, false, e.id + " is " + e.status + " (not in-use)", e.origin);
    note.fix = FixKind::kState;
    note.handle = iface;
    AddBlocker(f, std::move(note));
  } else if (e.instance != model::kNone && !net_.instances[e.instance].Running()) {
    const model::Instance& i = net_.instances[e.instance];
    BlockerNote note =
        MakeBlocker(i.id, code::kBadState, false, i.id + " is " + i.state + " (not running)", i.origin);
    note.fix = FixKind::kState;
    note.handle = iface;
    AddBlocker(f, std::move(note));
  }
  Groups(std::move(f), iface, false, [&](Flow&& p) {
    if (e.subnet == model::kNone) {
      Stop(std::move(p),
           MakeBlocker(e.id, code::kNoRoute, false, e.id + " has no subnet in the snapshot", e.origin));
      return;
    }
    RouteFrom(std::move(p), e.subnet);
  });
}

void Walker::EnterSubnet(Flow&& f, model::Handle subnet) {
  Acl(std::move(f), subnet, true, [&](Flow&& p) { ArriveAtHost(std::move(p), subnet); });
}

void Walker::ArriveAtHost(Flow&& f, model::Handle subnet) {
  const model::Subnet& s = net_.subnets[subnet];
  if (f.reply) {
    ReplyArrives(std::move(f), subnet);
    return;
  }
  if (!f.reply && target_.kind == EndpointKind::kSubnet) {
    if (subnet == target_.subnet) {
      AddHop(f, MakeHop(s.id, "subnet", "delivered to " + s.id, s.origin));
      Deliver(std::move(f), Arrival{Arrival::kSubnet, model::kNone, subnet});
    } else {
      Stop(std::move(f), MakeBlocker(s.id, code::kNoDestination, true,
                                     "arrives in " + s.id + ", not at the destination subnet", s.origin));
    }
    return;
  }
  SplitByPoints(
      std::move(f), f.dst, index_.subnets[subnet].owners,
      [&](const Point<Owner>& point, Flow&& piece) {
        if (point.payload.kind == Owner::kNat) {
          AtNat(std::move(piece), point.payload.handle);
        } else {
          AtInterface(std::move(piece), point.payload.handle, subnet);
        }
      },
      [&](Flow&& piece) {
        if (InterfaceTarget(target_.kind)) {
          Stop(
              std::move(piece),
              MakeBlocker(s.id, code::kNoDestination, true,
                          "arrives at an unowned address of " + s.id + ", not at the destination", s.origin));
          return;
        }
        AddHop(piece, MakeHop(s.id, "subnet", "delivered to a host that could live in " + s.id, s.origin));
        Deliver(std::move(piece), Arrival{Arrival::kHost, model::kNone, subnet});
      });
}

void Walker::ReplyArrives(Flow&& f, model::Handle subnet) {
  const model::Subnet& s = net_.subnets[subnet];
  // The reply to a translated request reaches the NAT first.
  if (f.nat != model::kNone && !f.dst.linked && net_.nat_gateways[f.nat].subnet == subnet &&
      index_.NatPrivate(f.nat) == f.dst.value) {
    AtNat(std::move(f), f.nat);
    return;
  }
  if (source_.kind == SourceInfo::kSubnetHost && source_.handle == subnet) {
    AddHop(f, MakeHop(s.id, "subnet", "reply reaches the sending host in " + s.id, s.origin));
    Back(std::move(f));
    return;
  }
  if (source_.kind == SourceInfo::kInterface && net_.interfaces[source_.handle].subnet == subnet) {
    const model::NetworkInterface& e = net_.interfaces[source_.handle];
    auto back = [&](Flow&& p) {
      AddHop(p, MakeHop(e.id, "network-interface", Cat("reply reaches ", e.id), e.origin));
      Back(std::move(p));
    };
    auto elsewhere = [&](Flow&& p) {
      Stop(std::move(p), MakeBlocker(s.id, code::kNoDestination, true,
                                     "the reply arrives in " + s.id + ", not at " + e.id, s.origin));
    };
    SplitBySet(std::move(f), f.dst, index_.InterfaceAddresses(source_.handle), back, elsewhere);
    return;
  }
  Stop(std::move(f), MakeBlocker(s.id, code::kNoDestination, true,
                                 "the reply arrives in " + s.id + ", not at the sender", s.origin));
}

void Walker::AtInterface(Flow&& f, model::Handle iface, model::Handle subnet) {
  const model::NetworkInterface& e = net_.interfaces[iface];
  if (InterfaceTarget(target_.kind) && !IsTargetInterface(iface)) {
    Stop(std::move(f), MakeBlocker(e.id, code::kNoDestination, true,
                                   "arrives at " + e.id + ", not at the destination", e.origin));
    return;
  }
  if (!e.InUse() && !e.from_instance) {
    BlockerNote note =
        MakeBlocker(e.id, code::kBadState, true, e.id + " is " + e.status + " (not in-use)", e.origin);
    note.fix = FixKind::kState;
    note.handle = iface;
    AddBlocker(f, std::move(note));
  } else if (e.instance != model::kNone && !net_.instances[e.instance].Running()) {
    const model::Instance& i = net_.instances[e.instance];
    BlockerNote note =
        MakeBlocker(i.id, code::kBadState, true, i.id + " is " + i.state + " (not running)", i.origin);
    note.fix = FixKind::kState;
    note.handle = iface;
    AddBlocker(f, std::move(note));
  }
  Groups(std::move(f), iface, true, [&](Flow&& p) {
    p.subject_hops.push_back(PathSize(p.hops));
    AddHop(p, MakeHop(e.id, "network-interface", Cat("delivered to ", e.id), e.origin));
    Deliver(std::move(p), Arrival{Arrival::kInterface, iface, subnet});
  });
}

void Walker::AtNat(Flow&& f, model::Handle nat) {
  const model::NatGateway& g = net_.nat_gateways[nat];
  if (f.reply) {
    // The reply to a translated request: back to the original source and port.
    f.dst = f.pre_nat_src;
    if (f.port_from_sport) f.port = f.pre_nat_sport;
    f.nat = model::kNone;
    AddHop(f, MakeHop(g.id, "nat-gateway", Cat(g.id, " translates the reply back to the original source"),
                      g.origin));
    RouteFrom(std::move(f), g.subnet);
    return;
  }
  Stop(std::move(f),
       MakeBlocker(g.id, code::kNoDestination, true, g.id + " drops packets it did not translate", g.origin));
}

bool Walker::IsTargetInterface(model::Handle iface) const {
  return std::binary_search(target_.interfaces.begin(), target_.interfaces.end(), iface);
}

bool Walker::Passed(const Flow& f, const GatewayPass& gateway) const {
  return std::any_of(f.passed.begin(), f.passed.end(), [&](const GatewayPass& p) {
    return p.kind == gateway.kind && p.handle == gateway.handle;
  });
}

}  // namespace reachcheck::analysis::detail
