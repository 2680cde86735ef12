// SPDX-License-Identifier: Apache-2.0
// Protocol and port/ICMP reading shared by security group permissions and network ACL
// entries (AWS spells them differently, the checks are the same).
#pragma once

#include <cstdint>
#include <optional>

#include "ingest/json_read.h"
#include "reachcheck/net/protocol.h"

namespace reachcheck::ingest::aws {

/// The protocol member `key` ("-1", "tcp", "6", ...): `input-bad-protocol` when unknown.
net::ProtocolSet ReadProtocol(const Node& node, std::string_view key);

/// The single protocol of `protocols`, or nothing when it is a set (e.g. "-1").
std::optional<std::uint8_t> SingleProtocol(const net::ProtocolSet& protocols);

/// tcp/udp port range from..to given at `from_key`/`to_key` of `node` (0-65535, from <= to):
/// `input-bad-port` otherwise.
net::PortSet PortRange(const Node& node, std::int64_t from, std::int64_t to, std::string_view from_key);

/// ICMP type/code (-1 = all): a type of -1 needs a code of -1 (`input-bad-port`).
net::PortSet IcmpRange(const Node& node, std::int64_t type, std::int64_t code, std::string_view code_key);

}  // namespace reachcheck::ingest::aws
