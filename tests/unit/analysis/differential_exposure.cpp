// SPDX-License-Identifier: Apache-2.0
// The differential test of `exposure`: every (interface, public or IPv6 address, protocol,
// port) the reference finds reachable from some outside host must be listed, and every one
// listed must be reachable from some outside host (tried at one address of every piece of
// the internet set where no rule, route or owner changes).
#include <set>
#include <sstream>

#include "reachcheck/net/protocol.h"
#include "unit/analysis/differential_support.h"

namespace reachcheck::testing::differential {

namespace {

struct Target {
  model::Handle interface = model::kNone;
  net::IpAddress address;
};

// Every public IPv4 and IPv6 address of every host interface.
std::vector<Target> ExposableAddresses(const model::Network& n) {
  std::vector<Target> out;
  for (model::Handle i = 0; i < n.interfaces.size(); ++i) {
    const model::NetworkInterface& eni = n.interfaces[i];
    if (eni.interface_type == "nat_gateway") continue;
    const net::AddressSet publics = InterfaceDestinationAddresses(n, i, model::kNone);
    for (const net::IpAddress& a : InterfaceAddresses(n, i)) {
      if (!a.is_v4()) out.push_back({i, a});
    }
    for (const model::PrivateAddress& p : eni.private_addresses) {
      if (p.public_ip && publics.Contains(*p.public_ip)) out.push_back({i, *p.public_ip});
    }
  }
  return out;
}

bool Listed(const std::vector<analysis::Exposure>& exposures, const Target& t, std::uint8_t protocol,
            std::uint16_t port) {
  for (const analysis::Exposure& e : exposures) {
    if (e.interface == t.interface && e.address == t.address && e.protocols.Contains(protocol) &&
        (!net::HasPorts(protocol) || e.ports.Contains(port))) {
      return true;
    }
  }
  return false;
}

ConcretePacket FromOutside(const net::IpAddress& src, const Target& t, std::uint8_t protocol,
                           std::uint16_t src_port, std::uint16_t port) {
  ConcretePacket p;
  p.sender = SenderKind::kOutsideHost;
  p.src = src;
  p.dst = t.address;
  p.protocol = protocol;
  p.src_port = src_port;
  p.dst_port = port;
  return p;
}

// Client ports 1024-65535 at every edge of an ACL entry's port range: the reply's fate only
// changes there.
std::vector<std::uint16_t> ClientPorts(const model::Network& n) {
  std::set<std::uint16_t> out = {1024, 40000, 65535};
  auto add = [&](int port) {
    if (port >= 1024 && port <= 65535) out.insert(static_cast<std::uint16_t>(port));
  };
  for (const model::NetworkAcl& acl : n.network_acls) {
    for (const std::vector<model::AclEntry>* entries : {&acl.inbound, &acl.outbound}) {
      for (const model::AclEntry& e : *entries) {
        for (const auto& i : e.service.ports.Intervals()) {
          add(i.lo - 1);
          add(i.lo);
          add(i.hi);
          add(i.hi + 1);
        }
      }
    }
  }
  return {out.begin(), out.end()};
}

DestinationSpec To(const Target& t) {
  DestinationSpec d;
  d.kind = DestinationKind::kInterfaces;
  d.interfaces = {t.interface};
  return d;
}

}  // namespace

SeedReport RunExposureSeed(std::uint64_t seed, int packets, bool verbose,
                           const std::function<void(model::Network&)>& skew) {
  SeedReport report;
  std::vector<std::string> diagnostics;
  const model::Network built = MakeRandomNetwork(seed, RandomNetworkOptions{}, diagnostics);
  model::Network skewed;
  if (skew) {
    skewed = built;
    skew(skewed);
  }
  const model::Network& n = skew ? skewed : built;  // what the reference sees
  SeededRandom rng(seed * 0xD1B54A32D192ED03ull + 99);
  PacketSampler sampler(n, rng);
  std::ostringstream details;
  auto mismatch = [&](const std::string& signature, const std::string& text) {
    ++report.mismatches;
    ++report.signatures[signature];
    if (verbose && report.mismatches <= 3) details << "=== seed " << seed << " (exposure): " << text << '\n';
  };
  const std::vector<Target> targets = ExposableAddresses(n);
  if (targets.empty()) return report;
  const analysis::Engine engine(built);
  const std::vector<analysis::Exposure> exposures =
      engine.Exposures(net::ProtocolSet::All(), net::PortSet::All());
  const net::AddressSet internet = InternetSet(n);
  const net::PortSet client_ports = net::EphemeralPorts();
  ++report.questions;
  // Reachable from one outside host: listed.
  for (int k = 0; k < packets; ++k) {
    const Target& t = rng.Pick(targets);
    if (!HasFamily(internet, t.address.family)) continue;
    const std::uint8_t protocol = sampler.Protocol(net::ProtocolSet::All(), t.address.family);
    const ConcretePacket p =
        FromOutside(sampler.Address(internet, t.address.family), t, protocol,
                    sampler.SourcePort(client_ports), sampler.Port(net::PortSet::All(), protocol));
    ++report.packets;
    const ReferenceOutcome out = Evaluate(n, p, To(t));
    ++report.outcomes[out.reachable ? "sampled packet reachable" : "sampled packet unreachable"];
    if (out.reachable && !Listed(exposures, t, p.protocol, p.dst_port)) {
      mismatch("reachable from outside but not listed by exposure",
               "packet: " + p.ToString(n) + "\nreference: " + out.ToString());
    }
  }
  // Listed: reachable from some outside host.
  for (int k = 0; k < 3 && !exposures.empty(); ++k) {
    const analysis::Exposure& e = rng.Pick(exposures);
    const Target t{e.interface, e.address};
    const std::uint8_t protocol = sampler.Protocol(e.protocols, t.address.family);
    const std::uint16_t port = sampler.Port(e.ports, protocol);
    std::vector<net::IpAddress> sources = sampler.InterestingIn(internet, t.address.family);
    const auto add_ends = [&](const auto& intervals, net::Family family) {
      for (const auto& i : intervals) {
        sources.push_back(net::IpAddress{family, i.lo});
        sources.push_back(net::IpAddress{family, i.hi});
      }
    };
    if (t.address.is_v4())
      add_ends(internet.v4.Intervals(), net::Family::kV4);
    else
      add_ends(internet.v6.Intervals(), net::Family::kV6);
    bool reached = false;
    const std::vector<std::uint16_t> src_ports = ClientPorts(n);
    for (std::size_t s = 0; s < sources.size() && !reached; ++s) {
      for (std::uint16_t src_port : src_ports) {
        ++report.outside_packets;
        reached =
            reached || Evaluate(n, FromOutside(sources[s], t, protocol, src_port, port), To(t)).reachable;
      }
    }
    ++report.outcomes["listed entries searched"];
    if (!reached) {
      mismatch("listed by exposure but reachable from no outside host",
               n.interfaces[t.interface].id + " " + t.address.ToString() + " " + net::ProtocolName(protocol) +
                   " port " + std::to_string(port) + " (tried " + std::to_string(sources.size()) +
                   " sources)");
    }
  }
  if (report.mismatches > 0 && verbose)
    details << "--- network of seed " << seed << " ---\n" << DescribeNetwork(n);
  report.details = details.str();
  return report;
}

}  // namespace reachcheck::testing::differential
