// SPDX-License-Identifier: Apache-2.0
// Validate pass: each subnet's network ACL (explicit association, else the VPC default ACL).
#include <string>
#include <unordered_map>

#include "validate_internal.h"

namespace reachcheck::model::detail {

void ResolveSubnetAcls(Checker& checker) {
  Network& n = checker.network;
  for (Subnet& subnet : n.subnets) subnet.network_acl = kNone;
  std::unordered_map<std::string, Handle> default_of_vpc;
  for (Handle a = 0; a < n.network_acls.size(); ++a) {
    const NetworkAcl& acl = n.network_acls[a];
    if (acl.is_default && (acl.vpc != kNone || !acl.vpc_id.empty())) {
      auto [it, inserted] = default_of_vpc.emplace(VpcKey(acl.vpc, acl.scope, acl.vpc_id), a);
      if (!inserted) {
        const base::Text& first = n.network_acls[it->second].id;
        checker.Conflict(acl.origin, Named("VPC", acl.vpc_id) + " has two default network ACLs '" + first +
                                         "' and '" + acl.id + "'; '" + first + "' is used");
      }
    }
    for (const AclAssociation& association : acl.associations) {
      if (association.subnet_id.empty()) continue;
      const Handle s = n.FindSubnet(association.subnet_id, acl.scope);
      if (s == kNone) {
        checker.Dangling(association.origin, Named("network ACL", acl.id), "is associated with", "subnet",
                         association.subnet_id);
        continue;
      }
      Subnet& subnet = n.subnets[s];
      if (subnet.network_acl == kNone) {
        subnet.network_acl = a;
      } else if (subnet.network_acl != a) {
        const base::Text& first = n.network_acls[subnet.network_acl].id;
        checker.Conflict(association.origin, Named("subnet", subnet.id) +
                                                 " is associated with network ACLs '" + first + "' and '" +
                                                 acl.id + "'; '" + first + "' is used");
      }
    }
  }
  // Subnets without an explicit association use their VPC's default ACL.
  SubnetsByVpc orphans;
  for (Handle s = 0; s < n.subnets.size(); ++s) {
    Subnet& subnet = n.subnets[s];
    if (subnet.network_acl != kNone) continue;
    auto it = subnet.vpc_id.empty() ? default_of_vpc.end()
                                    : default_of_vpc.find(VpcKey(subnet.vpc, subnet.scope, subnet.vpc_id));
    if (it == default_of_vpc.end()) {
      orphans.Add(n, s);
    } else {
      subnet.network_acl = it->second;
    }
  }
  orphans.Report(checker, "input-no-default-acl",
                 "has no default network ACL in the snapshot; subnets without an explicit "
                 "association have no network ACL",
                 "has no VPC and no network ACL association; it has no network ACL");
}

}  // namespace reachcheck::model::detail
