// SPDX-License-Identifier: Apache-2.0
// The one registry of native checks: an explicit table, in alphabetical order of name.
#include "lint/checks/builtin_checks.h"

#include <algorithm>
#include <cstring>

namespace reachcheck::lint {

const std::vector<const NativeCheck*>& AllNativeChecks() {
  static const std::vector<const NativeCheck*> kChecks = {
      &checks::IgwRouteNotAttached(),
      &checks::NaclBlocksReturnTraffic(),
      &checks::NatInPrivateSubnet(),
      &checks::PeeringCidrOverlap(),
      &checks::PeeringRouteMissing(),
      &checks::PrivateSubnetNoEgress(),
      &checks::RouteBlackhole(),
      &checks::SgOpenAdminPortReachable(),
      &checks::SubnetAutoPublicIpWithoutIgw(),
      &checks::UnusedSecurityGroup(),
  };
  return kChecks;
}

const NativeCheck* FindNativeCheck(const std::string& name) {
  for (const NativeCheck* check : AllNativeChecks()) {
    if (name == check->Name()) return check;
  }
  return nullptr;
}

}  // namespace reachcheck::lint
