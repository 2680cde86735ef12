// SPDX-License-Identifier: Apache-2.0
// The whole modelled network: one vector per resource type, plus id lookup per scope.
// Built by ingest, linked and checked by Validate, immutable afterwards.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "reachcheck/base/source_ref.h"
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
  std::string type;  ///< the top-level key, e.g. "TransitGateways"
  std::string id;
  Handle scope = kNone;
  base::SourceRef origin;
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

  /// Rebuilds the id indexes; Validate calls it. Lookups before that find nothing.
  void BuildIndex();

  /// Lookup by id, preferring `scope`; falls back to the only element with that id in any
  /// scope (cross-account references such as peerings). kNone when absent or ambiguous.
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

  /// Every id in the snapshot (for "did you mean" hints), sorted, unique.
  std::vector<std::string> AllIds() const;

  /// Number of elements per resource type name ("vpcs", "subnets", ...) for `scope`.
  std::map<std::string, std::size_t> Counts(Handle scope) const;

 private:
  using IdIndex = std::unordered_map<std::string, std::vector<Handle>>;
  static Handle Find(const IdIndex& index, const std::vector<Handle>& scopes_of,
                     std::string_view id, Handle scope);
  template <typename T>
  static void Index(const std::vector<T>& items, IdIndex& index);

  IdIndex vpc_index_, subnet_index_, route_table_index_, igw_index_, nat_index_, peering_index_,
      sg_index_, acl_index_, interface_index_, instance_index_, prefix_list_index_,
      endpoint_index_;
};

}  // namespace reachcheck::model
