// SPDX-License-Identifier: Apache-2.0
// Small text helpers shared by the text formatters: services, address lists, hops, plurals.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "reachcheck/analysis/result.h"
#include "reachcheck/base/source_ref.h"
#include "reachcheck/net/address_set.h"
#include "reachcheck/net/port_set.h"
#include "reachcheck/net/protocol.h"

namespace reachcheck::output {

/// "tcp/443", "all", "icmp/echo-request", "tcp/22; udp/22".
std::string ServiceText(const net::ProtocolSet& protocols, const net::PortSet& ports);

/// "file#pointer", or "" when the place is unknown.
std::string WhereText(const base::SourceRef& where);

/// The CIDRs of `addresses` joined with ", "; with `limit` > 0 and more CIDRs than that,
/// the first `limit` and "... (N more)". "(none)" when empty.
std::string AddressListText(const net::AddressSet& addresses, std::size_t limit);

/// "1 class" / "3 classes".
std::string Count(std::size_t n, const std::string& singular, const std::string& plural);

/// "all protocols, all ports", "tcp, port 443", "udp, ports 1000-2000", "icmp, type/code 2048".
std::string QueryServiceText(const std::string& protocol, const std::string& ports);

/// Protocols for JSON: ["all"] for every protocol, else each single protocol by name and each
/// range as "A-B" ("tcp", "udp", "0-5").
std::vector<std::string> ProtocolList(const net::ProtocolSet& protocols);

/// A hop-by-hop listing: "  1. <component>  <type>  <detail>" with the columns aligned, and
/// each hop's "at file#pointer" on its own line below the detail. Every line starts with
/// `indent` and ends with "\n".
std::string HopListText(const analysis::Path& hops, const std::string& indent);

/// The components of a path joined with " -> " (consecutive repeats collapsed).
std::string PathSummaryText(const analysis::Path& hops);

}  // namespace reachcheck::output
