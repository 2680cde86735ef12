// SPDX-License-Identifier: Apache-2.0
// IP protocols as AWS writes them ("-1", "all", "tcp", "6", ...), and the service match of a
// rule: a protocol set times a port set.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "reachcheck/net/interval_set.h"
#include "reachcheck/net/port_set.h"

namespace reachcheck::net {

using ProtocolSet = IntervalSet<std::uint8_t>;

inline constexpr std::uint8_t kIcmp = 1;
inline constexpr std::uint8_t kTcp = 6;
inline constexpr std::uint8_t kUdp = 17;
inline constexpr std::uint8_t kIcmpv6 = 58;

/// Parses "-1"/"all" (every protocol), names (tcp, udp, icmp, icmpv6; any case) and numbers
/// 0-255 (plain decimal: no sign, no leading zeros, no spaces). Returns the set, or nothing
/// when the text is none of those.
std::optional<ProtocolSet> ParseProtocol(std::string_view text);

/// "tcp", "udp", "icmp", "icmpv6", or the number.
std::string ProtocolName(std::uint8_t protocol);
/// "all" for the full set, "(none)" for the empty one, else single protocols by name and
/// ranges as "A-B", joined with "," ("tcp,udp", "0-5,7-255").
std::string ProtocolSetToString(const ProtocolSet& protocols);

/// Whether the second dimension (the "port") means something for this protocol:
/// destination port for tcp/udp, ICMP type and code for icmp/icmpv6.
inline bool HasPorts(std::uint8_t protocol) {
  return protocol == kTcp || protocol == kUdp || protocol == kIcmp || protocol == kIcmpv6;
}

/// The ICMP protocol of the other address family: ICMPv6 for IPv4, ICMP for IPv6. No packet
/// of a family carries it, so a question's packets of that family never have it.
inline std::uint8_t ForeignIcmp(bool v4) { return v4 ? kIcmpv6 : kIcmp; }
/// The protocols of packets of one family: `protocols` without ForeignIcmp(v4).
ProtocolSet ProtocolsOfFamily(const ProtocolSet& protocols, bool v4);
/// `protocols` (of one family's packets) with ForeignIcmp(v4) added when that makes the list
/// shorter ("all" rather than "0-57,59-255"): it has no packets, so counting it changes nothing.
ProtocolSet WithForeignIcmpWhereShorter(const ProtocolSet& protocols, bool v4);

/// ICMP type/code packed into the port dimension: type * 256 + code.
/// `type == -1` means every type and code; `code == -1` every code of `type`.
PortSet IcmpTypeCodeSet(int type, int code);
/// "echo-request" style text for a packed ICMP value, or "type T code C".
/// A named type with a non-zero code reads "destination-unreachable code 3".
std::string IcmpToString(std::uint16_t packed, bool v6);
/// A set of packed ICMP values, exactly: "all", "(none)", or pieces joined with ",": a whole
/// type by name or "type T", "types A-B", and partial types as "<type> code C" or
/// "<type> codes A-B" (so "echo-request" is every code of type 8, "echo-request code 0" one).
std::string IcmpSetToString(const PortSet& packed, bool v6);

/// What a rule matches: every (protocol, port) with protocol in `protocols` and, for
/// protocols where HasPorts(), port in `ports`. For other protocols `ports` is ignored
/// (always matched). A rule for protocol "-1" has protocols = all and ports = all.
struct ServiceMatch {
  ProtocolSet protocols;
  PortSet ports = PortSet::All();

  bool Matches(std::uint8_t protocol, std::uint16_t port) const {
    return protocols.Contains(protocol) && (!HasPorts(protocol) || ports.Contains(port));
  }
  /// "all", "tcp/22", "tcp/1024-65535", "icmp/echo-request", "udp/53,123". With every port:
  /// ProtocolSetToString(protocols) ("tcp", "all"). Otherwise each of icmp, tcp, udp, icmpv6
  /// present as name/ports (ICMP via IcmpSetToString), then any other protocols, joined
  /// with "; " ("tcp/22; udp/22; 47"). "(none)" when nothing matches.
  std::string ToString() const;
  bool operator==(const ServiceMatch&) const = default;
};

}  // namespace reachcheck::net
