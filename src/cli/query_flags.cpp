// SPDX-License-Identifier: Apache-2.0
// Parsing of the --proto / --port / --src-port flags shared by `why` and `exposure`.
#include "cli/query_flags.h"

namespace reachcheck::cli {

std::optional<net::ProtocolSet> ParseProtoFlag(CommandContext& context, const std::string& text) {
  std::optional<net::ProtocolSet> protocols = net::ParseProtocol(text);
  if (!protocols) {
    context.UsageError(
        "query-bad-protocol",
        "bad --proto '" + text + "': expected tcp, udp, icmp, icmpv6, all or a protocol number 0-255");
  }
  return protocols;
}

std::optional<net::PortSet> ParsePortFlag(CommandContext& context, const std::string& flag,
                                          const std::string& text) {
  std::optional<net::PortSet> ports = net::ParsePortRange(text);
  if (!ports) {
    context.UsageError("query-bad-port", "bad " + flag + " '" + text +
                                             "': expected a port N or a range A-B with "
                                             "0 <= A <= B <= 65535");
  }
  return ports;
}

}  // namespace reachcheck::cli
