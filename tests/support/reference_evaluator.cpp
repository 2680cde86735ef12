// SPDX-License-Identifier: Apache-2.0
// The reference evaluator's entry point: walks the request, then its reply, and says
// whether the packet is reachable; plus the address helpers the differential test uses.
#include "support/reference_evaluator.h"

#include <sstream>

#include "reachcheck/net/protocol.h"
#include "support/reference_lookup.h"
#include "support/reference_walk.h"

namespace reachcheck::testing {

using model::Handle;
using model::kNone;

std::string ConcretePacket::ToString(const model::Network& network) const {
  std::ostringstream out;
  switch (sender) {
    case SenderKind::kInterface:
      out << network.interfaces[interface].id;
      break;
    case SenderKind::kSubnetHost:
      out << "host in " << network.subnets[subnet].id;
      break;
    case SenderKind::kOutsideHost:
      out << "outside host";
      if (entry_gateway != kNone) out << " through " << network.internet_gateways[entry_gateway].id;
      break;
  }
  out << ' ' << src.ToString() << ':' << src_port << " -> " << dst.ToString() << ':' << dst_port << ' '
      << net::ProtocolName(protocol);
  if (protocol == net::kIcmp || protocol == net::kIcmpv6) {
    out << " (type " << (dst_port >> 8) << " code " << (dst_port & 0xff) << ')';
  }
  return out.str();
}

std::set<std::pair<std::string, bool>> ReferenceOutcome::Codes() const {
  std::set<std::pair<std::string, bool>> out;
  for (const ReferenceBlocker& b : blockers) out.emplace(b.code, b.return_path);
  return out;
}

std::string ReferenceOutcome::ToString() const {
  std::ostringstream out;
  out << (reachable ? "reachable" : "unreachable") << " (delivered " << (delivered ? "yes" : "no")
      << ", reply back " << (reply_back ? "yes" : "no") << ", delivered to '" << delivered_to << "')\n";
  for (const ReferenceBlocker& b : blockers) {
    out << "  blocker " << b.code << (b.return_path ? " [return]" : "") << " at " << b.component << ": "
        << b.detail << '\n';
  }
  for (const std::string& line : trace) out << line << '\n';
  return out.str();
}

namespace {

// The reply's header, or nothing when the request (an ICMP message other than an echo
// request) has no reply.
std::optional<reference::WalkPacket> ReplyOf(const reference::WalkPacket& request, bool remapped) {
  reference::WalkPacket reply;
  reply.src = request.dst;
  reply.dst = request.src;
  reply.protocol = request.protocol;
  const int type = request.dst_port >> 8;
  const int code = request.dst_port & 0xff;
  if (request.protocol == net::kTcp || request.protocol == net::kUdp) {
    reply.src_port = request.dst_port;
    reply.dst_port = request.src_port;
    reply.dst_ports = remapped ? net::EphemeralPorts() : net::PortSet::Single(request.src_port);
  } else if (request.protocol == net::kIcmp || request.protocol == net::kIcmpv6) {
    const int echo_request = request.protocol == net::kIcmp ? 8 : 128;
    if (type != echo_request) return std::nullopt;
    const int echo_reply = request.protocol == net::kIcmp ? 0 : 129;
    reply.dst_port = static_cast<std::uint16_t>(echo_reply * 256 + code);
    reply.dst_ports = net::PortSet::Single(reply.dst_port);
  } else {
    reply.dst_ports = net::PortSet::Single(0);
  }
  return reply;
}

}  // namespace

ReferenceOutcome Evaluate(const model::Network& network, const ConcretePacket& packet,
                          const DestinationSpec& destination) {
  ReferenceOutcome outcome;
  outcome.trace.push_back("request " + packet.ToString(network));
  reference::WalkPacket request;
  request.src = packet.src;
  request.dst = packet.dst;
  request.protocol = packet.protocol;
  request.src_port = packet.src_port;
  request.dst_port = packet.dst_port;
  request.dst_ports = net::PortSet::Single(packet.dst_port);

  reference::Walker forward(network, packet, destination, outcome, false);
  switch (packet.sender) {
    case SenderKind::kInterface:
      forward.FromInterface(packet.interface, request);
      break;
    case SenderKind::kSubnetHost:
      forward.FromSubnet(packet.subnet, request);
      break;
    case SenderKind::kOutsideHost:
      forward.FromInternet(request);
      break;
  }
  const reference::WalkEnd& end = forward.end();
  if (end.kind == reference::EndKind::kStopped) return outcome;
  outcome.delivered = outcome.blockers.empty();
  switch (end.kind) {
    case reference::EndKind::kInterface:
      outcome.delivered_to = network.interfaces[end.interface].id;
      break;
    case reference::EndKind::kSubnetHost:
      outcome.delivered_to = network.subnets[end.subnet].id + " (no interface)";
      break;
    default:
      outcome.delivered_to = "internet";
      break;
  }

  const std::optional<reference::WalkPacket> reply = ReplyOf(forward.packet(), forward.memo().nat != kNone);
  if (!reply) {
    outcome.trace.push_back("no reply expected (ICMP message other than an echo request)");
    outcome.reply_back = true;
  } else {
    outcome.trace.push_back("reply " + reply->src.ToString() + " -> " + reply->dst.ToString());
    reference::Walker back(network, packet, destination, outcome, true);
    if (end.kind == reference::EndKind::kInternet) {
      back.ReplyFromInternet(*reply, forward.memo());
    } else {
      back.ReplyFromSubnet(end.subnet, *reply, forward.memo());
    }
    bool return_blocked = false;
    for (const ReferenceBlocker& b : outcome.blockers) return_blocked = return_blocked || b.return_path;
    outcome.reply_back = back.end().kind == reference::EndKind::kBack && !return_blocked;
  }
  outcome.reachable = outcome.delivered && outcome.reply_back;
  return outcome;
}

net::AddressSet InterfaceDestinationAddresses(const model::Network& network, Handle interface,
                                              Handle source_vpc) {
  const model::NetworkInterface& eni = network.interfaces[interface];
  net::AddressSet privates;
  net::AddressSet publics;
  for (const model::PrivateAddress& p : eni.private_addresses) {
    privates = privates.Union(net::AddressSet::Of(p.address));
    if (auto pub = reference::PublicOf(network, interface, p.address)) {
      publics = publics.Union(net::AddressSet::Of(*pub));
    }
  }
  net::AddressSet v6;
  for (const net::IpAddress& a : eni.ipv6_addresses) v6 = v6.Union(net::AddressSet::Of(a));
  const bool near = source_vpc != kNone && eni.vpc != kNone &&
                    (source_vpc == eni.vpc || reference::PeeredAnyStatus(network, source_vpc, eni.vpc));
  if (near || publics.IsEmpty()) return privates.Union(v6);
  return publics.Union(v6);
}

std::vector<Handle> PrivateAddressOwners(const model::Network& network, const net::IpAddress& address) {
  std::vector<Handle> out;
  for (Handle i = 0; i < network.interfaces.size(); ++i) {
    if (reference::IsNatInterface(network.interfaces[i])) continue;
    if (reference::InterfaceHasAddress(network, i, address)) out.push_back(i);
  }
  return out;
}

std::vector<net::IpAddress> InterfaceAddresses(const model::Network& network, Handle interface) {
  std::vector<net::IpAddress> out;
  const model::NetworkInterface& eni = network.interfaces[interface];
  for (const model::PrivateAddress& p : eni.private_addresses) out.push_back(p.address);
  out.insert(out.end(), eni.ipv6_addresses.begin(), eni.ipv6_addresses.end());
  return out;
}

std::vector<net::Cidr> SubnetCidrs(const model::Network& network, Handle subnet) {
  std::vector<net::Cidr> out;
  const model::Subnet& s = network.subnets[subnet];
  if (s.has_ipv4) out.push_back(s.ipv4_cidr);
  out.insert(out.end(), s.ipv6_cidrs.begin(), s.ipv6_cidrs.end());
  return out;
}

}  // namespace reachcheck::testing
