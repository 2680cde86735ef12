// SPDX-License-Identifier: Apache-2.0
// Validate pass 1: a second element with an id already used in its scope and type is
// reported (`input-duplicate-id`) and removed, so that every id lookup is unambiguous.
#include <cstddef>
#include <string>
#include <vector>

#include "validate_internal.h"

namespace reachcheck::model::detail {

namespace {

using FindFunction = Handle (Network::*)(std::string_view, Handle) const;

// Removes the later duplicates of `items`; true when something was removed.
template <typename T>
bool RemoveFrom(Checker& checker, std::vector<T>& items, FindFunction find, const char* kind) {
  const Network& network = checker.network;
  std::vector<bool> drop(items.size(), false);
  bool any = false;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const T& item = items[i];
    if (item.id.empty()) continue;
    const Handle first = (network.*find)(item.id, item.scope);
    if (first == kNone || first == i || items[first].scope != item.scope) continue;
    std::string message = "duplicate " + std::string(kind) + " id '" + item.id + "'" +
                          InScopeText(network, item.scope) + ": the first definition";
    const base::SourceRef& where = items[first].origin;
    if (!where.file.empty() || !where.pointer.empty()) message += " at " + where.ToString();
    message += " is used and this one is skipped";
    checker.diagnostics.Error("input-duplicate-id", std::move(message), item.origin);
    drop[i] = true;
    any = true;
  }
  if (!any) return false;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (drop[i]) continue;
    if (kept != i) items[kept] = std::move(items[i]);
    ++kept;
  }
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(kept), items.end());
  return true;
}

}  // namespace

void RemoveDuplicates(Checker& checker) {
  Network& n = checker.network;
  n.BuildIndex();
  bool removed = false;
  removed |= RemoveFrom(checker, n.vpcs, &Network::FindVpc, "VPC");
  removed |= RemoveFrom(checker, n.subnets, &Network::FindSubnet, "subnet");
  removed |= RemoveFrom(checker, n.route_tables, &Network::FindRouteTable, "route table");
  removed |= RemoveFrom(checker, n.internet_gateways, &Network::FindInternetGateway, "internet gateway");
  removed |= RemoveFrom(checker, n.nat_gateways, &Network::FindNatGateway, "NAT gateway");
  removed |= RemoveFrom(checker, n.peerings, &Network::FindPeering, "VPC peering connection");
  removed |= RemoveFrom(checker, n.security_groups, &Network::FindSecurityGroup, "security group");
  removed |= RemoveFrom(checker, n.network_acls, &Network::FindNetworkAcl, "network ACL");
  removed |= RemoveFrom(checker, n.interfaces, &Network::FindInterface, "network interface");
  removed |= RemoveFrom(checker, n.instances, &Network::FindInstance, "instance");
  removed |= RemoveFrom(checker, n.prefix_lists, &Network::FindPrefixList, "prefix list");
  removed |= RemoveFrom(checker, n.endpoints, &Network::FindEndpoint, "VPC endpoint");
  if (removed) n.BuildIndex();
}

}  // namespace reachcheck::model::detail
