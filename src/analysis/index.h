// SPDX-License-Identifier: Apache-2.0
// Everything the walk looks up, built in time linear in the network: address owners per
// subnet, subnets per VPC, compiled ACLs, public/private address maps and peerings up front;
// a route table's longest-prefix-match partition and a security group's rule list the first
// time a walk reaches them (thread-safe: sweeps walk on several threads).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/filter.h"
#include "analysis/graph.h"
#include "analysis/partition.h"
#include "reachcheck/model/network.h"
#include "reachcheck/net/address_set.h"

namespace reachcheck::analysis::detail {

/// Who owns an address inside a subnet.
struct Owner {
  enum Kind : std::uint8_t { kInterface, kNat } kind = kInterface;
  model::Handle handle = model::kNone;
};

/// One candidate of a route table's longest prefix match.
struct RouteEntry {
  net::Cidr prefix;
  int rank = 0;                         ///< 0 local, 1 CIDR route, 2 prefix list, 3 propagated
  const model::Route* route = nullptr;  ///< nullptr: the implicit local route of a VPC block
  std::string text;                     ///< "rtb-1 route 0.0.0.0/0 -> igw-1", "rtb-1 route pl-1 -> vpce-1"
  /// The route-table hop choosing it, one per route: a prefix list's entries are one route,
  /// so destinations matched by different entries share one path and merge into one class.
  /// Set once the table's entries are complete.
  HopRef route_hop;
  /// The route's target kind and whether it is a blackhole, kept here with the hop so that a
  /// walk reads the model's route only for what it names.
  model::TargetKind kind = model::TargetKind::kLocal;
  bool blackhole = false;
};

struct RouteTableIndex {
  std::vector<RouteEntry> entries;
  SpanIndex<int> lpm;              ///< the winning entry over each range
  std::vector<std::string> notes;  ///< routes whose prefix list's entries are unknown
};

struct SubnetIndex {
  net::AddressSet cidrs;
  PointIndex<Owner> owners;  ///< one owner per address (a NAT before an interface)
};

/// A public IPv4 address and the interface private address behind it.
struct PublicMapping {
  net::IpAddress private_ip;
  net::IpAddress public_ip;
  model::Handle iface = model::kNone;
};

struct VpcIndex {
  net::AddressSet cidrs;
  SpanIndex<model::Handle> subnets;
  std::vector<model::Handle> peerings;           ///< with this VPC on one side (any status), ascending
  std::vector<model::Handle> peers_same_region;  ///< over active same-region peerings
  std::vector<model::Handle> peers_any;          ///< over peerings of any status
  model::Handle igw = model::kNone;              ///< attached internet gateway
  model::Handle eigw = model::kNone;             ///< attached egress-only gateway
  PointIndex<PublicMapping> public_of;           ///< private IPv4 -> public (v4 only)
  std::vector<model::Handle> public_nats;        ///< available public NAT gateways, ascending
};

/// An interface's groups: `count` slots from `first` in the index's pools of group handles
/// and of their ingress and egress filters (one pool each for all interfaces, rather than
/// three vectors per interface).
struct InterfaceIndex {
  std::uint32_t first = 0;
  std::uint32_t count = 0;
  bool no_rules = false;  ///< every group has no rules (SG_HAS_NO_RULES)
};

class Index {
 public:
  /// `step(done, total)` is called after each of the build's steps.
  explicit Index(const model::Network& network,
                 const std::function<void(std::size_t done, std::size_t total)>& step = {});

  const model::Network& network;
  std::vector<VpcIndex> vpcs;
  std::vector<SubnetIndex> subnets;
  std::vector<InterfaceIndex> interfaces;
  PointIndex<model::Handle> nat_public;     ///< NAT public address -> NAT
  PointIndex<PublicMapping> iface_public;   ///< public IPv4 -> interface
  PointIndex<model::Handle> iface_private;  ///< private IPv4 / IPv6 -> interface (all owners)
  SpanIndex<model::Handle> vpc_v6;          ///< IPv6 VPC blocks -> VPC (v6 only)
  net::AddressSet vpc_blocks;               ///< every VPC block of either family
  net::AddressSet modelled_public;          ///< public addresses of modelled resources
  net::AddressSet closed_from_outside;      ///< IPv4 VPC blocks and interface private IPv4

  /// Interface i's private IPv4 and IPv6 addresses, from the model (a few addresses: cheaper
  /// to build when asked than to keep for every interface).
  net::AddressSet InterfaceAddresses(model::Handle i) const;
  /// The topology graph (for `graph`), built on first use.
  const NetworkGraph& Graph() const;
  /// A route table's entries and partition, compiled on first use.
  const RouteTableIndex& Table(model::Handle table) const;
  /// An interface's security groups in one direction, each compiled on first use.
  std::span<const Filter* const> GroupFilters(model::Handle iface, bool ingress) const;
  /// An interface's groups (resolved ones only), in its order.
  std::span<const model::Handle> GroupHandles(model::Handle iface) const;
  /// An interface's groups as a blocker names them ("sg-1, sg-2"), and the place in the input
  /// of the first (where a security-group blocker points).
  std::string GroupsText(model::Handle iface) const;
  const base::SourceRef& GroupsWhere(model::Handle iface) const;
  /// The subnet's network ACL in one direction, compiled on first use; nullptr when the
  /// snapshot has no ACL for the subnet.
  const Filter* SubnetAcl(model::Handle subnet, bool ingress) const;

  /// The NAT's private address (primary first), if any.
  std::optional<net::IpAddress> NatPrivate(model::Handle nat) const;
  std::optional<net::IpAddress> NatPublic(model::Handle nat) const;
  /// The public address of a private IPv4 address in `vpc`, if any.
  const PublicMapping* PublicOf(model::Handle vpc, const net::IpAddress& private_ip) const;
  /// The interface a route to an instance/interface targets (an instance's primary).
  model::Handle ApplianceOf(const model::Route& route) const;
  /// The prefix list's CIDRs as a set (empty when unknown).
  const net::AddressSet& PrefixList(model::Handle list) const;
  /// Whether two VPCs are joined by an active peering in one region.
  bool SameRegionPeers(model::Handle a, model::Handle b) const;
  /// The region of a peering side ("" when unknown).
  std::string SideRegion(const model::PeeringSide& side) const;

 private:
  void IndexVpcs();
  void IndexOwners();
  void CompileFilters();
  void CompileTable(model::Handle table) const;
  void CompileAcl(model::Handle acl) const;
  /// A group's rules for interfaces in `vpc` (group references depend on the VPC).
  Filter CompileGroup(model::Handle group, model::Handle vpc, bool ingress) const;
  /// The private addresses of the group's members in `vpc` and its same-region peers (cached).
  const net::AddressSet& Members(model::Handle group, model::Handle vpc) const;
  net::AddressSet GroupMembers(model::Handle group, model::Handle vpc) const;

  std::vector<net::AddressSet> prefix_lists_;
  mutable std::once_flag graph_once_;
  mutable std::unique_ptr<NetworkGraph> graph_;
  mutable std::vector<RouteTableIndex> tables_;
  std::unique_ptr<std::once_flag[]> table_once_;
  mutable std::vector<Filter> sg_ingress_, sg_egress_;  ///< per security group, in its own VPC
  std::vector<model::Handle> group_pool_;               ///< InterfaceIndex::first / count index these
  std::vector<const Filter*> ingress_pool_, egress_pool_;
  std::unique_ptr<std::once_flag[]> group_once_;
  std::deque<Filter> extra_filters_;  ///< groups compiled for interfaces outside the group's VPC
  mutable std::vector<Filter> acl_ingress_, acl_egress_;  ///< per network ACL
  std::unique_ptr<std::once_flag[]> acl_once_;
  std::vector<std::vector<std::pair<model::Handle, std::vector<net::IpAddress>>>> members_;
  mutable std::mutex member_mutex_;
  mutable std::unordered_map<std::uint64_t, net::AddressSet> member_cache_;
};

/// Builds a set from addresses of one or both families (sorted or not).
net::AddressSet SetOf(std::vector<net::IpAddress> addresses);
/// The same, sorting `addresses` in place (for a buffer reused from call to call).
net::AddressSet SetOfInPlace(std::span<net::IpAddress> addresses);
/// Builds a set from CIDR blocks of one or both families, in O(n log n).
net::AddressSet CidrSet(std::vector<net::Cidr> cidrs);
/// Public addresses owned by modelled resources (interfaces, NAT gateways, Elastic IPs).
net::AddressSet ModelledPublicAddresses(const model::Network& network);
/// Every VPC block of either family.
net::AddressSet VpcBlocks(const model::Network& network);
/// Every address outside private and shared ranges and VPC blocks: the `internet` set with
/// the modelled public addresses left in (a few intervals instead of one hole per address).
net::AddressSet CoarseInternet(const model::Network& network);

}  // namespace reachcheck::analysis::detail
