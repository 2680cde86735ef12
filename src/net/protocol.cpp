// SPDX-License-Identifier: Apache-2.0
// Protocol parsing and naming as AWS writes them, and the text form of a ServiceMatch.
#include "reachcheck/net/protocol.h"

#include <cctype>

#include "net/decimal.h"

namespace reachcheck::net {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

ProtocolSet ProtocolsOfFamily(const ProtocolSet& protocols, bool v4) {
  return protocols.Subtract(ProtocolSet::Single(ForeignIcmp(v4)));
}

ProtocolSet WithForeignIcmpWhereShorter(const ProtocolSet& protocols, bool v4) {
  const ProtocolSet wider = protocols.Union(ProtocolSet::Single(ForeignIcmp(v4)));
  return wider.Intervals().size() < protocols.Intervals().size() ? wider : protocols;
}

std::optional<ProtocolSet> ParseProtocol(std::string_view text) {
  std::string name = Lower(text);
  if (name == "-1" || name == "all") return ProtocolSet::All();
  if (name == "tcp") return ProtocolSet::Single(kTcp);
  if (name == "udp") return ProtocolSet::Single(kUdp);
  if (name == "icmp") return ProtocolSet::Single(kIcmp);
  if (name == "icmpv6") return ProtocolSet::Single(kIcmpv6);
  std::optional<std::uint32_t> number = internal::ParseDecimal(text, 255);
  if (!number) return std::nullopt;
  return ProtocolSet::Single(static_cast<std::uint8_t>(*number));
}

std::string ProtocolName(std::uint8_t protocol) {
  switch (protocol) {
    case kTcp:
      return "tcp";
    case kUdp:
      return "udp";
    case kIcmp:
      return "icmp";
    case kIcmpv6:
      return "icmpv6";
    default:
      return std::to_string(protocol);
  }
}

std::string ProtocolSetToString(const ProtocolSet& protocols) {
  if (protocols.IsEmpty()) return "(none)";
  if (protocols.IsAll()) return "all";
  std::string out;
  for (const auto& interval : protocols.Intervals()) {
    if (!out.empty()) out += ',';
    if (interval.lo == interval.hi) {
      out += ProtocolName(interval.lo);
    } else {
      out += std::to_string(interval.lo) + "-" + std::to_string(interval.hi);
    }
  }
  return out;
}

std::string ServiceMatch::ToString() const {
  if (protocols.IsEmpty()) return "(none)";
  if (ports.IsAll()) return ProtocolSetToString(protocols);
  // Ports narrow only tcp, udp, icmp and icmpv6: print each of those with its ports (in
  // protocol-number order), then every other protocol, which matches whatever the port.
  std::string out;
  ProtocolSet portless = protocols;
  for (std::uint8_t protocol : {kIcmp, kTcp, kUdp, kIcmpv6}) {
    if (!protocols.Contains(protocol)) continue;
    portless = portless.Subtract(ProtocolSet::Single(protocol));
    if (ports.IsEmpty()) continue;  // this protocol matches no packet
    if (!out.empty()) out += "; ";
    out += ProtocolName(protocol) + "/";
    if (protocol == kIcmp || protocol == kIcmpv6) {
      out += IcmpSetToString(ports, protocol == kIcmpv6);
    } else {
      out += PortSetToString(ports);
    }
  }
  if (!portless.IsEmpty()) {
    if (!out.empty()) out += "; ";
    out += ProtocolSetToString(portless);
  }
  return out.empty() ? "(none)" : out;
}

}  // namespace reachcheck::net
