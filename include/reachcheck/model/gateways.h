// SPDX-License-Identifier: Apache-2.0
// Internet and egress-only internet gateways, NAT gateways, VPC peering connections and
// VPC endpoints.
#pragma once

#include <string>
#include <vector>

#include "reachcheck/base/source_ref.h"
#include "reachcheck/base/text.h"
#include "reachcheck/model/element.h"
#include "reachcheck/net/cidr.h"
#include "reachcheck/net/ip_address.h"

namespace reachcheck::model {

struct GatewayAttachment {
  base::Text vpc_id;
  base::Text state;  ///< "available"/"attached" count as attached
  Handle vpc = kNone;
  bool Attached() const { return state == "available" || state == "attached"; }
  bool operator==(const GatewayAttachment&) const = default;
};

struct InternetGateway : Element {
  bool egress_only = false;  ///< from EgressOnlyInternetGateways
  base::Text owner_id;
  std::vector<GatewayAttachment> attachments;
  /// The VPC this gateway is attached to, or kNone.
  Handle AttachedVpc() const;
  bool operator==(const InternetGateway&) const = default;
};

struct NatAddress {
  std::optional<net::IpAddress> private_ip;
  std::optional<net::IpAddress> public_ip;
  base::Text allocation_id;
  base::Text network_interface_id;
  bool primary = true;
  bool operator==(const NatAddress&) const = default;
};

struct NatGateway : Element {
  base::Text vpc_id;
  base::Text subnet_id;
  base::Text state;         ///< "available", "pending", "deleted", "failed", ...
  base::Text connectivity;  ///< "public" (default) or "private"
  std::vector<NatAddress> addresses;
  Handle vpc = kNone;
  Handle subnet = kNone;
  bool Available() const { return state == "available"; }
  bool IsPublic() const { return connectivity != "private"; }
  bool operator==(const NatGateway&) const = default;
};

struct PeeringSide {
  base::Text vpc_id;
  base::Text owner_id;
  base::Text region;
  std::vector<net::Cidr> ipv4_cidrs;
  std::vector<net::Cidr> ipv6_cidrs;
  Handle vpc = kNone;  ///< when that VPC is in the snapshot
  bool operator==(const PeeringSide&) const = default;
};

struct VpcPeering : Element {
  PeeringSide requester;
  PeeringSide accepter;
  base::Text status;  ///< Status.Code: "active", "pending-acceptance", "deleted", ...
  bool Active() const { return status == "active"; }
  bool operator==(const VpcPeering&) const = default;
};

struct VpcEndpoint : Element {
  base::Text type;  ///< "Gateway", "Interface", "GatewayLoadBalancer"
  base::Text vpc_id;
  base::Text service_name;
  base::Text state;
  std::vector<base::Text> route_table_ids;
  std::vector<base::Text> subnet_ids;
  std::vector<base::Text> group_ids;
  std::vector<base::Text> network_interface_ids;
  Handle vpc = kNone;
  bool operator==(const VpcEndpoint&) const = default;
};

}  // namespace reachcheck::model
