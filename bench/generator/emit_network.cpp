// SPDX-License-Identifier: Apache-2.0
// describe-vpcs, -subnets, -route-tables, -internet-gateways, -egress-only-internet-gateways,
// -nat-gateways, -vpc-peering-connections, -network-acls, -prefix-lists,
// -managed-prefix-lists and -vpc-endpoints elements, field for field as the AWS CLI prints them.
#include <string>

#include "generator/emit.h"
#include "generator/emit_util.h"
#include "generator/format.h"
#include "generator/rng.h"

namespace reachcheck::bench {

void WriteVpc(JsonWriter& w, const Estate& e, const Scope& scope, int index) {
  const Vpc& vpc = e.vpcs[U(index)];
  w.BeginObject();
  CidrField(w, "CidrBlock", vpc.primary);
  IdField(w, "DhcpOptionsId", "dopt-", Mix64(e.seed ^ static_cast<std::uint64_t>(vpc.scope)));
  w.Field("State", "available");
  IdField(w, "VpcId", "vpc-", vpc.id);
  w.Field("OwnerId", scope.account);
  w.Field("InstanceTenancy", "default");
  if (vpc.dual_stack) {
    w.Key("Ipv6CidrBlockAssociationSet");
    w.BeginArray();
    w.BeginObject();
    IdField(w, "AssociationId", "vpc-cidr-assoc-", Mix64(vpc.id ^ 6));
    V6BlockField(w, "Ipv6CidrBlock", vpc.v6_block);
    w.Key("Ipv6CidrBlockState");
    w.BeginObject();
    w.Field("State", "associated");
    w.EndObject();
    w.Field("NetworkBorderGroup", scope.region);
    w.Field("Ipv6Pool", "Amazon");
    w.EndObject();
    w.EndArray();
  }
  w.Key("CidrBlockAssociationSet");
  w.BeginArray();
  for (int i = 0; i < (vpc.secondary.prefix != 0 ? 2 : 1); ++i) {
    w.BeginObject();
    IdField(w, "AssociationId", "vpc-cidr-assoc-", Mix64(vpc.id ^ static_cast<std::uint64_t>(i)));
    CidrField(w, "CidrBlock", i == 0 ? vpc.primary : vpc.secondary);
    w.Key("CidrBlockState");
    w.BeginObject();
    w.Field("State", "associated");
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.FieldBool("IsDefault", false);
  NameTags(w, vpc.name, EnvironmentOf(vpc.name));
  w.EndObject();
}

void WriteSubnet(JsonWriter& w, const Estate& e, const Scope& scope, int index) {
  const Subnet& subnet = e.subnets[U(index)];
  const Vpc& vpc = e.vpcs[U(subnet.vpc)];
  const int in_vpc = index - vpc.first_subnet;
  w.BeginObject();
  AzField(w, "AvailabilityZone", scope.region, subnet.az);
  AzIdField(w, "AvailabilityZoneId", scope.region, subnet.az);
  w.FieldInt("AvailableIpAddressCount", 251 - (subnet.next_host - 4));
  CidrField(w, "CidrBlock", subnet.cidr);
  w.FieldBool("DefaultForAz", false);
  w.FieldBool("MapPublicIpOnLaunch", subnet.tier == Tier::kPublic);
  w.FieldBool("MapCustomerOwnedIpOnLaunch", false);
  w.Field("State", "available");
  IdField(w, "SubnetId", "subnet-", subnet.id);
  IdField(w, "VpcId", "vpc-", vpc.id);
  w.Field("OwnerId", scope.account);
  w.FieldBool("AssignIpv6AddressOnCreation", false);
  w.Key("Ipv6CidrBlockAssociationSet");
  w.BeginArray();
  if (subnet.v6) {
    w.BeginObject();
    IdField(w, "AssociationId", "subnet-cidr-assoc-", Mix64(subnet.id));
    V6SubnetField(w, "Ipv6CidrBlock", vpc.v6_block, in_vpc);
    w.Key("Ipv6CidrBlockState");
    w.BeginObject();
    w.Field("State", "associated");
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  const char* tier = subnet.tier == Tier::kPublic    ? "public"
                     : subnet.tier == Tier::kPrivate ? "private"
                                                     : "isolated";
  NameTags(w, vpc.name + "-" + tier + "-" + std::to_string(in_vpc), EnvironmentOf(vpc.name));
  w.Key("SubnetArn");
  w.BeginString();
  w.Raw("arn:aws:ec2:");
  w.Raw(scope.region);
  w.RawChar(':');
  w.Raw(scope.account);
  w.Raw(":subnet/");
  AppendId(w, "subnet-", subnet.id);
  w.EndString();
  w.FieldBool("EnableDns64", false);
  w.FieldBool("Ipv6Native", false);
  w.Key("PrivateDnsNameOptionsOnLaunch");
  w.BeginObject();
  w.Field("HostnameType", "ip-name");
  w.FieldBool("EnableResourceNameDnsARecord", false);
  w.FieldBool("EnableResourceNameDnsAAAARecord", false);
  w.EndObject();
  w.EndObject();
}

namespace {

void WriteRoute(JsonWriter& w, const Estate& e, const Scope& scope, const Vpc& vpc, const Route& route) {
  w.BeginObject();
  if (route.prefix_list >= 0) {
    w.Key("DestinationPrefixListId");
    PrefixListIdValue(w, e.prefix_lists[U(route.prefix_list)]);
  } else if (route.v6) {
    if (route.target == RouteTarget::kLocal) {
      V6BlockField(w, "DestinationIpv6CidrBlock", vpc.v6_block);
    } else {
      w.Field("DestinationIpv6CidrBlock", "::/0");
    }
  } else {
    CidrField(w, "DestinationCidrBlock", route.cidr);
  }
  switch (route.target) {
    case RouteTarget::kLocal:
      w.Field("GatewayId", "local");
      break;
    case RouteTarget::kIgw:
      IdField(w, "GatewayId", "igw-", e.internet_gateways[U(route.target_index)].id);
      break;
    case RouteTarget::kEigw:
      IdField(w, "EgressOnlyInternetGatewayId", "eigw-", e.egress_only_ids[U(route.target_index)]);
      break;
    case RouteTarget::kNat:
      IdField(w, "NatGatewayId", "nat-", e.nat_gateways[U(route.target_index)].id);
      break;
    case RouteTarget::kPeering:
      IdField(w, "VpcPeeringConnectionId", "pcx-", e.peerings[U(route.target_index)].id);
      break;
    case RouteTarget::kEndpoint:
      IdField(w, "GatewayId", "vpce-", e.endpoints[U(route.target_index)].id);
      break;
    case RouteTarget::kInterface:
      if (route.blackhole) {
        IdField(w, "NetworkInterfaceId", "eni-", route.deleted_id);
      } else {
        const Vpc& owner = e.vpcs[U(route.target_index)];
        IdField(w, "InstanceId", "i-", e.instances[U(owner.appliance_instance)].id);
        w.Field("InstanceOwnerId", scope.account);
        IdField(w, "NetworkInterfaceId", "eni-", e.interfaces[U(owner.appliance_eni)].id);
      }
      break;
  }
  w.Field("Origin", route.target == RouteTarget::kLocal ? "CreateRouteTable" : "CreateRoute");
  w.Field("State", route.blackhole ? "blackhole" : "active");
  w.EndObject();
}

}  // namespace

void WriteRouteTable(JsonWriter& w, const Estate& e, const Scope& scope, int index) {
  const RouteTable& table = e.route_tables[U(index)];
  const Vpc& vpc = e.vpcs[U(table.vpc)];
  w.BeginObject();
  w.Key("Associations");
  w.BeginArray();
  if (table.main) {
    w.BeginObject();
    w.FieldBool("Main", true);
    IdField(w, "RouteTableAssociationId", "rtbassoc-", Mix64(table.id));
    IdField(w, "RouteTableId", "rtb-", table.id);
    AssociationState(w, "associated");
    w.EndObject();
  }
  for (int subnet : table.subnets) {
    w.BeginObject();
    w.FieldBool("Main", false);
    IdField(w, "RouteTableAssociationId", "rtbassoc-", Mix64(table.id ^ static_cast<std::uint64_t>(subnet)));
    IdField(w, "RouteTableId", "rtb-", table.id);
    IdField(w, "SubnetId", "subnet-", e.subnets[U(subnet)].id);
    AssociationState(w, "associated");
    w.EndObject();
  }
  w.EndArray();
  w.EmptyArray("PropagatingVgws");
  IdField(w, "RouteTableId", "rtb-", table.id);
  w.Key("Routes");
  w.BeginArray();
  for (const Route& route : table.routes) WriteRoute(w, e, scope, vpc, route);
  w.EndArray();
  NameTags(w, table.name, EnvironmentOf(vpc.name));
  IdField(w, "VpcId", "vpc-", vpc.id);
  w.Field("OwnerId", scope.account);
  w.EndObject();
}

void WriteInternetGateway(JsonWriter& w, const Estate& e, const Scope& scope, int index) {
  const InternetGateway& igw = e.internet_gateways[U(index)];
  w.BeginObject();
  w.Key("Attachments");
  w.BeginArray();
  if (igw.vpc >= 0) {
    w.BeginObject();
    w.Field("State", "available");
    IdField(w, "VpcId", "vpc-", e.vpcs[U(igw.vpc)].id);
    w.EndObject();
  }
  w.EndArray();
  IdField(w, "InternetGatewayId", "igw-", igw.id);
  w.Field("OwnerId", scope.account);
  const std::string name = igw.vpc >= 0 ? e.vpcs[U(igw.vpc)].name + "-igw" : "legacy-igw";
  NameTags(w, name, igw.vpc >= 0 ? EnvironmentOf(e.vpcs[U(igw.vpc)].name) : "legacy");
  w.EndObject();
}

void WriteEgressOnlyGateway(JsonWriter& w, const Estate& e, const Scope&, int index) {
  const Vpc& vpc = e.vpcs[U(index)];
  w.BeginObject();
  w.Key("Attachments");
  w.BeginArray();
  w.BeginObject();
  w.Field("State", "attached");
  IdField(w, "VpcId", "vpc-", vpc.id);
  w.EndObject();
  w.EndArray();
  IdField(w, "EgressOnlyInternetGatewayId", "eigw-", e.egress_only_ids[U(index)]);
  NameTags(w, vpc.name + "-eigw", EnvironmentOf(vpc.name));
  w.EndObject();
}

void WriteNatGateway(JsonWriter& w, const Estate& e, const Scope&, int index) {
  const NatGateway& nat = e.nat_gateways[U(index)];
  const Subnet& subnet = e.subnets[U(nat.subnet)];
  const Vpc& vpc = e.vpcs[U(subnet.vpc)];
  const Interface& eni = e.interfaces[U(nat.eni)];
  const ElasticIp& eip = e.elastic_ips[U(nat.eip)];
  w.BeginObject();
  TimeField(w, "CreateTime", static_cast<std::uint32_t>(Mix64(nat.id) % (365 * 86400)));
  w.Key("NatGatewayAddresses");
  w.BeginArray();
  w.BeginObject();
  IdField(w, "AllocationId", "eipalloc-", eip.allocation);
  IdField(w, "NetworkInterfaceId", "eni-", eni.id);
  IpField(w, "PrivateIp", eni.ip);
  IpField(w, "PublicIp", eip.ip);
  IdField(w, "AssociationId", "eipassoc-", eip.association);
  w.FieldBool("IsPrimary", true);
  w.Field("Status", "succeeded");
  w.EndObject();
  w.EndArray();
  IdField(w, "NatGatewayId", "nat-", nat.id);
  w.Field("State", nat.available ? "available" : "failed");
  IdField(w, "SubnetId", "subnet-", subnet.id);
  IdField(w, "VpcId", "vpc-", vpc.id);
  NameTags(w, vpc.name + "-nat-" + static_cast<char>('a' + subnet.az), EnvironmentOf(vpc.name));
  w.Field("ConnectivityType", "public");
  w.EndObject();
}

namespace {

void PeeringSide(JsonWriter& w, const Estate& e, const char* key, int vpc_index, bool with_cidrs) {
  const Vpc& vpc = e.vpcs[U(vpc_index)];
  const Scope& scope = e.scopes[U(vpc.scope)];
  w.Key(key);
  w.BeginObject();
  if (with_cidrs) {
    CidrField(w, "CidrBlock", vpc.primary);
    if (vpc.dual_stack) {
      w.Key("Ipv6CidrBlockSet");
      w.BeginArray();
      w.BeginObject();
      V6BlockField(w, "Ipv6CidrBlock", vpc.v6_block);
      w.EndObject();
      w.EndArray();
    }
    w.Key("CidrBlockSet");
    w.BeginArray();
    for (const Cidr4& cidr : {vpc.primary, vpc.secondary}) {
      if (cidr.prefix == 0) continue;
      w.BeginObject();
      CidrField(w, "CidrBlock", cidr);
      w.EndObject();
    }
    w.EndArray();
  }
  w.Field("OwnerId", scope.account);
  if (with_cidrs) {
    w.Key("PeeringOptions");
    w.BeginObject();
    w.FieldBool("AllowDnsResolutionFromRemoteVpc", false);
    w.FieldBool("AllowEgressFromLocalClassicLinkToRemoteVpc", false);
    w.FieldBool("AllowEgressFromLocalVpcToRemoteClassicLink", false);
    w.EndObject();
  }
  IdField(w, "VpcId", "vpc-", vpc.id);
  w.Field("Region", scope.region);
  w.EndObject();
}

}  // namespace

void WritePeering(JsonWriter& w, const Estate& e, const Scope&, int index) {
  const Peering& peering = e.peerings[U(index)];
  const bool settled = peering.status == PeeringStatus::kActive || peering.status == PeeringStatus::kDeleted;
  const std::string& accepter_account = e.scopes[U(e.vpcs[U(peering.accepter)].scope)].account;
  w.BeginObject();
  PeeringSide(w, e, "AccepterVpcInfo", peering.accepter, settled);
  if (peering.status == PeeringStatus::kPending) TimeField(w, "ExpirationTime", 2 * 365 * 86400 + 7 * 86400);
  PeeringSide(w, e, "RequesterVpcInfo", peering.requester, true);
  w.Key("Status");
  w.BeginObject();
  switch (peering.status) {
    case PeeringStatus::kActive:
      w.Field("Code", "active");
      w.Field("Message", "Active");
      break;
    case PeeringStatus::kPending:
      w.Field("Code", "pending-acceptance");
      w.Field("Message", "Pending Acceptance by " + accepter_account);
      break;
    case PeeringStatus::kDeleted:
      w.Field("Code", "deleted");
      w.Field("Message", "Deleted by " + accepter_account);
      break;
    case PeeringStatus::kRejected:
      w.Field("Code", "rejected");
      w.Field("Message", "Rejected by " + accepter_account);
      break;
  }
  w.EndObject();
  const std::string name = e.vpcs[U(peering.requester)].name + "-to-" + e.vpcs[U(peering.accepter)].name;
  NameTags(w, name, EnvironmentOf(e.vpcs[U(peering.requester)].name));
  IdField(w, "VpcPeeringConnectionId", "pcx-", peering.id);
  w.EndObject();
}

void WritePrefixList(JsonWriter& w, const Estate& e, const Scope&, int index) {
  const PrefixList& list = e.prefix_lists[U(index)];
  w.BeginObject();
  w.Key("Cidrs");
  w.BeginArray();
  for (const Cidr4& cidr : list.cidrs) CidrValue(w, cidr);
  w.EndArray();
  w.Key("PrefixListId");
  PrefixListIdValue(w, list);
  w.Field("PrefixListName", list.name);
  w.EndObject();
}

void WriteManagedPrefixList(JsonWriter& w, const Estate& e, const Scope& scope, int index) {
  const PrefixList& list = e.prefix_lists[U(index)];
  w.BeginObject();
  w.Key("PrefixListId");
  PrefixListIdValue(w, list);
  w.Field("AddressFamily", "IPv4");
  w.Field("State", "create-complete");
  w.Key("PrefixListArn");
  w.BeginString();
  w.Raw("arn:aws:ec2:" + scope.region + ":" + scope.account + ":prefix-list/");
  AppendId(w, "pl-", list.id);
  w.EndString();
  w.Field("PrefixListName", list.name);
  w.FieldInt("MaxEntries", 20);
  w.FieldInt("Version", 1);
  NameTags(w, list.name, "shared");
  w.Field("OwnerId", scope.account);
  w.Key("Entries");
  w.BeginArray();
  for (std::size_t i = 0; i < list.cidrs.size(); ++i) {
    w.BeginObject();
    CidrField(w, "Cidr", list.cidrs[i]);
    w.Field("Description", (list.name == "corp-networks" ? "site " : "partner ") + std::to_string(i + 1));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteVpcEndpoint(JsonWriter& w, const Estate& e, const Scope& scope, int index) {
  const Endpoint& endpoint = e.endpoints[U(index)];
  const Vpc& vpc = e.vpcs[U(endpoint.vpc)];
  w.BeginObject();
  IdField(w, "VpcEndpointId", "vpce-", endpoint.id);
  w.Field("VpcEndpointType", "Gateway");
  IdField(w, "VpcId", "vpc-", vpc.id);
  w.Field("ServiceName", "com.amazonaws." + scope.region + ".s3");
  w.Field("State", "available");
  w.Field("PolicyDocument",
          "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":"
          "\"*\",\"Resource\":\"*\"}]}");
  w.Key("RouteTableIds");
  w.BeginArray();
  for (int table : endpoint.route_tables) IdValue(w, "rtb-", e.route_tables[U(table)].id);
  w.EndArray();
  w.EmptyArray("SubnetIds");
  w.EmptyArray("Groups");
  w.Field("IpAddressType", "ipv4");
  w.FieldBool("PrivateDnsEnabled", false);
  w.FieldBool("RequesterManaged", false);
  w.EmptyArray("NetworkInterfaceIds");
  w.EmptyArray("DnsEntries");
  TimeField(w, "CreationTimestamp", static_cast<std::uint32_t>(Mix64(endpoint.id) % (365 * 86400)));
  NameTags(w, vpc.name + "-s3", EnvironmentOf(vpc.name));
  w.Field("OwnerId", scope.account);
  w.EndObject();
}

}  // namespace reachcheck::bench
