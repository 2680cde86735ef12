// SPDX-License-Identifier: Apache-2.0
// The top-level keys of `aws ec2 describe-*` output that route a file: the modelled ones,
// the recognised-but-unanalysed ones (with the field that holds each element's id), and
// those known to be irrelevant to the network model.
#pragma once

#include <string_view>

namespace reachcheck::ingest::aws {

inline constexpr std::string_view kVpcs = "Vpcs";
inline constexpr std::string_view kSubnets = "Subnets";
inline constexpr std::string_view kRouteTables = "RouteTables";
inline constexpr std::string_view kInternetGateways = "InternetGateways";
inline constexpr std::string_view kEgressOnlyInternetGateways = "EgressOnlyInternetGateways";
inline constexpr std::string_view kNatGateways = "NatGateways";
inline constexpr std::string_view kVpcPeeringConnections = "VpcPeeringConnections";
inline constexpr std::string_view kSecurityGroups = "SecurityGroups";
inline constexpr std::string_view kNetworkAcls = "NetworkAcls";
inline constexpr std::string_view kNetworkInterfaces = "NetworkInterfaces";
inline constexpr std::string_view kReservations = "Reservations";
inline constexpr std::string_view kAddresses = "Addresses";
inline constexpr std::string_view kPrefixLists = "PrefixLists";
inline constexpr std::string_view kManagedPrefixLists = "ManagedPrefixLists";
inline constexpr std::string_view kVpcEndpoints = "VpcEndpoints";
inline constexpr std::string_view kTags = "Tags";
/// get-managed-prefix-list-entries output plus the list's id: {"PrefixListId", "Entries"}.
inline constexpr std::string_view kPrefixListId = "PrefixListId";
inline constexpr std::string_view kEntries = "Entries";

/// Cloud Custodian "placebo" recordings: {"status_code": 200, "data": {...}}.
inline constexpr std::string_view kPlaceboStatus = "status_code";
inline constexpr std::string_view kPlaceboData = "data";

struct UnanalysedKey {
  std::string_view key;
  std::string_view id_field;
};

/// Network resources that are recognised and counted but not analysed yet.
inline constexpr UnanalysedKey kUnanalysedKeys[] = {
    {"CarrierGateways", "CarrierGatewayId"},
    {"ClientVpnEndpoints", "ClientVpnEndpointId"},
    {"CustomerGateways", "CustomerGatewayId"},
    {"DirectConnectGatewayAssociations", "AssociationId"},
    {"DirectConnectGateways", "DirectConnectGatewayId"},
    {"LocalGatewayRouteTables", "LocalGatewayRouteTableId"},
    {"LocalGateways", "LocalGatewayId"},
    {"TransitGatewayAttachments", "TransitGatewayAttachmentId"},
    {"TransitGatewayConnectPeers", "TransitGatewayConnectPeerId"},
    {"TransitGatewayConnects", "TransitGatewayAttachmentId"},
    {"TransitGatewayMulticastDomains", "TransitGatewayMulticastDomainId"},
    {"TransitGatewayPeeringAttachments", "TransitGatewayAttachmentId"},
    {"TransitGatewayPolicyTables", "TransitGatewayPolicyTableId"},
    {"TransitGatewayPropagations", "TransitGatewayRouteTableId"},
    {"TransitGatewayRouteTables", "TransitGatewayRouteTableId"},
    {"TransitGatewayStaticRoutes", "TransitGatewayRouteTableId"},
    {"TransitGatewayVpcAttachments", "TransitGatewayAttachmentId"},
    {"TransitGateways", "TransitGatewayId"},
    {"VirtualInterfaces", "VirtualInterfaceId"},
    {"VpcEndpointConnections", "VpcEndpointId"},
    {"VpnConnections", "VpnConnectionId"},
    {"VpnGateways", "VpnGatewayId"},
};

/// Keys of describe-* (and neighbouring services') output that say nothing about
/// reachability in the model: ignored without a word. ("Instances" alone is
/// describe-classic-link-instances; describe-instances output is under "Reservations".)
inline constexpr std::string_view kIgnoredKeys[] = {"AccountAttributes",
                                                    "Attributes",
                                                    "AvailabilityZones",
                                                    "Clusters",
                                                    "DBInstances",
                                                    "DBSubnetGroups",
                                                    "DhcpOptions",
                                                    "DomainStatus",
                                                    "DomainStatusList",
                                                    "Functions",
                                                    "Hosts",
                                                    "InstanceStatuses",
                                                    "Instances",
                                                    "KeyPairs",
                                                    "LaunchTemplates",
                                                    "LoadBalancerAttributes",
                                                    "LoadBalancerDescriptions",
                                                    "LoadBalancerListeners",
                                                    "LoadBalancerTargetHealth",
                                                    "LoadBalancers",
                                                    "Listeners",
                                                    "MovingAddressStatuses",
                                                    "NextToken",
                                                    "PlacementGroups",
                                                    "Regions",
                                                    "ResponseMetadata",
                                                    "ServiceDetails",
                                                    "ServiceNames",
                                                    "Snapshots",
                                                    "SpotInstanceRequests",
                                                    "TargetGroups",
                                                    "TargetHealthDescriptions",
                                                    "Volumes",
                                                    "clusterArns",
                                                    "failures",
                                                    "taskArns",
                                                    "tasks"};

}  // namespace reachcheck::ingest::aws
