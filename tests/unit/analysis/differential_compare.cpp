// SPDX-License-Identifier: Apache-2.0
// The differential test's comparison: sample packets of each question, find the one engine
// class that holds each, and compare its verdict and blocker codes with the reference.
#include <exception>
#include <set>
#include <sstream>

#include "reachcheck/net/protocol.h"
#include "unit/analysis/differential_support.h"

namespace reachcheck::testing::differential {

namespace {

using Codes = std::set<std::pair<std::string, bool>>;

Codes EngineCodes(const analysis::PacketClass& c) {
  Codes out;
  for (const analysis::Blocker& b : c.blocked_by) out.emplace(b.code, b.return_path);
  return out;
}

std::string CodesText(const Codes& codes) {
  std::string out = "{";
  for (const auto& [code, back] : codes)
    out += (out.size() > 1 ? ", " : "") + code + (back ? " [return]" : "");
  return out + "}";
}

std::string ClassText(const analysis::PacketClass& c) {
  std::ostringstream out;
  out << (c.reachable ? "REACHABLE" : "UNREACHABLE") << " source=" << c.source << ' '
      << c.source_addresses.ToString() << " -> " << c.destination.ToString() << ' '
      << net::ServiceMatch{c.protocols, c.ports}.ToString() << " sport "
      << net::PortSetToString(c.source_ports) << " delivered_to='" << c.delivered_to << "'\n";
  for (const analysis::Blocker& b : c.blocked_by) {
    out << "  blocker " << b.code << (b.return_path ? " [return]" : "") << " at " << b.component << " ("
        << b.direction << "): " << b.detail << '\n';
  }
  for (const analysis::Hop& h : c.forward)
    out << "  > " << h.component << " [" << h.type << "] " << h.detail << '\n';
  for (const analysis::Hop& h : c.reply)
    out << "  < " << h.component << " [" << h.type << "] " << h.detail << '\n';
  return out.str();
}

// One packet of the question, or false when the drawn sender has no address of a family
// its destinations have.
bool Draw(const model::Network& n, const Question& q, SeededRandom& rng, PacketSampler& sampler,
          ConcretePacket& packet) {
  const Sender& sender = rng.Pick(q.senders);
  const net::AddressSet destinations = q.DestinationFor(n, sender);
  std::vector<net::Family> families;
  for (net::Family f : {net::Family::kV4, net::Family::kV6}) {
    const bool carries = !net::ProtocolsOfFamily(q.query.protocols, f == net::Family::kV4).IsEmpty();
    if (carries && HasFamily(sender.addresses, f) && HasFamily(destinations, f)) families.push_back(f);
  }
  if (families.empty()) return false;
  const net::Family family = rng.Pick(families);
  packet.sender = sender.kind;
  packet.interface = sender.interface;
  packet.subnet = sender.subnet;
  packet.entry_gateway = sender.entry_gateway;
  packet.src = sampler.Address(sender.addresses, family);
  packet.dst = sampler.Address(destinations, family);
  packet.protocol = sampler.Protocol(q.query.protocols, family);
  const bool ports = net::HasPorts(packet.protocol);
  packet.dst_port = sampler.Port(q.query.ports, ports ? packet.protocol : net::kTcp);
  packet.src_port = sampler.SourcePort(q.query.source_ports);
  return true;
}

// A packet of the question moved just outside it: another destination address, port,
// protocol or (TCP/UDP) source port. False when the question leaves no room.
bool DrawOutside(const model::Network& n, const Question& q, SeededRandom& rng, PacketSampler& sampler,
                 ConcretePacket& packet) {
  if (!Draw(n, q, rng, sampler, packet)) return false;
  const Sender* sender = nullptr;
  for (const Sender& s : q.senders) {
    if (s.kind == packet.sender && s.interface == packet.interface && s.addresses.Contains(packet.src))
      sender = &s;
  }
  if (sender == nullptr) return false;
  switch (rng.Below(4)) {
    case 0: {
      const std::optional<net::IpAddress> dst =
          sampler.AddressNotIn(q.DestinationFor(n, *sender), packet.dst.family);
      if (!dst) return false;
      packet.dst = *dst;
      return true;
    }
    case 1: {
      const net::PortSet outside = q.query.ports.Complement();
      if (outside.IsEmpty() || !net::HasPorts(packet.protocol)) return false;
      packet.dst_port = sampler.Port(outside, packet.protocol);
      return true;
    }
    case 2: {
      // Outside: another protocol, or the other family's ICMP (which no packet of the family has).
      const bool v4 = packet.dst.family == net::Family::kV4;
      const net::ProtocolSet outside = net::ProtocolsOfFamily(q.query.protocols.Complement(), v4);
      packet.protocol = outside.IsEmpty() || rng.Percent(20) ? net::ForeignIcmp(v4)
                                                             : sampler.Protocol(outside, packet.dst.family);
      return true;
    }
    default: {
      const net::PortSet outside = q.query.source_ports.Complement();
      if (outside.IsEmpty() || (packet.protocol != net::kTcp && packet.protocol != net::kUdp)) return false;
      packet.src_port = sampler.SourcePort(outside);
      return true;
    }
  }
}

}  // namespace

SeedReport RunSeed(std::uint64_t seed, int packets_per_question, bool verbose,
                   const std::function<void(model::Network&)>& skew) {
  SeedReport report;
  std::vector<std::string> diagnostics;
  const model::Network n = MakeRandomNetwork(seed, RandomNetworkOptions{}, diagnostics);
  model::Network skewed;
  if (skew) {
    skewed = n;
    skew(skewed);
  }
  const model::Network& reference = skew ? skewed : n;
  SeededRandom rng(seed * 0x9E3779B97F4A7C15ull + 12345);
  PacketSampler sampler(n, rng);
  std::ostringstream details;
  int shown = 0;
  auto mismatch = [&](const std::string& signature, const std::string& text) {
    ++report.mismatches;
    ++report.signatures[signature];
    if (verbose && shown < 3) {
      ++shown;
      details << "=== seed " << seed << ": " << text << '\n';
    }
  };
  try {
    const analysis::Engine engine(n);
    for (const QuerySpec& spec : MakeQuerySpecs(n, rng)) {
      Question q;
      std::string error;
      if (!MakeQuestion(n, spec, q, error)) {
        mismatch("question does not resolve", spec.Text() + ": " + error);
        continue;
      }
      ++report.questions;
      if (spec.source == "internet" && !(q.query.source.addresses == InternetSet(n))) {
        mismatch("internet set differs", "engine internet " + q.query.source.addresses.ToString() +
                                             "\nreference internet " + InternetSet(n).ToString());
      }
      const analysis::QueryResult result = engine.Analyze(q.query);
      for (int k = 0; k < packets_per_question; ++k) {
        ConcretePacket packet;
        if (!Draw(n, q, rng, sampler, packet)) continue;
        ++report.packets;
        const ReferenceOutcome expected = Evaluate(reference, packet, q.destination);
        ++report.outcomes[expected.reachable ? "reachable" : CodesText(expected.Codes())];
        std::vector<const analysis::PacketClass*> holders;
        for (const analysis::PacketClass& c : result.classes) {
          if (c.Contains(packet.interface, packet.src, packet.dst, packet.protocol, packet.src_port,
                         packet.dst_port)) {
            holders.push_back(&c);
          }
        }
        const std::string head =
            spec.Text() + "\npacket: " + packet.ToString(n) + "\nreference: " + expected.ToString();
        if (holders.size() != 1) {
          std::string text =
              head + "engine: " + std::to_string(holders.size()) + " classes hold the packet\n";
          for (const analysis::PacketClass* c : holders) text += ClassText(*c);
          mismatch(holders.empty() ? "no class holds the packet" : "several classes hold the packet", text);
          continue;
        }
        const Codes actual = EngineCodes(*holders.front());
        if (holders.front()->reachable != expected.reachable || actual != expected.Codes()) {
          mismatch("reference " + CodesText(expected.Codes()) + " / engine " + CodesText(actual),
                   head + "engine: " + ClassText(*holders.front()));
        }
      }
      // A few packets just outside the question: no class may hold them.
      for (int k = 0; k < packets_per_question / 4; ++k) {
        ConcretePacket packet;
        if (!DrawOutside(n, q, rng, sampler, packet)) continue;
        ++report.outside_packets;
        for (const analysis::PacketClass& c : result.classes) {
          if (c.Contains(packet.interface, packet.src, packet.dst, packet.protocol, packet.src_port,
                         packet.dst_port)) {
            mismatch("a class holds a packet outside the question",
                     spec.Text() + "\npacket outside the question: " + packet.ToString(n) +
                         "\nengine: " + ClassText(c));
            break;
          }
        }
      }
    }
  } catch (const std::exception& e) {
    mismatch("exception", std::string("exception: ") + e.what());
  }
  if (report.mismatches > 0 && verbose) {
    details << "--- network of seed " << seed << " ---\n" << DescribeNetwork(n);
    for (const std::string& d : diagnostics) details << "diagnostic: " << d << '\n';
  }
  report.details = details.str();
  return report;
}

}  // namespace reachcheck::testing::differential
