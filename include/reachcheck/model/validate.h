// SPDX-License-Identifier: Apache-2.0
// Links references between elements into handles and reports those that dangle.
#pragma once

#include "reachcheck/base/diagnostic.h"
#include "reachcheck/model/network.h"

namespace reachcheck::model {

/// Builds the id index, resolves every cross-reference (subnet -> VPC, route -> target,
/// subnet -> effective route table and ACL, interface -> subnet/groups/instance, ...) and
/// reports what cannot be resolved, each at the referrer's own SourceRef:
/// - `input-duplicate-id` (error): a second element with the same id in one scope and type;
///   it is removed from its vector (the first one is kept) before anything is resolved;
/// - `input-dangling-ref` (warning): a reference to an id that is not in the snapshot
///   (not for blackhole routes, whose target AWS already reports as gone);
/// - `input-external-ref` (note): a peering side in another account/region not in the snapshot;
/// - `input-target-kind-mismatch` (warning): a route target of another kind than the route says;
/// - `input-conflicting-association` (warning): two tables/ACLs for one subnet, two main tables
///   or default ACLs for one VPC, an Elastic IP on an address with another public IP; the
///   first one wins;
/// - `input-no-main-route-table` / `input-no-default-acl` (warning, once per VPC): subnets
///   left without a route table / ACL (their handle stays kNone).
/// Elastic IPs are merged into the public addresses of the interfaces they are associated with
/// (not for NAT gateway interfaces: a NAT's Elastic IP fills its NatAddress instead).
/// Idempotent and linear in the size of the network.
void Validate(Network& network, base::Diagnostics& diagnostics);

}  // namespace reachcheck::model
