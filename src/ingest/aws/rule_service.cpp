// SPDX-License-Identifier: Apache-2.0
// Protocol, port range and ICMP type/code checks for security group and ACL rules.
#include "ingest/aws/rule_service.h"

#include <string>

namespace reachcheck::ingest::aws {

net::ProtocolSet ReadProtocol(const Node& node, std::string_view key) {
  std::string_view text = node.String(key);
  std::optional<net::ProtocolSet> protocols = net::ParseProtocol(text);
  if (!protocols) {
    node.Fail("input-bad-protocol",
              "invalid protocol " + Quoted(text) + ": expected -1, tcp, udp, icmp, icmpv6 or a number 0-255",
              key);
  }
  return *protocols;
}

std::optional<std::uint8_t> SingleProtocol(const net::ProtocolSet& protocols) {
  const auto& intervals = protocols.Intervals();
  if (intervals.size() == 1 && intervals[0].lo == intervals[0].hi) return intervals[0].lo;
  return std::nullopt;
}

net::PortSet PortRange(const Node& node, std::int64_t from, std::int64_t to, std::string_view from_key) {
  if (from > to) {
    node.Fail("input-bad-port",
              "port range " + std::to_string(from) + "-" + std::to_string(to) +
                  " is empty (the first port is greater than the last)",
              from_key);
  }
  return net::PortSet::Range(static_cast<std::uint16_t>(from), static_cast<std::uint16_t>(to));
}

net::PortSet IcmpRange(const Node& node, std::int64_t type, std::int64_t code, std::string_view code_key) {
  if (type == -1 && code != -1) {
    node.Fail(
        "input-bad-port",
        "ICMP code " + std::to_string(code) + " given for every type (-1); a code needs a specific type",
        code_key);
  }
  return net::IcmpTypeCodeSet(static_cast<int>(type), static_cast<int>(code));
}

}  // namespace reachcheck::ingest::aws
