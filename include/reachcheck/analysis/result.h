// SPDX-License-Identifier: Apache-2.0
// The answer to a reachability question: packet classes, each with one verdict and one path.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "reachcheck/base/source_ref.h"
#include "reachcheck/model/element.h"
#include "reachcheck/net/address_set.h"
#include "reachcheck/net/port_set.h"
#include "reachcheck/net/protocol.h"

namespace reachcheck::analysis {

/// One step of a path: the component, what it did, and the rule/route behind it.
struct Hop {
  std::string component;  ///< "eni-0abc", "sg-1", "acl-1", "rtb-1", "igw-1", "internet"
  std::string type;       ///< "network-interface", "security-group", "network-acl",
                          ///< "route-table", "internet-gateway", "nat-gateway", ...
  std::string detail;     ///< "egress allowed by rule tcp/443 to 0.0.0.0/0",
                          ///< "route 0.0.0.0/0 -> igw-1", "translates 10.0.1.5 -> 54.1.2.3"
  base::SourceRef where;  ///< the rule/route/element in the input
};

/// A hop as paths and classes hold it: shared and immutable, so that copying a path copies
/// pointers, and classes on one path hold one copy of its text. It reads as the hop
/// (`const Hop&`, `->`); it keeps the hop alive, whatever becomes of the engine.
class HopRef {
 public:
  HopRef() = default;  ///< holds no hop until assigned
  HopRef(Hop hop) : hop_(std::make_shared<const Hop>(std::move(hop))) {}  // NOLINT(google-explicit-constructor)
  explicit HopRef(std::shared_ptr<const Hop> hop) : hop_(std::move(hop)) {}
  const Hop& operator*() const { return *hop_; }
  const Hop* operator->() const { return hop_.get(); }
  operator const Hop&() const { return *hop_; }  // NOLINT(google-explicit-constructor): reads as the hop
  const Hop* get() const { return hop_.get(); }

 private:
  std::shared_ptr<const Hop> hop_;
};

/// A path in order, from where the packet starts.
using Path = std::vector<HopRef>;

/// A component that drops the class.
struct Blocker {
  std::string component;
  std::string code;       ///< Reachability Analyzer code name where one fits
  std::string direction;  ///< "ingress" / "egress" (of the component)
  bool return_path = false;
  std::string detail;
  base::SourceRef where;
};

/// A set of packets with one verdict and one path: every combination of a source address in
/// `source_addresses` (sent by `source`), a destination in `destination`, a protocol in
/// `protocols`, a destination port in `ports` (ignored for protocols without ports) and a
/// source port in `source_ports`.
struct PacketClass {
  bool reachable = false;
  std::string source;  ///< "eni-0abc", "subnet-1", "internet" (outside hosts)
  model::Handle source_interface = model::kNone;
  net::AddressSet source_addresses;
  net::PortSet source_ports;
  net::AddressSet destination;
  net::ProtocolSet protocols;
  net::PortSet ports;
  std::string delivered_to;  ///< "eni-0def", "internet", "subnet-2 (no interface)", "" if not
  Path forward;
  Path reply;
  std::vector<Blocker> blocked_by;  ///< empty when reachable
  std::string suggestion;           ///< the smallest fix, when one component blocks

  /// Whether this class holds the packet (for differential tests and lookups).
  bool Contains(model::Handle interface, const net::IpAddress& src, const net::IpAddress& dst,
                std::uint8_t protocol, std::uint16_t src_port, std::uint16_t dst_port) const;
};

enum class Verdict { kReachable, kUnreachable, kPartial };
const char* VerdictName(Verdict verdict);  ///< "reachable", "unreachable", "partial"

struct QueryResult {
  Verdict verdict = Verdict::kUnreachable;
  std::vector<PacketClass> classes;  ///< most important first: internet, peers, the VPC
  std::vector<std::string> notes;    ///< assumptions (e.g. "subnet-1 has no ACL in the snapshot")
};

}  // namespace reachcheck::analysis
