// SPDX-License-Identifier: Apache-2.0
// Internet and egress-only gateways, NAT gateways, peerings, endpoints, Elastic IPs, prefix
// lists (all three sources), describe-tags and unanalysed resources.
#include <catch2/catch.hpp>

#include "ingest_test_util.h"

namespace reachcheck::ingest {
namespace {

using testing::Load;
using Strings = std::vector<std::string>;
using Texts = std::vector<base::Text>;

TEST_CASE("Internet gateways of both kinds with attachments") {
  auto loaded = Load(R"({"InternetGateways": [{"InternetGatewayId": "igw-1", "OwnerId": "111122223333",
   "Attachments": [{"State": "available", "VpcId": "vpc-1"}], "Tags": [{"Key": "Name", "Value": "gw"}]}],
 "EgressOnlyInternetGateways": [{"EgressOnlyInternetGatewayId": "eigw-1",
   "Attachments": [{"State": "attached", "VpcId": "vpc-1"}]}]})");
  REQUIRE(loaded.Errors().empty());
  const auto& gws = loaded.network.internet_gateways;
  REQUIRE(gws.size() == 2);
  // Keys of one document are read in sorted order: EgressOnly... before Internet...
  CHECK(gws[1].id == "igw-1");
  CHECK_FALSE(gws[1].egress_only);
  CHECK(gws[1].owner_id == "111122223333");
  CHECK(gws[1].Name() == "gw");
  REQUIRE(gws[1].attachments.size() == 1);
  CHECK(gws[1].attachments[0].vpc_id == "vpc-1");
  CHECK(gws[1].attachments[0].Attached());
  CHECK(gws[0].id == "eigw-1");
  CHECK(gws[0].egress_only);
  CHECK(gws[0].attachments[0].state == "attached");
  CHECK(gws[0].attachments[0].Attached());
}

TEST_CASE("NAT gateways: addresses, connectivity, state") {
  auto loaded = Load(R"({"NatGateways": [
 {"NatGatewayId": "nat-1", "VpcId": "vpc-1", "SubnetId": "subnet-1", "State": "available",
  "NatGatewayAddresses": [{"AllocationId": "eipalloc-1", "NetworkInterfaceId": "eni-9",
                           "PrivateIp": "10.0.0.149", "PublicIp": "198.11.222.33"},
                          {"PrivateIp": "10.0.0.150", "IsPrimary": false}]},
 {"NatGatewayId": "nat-2", "VpcId": "vpc-1", "SubnetId": "subnet-2", "State": "deleted",
  "ConnectivityType": "private"}]})");
  REQUIRE(loaded.Errors().empty());
  const auto& nats = loaded.network.nat_gateways;
  REQUIRE(nats.size() == 2);
  CHECK(nats[0].vpc_id == "vpc-1");
  CHECK(nats[0].subnet_id == "subnet-1");
  CHECK(nats[0].Available());
  CHECK(nats[0].IsPublic());
  REQUIRE(nats[0].addresses.size() == 2);
  CHECK(nats[0].addresses[0].private_ip->ToString() == "10.0.0.149");
  CHECK(nats[0].addresses[0].public_ip->ToString() == "198.11.222.33");
  CHECK(nats[0].addresses[0].allocation_id == "eipalloc-1");
  CHECK(nats[0].addresses[0].network_interface_id == "eni-9");
  CHECK(nats[0].addresses[0].primary);
  CHECK_FALSE(nats[0].addresses[1].primary);
  CHECK_FALSE(nats[0].addresses[1].public_ip.has_value());
  CHECK(nats[1].connectivity == "private");
  CHECK_FALSE(nats[1].IsPublic());
  CHECK(nats[1].state == "deleted");
}

TEST_CASE("NAT gateway with the invalid address of the botocore example") {
  auto loaded = Load(R"({"NatGateways": [{"NatGatewayId": "nat-1", "VpcId": "vpc-1",
  "SubnetId": "subnet-1", "NatGatewayAddresses": [{"PublicIp": "198.11.222.333"}]}]})",
                     "n.json");
  CHECK(loaded.Errors() ==
        Strings{"n.json:2:64: error: invalid IP address '198.11.222.333' [input-bad-address]\n"
                "  at /NatGateways/0/NatGatewayAddresses/0/PublicIp"});
}

TEST_CASE("Peering: both sides, every block, status") {
  auto loaded = Load(R"({"VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-1",
  "Status": {"Code": "active", "Message": "Active"},
  "RequesterVpcInfo": {"VpcId": "vpc-1", "OwnerId": "111122223333", "Region": "us-east-1",
    "CidrBlock": "10.0.0.0/16", "CidrBlockSet": [{"CidrBlock": "10.0.0.0/16"}, {"CidrBlock": "10.5.0.0/16"}],
    "Ipv6CidrBlockSet": [{"Ipv6CidrBlock": "2600:1f18:1::/56"}]},
  "AccepterVpcInfo": {"VpcId": "vpc-2", "OwnerId": "444455556666", "Region": "eu-west-1",
    "CidrBlock": "10.1.0.0/16"}}]})");
  REQUIRE(loaded.Errors().empty());
  REQUIRE(loaded.network.peerings.size() == 1);
  const model::VpcPeering& p = loaded.network.peerings[0];
  CHECK(p.Active());
  CHECK(p.requester.vpc_id == "vpc-1");
  CHECK(p.requester.owner_id == "111122223333");
  CHECK(p.requester.region == "us-east-1");
  REQUIRE(p.requester.ipv4_cidrs.size() == 2);
  CHECK(p.requester.ipv4_cidrs[1].ToString() == "10.5.0.0/16");
  REQUIRE(p.requester.ipv6_cidrs.size() == 1);
  CHECK(p.accepter.vpc_id == "vpc-2");
  CHECK(p.accepter.owner_id == "444455556666");
  CHECK(p.accepter.region == "eu-west-1");
  REQUIRE(p.accepter.ipv4_cidrs.size() == 1);
}

TEST_CASE("VPC endpoints of both types") {
  auto loaded = Load(R"({"VpcEndpoints": [
 {"VpcEndpointId": "vpce-1", "VpcEndpointType": "Gateway", "VpcId": "vpc-1",
  "ServiceName": "com.amazonaws.us-east-1.s3", "State": "available", "RouteTableIds": ["rtb-1"],
  "SubnetIds": [], "Groups": [], "NetworkInterfaceIds": []},
 {"VpcEndpointId": "vpce-2", "VpcEndpointType": "Interface", "VpcId": "vpc-1",
  "ServiceName": "com.amazonaws.us-east-1.sqs", "State": "available", "RouteTableIds": [],
  "SubnetIds": ["subnet-1"], "Groups": [{"GroupId": "sg-1", "GroupName": "default"}],
  "NetworkInterfaceIds": ["eni-1"]}]})");
  REQUIRE(loaded.Errors().empty());
  const auto& e = loaded.network.endpoints;
  REQUIRE(e.size() == 2);
  CHECK(e[0].type == "Gateway");
  CHECK(e[0].service_name == "com.amazonaws.us-east-1.s3");
  CHECK(e[0].route_table_ids == Texts{"rtb-1"});
  CHECK(e[1].type == "Interface");
  CHECK(e[1].subnet_ids == Texts{"subnet-1"});
  CHECK(e[1].group_ids == Texts{"sg-1"});
  CHECK(e[1].network_interface_ids == Texts{"eni-1"});
  CHECK(e[1].state == "available");
  CHECK(e[1].vpc_id == "vpc-1");
}

TEST_CASE("Elastic IPs: id, association, region from the border group") {
  auto loaded = Load(R"({"Addresses": [
 {"PublicIp": "203.0.113.5", "AllocationId": "eipalloc-1", "AssociationId": "eipassoc-1",
  "Domain": "vpc", "NetworkInterfaceId": "eni-1", "InstanceId": "i-1",
  "PrivateIpAddress": "10.0.0.5", "NetworkBorderGroup": "eu-west-2"},
 {"PublicIp": "203.0.113.6", "Domain": "standard"}]})",
                     "flat/addresses.json");
  CHECK(loaded.Errors().empty());
  const auto& eips = loaded.network.elastic_ips;
  REQUIRE(eips.size() == 2);
  CHECK(eips[0].id == "eipalloc-1");
  CHECK(eips[0].public_ip.ToString() == "203.0.113.5");
  CHECK(eips[0].association_id == "eipassoc-1");
  CHECK(eips[0].domain == "vpc");
  CHECK(eips[0].network_interface_id == "eni-1");
  CHECK(eips[0].instance_id == "i-1");
  CHECK(eips[0].private_ip->ToString() == "10.0.0.5");
  CHECK(eips[1].id == "203.0.113.6");
  // The only region known to the snapshot is given to the address without one.
  CHECK(loaded.network.scopes.at(eips[1].scope).region == "eu-west-2");
}

TEST_CASE("Prefix lists from describe-prefix-lists, managed lists and entries documents") {
  // Both commands list the AWS-managed pl-63a5400a: one list, metadata merged.
  auto loaded =
      Load(R"({"PrefixLists": [{"PrefixListId": "pl-63a5400a", "PrefixListName": "com.amazonaws.us-east-1.s3",
   "Cidrs": ["54.231.0.0/17", "52.216.0.0/15"]}],
 "ManagedPrefixLists": [
  {"PrefixListId": "pl-63a5400a", "AddressFamily": "IPv4", "OwnerId": "AWS",
   "PrefixListName": "com.amazonaws.us-east-1.s3"},
  {"PrefixListId": "pl-0abc", "AddressFamily": "IPv4", "OwnerId": "111122223333",
   "PrefixListName": "offices", "Entries": [{"Cidr": "192.0.2.0/24", "Description": "HQ"}]},
  {"PrefixListId": "pl-0def", "AddressFamily": "IPv6", "OwnerId": "111122223333"}]})");
  REQUIRE(loaded.Errors().empty());
  const auto& lists = loaded.network.prefix_lists;
  REQUIRE(lists.size() == 3);  // pl-63a5400a once, not a duplicate
  CHECK(lists[0].id == "pl-63a5400a");
  CHECK(lists[0].owner_id == "AWS");
  CHECK(lists[0].address_family == "IPv4");
  CHECK(lists[0].entries_known);
  CHECK(lists[0].cidrs.size() == 2);
  CHECK(lists[1].id == "pl-0abc");
  REQUIRE(lists[1].cidrs.size() == 1);
  CHECK(lists[1].cidrs[0].ToString() == "192.0.2.0/24");
  CHECK(lists[1].entries_known);
  CHECK(lists[2].id == "pl-0def");
  CHECK_FALSE(lists[2].entries_known);
  CHECK(lists[2].address_family == "IPv6");

  auto entries = Load(R"({"PrefixListId": "pl-0def", "Entries": [{"Cidr": "2001:db8::/32"}]})");
  REQUIRE(entries.Errors().empty());
  REQUIRE(entries.network.prefix_lists.size() == 1);  // modelled from the entries alone
  CHECK(entries.network.prefix_lists[0].id == "pl-0def");
  CHECK(entries.network.prefix_lists[0].entries_known);
  CHECK(entries.network.prefix_lists[0].address_family == "IPv6");
  CHECK(entries.network.prefix_lists[0].origin.pointer.empty());
}

TEST_CASE("describe-managed-prefix-lists output under its real key PrefixLists") {
  // The AWS CLI prints managed lists under "PrefixLists" too, without Cidrs.
  auto loaded = Load(R"({"PrefixLists": [
  {"PrefixListId": "pl-0abc", "AddressFamily": "IPv4", "State": "create-complete", "MaxEntries": 10,
   "OwnerId": "111122223333", "PrefixListName": "offices"},
  {"PrefixListId": "pl-0fed", "AddressFamily": "IPv4", "MaxEntries": 5, "OwnerId": "111122223333",
   "Entries": [{"Cidr": "198.51.100.0/24"}]}]})");
  REQUIRE(loaded.Errors().empty());
  const auto& lists = loaded.network.prefix_lists;
  REQUIRE(lists.size() == 2);
  CHECK(lists[0].id == "pl-0abc");
  CHECK_FALSE(lists[0].entries_known);  // entries unknown, not "empty"
  CHECK(lists[0].owner_id == "111122223333");
  CHECK(lists[1].entries_known);
  REQUIRE(lists[1].cidrs.size() == 1);
  CHECK(lists[1].cidrs[0].ToString() == "198.51.100.0/24");
}

TEST_CASE("describe-tags merges tags into the elements it names") {
  auto loaded = Load(R"({"Tags": [
  {"Key": "Name", "ResourceId": "vpc-1", "ResourceType": "vpc", "Value": "prod"},
  {"Key": "team", "ResourceId": "vpc-1", "ResourceType": "vpc", "Value": "net"},
  {"Key": "Name", "ResourceId": "vol-1", "ResourceType": "volume", "Value": "ignored"}],
 "Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16", "Tags": [{"Key": "Name", "Value": "old"}]}]})");
  REQUIRE(loaded.Errors().empty());
  REQUIRE(loaded.network.vpcs.size() == 1);
  CHECK(loaded.network.vpcs[0].tags == std::vector<model::Tag>{{"Name", "prod"}, {"team", "net"}});
}

TEST_CASE("Transit gateway and VPN resources: recorded, one warning per key") {
  auto loaded = Load(R"({"TransitGatewayAttachments": [
  {"TransitGatewayAttachmentId": "tgw-attach-1", "State": "available"},
  {"TransitGatewayAttachmentId": "tgw-attach-2"}],
 "VpnGateways": [{"VpnGatewayId": "vgw-1"}], "CustomerGateways": []})",
                     "t.json");
  CHECK(loaded.Errors().empty());
  CHECK(loaded.With("input-not-analysed") ==
        Strings{"t.json:1:31: warning: 2 TransitGatewayAttachments loaded, not analysed yet "
                "[input-not-analysed]\n  at /TransitGatewayAttachments",
                "t.json:4:17: warning: 1 VpnGateways loaded, not analysed yet "
                "[input-not-analysed]\n  at /VpnGateways"});
  REQUIRE(loaded.network.unanalysed.size() == 3);
  CHECK(loaded.network.unanalysed[0].type == "TransitGatewayAttachments");
  CHECK(loaded.network.unanalysed[0].id == "tgw-attach-1");
  CHECK(loaded.network.unanalysed[2].id == "vgw-1");
  CHECK(loaded.network.unanalysed[2].origin.pointer == "/VpnGateways/0");
}

}  // namespace
}  // namespace reachcheck::ingest
