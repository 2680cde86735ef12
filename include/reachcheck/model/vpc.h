// SPDX-License-Identifier: Apache-2.0
// VPCs and subnets.
#pragma once

#include <string>
#include <vector>

#include "reachcheck/model/element.h"
#include "reachcheck/base/text.h"
#include "reachcheck/net/cidr.h"

namespace reachcheck::model {

struct Vpc : Element {
  base::Text owner_id;
  base::Text state;  ///< "available", "pending"
  bool is_default = false;
  std::vector<net::Cidr> ipv4_cidrs;  ///< primary first, then associated blocks (state associated)
  std::vector<net::Cidr> ipv6_cidrs;
  bool operator==(const Vpc&) const = default;
};

struct Subnet : Element {
  base::Text vpc_id;
  Handle vpc = kNone;
  base::Text availability_zone;
  base::Text owner_id;
  base::Text state;
  net::Cidr ipv4_cidr;
  bool has_ipv4 = true;  ///< false for IPv6-only subnets
  std::vector<net::Cidr> ipv6_cidrs;
  bool map_public_ip_on_launch = false;
  bool assign_ipv6_on_creation = false;
  // Resolved by Validate:
  /// Explicit association, else the VPC main table; kNone when the snapshot has neither
  /// (Validate then warns `input-no-main-route-table`): the subnet has no routes.
  Handle route_table = kNone;
  bool route_table_is_main = false;  ///< route_table is the main table, not an association
  /// Explicit association, else the VPC default ACL; kNone means "no ACL in the snapshot for
  /// this subnet" (Validate warns `input-no-default-acl`), not the AWS default ACL: the
  /// engine treats it as unfiltered and says so in an assumption note.
  Handle network_acl = kNone;
  bool operator==(const Subnet&) const = default;
};

}  // namespace reachcheck::model
