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
/// 0-255. Returns the set, or nothing when the text is none of those.
std::optional<ProtocolSet> ParseProtocol(std::string_view text);

/// "tcp", "udp", "icmp", "icmpv6", or the number.
std::string ProtocolName(std::uint8_t protocol);
/// "all" for the full set, else names/ranges joined with ",".
std::string ProtocolSetToString(const ProtocolSet& protocols);

/// Whether the second dimension (the "port") means something for this protocol:
/// destination port for tcp/udp, ICMP type and code for icmp/icmpv6.
inline bool HasPorts(std::uint8_t protocol) {
  return protocol == kTcp || protocol == kUdp || protocol == kIcmp || protocol == kIcmpv6;
}

/// ICMP type/code packed into the port dimension: type * 256 + code.
/// `type == -1` means every type and code; `code == -1` every code of `type`.
PortSet IcmpTypeCodeSet(int type, int code);
/// "echo-request" style text for a packed ICMP value, or "type T code C".
std::string IcmpToString(std::uint16_t packed, bool v6);

/// What a rule matches: every (protocol, port) with protocol in `protocols` and, for
/// protocols where HasPorts(), port in `ports`. For other protocols `ports` is ignored
/// (always matched). A rule for protocol "-1" has protocols = all and ports = all.
struct ServiceMatch {
  ProtocolSet protocols;
  PortSet ports = PortSet::All();

  bool Matches(std::uint8_t protocol, std::uint16_t port) const {
    return protocols.Contains(protocol) && (!HasPorts(protocol) || ports.Contains(port));
  }
  /// "all", "tcp/22", "tcp/1024-65535", "icmp/echo-request", "udp/53,123".
  std::string ToString() const;
  bool operator==(const ServiceMatch&) const = default;
};

}  // namespace reachcheck::net
