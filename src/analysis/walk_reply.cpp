// SPDX-License-Identifier: Apache-2.0
// The end of a request (delivered or stopped) and its reply: addresses and ports swapped,
// ICMP echo answered by echo reply, other ICMP messages with no reply, walked back from the
// destination host without security groups.
#include <tuple>
#include <utility>

#include "analysis/walker_filters.h"

namespace reachcheck::analysis::detail {
namespace {

constexpr std::uint16_t kEchoRequest = 8 * 256;     // ICMP type 8
constexpr std::uint16_t kEcho6Request = 128 * 256;  // ICMPv6 type 128
constexpr int kEchoReplyShift = -8 * 256;           // type 8 -> type 0
constexpr int kEcho6ReplyShift = 256;               // type 128 -> type 129

Final ToFinal(Flow& f, bool reachable) {
  return Final{std::move(f.box),          reachable,
               std::move(f.delivered_to), std::move(f.hops),
               std::move(f.reply_hops),   std::move(f.blockers),
               std::move(f.subject_hops)};
}

}  // namespace

void Walker::Deliver(Flow&& f, const Arrival& arrival) {
  if (target_.kind == EndpointKind::kGateway && !Passed(f, target_.gateway)) {
    // The gateway asked about is the component the packet should have passed.
    const model::Handle g = target_.gateway.handle;
    const char kind = target_.gateway.kind;
    const base::Text& id = kind == 'n'   ? net_.nat_gateways[g].id
                           : kind == 'p' ? net_.peerings[g].id
                                         : net_.internet_gateways[g].id;
    const base::SourceRef& where = kind == 'n'   ? net_.nat_gateways[g].origin
                                   : kind == 'p' ? net_.peerings[g].origin
                                                 : net_.internet_gateways[g].origin;
    const std::string_view place =
        arrival.kind == Arrival::kInterface  ? net_.interfaces[arrival.handle].id.view()
        : arrival.kind == Arrival::kInternet ? std::string_view("the internet")
                                             : net_.subnets[arrival.subnet].id.view();
    Stop(std::move(f),
         MakeBlocker(id, code::kNoDestination, true,
                     "delivered to " + std::string(place) + " without passing through " + id, where));
    return;
  }
  if (source_.via_igw != model::kNone && !Passed(f, GatewayPass{'i', source_.via_igw})) {
    Stop(std::move(f),
         MakeBlocker(net_.internet_gateways[source_.via_igw].id, code::kNoDestination, true,
                     "delivered without coming in through " + net_.internet_gateways[source_.via_igw].id));
    return;
  }
  switch (arrival.kind) {
    case Arrival::kInterface:
      f.delivered_to = net_.interfaces[arrival.handle].id;
      break;
    case Arrival::kHost:
    case Arrival::kSubnet:
      f.delivered_to = net_.subnets[arrival.subnet].id + " (no interface)";
      break;
    case Arrival::kInternet:
      f.delivered_to = "internet";
      break;
  }
  StartReply(f, arrival);
}

void Walker::StartReply(const Flow& request, const Arrival& arrival) {
  Flow base = request;
  base.reply = true;
  base.src = request.dst;
  base.dst = request.src;
  base.translated = false;
  base.appliances.clear();
  base.origin_vpc = arrival.subnet == model::kNone ? model::kNone : net_.subnets[arrival.subnet].vpc;
  const net::ProtocolSet& protocols = request.box.proto;
  const net::ProtocolSet tcp_udp =
      net::ProtocolSet::Single(net::kTcp).Union(net::ProtocolSet::Single(net::kUdp));
  auto with = [&](const net::ProtocolSet& proto) {
    Flow piece = base;
    piece.box.proto = protocols.Intersect(proto);
    return piece;
  };
  auto no_reply = [&](Flow&& piece) {
    AddHop(piece, MakeHop("icmp", "protocol", "this ICMP message has no reply"));
    Back(std::move(piece));
  };
  // TCP and UDP: the reply's destination port is the request's source port.
  if (protocols.Intersects(tcp_udp)) {
    Flow piece = with(tcp_udp);
    piece.port = request.sport;
    piece.port_from_sport = true;
    WalkReply(std::move(piece), arrival);
  }
  // ICMP and ICMPv6: echo requests get echo replies; other messages have no reply.
  for (auto [protocol, request_type, shift] : {std::tuple{net::kIcmp, kEchoRequest, kEchoReplyShift},
                                               std::tuple{net::kIcmpv6, kEcho6Request, kEcho6ReplyShift}}) {
    if (!protocols.Contains(protocol)) continue;
    const net::PortSet echo =
        net::PortSet::Range(request_type, static_cast<std::uint16_t>(request_type + 255));
    Flow piece = with(net::ProtocolSet::Single(protocol));
    const net::PortSet echo_part = piece.box.dport.Intersect(echo);
    const net::PortSet other_part = piece.box.dport.Subtract(echo);
    if (!other_part.IsEmpty()) {
      Flow other = piece;
      other.box.dport = other_part;
      no_reply(std::move(other));
    }
    if (!echo_part.IsEmpty()) {
      piece.box.dport = echo_part;
      piece.port = PortView{true, Dim::kDport, shift, {}};
      WalkReply(std::move(piece), arrival);
    }
  }
  // Other protocols: no ports.
  const net::ProtocolSet others = protocols.Subtract(tcp_udp)
                                      .Subtract(net::ProtocolSet::Single(net::kIcmp))
                                      .Subtract(net::ProtocolSet::Single(net::kIcmpv6));
  if (!others.IsEmpty()) WalkReply(with(others), arrival);
}

void Walker::WalkReply(Flow&& reply, const Arrival& arrival) {
  switch (arrival.kind) {
    case Arrival::kInterface: {
      const model::NetworkInterface& e = net_.interfaces[arrival.handle];
      AddHop(reply, MakeHop(e.id, "network-interface", Cat(e.id, " sends the reply"), e.origin));
      RouteFrom(std::move(reply), arrival.subnet);
      return;
    }
    case Arrival::kHost:
    case Arrival::kSubnet: {
      const model::Subnet& s = net_.subnets[arrival.subnet];
      AddHop(reply, MakeHop(s.id, "subnet", "the host in " + s.id + " sends the reply", s.origin));
      RouteFrom(std::move(reply), arrival.subnet);
      return;
    }
    case Arrival::kInternet:
      AddHop(reply, MakeHop("internet", "internet", "the outside host sends the reply"));
      OnInternet(std::move(reply));
      return;
  }
}

void Walker::Back(Flow&& f) {
  const bool reachable = f.blockers == nullptr;
  out_.push_back(ToFinal(f, reachable));
}

void Walker::Stop(Flow&& f, BlockerNote note) {
  AddBlocker(f, std::move(note));
  out_.push_back(ToFinal(f, false));
}

}  // namespace reachcheck::analysis::detail
