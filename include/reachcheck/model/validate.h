// SPDX-License-Identifier: Apache-2.0
// Links references between elements into handles and reports those that dangle.
#pragma once

#include "reachcheck/base/diagnostic.h"
#include "reachcheck/model/network.h"

namespace reachcheck::model {

/// Builds the id index, resolves every cross-reference (subnet -> VPC, route -> target,
/// subnet -> effective route table and ACL, interface -> subnet/groups/instance, ...) and
/// reports what cannot be resolved: `input-dangling-ref` warnings that cite the referrer's
/// place and the missing id, `input-no-main-route-table`, `input-no-default-acl`, ... .
/// Elastic IPs are merged into the public addresses of the interfaces they are associated with.
void Validate(Network& network, base::Diagnostics& diagnostics);

}  // namespace reachcheck::model
