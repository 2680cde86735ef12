// SPDX-License-Identifier: Apache-2.0
// The whole modelled network: one vector per resource type, plus id lookup per scope.
// Built by ingest, linked and checked by Validate, immutable afterwards.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "reachcheck/base/source_ref.h"
#include "reachcheck/base/text.h"
#include "reachcheck/model/element.h"
#include "reachcheck/model/gateways.h"
#include "reachcheck/model/interface.h"
#include "reachcheck/model/network_acl.h"
#include "reachcheck/model/prefix_list.h"
#include "reachcheck/model/route_table.h"
#include "reachcheck/model/security_group.h"
#include "reachcheck/model/vpc.h"

namespace reachcheck::model {

/// A resource that was recognised but is not analysed yet (transit gateways, VPN, ...).
struct UnanalysedResource {
  base::Text type;  ///< the top-level key, e.g. "TransitGateways"
  base::Text id;
  Handle scope = kNone;
  base::SourceRef origin;
  bool operator==(const UnanalysedResource&) const = default;
};

class Network {
 public:
  std::vector<Scope> scopes;
  std::vector<Vpc> vpcs;
  std::vector<Subnet> subnets;
  std::vector<RouteTable> route_tables;
  std::vector<InternetGateway> internet_gateways;  ///< both kinds; see egress_only
  std::vector<NatGateway> nat_gateways;
  std::vector<VpcPeering> peerings;
  std::vector<SecurityGroup> security_groups;
  std::vector<NetworkAcl> network_acls;
  std::vector<NetworkInterface> interfaces;
  std::vector<Instance> instances;
  std::vector<ElasticIp> elastic_ips;
  std::vector<PrefixList> prefix_lists;
  std::vector<VpcEndpoint> endpoints;
  std::vector<UnanalysedResource> unanalysed;

  /// The index of `scope`, added when new.
  Handle InternScope(const Scope& scope);
  /// The index of `scope`, or kNone when it is not in `scopes`.
  Handle FindScope(const Scope& scope) const;

  /// Rebuilds the id indexes; Validate calls it. Lookups before that find nothing.
  void BuildIndex();
  /// The id index of one list only: the list at position `list` of kElementLists (none for
  /// the unanalysed resources). Lists' indexes are independent, so they may be built on
  /// several threads at once.
  void BuildIndex(std::size_t list);

  /// Lookup by id, preferring `scope`; falls back to the only element with that id in any
  /// scope (cross-account references such as peerings). kNone when absent or ambiguous.
  /// Within one scope a duplicated id finds the first element (Validate removes the others).
  /// O(1) on average.
  Handle FindVpc(std::string_view id, Handle scope) const;
  Handle FindSubnet(std::string_view id, Handle scope) const;
  Handle FindRouteTable(std::string_view id, Handle scope) const;
  Handle FindInternetGateway(std::string_view id, Handle scope) const;
  Handle FindNatGateway(std::string_view id, Handle scope) const;
  Handle FindPeering(std::string_view id, Handle scope) const;
  Handle FindSecurityGroup(std::string_view id, Handle scope) const;
  Handle FindNetworkAcl(std::string_view id, Handle scope) const;
  Handle FindInterface(std::string_view id, Handle scope) const;
  Handle FindInstance(std::string_view id, Handle scope) const;
  Handle FindPrefixList(std::string_view id, Handle scope) const;
  Handle FindEndpoint(std::string_view id, Handle scope) const;

  /// A slot of an id index: an element's handle and the high half of its id's hash.
  struct IdSlot {
    Handle handle = kNone;
    std::uint32_t hash = 0;
    bool operator==(const IdSlot&) const = default;
  };
  /// The slots BuildIndex(list) would give list `list` now (built afresh: the index kept may
  /// be stale), so that the model cache can store them; none for a list without an index.
  /// The hash is this project's own, so the slots mean the same in every build.
  std::vector<IdSlot> IndexSlots(std::size_t list) const;
  /// Takes slots that IndexSlots gave for the same list instead of building the index: true
  /// when their number fits the list (none for an empty list or a list without an index,
  /// else a power of two at least twice its size) and there is one per element, each in the
  /// list; false, adopting nothing, otherwise.
  bool AdoptIndexSlots(std::size_t list, std::vector<IdSlot> slots);

  /// Every id in the snapshot (for "did you mean" hints), sorted, unique.
  std::vector<std::string> AllIds() const;

  /// Number of elements per resource type name ("vpcs", "subnets", ...) for `scope`, or for
  /// every scope when `scope` is kNone. Every type is listed (0 included), plus one
  /// "unanalysed:<Type>" entry per unanalysed type present.
  std::map<std::string, std::size_t> Counts(Handle scope) const;
  /// Counts(scope) for every scope at once (index = scope handle), in one pass.
  std::vector<std::map<std::string, std::size_t>> CountsByScope() const;

 private:
  /// Open-addressing hash table of handles into one element vector, keyed by the element's
  /// id (the id strings are not copied: a slot holds a handle and a hash fragment, 8 bytes,
  /// at a load factor of at most 1/2). Copying a Network copies the slots, which stay valid.
  class IdIndex {
   public:
    using Slot = IdSlot;
    template <typename T>
    void Build(const std::vector<T>& items);
    /// The element with `id` in `scope` (the first when duplicated), else the only element
    /// with `id` in any scope, else kNone.
    template <typename T>
    Handle Find(const std::vector<T>& items, std::string_view id, Handle scope) const;
    const std::vector<Slot>& slots() const { return slots_; }
    /// See AdoptIndexSlots; `items` is the size of the indexed list.
    bool Adopt(std::vector<Slot> slots, std::size_t items);

   private:
    std::vector<Slot> slots_;  ///< size 0 or a power of two
  };
  /// Runs fn(index, items) for list `list` of kElementLists when that list has an index.
  template <typename Self, typename Fn>
  static void WithIndex(Self& self, std::size_t list, Fn&& fn);

  IdIndex vpc_index_, subnet_index_, route_table_index_, igw_index_, nat_index_, peering_index_, sg_index_,
      acl_index_, interface_index_, instance_index_, prefix_list_index_, endpoint_index_;
};

/// Every element list of a Network, as member pointers in declaration order (scopes apart):
/// for code that treats the lists alike (merging per-file states, the cache's sections).
inline constexpr auto kElementLists =
    std::make_tuple(&Network::vpcs, &Network::subnets, &Network::route_tables, &Network::internet_gateways,
                    &Network::nat_gateways, &Network::peerings, &Network::security_groups,
                    &Network::network_acls, &Network::interfaces, &Network::instances, &Network::elastic_ips,
                    &Network::prefix_lists, &Network::endpoints, &Network::unanalysed);

}  // namespace reachcheck::model
