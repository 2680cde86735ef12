// SPDX-License-Identifier: Apache-2.0
// Security groups and network ACLs compiled into ordered rule lists, and their exact
// first-match evaluation over a flow (splitting it where rules split it).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "analysis/flow.h"
#include "reachcheck/base/small_vector.h"
#include "reachcheck/base/source_ref.h"
#include "reachcheck/model/element.h"
#include "reachcheck/net/address_set.h"
#include "reachcheck/net/protocol.h"

namespace reachcheck::analysis::detail {

/// One security group rule or ACL entry.
/// What matching reads comes first, so that a rule list is walked over few cache lines.
struct Rule {
  net::AddressSet remote;          ///< the remote side's addresses it matches
  net::ProtocolSet with_ports;     ///< its protocols where ports matter
  net::ProtocolSet without_ports;  ///< its other protocols
  net::ServiceMatch service;
  bool allow = true;
  bool group_ref = false;              ///< a security group reference (never matches translated packets)
  int number = 0;                      ///< ACL rule number (32767 and above: "*")
  model::Handle owner = model::kNone;  ///< the group or ACL
  std::string text;                    ///< hop/blocker text naming the rule
  base::SourceRef where;
  HopRef hop;  ///< the hop an admitting match records
  /// Fills hop, with_ports and without_ports (after the other members are set).
  void Finish(std::string component, std::string type);
};

/// What a rule can match, coarsely and in 16 bytes: rule lists are scanned through these,
/// and a rule itself is read only when its key may touch the packets.
struct RuleKey {
  std::uint32_t v4_lo = 1, v4_hi = 0;  ///< the hull of the remote's IPv4 addresses (lo > hi: none)
  bool v6 = false;                      ///< the remote holds IPv6 addresses
  bool group_ref = false;
  std::uint8_t protocols = 0;  ///< ProtocolMask of its protocols
};

/// A coarse protocol set: a bit for each of icmp, tcp, udp and icmpv6, one for the others.
std::uint8_t ProtocolMask(const net::ProtocolSet& protocols);

/// An ordered rule list (a security group direction or an ACL direction).
struct Filter {
  std::vector<Rule> rules;
  std::vector<RuleKey> keys;       ///< one per rule
  std::vector<std::string> notes;  ///< assumptions its rules rest on (unknown prefix lists)
  /// Appends a finished rule and its key.
  void Add(Rule rule);
};

/// A piece of a flow (its box) and the rule that decided it: one per port atom when the
/// port is a fixed set every member of which must pass (nullptr: no rule matched).
struct Match {
  Box box;  ///< empty when `whole`
  base::SmallVector<const Rule*, 2> rules;
  bool whole = false;  ///< the one piece is the whole flow (then `box` is not filled)
  bool Allowed() const;
};

/// First-match evaluation of the concatenation of `filters` over `flow`; the remote address
/// is `remote` (the destination for egress, the source for ingress), the port the flow's
/// port view. With `skip_group_refs`, group-reference rules match nothing.
std::vector<Match> Evaluate(const Flow& flow, std::span<const Filter* const> filters, const AddrView& remote,
                            bool skip_group_refs);

/// Protocols whose port dimension means something (tcp, udp, icmp, icmpv6).
const net::ProtocolSet& PortProtocols();

}  // namespace reachcheck::analysis::detail
