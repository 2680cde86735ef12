// SPDX-License-Identifier: Apache-2.0
// A set of packets being walked: the original packets (a product of five sets), how the
// current header derives from them (after NAT/IGW rewriting), and the path so far.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "reachcheck/analysis/result.h"
#include "reachcheck/model/element.h"
#include "reachcheck/net/address_set.h"
#include "reachcheck/net/port_set.h"
#include "reachcheck/net/protocol.h"

namespace reachcheck::analysis::detail {

/// Every combination of the five sets (one address family per box).
struct Box {
  net::AddressSet src;
  net::AddressSet dst;
  net::ProtocolSet proto;
  net::PortSet dport;
  net::PortSet sport;
  bool IsEmpty() const {
    return src.IsEmpty() || dst.IsEmpty() || proto.IsEmpty() || dport.IsEmpty() || sport.IsEmpty();
  }
  bool operator==(const Box&) const = default;
};

/// A dimension of the original packet.
enum class Dim : std::uint8_t { kSrc, kDst, kDport, kSport };

/// The current source or destination address: an original dimension, or one fixed address
/// (after a translation every packet of the flow carries the same one).
struct AddrView {
  bool linked = true;
  Dim dim = Dim::kSrc;
  net::IpAddress value;
};

/// The current destination (or source) port: an original port dimension shifted by `offset`
/// (ICMP echo reply), or a fixed set of which every member must pass (a NAT's remapped port).
struct PortView {
  bool linked = true;
  Dim dim = Dim::kDport;
  int offset = 0;
  net::PortSet value;
};

/// How to suggest a fix for a blocker (filled where the blocker is found).
enum class FixKind : std::uint8_t {
  kNone,
  kSgIngress,
  kSgEgress,
  kAcl,
  kNoRoute,
  kPublicIp,
  kState,
  kSourceDestCheck,
  kBlackhole,
};
struct BlockerNote {
  Blocker blocker;
  FixKind fix = FixKind::kNone;
  model::Handle handle = model::kNone;  ///< interface / ACL / route table concerned
  model::Handle other = model::kNone;   ///< interface on the other side (group references)
  int rule_number = 0;                  ///< ACL: the denying entry (0 for the implicit deny)
  bool ingress = false;
  AddrView remote;  ///< the address on the other side of the filter
  PortView port;    ///< the port the filter matched
  bool translated = false;
};

/// Mixes `value` into a running hash.
inline void MixHash(std::size_t& seed, std::size_t value) {
  seed ^= value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
}

/// A path as an immutable shared list (newest first): splitting a flow shares its path.
struct HopNode {
  Hop own;                         ///< the hop, unless `shared` is set
  const HopRef* shared = nullptr;  ///< a hop precomputed in the index (rules, routes); shared
                                   ///< (its count taken) only when a class takes the path
  std::shared_ptr<const HopNode> prev;
  std::uint16_t size = 1;  ///< hops up to and including this one
  /// The path's hash up to and including this hop, made when the hop is added (the nodes
  /// are in cache then; classes are built long after, from pieces spread over memory).
  /// Equal paths hash alike: a shared hop counts by its address, an own hop by its content.
  std::size_t hash = 0;
  const Hop& hop() const { return shared != nullptr ? **shared : own; }
};
struct BlockerNode {
  BlockerNote note;
  std::shared_ptr<const BlockerNode> prev;
  std::size_t hash = 0;  ///< of the blockers up to and including this one, as HopNode::hash
};
using HopList = std::shared_ptr<const HopNode>;
using BlockerList = std::shared_ptr<const BlockerNode>;

/// A gateway the packet went through, for gateway endpoints.
struct GatewayPass {
  char kind = 'i';  ///< 'i' internet gateway (either kind), 'n' NAT, 'p' peering
  model::Handle handle = model::kNone;
};

struct Flow {
  Box box;
  AddrView src{true, Dim::kSrc, {}};
  AddrView dst{true, Dim::kDst, {}};
  PortView port{true, Dim::kDport, 0, {}};   ///< the port filters match (destination port)
  PortView sport{true, Dim::kSport, 0, {}};  ///< the source port (the reply's port)
  bool reply = false;
  bool port_from_sport = false;             ///< a TCP/UDP reply: its port is the request's source port
  bool translated = false;                  ///< source rewritten by an IGW or NAT
  model::Handle origin_vpc = model::kNone;  ///< VPC the packet started in (NAT check)
  model::Handle nat = model::kNone;         ///< NAT that rewrote the request's source
  AddrView pre_nat_src;                     ///< the source before that NAT
  PortView pre_nat_sport;
  model::Handle egress_gateway = model::kNone;  ///< IGW/EIGW the request left by
  std::vector<model::Handle> appliances;        ///< appliances visited
  std::vector<GatewayPass> passed;
  HopList hops;
  HopList reply_hops;
  BlockerList blockers;
  std::string delivered_to;
  std::vector<std::uint16_t> subject_hops;  ///< hops that name the destination interface
};

/// A finished piece: its packets, verdict and path.
struct Final {
  Box box;
  bool reachable = false;
  std::string delivered_to;
  HopList hops;
  HopList reply_hops;
  BlockerList blockers;
  std::vector<std::uint16_t> subject_hops;
};

/// The flow with another box (copies everything else; paths are shared).
Flow WithBox(const Flow& flow, Box box);
/// The flow with one address dimension replaced.
Flow WithAddresses(const Flow& flow, Dim dim, net::AddressSet addresses);
/// The number of hops of a path.
inline std::uint16_t PathSize(const HopList& list) { return list ? list->size : 0; }
/// A hash of a path's hops, or of a blocker list (equal lists hash alike).
inline std::size_t ListHash(const HopList& list) { return list ? list->hash : 0; }
inline std::size_t ListHash(const BlockerList& list) { return list ? list->hash : 0; }
/// A path in order (oldest first); its hops share the list's.
Path ToPath(const HopList& list);
/// A blocker list in order (oldest first); the notes stay the list's.
std::vector<const BlockerNote*> ToVector(const BlockerList& list);

/// The addresses the view stands for.
net::AddressSet CurrentAddresses(const Flow& flow, const AddrView& view);
/// The flow with the view restricted to `part` (nothing to do for a fixed view).
Flow RestrictAddress(const Flow& flow, const AddrView& view, const net::AddressSet& part);
/// The original dimension of an address view.
net::AddressSet& AddressDim(Box& box, Dim dim);
net::PortSet& PortDim(Box& box, Dim dim);

/// Appends a hop to the request's or the reply's path.
void AddHop(Flow& flow, Hop hop);
/// The same with a hop that lives in the index, as long as the engine (no copy).
void AddHop(Flow& flow, const HopRef& shared);
/// Records a blocker (return_path set for replies); exact duplicates are kept once.
void AddBlocker(Flow& flow, BlockerNote note);

/// Helpers for interval sets of either width.
net::PortSet ShiftPorts(const net::PortSet& ports, int offset);

/// Whether the family of a single-family box is IPv4.
inline bool IsV4(const Box& box) { return !box.dst.v4.IsEmpty() || !box.src.v4.IsEmpty(); }

}  // namespace reachcheck::analysis::detail
