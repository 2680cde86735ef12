// SPDX-License-Identifier: Apache-2.0
// The reference walk: "Leaving an interface" steps 1 to 6 and the route targets, literally.
// Arrival, the internet and the reply's reverse translations are in reference_arrive.cpp.
#include "support/reference_walk.h"

#include "reachcheck/model/route_table.h"
#include "support/reference_lookup.h"

namespace reachcheck::testing::reference {

using model::Handle;
using model::kNone;

Walker::Walker(const model::Network& network, const ConcretePacket& original,
               const DestinationSpec& destination, ReferenceOutcome& outcome, bool reply)
    : n_(network), original_(original), destination_(destination), outcome_(outcome), reply_(reply) {}

void Walker::Trace(const std::string& line) {
  outcome_.trace.push_back(std::string(reply_ ? "  reply: " : "  ") + line);
}

void Walker::Block(const std::string& code, const std::string& component, const std::string& detail) {
  outcome_.blockers.push_back(ReferenceBlocker{code, component, reply_, detail});
  Trace("BLOCKED " + code + " at " + component + ": " + detail);
}

void Walker::Stop(const std::string& code, const std::string& component, const std::string& detail) {
  Block(code, component, detail);
  Trace("stop");
  end_ = WalkEnd{};
}

void Walker::End(EndKind kind, Handle interface, Handle subnet) { end_ = WalkEnd{kind, interface, subnet}; }

bool Walker::GatewaysMet(std::string* why) const {
  if (reply_) return true;
  if (destination_.kind == DestinationKind::kGateway &&
      passed_.count({destination_.gateway_kind, destination_.gateway}) == 0) {
    *why = "delivered without passing through the destination gateway";
    return false;
  }
  if (original_.entry_gateway != kNone &&
      passed_.count({GatewayKind::kInternet, original_.entry_gateway}) == 0) {
    *why = "delivered without coming in through " + n_.internet_gateways[original_.entry_gateway].id;
    return false;
  }
  return true;
}

void Walker::CheckState(Handle interface) {
  const model::NetworkInterface& eni = n_.interfaces[interface];
  if (!eni.InUse()) {
    Block("BAD_STATE", eni.id, "interface status " + eni.status);
  } else if (eni.instance != kNone && !n_.instances[eni.instance].Running()) {
    const model::Instance& instance = n_.instances[eni.instance];
    Block("BAD_STATE", instance.id, "instance state " + instance.state);
  }
}

void Walker::CheckGroups(Handle interface, model::Direction direction, const net::IpAddress& peer,
                         bool translated) {
  std::string why;
  const GroupVerdict verdict =
      GroupsAdmit(n_, interface, direction, p_.protocol, p_.dst_port, peer, translated, &why);
  const std::string& id = n_.interfaces[interface].id;
  const std::string dir = model::DirectionName(direction);
  if (verdict == GroupVerdict::kNoRules) {
    Block("SG_HAS_NO_RULES", id, dir + ": " + why);
  } else if (verdict == GroupVerdict::kMismatch) {
    Block("ENI_SG_RULES_MISMATCH", id, dir + ": " + why);
  } else {
    Trace("groups of " + id + " " + dir + ": " + why);
  }
}

void Walker::CheckAcl(Handle subnet, model::Direction direction) {
  const model::Subnet& s = n_.subnets[subnet];
  if (s.network_acl == kNone) {
    Trace(s.id + " has no network ACL");
    return;
  }
  const net::IpAddress& remote = direction == model::Direction::kIngress ? p_.src : p_.dst;
  std::string why;
  const model::NetworkAcl& acl = n_.network_acls[s.network_acl];
  const std::string dir = model::DirectionName(direction);
  if (AclAdmits(acl, direction, p_.protocol, remote, p_.dst_ports, &why)) {
    Trace(dir + " " + why);
  } else {
    Block("SUBNET_ACL_RESTRICTION", acl.id, dir + ": " + why);
  }
}

void Walker::FromInterface(Handle interface, const WalkPacket& packet) {
  p_ = packet;
  const model::NetworkInterface& eni = n_.interfaces[interface];
  Trace("leave " + eni.id + " from " + p_.src.ToString());
  CheckState(interface);                                             // step 1
  CheckGroups(interface, model::Direction::kEgress, p_.dst, false);  // step 2
  if (eni.subnet == kNone) return Stop("NO_ROUTE_TO_DESTINATION", eni.id, "no subnet");
  RouteFrom(eni.subnet);
}

void Walker::FromSubnet(Handle subnet, const WalkPacket& packet) {
  p_ = packet;
  Trace("host in " + n_.subnets[subnet].id + " sends from " + p_.src.ToString());
  RouteFrom(subnet);
}

void Walker::FromInternet(const WalkPacket& packet) {
  p_ = packet;
  Trace("outside host " + p_.src.ToString() + " sends");
  OnInternet();
}

void Walker::ReplyFromSubnet(Handle subnet, const WalkPacket& packet, const RequestMemo& memo) {
  p_ = packet;
  memo_ = memo;
  Trace("leaves " + n_.subnets[subnet].id + " from " + p_.src.ToString() + " to " + p_.dst.ToString());
  RouteFrom(subnet);
}

void Walker::ReplyFromInternet(const WalkPacket& packet, const RequestMemo& memo) {
  p_ = packet;
  memo_ = memo;
  Trace("from the internet " + p_.src.ToString() + " to " + p_.dst.ToString());
  OnInternet();
}

void Walker::RouteFrom(Handle subnet) {
  const model::Subnet& s = n_.subnets[subnet];
  const Handle vpc = s.vpc;
  if (SubnetHolds(n_, subnet, p_.dst)) {  // step 3
    Trace(p_.dst.ToString() + " is inside " + s.id);
    return reply_ ? ArriveReply(subnet) : Arrive(subnet);
  }
  CheckAcl(subnet, model::Direction::kEgress);  // step 4
  if (s.route_table == kNone) return Stop("NO_ROUTE_TO_DESTINATION", s.id, "no route table");
  const model::RouteTable& table = n_.route_tables[s.route_table];  // step 5
  const RouteChoice choice = LookupRoute(n_, table, vpc, p_.dst);
  if (!choice.found) {
    return Stop("NO_ROUTE_TO_DESTINATION", table.id, "no route for " + p_.dst.ToString());
  }
  Trace(table.id + " route " + choice.text);
  if (choice.route != nullptr && choice.route->state == model::RouteState::kBlackhole) {
    return Stop("BAD_STATE_ROUTE", table.id, "blackhole route " + choice.text);
  }
  if (choice.local) {  // step 6
    const Handle to = SubnetOfVpcHolding(n_, vpc, p_.dst);
    if (to == kNone) return Stop("NO_POSSIBLE_DESTINATION", table.id, "no subnet holds " + p_.dst.ToString());
    return EnterSubnet(to);
  }
  const model::Route& route = *choice.route;
  switch (route.target_kind) {
    case model::TargetKind::kInternetGateway:
      return ToInternetGateway(route, vpc);
    case model::TargetKind::kEgressOnlyInternetGateway:
      return ToEgressOnlyGateway(route, vpc);
    case model::TargetKind::kNatGateway:
      return ToNatGateway(route, subnet, vpc);
    case model::TargetKind::kPeering:
      return ToPeering(route, vpc);
    case model::TargetKind::kNetworkInterface:
    case model::TargetKind::kInstance:
      return ToAppliance(route, subnet);
    default:
      return Stop("COMPONENT_NOT_ANALYSED", route.target_id,
                  std::string("target kind ") + model::TargetKindName(route.target_kind));
  }
}

void Walker::ToInternetGateway(const model::Route& route, Handle vpc) {
  const Handle g = route.target;
  if (g == kNone || !GatewayAttachedTo(n_.internet_gateways[g], vpc)) {
    return Stop("BAD_STATE_ATTACHMENT", route.target_id, "not attached to the VPC");
  }
  if (p_.dst.is_v4()) {
    if (InRfc1918(p_.dst))
      return Stop("IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS", route.target_id, p_.dst.ToString());
    if (InRfc6598(p_.dst))
      return Stop("IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS", route.target_id, p_.dst.ToString());
    std::optional<net::IpAddress> pub;
    if (forward_nat_ != kNone) {
      const model::NatGateway& nat = n_.nat_gateways[forward_nat_];
      if (!nat.IsPublic())
        return Stop("NO_POSSIBLE_DESTINATION", route.target_id, nat.id + " is a private NAT");
      pub = NatPublic(nat);
    } else {
      pub = PublicOfVpcAddress(n_, vpc, p_.src);
    }
    if (!pub)
      return Stop("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS", route.target_id,
                  p_.src.ToString() + " has no public IP");
    Trace(route.target_id + " translates " + p_.src.ToString() + " -> " + pub->ToString());
    p_.src = *pub;
    translated_ = true;
  }
  if (!reply_) memo_.exit_gateway = g;
  Pass(GatewayKind::kInternet, g);
  Trace("out through " + route.target_id);
  OnInternet();
}

void Walker::ToEgressOnlyGateway(const model::Route& route, Handle vpc) {
  const Handle g = route.target;
  if (g == kNone || !GatewayAttachedTo(n_.internet_gateways[g], vpc)) {
    return Stop("BAD_STATE_ATTACHMENT", route.target_id, "not attached to the VPC");
  }
  if (p_.dst.is_v4())
    return Stop("NO_POSSIBLE_DESTINATION", route.target_id, "IPv4 through an egress-only gateway");
  if (!reply_) memo_.exit_gateway = g;
  Trace("out through " + route.target_id);
  OnInternet();
}

void Walker::ToNatGateway(const model::Route& route, Handle subnet, Handle vpc) {
  if (nat_seen_)
    return Stop("NO_POSSIBLE_DESTINATION", route.target_id, "a NAT never forwards to another NAT");
  if (reply_) return Stop("NO_POSSIBLE_DESTINATION", route.target_id, "a reply is never translated anew");
  const Handle n = route.target;
  if (n == kNone || !n_.nat_gateways[n].Available()) {
    return Stop("BAD_STATE", route.target_id, n == kNone ? "missing" : "state " + n_.nat_gateways[n].state);
  }
  const model::NatGateway& nat = n_.nat_gateways[n];
  if (nat.vpc != vpc || entered_from_outside_) {
    return Stop("NGW_REQUIRES_SOURCE_IN_VPC", nat.id, "source not in the NAT's VPC");
  }
  if (!p_.dst.is_v4()) return Stop("COMPONENT_NOT_ANALYSED", nat.id, "NAT64 is not modelled");
  const std::optional<net::IpAddress> address = NatPrivate(nat);
  if (nat.subnet == kNone || !address) return Stop("BAD_STATE", nat.id, "no subnet or address");
  if (nat.subnet != subnet) CheckAcl(nat.subnet, model::Direction::kIngress);
  if (!reply_) {
    memo_.nat = n;
    memo_.nat_original_src = p_.src;
    memo_.nat_original_src_port = p_.src_port;
  }
  Trace(nat.id + " translates " + p_.src.ToString() + " -> " + address->ToString() + " port 1024-65535");
  p_.src = *address;
  translated_ = true;
  nat_seen_ = true;
  forward_nat_ = n;
  Pass(GatewayKind::kNat, n);
  RouteFrom(nat.subnet);
}

void Walker::ToPeering(const model::Route& route, Handle vpc) {
  const Handle x = route.target;
  if (x == kNone || !n_.peerings[x].Active()) {
    return Stop("BAD_STATE", route.target_id, x == kNone ? "missing" : "status " + n_.peerings[x].status);
  }
  const model::VpcPeering& pcx = n_.peerings[x];
  const model::PeeringSide* far = nullptr;
  if (pcx.requester.vpc == vpc)
    far = &pcx.accepter;
  else if (pcx.accepter.vpc == vpc)
    far = &pcx.requester;
  if (far == nullptr) return Stop("BAD_STATE_ROUTE", pcx.id, "the peering does not join this VPC");
  std::vector<net::Cidr> cidrs = VpcCidrs(n_, far->vpc);
  if (far->vpc == kNone) {
    cidrs = far->ipv4_cidrs;
    cidrs.insert(cidrs.end(), far->ipv6_cidrs.begin(), far->ipv6_cidrs.end());
  }
  bool inside = false;
  for (const net::Cidr& c : cidrs) inside = inside || (c.family() == p_.dst.family && c.Contains(p_.dst));
  if (!inside)
    return Stop("PCX_REQUIRES_ADDRESS_IN_VPC_CIDR", pcx.id, p_.dst.ToString() + " not in the peer VPC");
  if (far->vpc == kNone) return Stop("UNKNOWN_DESTINATION", pcx.id, far->vpc_id + " is not in the snapshot");
  const Handle to = SubnetOfVpcHolding(n_, far->vpc, p_.dst);
  if (to == kNone)
    return Stop("NO_POSSIBLE_DESTINATION", pcx.id, "no subnet of " + far->vpc_id + " holds it");
  Trace("across " + pcx.id + " into " + far->vpc_id);
  Pass(GatewayKind::kPeering, x);
  entered_from_outside_ = true;
  EnterSubnet(to);
}

void Walker::ToAppliance(const model::Route& route, Handle subnet) {
  Handle x = kNone;
  if (route.target != kNone) {
    if (route.target_kind == model::TargetKind::kNetworkInterface) {
      x = route.target;
    } else if (!n_.instances[route.target].interfaces.empty()) {
      x = n_.instances[route.target].interfaces.front();
    }
  }
  if (x == kNone) return Stop("BAD_STATE_ROUTE", route.target_id, "target not in the snapshot");
  const model::NetworkInterface& eni = n_.interfaces[x];
  if (!appliances_.insert(x).second) return Stop("ROUTING_LOOP", eni.id, "visited twice");
  if (eni.subnet == kNone) return Stop("BAD_STATE_ROUTE", eni.id, "appliance without subnet");
  Trace("to appliance " + eni.id);
  if (eni.subnet != subnet) CheckAcl(eni.subnet, model::Direction::kIngress);
  if (!reply_) CheckGroups(x, model::Direction::kIngress, p_.src, translated_);
  if (eni.source_dest_check) Block("ENI_SOURCE_DEST_CHECK_RESTRICTION", eni.id, "source/dest check is on");
  if (!reply_) CheckGroups(x, model::Direction::kEgress, p_.dst, false);
  RouteFrom(eni.subnet);
}

}  // namespace reachcheck::testing::reference
