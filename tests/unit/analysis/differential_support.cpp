// SPDX-License-Identifier: Apache-2.0
// The differential test's questions: which to ask of a random network, and each question's
// senders and destination addresses, computed from the semantics page (not the engine).
#include "unit/analysis/differential_support.h"

#include "reachcheck/net/cidr.h"
#include "reachcheck/net/port_set.h"
#include "reachcheck/net/protocol.h"

namespace reachcheck::testing::differential {

using model::Handle;
using model::kNone;

std::string QuerySpec::Text() const {
  std::string out = "why " + source + " " + destination;
  if (!proto.empty()) out += " --proto " + proto;
  if (!port.empty()) out += " --port " + port;
  if (!src_port.empty()) out += " --src-port " + src_port;
  return out;
}

namespace {

net::AddressSet SideBlocks(const model::Network& n, const model::PeeringSide& side) {
  if (side.vpc != kNone) {
    return net::AddressSet::Of(n.vpcs[side.vpc].ipv4_cidrs)
        .Union(net::AddressSet::Of(n.vpcs[side.vpc].ipv6_cidrs));
  }
  return net::AddressSet::Of(side.ipv4_cidrs).Union(net::AddressSet::Of(side.ipv6_cidrs));
}

}  // namespace

net::AddressSet Question::DestinationFor(const model::Network& network, const Sender& sender) const {
  if (destination.kind == DestinationKind::kGateway && destination.gateway_kind == GatewayKind::kPeering) {
    // The blocks of the side the source is not in; of both when it is in neither.
    const model::VpcPeering& p = network.peerings[destination.gateway];
    const bool in_requester = sender.vpc != kNone && sender.vpc == p.requester.vpc;
    const bool in_accepter = sender.vpc != kNone && sender.vpc == p.accepter.vpc;
    net::AddressSet out;
    if (!in_requester) out = out.Union(SideBlocks(network, p.requester));
    if (!in_accepter) out = out.Union(SideBlocks(network, p.accepter));
    return out;
  }
  if (destination.kind != DestinationKind::kInterfaces) return destination_addresses;
  net::AddressSet out;
  for (Handle j : destination.interfaces)
    out = out.Union(InterfaceDestinationAddresses(network, j, sender.vpc));
  return out;
}

namespace {

bool StartsWith(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

std::vector<Handle> HostInterfaces(const model::Network& n) {
  std::vector<Handle> out;
  for (Handle i = 0; i < n.interfaces.size(); ++i) {
    if (n.interfaces[i].interface_type != "nat_gateway") out.push_back(i);
  }
  return out;
}

// The interfaces an id stands for (eni- or i-), by a linear scan of the model.
std::vector<Handle> InterfacesOf(const model::Network& n, const std::string& id) {
  std::vector<Handle> out;
  if (StartsWith(id, "eni-")) {
    for (Handle i = 0; i < n.interfaces.size(); ++i) {
      if (n.interfaces[i].id == id) out.push_back(i);
    }
  } else {
    for (const model::Instance& instance : n.instances) {
      if (instance.id == id) out = instance.interfaces;
    }
  }
  return out;
}

// An igw-, nat- or pcx- id as a gateway destination; false when it is none of those.
bool GatewayOf(const model::Network& n, const std::string& id, DestinationSpec& out) {
  out.kind = DestinationKind::kGateway;
  if (StartsWith(id, "igw-")) {
    out.gateway_kind = GatewayKind::kInternet;
    for (Handle g = 0; g < n.internet_gateways.size(); ++g) {
      if (n.internet_gateways[g].id == id) out.gateway = g;
    }
  } else if (StartsWith(id, "nat-")) {
    out.gateway_kind = GatewayKind::kNat;
    for (Handle g = 0; g < n.nat_gateways.size(); ++g) {
      if (n.nat_gateways[g].id == id) out.gateway = g;
    }
  } else if (StartsWith(id, "pcx-")) {
    out.gateway_kind = GatewayKind::kPeering;
    for (Handle g = 0; g < n.peerings.size(); ++g) {
      if (n.peerings[g].id == id) out.gateway = g;
    }
  }
  return out.gateway != kNone;
}

Handle SubnetById(const model::Network& n, const std::string& id) {
  for (Handle s = 0; s < n.subnets.size(); ++s) {
    if (n.subnets[s].id == id) return s;
  }
  return kNone;
}

// Address, CIDR or `internet` as an address set.
bool AddressesOf(const model::Network& n, const std::string& text, net::AddressSet& out) {
  if (text == "internet") {
    out = InternetSet(n);
    return true;
  }
  if (text.find('/') != std::string::npos) {
    const net::CidrParse parse = net::ParseCidr(text);
    if (!parse.cidr) return false;
    out = net::AddressSet::Of(*parse.cidr);
    return true;
  }
  const std::optional<net::IpAddress> address = net::ParseIpAddress(text);
  if (!address) return false;
  out = net::AddressSet::Of(*address);
  return true;
}

Sender InterfaceSender(const model::Network& n, Handle i, const net::AddressSet& addresses) {
  Sender s;
  s.kind = SenderKind::kInterface;
  s.interface = i;
  s.vpc = n.interfaces[i].vpc;
  s.addresses = addresses;
  return s;
}

}  // namespace

bool MakeQuestion(const model::Network& n, const QuerySpec& spec, Question& q, std::string& error) {
  q.spec = spec;
  const analysis::EndpointResolution source = analysis::ResolveEndpoint(n, spec.source);
  const analysis::EndpointResolution destination = analysis::ResolveEndpoint(n, spec.destination);
  if (!source.ok || !destination.ok) {
    error = "endpoint does not resolve: " + source.error + " " + destination.error;
    return false;
  }
  q.query.source = source.endpoint;
  q.query.destination = destination.endpoint;
  if (!spec.proto.empty()) q.query.protocols = *net::ParseProtocol(spec.proto);
  if (!spec.port.empty()) q.query.ports = *net::ParsePortRange(spec.port);
  if (!spec.src_port.empty()) q.query.source_ports = *net::ParsePortRange(spec.src_port);

  if (StartsWith(spec.source, "eni-") || StartsWith(spec.source, "i-")) {
    for (Handle i : InterfacesOf(n, spec.source)) {
      net::AddressSet mine;
      for (const net::IpAddress& a : InterfaceAddresses(n, i)) mine = mine.Union(net::AddressSet::Of(a));
      q.senders.push_back(InterfaceSender(n, i, mine));
    }
  } else if (StartsWith(spec.source, "subnet-")) {
    Sender s;
    s.kind = SenderKind::kSubnetHost;
    s.subnet = SubnetById(n, spec.source);
    s.vpc = n.subnets[s.subnet].vpc;
    s.addresses = net::AddressSet::Of(SubnetCidrs(n, s.subnet));
    q.senders.push_back(s);
  } else if (StartsWith(spec.source, "igw-")) {
    DestinationSpec gateway;
    if (!GatewayOf(n, spec.source, gateway)) {
      error = "bad source " + spec.source;
      return false;
    }
    Sender outside;
    outside.addresses = InternetSet(n);
    outside.entry_gateway = gateway.gateway;
    q.senders.push_back(outside);
  } else {
    net::AddressSet all;
    if (!AddressesOf(n, spec.source, all)) {
      error = "bad source " + spec.source;
      return false;
    }
    net::AddressSet owned;
    for (Handle i : HostInterfaces(n)) {
      net::AddressSet mine;
      for (const net::IpAddress& a : InterfaceAddresses(n, i)) {
        if (all.Contains(a)) mine = mine.Union(net::AddressSet::Of(a));
      }
      if (!mine.IsEmpty()) q.senders.push_back(InterfaceSender(n, i, mine));
      owned = owned.Union(mine);
    }
    Sender outside;
    outside.addresses = all.Subtract(owned);
    if (!outside.addresses.IsEmpty()) q.senders.push_back(outside);
  }

  if (StartsWith(spec.destination, "eni-") || StartsWith(spec.destination, "i-")) {
    q.destination.kind = DestinationKind::kInterfaces;
    q.destination.interfaces = InterfacesOf(n, spec.destination);
  } else if (StartsWith(spec.destination, "subnet-")) {
    q.destination.kind = DestinationKind::kSubnet;
    q.destination.subnet = SubnetById(n, spec.destination);
    q.destination_addresses = net::AddressSet::Of(SubnetCidrs(n, q.destination.subnet));
  } else if (StartsWith(spec.destination, "igw-") || StartsWith(spec.destination, "nat-") ||
             StartsWith(spec.destination, "pcx-")) {
    if (!GatewayOf(n, spec.destination, q.destination)) {
      error = "bad destination " + spec.destination;
      return false;
    }
    q.destination_addresses = InternetSet(n);  // igw- and nat-; pcx- depends on the sender
  } else {
    q.destination.kind = DestinationKind::kAddresses;
    if (!AddressesOf(n, spec.destination, q.destination_addresses)) {
      error = "bad destination " + spec.destination;
      return false;
    }
  }
  return true;
}

std::vector<QuerySpec> MakeQuerySpecs(const model::Network& n, SeededRandom& rng) {
  std::vector<QuerySpec> out;
  const std::vector<Handle> hosts = HostInterfaces(n);
  if (hosts.empty()) return out;
  std::vector<std::string> enis;
  std::vector<std::string> enis_v6;
  std::vector<std::string> addresses;  // private, public, IPv6 of interfaces
  std::vector<std::string> addresses_v6;
  for (Handle h : hosts) {
    const model::NetworkInterface& eni = n.interfaces[h];
    enis.push_back(eni.id);
    if (!eni.ipv6_addresses.empty()) enis_v6.push_back(eni.id);
    for (const model::PrivateAddress& p : eni.private_addresses) {
      addresses.push_back(p.address.ToString());
      if (p.public_ip) addresses.push_back(p.public_ip->ToString());
    }
    for (const net::IpAddress& a : eni.ipv6_addresses) addresses_v6.push_back(a.ToString());
  }
  for (const model::NatGateway& g : n.nat_gateways) {
    for (const model::NatAddress& a : g.addresses) {
      if (a.private_ip) addresses.push_back(a.private_ip->ToString());
      if (a.public_ip) addresses.push_back(a.public_ip->ToString());
    }
  }
  for (const char* outside : {"8.8.8.8", "203.0.113.5", "10.0.1.77", "192.168.0.200"})
    addresses.push_back(outside);
  std::vector<std::string> hosts_and_instances = enis;
  for (const model::Instance& i : n.instances) hosts_and_instances.push_back(i.id);
  std::vector<std::string> cidrs = {"0.0.0.0/0", "10.0.0.0/8", "8.8.8.0/24"};
  for (const model::Vpc& v : n.vpcs) {
    for (const net::Cidr& c : v.ipv4_cidrs) cidrs.push_back(c.ToString());
  }
  std::vector<std::string> subnets;
  for (const model::Subnet& s : n.subnets) subnets.push_back(s.id);

  auto restrict = [&](QuerySpec q) {
    static const std::vector<std::string> kTcpPorts = {"22",     "443",        "1000-2000",
                                                       "0-1023", "1024-65535", "8080-8095"};
    const unsigned roll = rng.Below(100);
    if (roll < 18) {
      q.proto = "tcp";
      q.port = rng.Pick(kTcpPorts);
    } else if (roll < 26) {
      q.proto = "udp";
      q.port = rng.Percent(50) ? "53" : "1-1024";
    } else if (roll < 34) {
      q.proto = rng.Percent(70) ? "icmp" : "icmpv6";
    } else if (roll < 38) {
      q.proto = "47";
    } else if (roll < 44) {
      q.port = "443";  // every protocol, destination port 443
    }
    if (rng.Percent(12)) q.src_port = rng.Percent(50) ? "0-1023" : "1-65535";
    return q;
  };
  out.push_back({rng.Pick(enis), "0.0.0.0/0", "", "", ""});
  if (!enis_v6.empty()) out.push_back(restrict({rng.Pick(enis_v6), "::/0", "", "", ""}));
  out.push_back(restrict({rng.Pick(hosts_and_instances), rng.Pick(hosts_and_instances), "", "", ""}));
  out.push_back(restrict({rng.Pick(subnets), rng.Pick(cidrs), "", "", ""}));
  out.push_back(restrict({"internet", rng.Pick(hosts_and_instances), "", "", ""}));
  if (rng.Percent(50) && !addresses_v6.empty()) {
    out.push_back(restrict(
        {rng.Pick(addresses_v6), rng.Percent(50) ? rng.Pick(addresses_v6) : "2001:db8::1", "", "", ""}));
  } else {
    out.push_back(restrict({rng.Pick(addresses), rng.Pick(addresses), "", "", ""}));
  }
  out.push_back(restrict({rng.Pick(cidrs), rng.Pick(enis), "", "", ""}));
  out.push_back(restrict({rng.Pick(enis), rng.Pick(subnets), "", "", ""}));
  out.push_back(restrict({rng.Pick(enis), "internet", "", "", ""}));
  out.push_back(restrict({rng.Percent(50) ? "internet" : rng.Pick(subnets), rng.Pick(subnets), "", "", ""}));
  out.push_back(restrict({rng.Percent(70) ? "0.0.0.0/0" : "::/0",
                          rng.Percent(50) ? rng.Pick(enis) : rng.Pick(subnets), "", "", ""}));
  std::vector<std::string> gateways;
  std::vector<std::string> igws;
  for (const model::InternetGateway& g : n.internet_gateways) {
    if (!g.egress_only) igws.push_back(g.id);
  }
  gateways = igws;
  for (const model::NatGateway& g : n.nat_gateways) gateways.push_back(g.id);
  for (const model::VpcPeering& p : n.peerings) gateways.push_back(p.id);
  if (!gateways.empty()) {
    out.push_back(
        restrict({rng.Percent(70) ? rng.Pick(enis) : rng.Pick(subnets), rng.Pick(gateways), "", "", ""}));
  }
  if (!igws.empty()) {
    out.push_back(restrict(
        {rng.Pick(igws), rng.Percent(80) ? rng.Pick(hosts_and_instances) : rng.Pick(subnets), "", "", ""}));
  }
  return out;
}

}  // namespace reachcheck::testing::differential
