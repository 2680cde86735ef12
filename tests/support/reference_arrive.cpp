// SPDX-License-Identifier: Apache-2.0
// The reference walk, second half: entering a subnet, arriving at a host, the internet, and
// where a reply is translated back and recognised as back at its sender.
#include <algorithm>

#include "reachcheck/net/protocol.h"
#include "support/reference_lookup.h"
#include "support/reference_walk.h"

namespace reachcheck::testing::reference {

using model::Handle;
using model::kNone;

void Walker::EnterSubnet(Handle subnet) {
  Trace("enter " + n_.subnets[subnet].id);
  CheckAcl(subnet, model::Direction::kIngress);
  if (reply_) return ArriveReply(subnet);
  Arrive(subnet);
}

void Walker::Arrive(Handle subnet) {
  const model::Subnet& s = n_.subnets[subnet];
  const net::IpAddress& d = p_.dst;
  if (destination_.kind == DestinationKind::kSubnet) {
    if (subnet == destination_.subnet) return Deliver(EndKind::kSubnetHost, kNone, subnet);
    return Stop("NO_POSSIBLE_DESTINATION", s.id, "arrives in " + s.id + ", not the destination subnet");
  }
  const Handle nat = NatOwningPrivate(n_, subnet, d);
  if (nat != kNone)
    return Stop("NO_POSSIBLE_DESTINATION", n_.nat_gateways[nat].id, "unsolicited packet to a NAT");
  const Handle j = InterfaceOwning(n_, subnet, d);
  if (destination_.kind == DestinationKind::kInterfaces &&
      std::find(destination_.interfaces.begin(), destination_.interfaces.end(), j) ==
          destination_.interfaces.end()) {
    return Stop("NO_POSSIBLE_DESTINATION", j == kNone ? s.id : n_.interfaces[j].id,
                "arrives at " + d.ToString() + " in " + s.id + ", not the destination");
  }
  if (j == kNone) return Deliver(EndKind::kSubnetHost, kNone, subnet);
  CheckState(j);
  CheckGroups(j, model::Direction::kIngress, p_.src, translated_);
  Deliver(EndKind::kInterface, j, subnet);
}

// The end of a request's walk: delivered, unless it had to pass a gateway and did not (a
// check made after the host's own, so that their blockers are listed too).
void Walker::Deliver(EndKind kind, Handle interface, Handle subnet) {
  std::string why;
  const std::string where = kind == EndKind::kInterface    ? n_.interfaces[interface].id.str()
                            : kind == EndKind::kSubnetHost ? n_.subnets[subnet].id.str()
                                                           : std::string("internet");
  if (!GatewaysMet(&why)) return Stop("NO_POSSIBLE_DESTINATION", where, why);
  Trace(kind == EndKind::kSubnetHost
            ? "delivered to a host that could live in " + where + " at " + p_.dst.ToString()
            : "delivered to " + where);
  End(kind, interface, subnet);
}

void Walker::ArriveReply(Handle subnet) {
  const net::IpAddress& d = p_.dst;
  if (memo_.nat != kNone && !nat_reversed_) {
    const model::NatGateway& nat = n_.nat_gateways[memo_.nat];
    const std::optional<net::IpAddress> address = NatPrivate(nat);
    if (nat.subnet == subnet && address && *address == d) {
      Trace(nat.id + " translates back to " + memo_.nat_original_src.ToString());
      p_.dst = memo_.nat_original_src;
      if (p_.protocol == net::kTcp || p_.protocol == net::kUdp) {
        p_.dst_port = memo_.nat_original_src_port;
        p_.dst_ports = net::PortSet::Single(memo_.nat_original_src_port);
      }
      nat_reversed_ = true;
      nat_seen_ = true;
      return RouteFrom(subnet);
    }
  }
  bool back = false;
  if (original_.sender == SenderKind::kInterface) {
    back = n_.interfaces[original_.interface].subnet == subnet &&
           InterfaceHasAddress(n_, original_.interface, d);
  } else if (original_.sender == SenderKind::kSubnetHost) {
    back = original_.subnet == subnet;
  }
  if (!back) {
    return Stop("NO_POSSIBLE_DESTINATION", n_.subnets[subnet].id,
                "reply arrives at " + d.ToString() + " in " + n_.subnets[subnet].id + ", not at the sender");
  }
  Trace("back at the sender");
  End(EndKind::kBack, kNone, subnet);
}

// Through internet gateway `gateway` (already found) into `subnet`, addressed to `new_dst`.
void Walker::ComeIn(Handle gateway, Handle subnet, const net::IpAddress& new_dst) {
  const model::InternetGateway& g = n_.internet_gateways[gateway];
  if (!g.egress_only && p_.src.is_v4()) {
    if (InRfc1918(p_.src)) {
      Block("IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS", g.id, p_.src.ToString());
    } else if (InRfc6598(p_.src)) {
      Block("IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS", g.id, p_.src.ToString());
    }
  }
  if (new_dst != p_.dst) Trace(g.id + " translates " + p_.dst.ToString() + " -> " + new_dst.ToString());
  Trace("in through " + g.id);
  if (!g.egress_only) Pass(GatewayKind::kInternet, gateway);
  p_.dst = new_dst;
  entered_from_outside_ = true;
  EnterSubnet(subnet);
}

void Walker::OnInternet() {
  const net::IpAddress d = p_.dst;
  Trace("on the internet to " + d.ToString());
  const Handle nat = NatOwningPublic(n_, d);
  if (nat != kNone) {
    const model::NatGateway& gw = n_.nat_gateways[nat];
    if (reply_ && nat == memo_.nat && !nat_reversed_ && memo_.exit_gateway != kNone && gw.subnet != kNone) {
      return ComeIn(memo_.exit_gateway, gw.subnet, *NatPrivate(gw));
    }
    return Stop("NO_POSSIBLE_DESTINATION", gw.id, "unsolicited packet to a NAT's public address");
  }
  if (d.is_v4()) {
    net::IpAddress private_address;
    const Handle j = InterfaceWithPublic(n_, d, &private_address);
    if (j != kNone) {
      const model::NetworkInterface& eni = n_.interfaces[j];
      const Handle g = AttachedGateway(n_, eni.vpc, false);
      if (g == kNone)
        return Stop("IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", eni.id,
                    "no internet gateway attached to " + eni.vpc_id);
      return ComeIn(g, eni.subnet, private_address);
    }
    bool private_of_interface = false;
    for (Handle i = 0; i < n_.interfaces.size() && !private_of_interface; ++i) {
      private_of_interface = InterfaceHasAddress(n_, i, d);
    }
    if (private_of_interface || InAnyVpcIpv4(n_, d)) {
      return Stop("IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", d.ToString(),
                  "a VPC address cannot be reached from outside");
    }
  } else {
    const Handle vpc = VpcOfIpv6(n_, d);
    if (vpc != kNone) {
      Handle g = kNone;
      if (reply_ && memo_.exit_gateway != kNone &&
          GatewayAttachedTo(n_.internet_gateways[memo_.exit_gateway], vpc)) {
        g = memo_.exit_gateway;
      } else {
        g = AttachedGateway(n_, vpc, false);
      }
      if (g == kNone)
        return Stop("IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", n_.vpcs[vpc].id,
                    "no internet gateway attached");
      const Handle to = SubnetOfVpcHolding(n_, vpc, d);
      if (to == kNone)
        return Stop("NO_POSSIBLE_DESTINATION", n_.vpcs[vpc].id, "no subnet holds " + d.ToString());
      return ComeIn(g, to, d);
    }
  }
  if (reply_) {
    if (original_.sender == SenderKind::kOutsideHost) {
      Trace("back at the outside host");
      return End(EndKind::kBack, kNone, kNone);
    }
    return Stop("NO_POSSIBLE_DESTINATION", "internet", "reply ends on the internet, not at the sender");
  }
  if (destination_.kind == DestinationKind::kInterfaces || destination_.kind == DestinationKind::kSubnet) {
    return Stop("NO_POSSIBLE_DESTINATION", "internet", "ends on the internet, not at the destination");
  }
  Deliver(EndKind::kInternet, kNone, kNone);
}

}  // namespace reachcheck::testing::reference
