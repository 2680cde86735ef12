// SPDX-License-Identifier: Apache-2.0
// Route tables: routes (CIDR, IPv6 and prefix-list destinations) and associations.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "reachcheck/base/source_ref.h"
#include "reachcheck/base/text.h"
#include "reachcheck/model/element.h"
#include "reachcheck/net/cidr.h"

namespace reachcheck::model {

enum class TargetKind : std::uint8_t {
  kLocal,
  kInternetGateway,
  kEgressOnlyInternetGateway,
  kNatGateway,
  kPeering,
  kNetworkInterface,
  kInstance,
  kTransitGateway,
  kGatewayEndpoint,        ///< "vpce-" in GatewayId
  kVirtualPrivateGateway,  ///< "vgw-" in GatewayId
  kCarrierGateway,
  kLocalGateway,
  kCoreNetwork,
  kUnknown,
};
/// "local", "internet-gateway", "nat-gateway", ... (stable, used in JSON output).
const char* TargetKindName(TargetKind kind);

enum class RouteState : std::uint8_t { kActive, kBlackhole };
/// Where the route came from (`Origin` in the API).
enum class RouteOrigin : std::uint8_t { kCreateRouteTable, kCreateRoute, kPropagated };

struct Route {
  // The small fields first: routes are the model's second largest list.
  std::optional<net::Cidr> destination;  ///< DestinationCidrBlock or DestinationIpv6CidrBlock
  TargetKind target_kind = TargetKind::kUnknown;
  RouteState state = RouteState::kActive;
  RouteOrigin route_origin = RouteOrigin::kCreateRoute;
  // Resolved by Validate (kNone when the target is missing or of another kind):
  /// Into the vector of target_kind's type: internet_gateways (both IGW kinds, and only a
  /// gateway of the same kind), nat_gateways, peerings, interfaces, instances, endpoints;
  /// kNone for local and for kinds that are not analysed (transit gateway, VGW, ...).
  Handle target = kNone;
  Handle prefix_list = kNone;
  base::Text prefix_list_id;  ///< DestinationPrefixListId when there is no CIDR
  base::Text target_id;       ///< "local", "igw-..", "nat-..", "eni-..", ...
  base::Text instance_owner_id;
  base::SourceRef origin;

  /// "0.0.0.0/0", "pl-63a5400a", ...; "(no destination)" when there is neither.
  std::string DestinationText() const;
  bool operator==(const Route&) const = default;
};

struct RouteTableAssociation {
  base::Text id;  ///< rtbassoc-...
  bool main = false;
  base::Text subnet_id;   ///< when associated with a subnet
  base::Text gateway_id;  ///< edge association with an IGW / VGW
  base::Text state;       ///< AssociationState.State; "associated" or ""
  base::SourceRef origin;
  bool operator==(const RouteTableAssociation&) const = default;
};

struct RouteTable : Element {
  base::Text vpc_id;
  Handle vpc = kNone;
  base::Text owner_id;
  std::vector<Route> routes;
  std::vector<RouteTableAssociation> associations;
  bool IsMain() const;
  bool operator==(const RouteTable&) const = default;
};

}  // namespace reachcheck::model
