// SPDX-License-Identifier: Apache-2.0
// Network ACLs: ordered, stateless allow/deny entries per direction, and subnet associations.
#pragma once

#include <string>
#include <vector>

#include "reachcheck/base/source_ref.h"
#include "reachcheck/base/text.h"
#include "reachcheck/model/element.h"
#include "reachcheck/model/security_group.h"
#include "reachcheck/net/cidr.h"
#include "reachcheck/net/protocol.h"

namespace reachcheck::model {

struct AclEntry {
  int rule_number = 0;  ///< 1..32766, 32767 is the implicit "*" deny
  bool allow = false;   ///< RuleAction
  net::ServiceMatch service;
  net::Cidr cidr;  ///< CidrBlock or Ipv6CidrBlock (the remote side)
  base::SourceRef origin;
  /// "rule 100 allow tcp/22 0.0.0.0/0"; rule numbers from 32767 up print as "*".
  std::string ToString() const;
  /// "rule 100 allow tcp/22 from 0.0.0.0/0" (kIngress: inbound) / "... to ..." (kEgress).
  std::string ToString(Direction direction) const;
  bool operator==(const AclEntry&) const = default;
};

struct AclAssociation {
  base::Text id;
  base::Text subnet_id;
  base::SourceRef origin;
  bool operator==(const AclAssociation&) const = default;
};

struct NetworkAcl : Element {
  base::Text vpc_id;
  base::Text owner_id;
  bool is_default = false;
  std::vector<AclEntry> inbound;   ///< sorted by rule_number
  std::vector<AclEntry> outbound;  ///< sorted by rule_number
  std::vector<AclAssociation> associations;
  Handle vpc = kNone;
  const std::vector<AclEntry>& Entries(Direction direction) const {
    return direction == Direction::kIngress ? inbound : outbound;
  }
  bool operator==(const NetworkAcl&) const = default;
};

}  // namespace reachcheck::model
