// SPDX-License-Identifier: Apache-2.0
// The walk through internet gateways and on the internet: leaving through an (egress-only)
// internet gateway with its source translation, and coming back in at a public or IPv6
// address, a NAT's public address, or reaching an outside host.
#include <utility>

#include "analysis/walker_filters.h"

namespace reachcheck::analysis::detail {

void Walker::ToInternetGateway(Flow&& f, model::Handle subnet, const RouteEntry& entry) {
  const base::Text& id = entry.route->target_id;
  const model::Handle gateway = entry.route->target;
  const model::Handle vpc = net_.subnets[subnet].vpc;
  if (gateway == model::kNone || net_.internet_gateways[gateway].AttachedVpc() != vpc) {
    Stop(std::move(f),
         MakeBlocker(id, code::kBadStateAttachment, false,
                     id + (gateway == model::kNone ? " is not in the snapshot"
                                                   : " is not attached to " + net_.vpcs[vpc].id),
                     entry.route->origin));
    return;
  }
  const model::InternetGateway& g = net_.internet_gateways[gateway];
  f.passed.push_back({'i', gateway});
  if (!f.reply) f.egress_gateway = gateway;  // the gateway the reply comes back through
  if (!IsV4(f.box)) {
    AddHop(f, MakeHop(g.id, "internet-gateway", Cat(g.id, " forwards to the internet"), g.origin));
    OnInternet(std::move(f));
    return;
  }
  auto translate = [&](Flow&& p) {
    if (!p.reply && p.nat != model::kNone) {  // the source is the NAT's address
      const model::NatGateway& nat = net_.nat_gateways[p.nat];
      if (!nat.IsPublic()) {
        Stop(std::move(p),
             MakeBlocker(nat.id, code::kNoDestination, false,
                         nat.id + " is a private NAT gateway: it cannot use " + g.id, nat.origin));
        return;
      }
      const std::optional<net::IpAddress> public_ip = index_.NatPublic(p.nat);
      if (!public_ip) {
        Stop(std::move(p),
             MakeBlocker(g.id, code::kIgwPublicEgress, false, nat.id + " has no Elastic IP", g.origin));
        return;
      }
      AddHop(p,
             MakeHop(g.id, "internet-gateway",
                     Cat(g.id, " translates source ", p.src.value.ToString(), " -> ", public_ip->ToString()),
                     g.origin));
      p.src = AddrView{false, Dim::kSrc, *public_ip};
      OnInternet(std::move(p));
      return;
    }
    SplitByPoints(
        std::move(p), p.src, index_.vpcs[vpc].public_of,
        [&](const Point<PublicMapping>& point, Flow&& piece) {
          const PublicMapping& m = point.payload;
          AddHop(piece, MakeHop(g.id, "internet-gateway",
                                Cat(g.id, " translates source ", m.private_ip.ToString(), " -> ",
                                    m.public_ip.ToString()),
                                g.origin));
          piece.src = AddrView{false, Dim::kSrc, m.public_ip};
          piece.translated = true;
          OnInternet(std::move(piece));
        },
        [&](Flow&& piece) {
          BlockerNote note =
              MakeBlocker(g.id, code::kIgwPublicEgress, false,
                          "the source has no public IPv4 address to leave through " + g.id, g.origin);
          note.fix = FixKind::kPublicIp;
          if (!piece.reply && source_.kind == SourceInfo::kInterface) note.handle = source_.handle;
          Stop(std::move(piece), std::move(note));
        });
  };
  SplitBySet(
      std::move(f), f.dst, Rfc1918(),
      [&](Flow&& p) {
        Stop(std::move(p),
             MakeBlocker(g.id, code::kIgwRfc1918Egress, false,
                         "a private (RFC 1918) destination does not leave through " + g.id, g.origin));
      },
      [&](Flow&& p) {
        SplitBySet(
            std::move(p), p.dst, Rfc6598(),
            [&](Flow&& q) {
              Stop(std::move(q),
                   MakeBlocker(g.id, code::kIgwRfc6598Egress, false,
                               "a shared (RFC 6598) destination does not leave through " + g.id, g.origin));
            },
            translate);
      });
}

void Walker::ToEgressOnlyGateway(Flow&& f, model::Handle subnet, const RouteEntry& entry) {
  const base::Text& id = entry.route->target_id;
  const model::Handle gateway = entry.route->target;
  const model::Handle vpc = net_.subnets[subnet].vpc;
  if (gateway == model::kNone || net_.internet_gateways[gateway].AttachedVpc() != vpc) {
    Stop(std::move(f), MakeBlocker(id, code::kBadStateAttachment, false, id + " is not attached to this VPC",
                                   entry.route->origin));
    return;
  }
  const model::InternetGateway& g = net_.internet_gateways[gateway];
  if (IsV4(f.box)) {
    Stop(std::move(f), MakeBlocker(g.id, code::kNoDestination, false, g.id + " carries IPv6 only", g.origin));
    return;
  }
  f.passed.push_back({'i', gateway});
  if (!f.reply) f.egress_gateway = gateway;  // the gateway the reply comes back through
  AddHop(f, MakeHop(g.id, "egress-only-internet-gateway", g.id + " forwards to the internet", g.origin));
  OnInternet(std::move(f));
}

void Walker::ComeIn(Flow&& f, model::Handle gateway, model::Handle subnet) {
  const model::InternetGateway& g = net_.internet_gateways[gateway];
  f.passed.push_back({'i', gateway});
  auto enter = [&](Flow&& p) { EnterSubnet(std::move(p), subnet); };
  if (g.egress_only || !IsV4(f.box)) {
    enter(std::move(f));
    return;
  }
  // Only public sources come in.
  SplitBySet(
      std::move(f), f.src, Rfc1918(),
      [&](Flow&& p) {
        AddBlocker(p, MakeBlocker(g.id, code::kIgwRfc1918Ingress, true,
                                  "a private (RFC 1918) source does not come in through " + g.id, g.origin));
        enter(std::move(p));
      },
      [&](Flow&& p) {
        SplitBySet(
            std::move(p), p.src, Rfc6598(),
            [&](Flow&& q) {
              AddBlocker(
                  q, MakeBlocker(g.id, code::kIgwRfc6598Ingress, true,
                                 "a shared (RFC 6598) source does not come in through " + g.id, g.origin));
              enter(std::move(q));
            },
            enter);
      });
}

void Walker::OnInternet(Flow&& f) {
  auto no_gateway = [&](Flow&& p, const std::string& vpc_id) {
    Stop(std::move(p), MakeBlocker(vpc_id, code::kIgwPrivateIngress, true,
                                   vpc_id + " has no internet gateway to come in through"));
  };
  auto elsewhere = [&](Flow&& p) {
    auto arrive = [&](Flow&& q) {
      if (q.reply) {
        if (source_.kind == SourceInfo::kOutside) {
          AddHop(q, MakeHop("internet", "internet", "reply reaches the sender on the internet"));
          Back(std::move(q));
        } else {
          Stop(std::move(q),
               MakeBlocker("internet", code::kNoDestination, true, "the reply is lost on the internet"));
        }
        return;
      }
      if (target_.kind == EndpointKind::kInterface || target_.kind == EndpointKind::kInstance ||
          target_.kind == EndpointKind::kTag || target_.kind == EndpointKind::kSubnet) {
        Stop(std::move(q), MakeBlocker("internet", code::kNoDestination, true,
                                       "reaches the internet, not the destination"));
        return;
      }
      AddHop(q, MakeHop("internet", "internet", "delivered to the internet"));
      Deliver(std::move(q), Arrival{Arrival::kInternet, model::kNone, model::kNone});
    };
    SplitBySet(
        std::move(p), p.dst, index_.closed_from_outside,
        [&](Flow&& q) {
          Stop(std::move(q), MakeBlocker("internet", code::kIgwPrivateIngress, true,
                                         "a VPC's private address cannot be reached from outside"));
        },
        arrive);
  };
  if (f.reply && source_.coarse_internet && f.dst.linked && f.dst.dim == Dim::kSrc) {
    elsewhere(std::move(f));  // replies to outside hosts, which are never modelled addresses
    return;
  }
  if (!f.reply && target_.coarse_internet && f.dst.linked && f.dst.dim == Dim::kDst) {
    elsewhere(std::move(f));  // requests to internet hosts, which are never modelled addresses
    return;
  }
  if (!IsV4(f.box)) {
    SplitBySpans(
        std::move(f), f.dst, index_.vpc_v6,
        [&](const Span<model::Handle>& span, Flow&& p) {
          const model::Handle vpc = span.payload;
          model::Handle gateway = index_.vpcs[vpc].igw;
          if (p.reply && p.egress_gateway != model::kNone &&
              net_.internet_gateways[p.egress_gateway].AttachedVpc() == vpc) {
            gateway = p.egress_gateway;
          }
          if (gateway == model::kNone) return no_gateway(std::move(p), net_.vpcs[vpc].id);
          const model::InternetGateway& g = net_.internet_gateways[gateway];
          AddHop(p, MakeHop(g.id, g.egress_only ? "egress-only-internet-gateway" : "internet-gateway",
                            Cat(g.id, " forwards into ", net_.vpcs[vpc].id), g.origin));
          SplitBySpans(
              std::move(p), p.dst, index_.vpcs[vpc].subnets,
              [&](const Span<model::Handle>& s, Flow&& q) { ComeIn(std::move(q), gateway, s.payload); },
              [&](Flow&& q) {
                Stop(std::move(q),
                     MakeBlocker(net_.vpcs[vpc].id, code::kNoDestination, true,
                                 "no subnet of " + net_.vpcs[vpc].id + " holds the destination"));
              });
        },
        elsewhere);
    return;
  }
  SplitByPoints(
      std::move(f), f.dst, index_.nat_public,
      [&](const Point<model::Handle>& point, Flow&& p) {
        const model::NatGateway& nat = net_.nat_gateways[point.payload];
        if (!p.reply || p.nat != point.payload) {
          Stop(std::move(p), MakeBlocker(nat.id, code::kNoDestination, true,
                                         nat.id + " drops packets it did not translate", nat.origin));
          return;
        }
        const model::Handle gateway = nat.vpc == model::kNone ? model::kNone : index_.vpcs[nat.vpc].igw;
        if (gateway == model::kNone || nat.subnet == model::kNone)
          return no_gateway(std::move(p), nat.vpc_id);
        const model::InternetGateway& g = net_.internet_gateways[gateway];
        const net::IpAddress private_ip = *index_.NatPrivate(point.payload);
        AddHop(p, MakeHop(g.id, "internet-gateway",
                          Cat(g.id, " translates destination ",
                              net::IpAddress::V4(static_cast<std::uint32_t>(point.address)).ToString(),
                              " -> ", private_ip.ToString()),
                          g.origin));
        p.dst = AddrView{false, Dim::kDst, private_ip};
        ComeIn(std::move(p), gateway, nat.subnet);
      },
      [&](Flow&& p) {
        SplitByPoints(
            std::move(p), p.dst, index_.iface_public,
            [&](const Point<PublicMapping>& point, Flow&& q) {
              const PublicMapping& m = point.payload;
              const model::NetworkInterface& e = net_.interfaces[m.iface];
              const model::Handle gateway = e.vpc == model::kNone ? model::kNone : index_.vpcs[e.vpc].igw;
              if (gateway == model::kNone || e.subnet == model::kNone)
                return no_gateway(std::move(q), e.vpc_id);
              const model::InternetGateway& g = net_.internet_gateways[gateway];
              if (!q.reply) q.subject_hops.push_back(PathSize(q.hops));
              AddHop(q, MakeHop(g.id, "internet-gateway",
                                Cat(g.id, " translates destination ", m.public_ip.ToString(), " -> ",
                                    m.private_ip.ToString()),
                                g.origin));
              q.dst = AddrView{false, Dim::kDst, m.private_ip};
              ComeIn(std::move(q), gateway, e.subnet);
            },
            elsewhere);
      });
}

}  // namespace reachcheck::analysis::detail
