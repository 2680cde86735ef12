// SPDX-License-Identifier: Apache-2.0
// Private to Validate: the shared diagnostic helpers and the resolution passes, one per
// concept (validate_*.cpp), run in the order listed here.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "reachcheck/base/diagnostic.h"
#include "reachcheck/model/network.h"

namespace reachcheck::model::detail {

/// The network being validated and the sink its problems go to.
struct Checker {
  Network& network;
  base::Diagnostics& diagnostics;

  /// `input-dangling-ref`: "<referrer> <relation> <kind> '<id>' which is not in the snapshot".
  void Dangling(const base::SourceRef& where, const std::string& referrer, std::string_view relation,
                std::string_view kind, std::string_view id);
  /// `input-conflicting-association` warning with `message`.
  void Conflict(const base::SourceRef& where, std::string message);
};

/// "subnet 'subnet-1'".
std::string Named(std::string_view kind, std::string_view id);
/// "'a', 'b', 'c', and 2 more" (at most `max` ids spelled out).
std::string QuotedList(const std::vector<std::string>& ids, std::size_t max = 5);
/// " in account A region R" (parts that are known), or "" for an unknown scope.
std::string InScopeText(const Network& network, Handle scope);
/// A key naming a VPC for per-VPC tables: its handle when resolved, else scope + id.
std::string VpcKey(Handle vpc, Handle scope, const std::string& vpc_id);
/// Whether an association state counts as associated ("associated" or not given).
inline bool AssociationActive(const std::string& state) { return state.empty() || state == "associated"; }

/// Subnets left without a route table or ACL, grouped by VPC in the order first met, for one
/// warning per VPC: "VPC 'vpc-1' <what>: 'subnet-1', 'subnet-2'", at the VPC (else the first
/// subnet). A subnet with no VPC id gets its own warning: "subnet 's' <no_vpc_what>".
class SubnetsByVpc {
 public:
  void Add(const Network& network, Handle subnet);
  void Report(Checker& checker, const char* code, std::string_view what, std::string_view no_vpc_what) const;

 private:
  std::vector<std::string> keys_;
  std::unordered_map<std::string, std::vector<Handle>> groups_;
  std::vector<Handle> without_vpc_;
};

// The passes, in the order Validate runs them (each resets what it resolves first).
void RemoveDuplicates(Checker& checker);           ///< input-duplicate-id; rebuilds the index
void ResolveVpcReferences(Checker& checker);       ///< subnet/table/SG/ACL/endpoint/IGW -> VPC
void ResolveGateways(Checker& checker);            ///< NAT -> VPC/subnet, peering sides
void ResolveRouteTargets(Checker& checker);        ///< Route::target, Route::prefix_list
void ResolveSubnetRouteTables(Checker& checker);   ///< Subnet::route_table(_is_main)
void ResolveSubnetAcls(Checker& checker);          ///< Subnet::network_acl
void ResolveSecurityGroupRules(Checker& checker);  ///< SgRule::group, SgRule::prefix_list
void ResolveInterfaces(Checker& checker);          ///< interface -> subnet/VPC/instance/groups
void ResolveInstances(Checker& checker);           ///< Instance::interfaces
void MergeElasticIps(Checker& checker);            ///< ElasticIp -> interface public IPs

}  // namespace reachcheck::model::detail
