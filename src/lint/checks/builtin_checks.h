// SPDX-License-Identifier: Apache-2.0
// The native checks compiled into reachcheck; each file in checks/ defines one of these.
// builtin_checks.cpp lists them in one table (no static self-registration).
#pragma once

#include "lint/checks/check.h"

namespace reachcheck::lint::checks {

const NativeCheck& IgwRouteNotAttached();
const NativeCheck& NaclBlocksReturnTraffic();
const NativeCheck& NatInPrivateSubnet();
const NativeCheck& PeeringCidrOverlap();
const NativeCheck& PeeringRouteMissing();
const NativeCheck& PrivateSubnetNoEgress();
const NativeCheck& RouteBlackhole();
const NativeCheck& SgOpenAdminPortReachable();
const NativeCheck& SubnetAutoPublicIpWithoutIgw();
const NativeCheck& UnusedSecurityGroup();

}  // namespace reachcheck::lint::checks
