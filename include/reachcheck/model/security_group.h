// SPDX-License-Identifier: Apache-2.0
// Security groups. One AWS permission with N peers becomes N rules, each keeping the JSON
// pointer of its own peer element.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "reachcheck/base/source_ref.h"
#include "reachcheck/base/text.h"
#include "reachcheck/model/element.h"
#include "reachcheck/net/cidr.h"
#include "reachcheck/net/protocol.h"

namespace reachcheck::model {

enum class Direction : std::uint8_t { kIngress, kEgress };
const char* DirectionName(Direction direction);  ///< "ingress" / "egress"

enum class PeerKind : std::uint8_t { kCidr, kPrefixList, kSecurityGroup };

struct SgRule {
  // The small fields first: a group's rules are the model's largest list.
  Direction direction = Direction::kIngress;
  PeerKind peer_kind = PeerKind::kCidr;
  net::Cidr cidr;              ///< kCidr
  Handle prefix_list = kNone;  ///< resolved by Validate
  Handle group = kNone;        ///< resolved by Validate
  net::ServiceMatch service;
  base::Text prefix_list_id;  ///< kPrefixList
  base::Text group_id;        ///< kSecurityGroup
  base::Text group_owner_id;  ///< UserIdGroupPairs[].UserId
  base::Text group_vpc_id;    ///< UserIdGroupPairs[].VpcId (set for peered groups)
  base::Text peering_status;  ///< UserIdGroupPairs[].PeeringStatus
  base::Text description;
  base::SourceRef origin;  ///< the peer element (IpRanges/0, UserIdGroupPairs/1, ...)

  /// "tcp/22 from 0.0.0.0/0", "all to sg-0abc", "tcp/443 from pl-123"; a group of a peered
  /// VPC (group_vpc_id set) reads "tcp/5432 from sg-0abc (222222222222/vpc-0def)".
  std::string ToString() const;
  bool operator==(const SgRule&) const = default;
};

struct SecurityGroup : Element {
  base::Text name;  ///< GroupName
  base::Text description;
  base::Text vpc_id;
  base::Text owner_id;
  std::vector<SgRule> ingress;
  std::vector<SgRule> egress;
  Handle vpc = kNone;
  bool HasNoRules() const { return ingress.empty() && egress.empty(); }
  bool operator==(const SecurityGroup&) const = default;
};

}  // namespace reachcheck::model
