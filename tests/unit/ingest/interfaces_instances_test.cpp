// SPDX-License-Identifier: Apache-2.0
// describe-network-interfaces and describe-instances: every interface field, inline
// interfaces, which copy wins, conflicting copies, instances without interfaces.
#include <catch2/catch.hpp>

#include "ingest_test_util.h"

namespace reachcheck::ingest {
namespace {

using testing::Load;
using Strings = std::vector<std::string>;
using Texts = std::vector<base::Text>;

TEST_CASE("Network interface: every field") {
  auto loaded = Load(R"({"NetworkInterfaces": [{"NetworkInterfaceId": "eni-1",
  "SubnetId": "subnet-1", "VpcId": "vpc-1", "AvailabilityZone": "us-east-1a",
  "OwnerId": "111122223333", "InterfaceType": "interface", "RequesterId": "amazon-elb",
  "RequesterManaged": true, "Description": "ELB app", "Status": "in-use",
  "SourceDestCheck": false, "Groups": [{"GroupId": "sg-1", "GroupName": "a"}, {"GroupId": "sg-2"}],
  "PrivateIpAddresses": [
    {"PrivateIpAddress": "10.0.1.6", "Primary": false},
    {"PrivateIpAddress": "10.0.1.5", "Primary": true,
     "Association": {"PublicIp": "54.1.2.3", "AllocationId": "eipalloc-1"}}],
  "Ipv6Addresses": [{"Ipv6Address": "2600:1f18:1:1::5"}],
  "Attachment": {"InstanceId": "i-1", "DeviceIndex": 1, "Status": "attached"},
  "TagSet": [{"Key": "Name", "Value": "lb"}]}]})");
  REQUIRE(loaded.Errors().empty());
  REQUIRE(loaded.network.interfaces.size() == 1);
  const model::NetworkInterface& eni = loaded.network.interfaces[0];
  CHECK(eni.id == "eni-1");
  CHECK(eni.subnet_id == "subnet-1");
  CHECK(eni.vpc_id == "vpc-1");
  CHECK(eni.availability_zone == "us-east-1a");
  CHECK(eni.owner_id == "111122223333");
  CHECK(eni.interface_type == "interface");
  CHECK(eni.requester_id == "amazon-elb");
  CHECK(eni.requester_managed);
  CHECK(eni.description == "ELB app");
  CHECK(eni.status == "in-use");
  CHECK_FALSE(eni.source_dest_check);
  CHECK(eni.group_ids == Texts{"sg-1", "sg-2"});
  REQUIRE(eni.private_addresses.size() == 2);
  CHECK(eni.private_addresses[0].address.ToString() == "10.0.1.5");  // primary first
  CHECK(eni.private_addresses[0].primary);
  CHECK(eni.private_addresses[0].public_ip->ToString() == "54.1.2.3");
  CHECK(eni.private_addresses[0].allocation_id == "eipalloc-1");
  CHECK(eni.private_addresses[1].address.ToString() == "10.0.1.6");
  CHECK_FALSE(eni.private_addresses[1].public_ip.has_value());
  REQUIRE(eni.ipv6_addresses.size() == 1);
  CHECK(eni.ipv6_addresses[0].ToString() == "2600:1f18:1:1::5");
  CHECK(eni.instance_id == "i-1");
  CHECK(eni.device_index == 1);
  CHECK(eni.attachment_status == "attached");
  CHECK_FALSE(eni.from_instance);
  CHECK(eni.Name() == "lb");
}

constexpr const char* kInstances = R"({"Reservations": [{"OwnerId": "111122223333", "Instances": [
 {"InstanceId": "i-1", "State": {"Code": 16, "Name": "running"}, "InstanceType": "t3.micro",
  "VpcId": "vpc-1", "SubnetId": "subnet-1", "PrivateIpAddress": "10.0.1.5",
  "Placement": {"AvailabilityZone": "us-east-1a"}, "Tags": [{"Key": "Name", "Value": "web"}],
  "NetworkInterfaces": [
   {"NetworkInterfaceId": "eni-2", "SubnetId": "subnet-2", "VpcId": "vpc-1", "Status": "in-use",
    "Attachment": {"DeviceIndex": 1, "Status": "attached"},
    "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.2.5", "Primary": true}]},
   {"NetworkInterfaceId": "eni-1", "SubnetId": "subnet-1", "VpcId": "vpc-1", "Status": "in-use",
    "SourceDestCheck": false, "Groups": [{"GroupId": "sg-1"}],
    "Attachment": {"DeviceIndex": 0, "Status": "attached"},
    "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.1.5", "Primary": true,
                            "Association": {"PublicIp": "54.1.2.3"}}]}]},
 {"InstanceId": "i-2", "State": {"Name": "stopped"}, "SubnetId": "subnet-1",
  "PrivateIpAddress": "10.0.1.9"},
 {"InstanceId": "i-3", "State": {"Name": "terminated"}}]}]})";

TEST_CASE("Instances: state, inline interfaces primary first, instance without interfaces") {
  auto loaded = Load(kInstances, "i.json");
  REQUIRE(loaded.Errors().empty());
  const auto& instances = loaded.network.instances;
  REQUIRE(instances.size() == 3);
  CHECK(instances[0].id == "i-1");
  CHECK(instances[0].Running());
  CHECK(instances[0].instance_type == "t3.micro");
  CHECK(instances[0].vpc_id == "vpc-1");
  CHECK(instances[0].subnet_id == "subnet-1");
  CHECK(instances[0].interface_ids == Texts{"eni-1", "eni-2"});
  CHECK(instances[0].Name() == "web");
  CHECK(instances[1].state == "stopped");
  CHECK(instances[2].state == "terminated");
  const model::Scope& scope = loaded.network.scopes.at(instances[0].scope);
  CHECK(scope == model::Scope{"111122223333", "us-east-1"});
  REQUIRE(loaded.network.interfaces.size() == 2);
  const model::NetworkInterface& primary = loaded.network.interfaces[0];
  CHECK(primary.id == "eni-1");
  CHECK(primary.from_instance);
  CHECK(primary.instance_id == "i-1");
  CHECK(primary.availability_zone == "us-east-1a");
  CHECK_FALSE(primary.source_dest_check);
  CHECK(primary.private_addresses[0].public_ip->ToString() == "54.1.2.3");
  CHECK(primary.origin.pointer == "/Reservations/0/Instances/0/NetworkInterfaces/1");
  // i-2 has an address but no interface anywhere; i-3 is terminated and says nothing.
  CHECK(loaded.With("input-instance-without-interfaces") ==
        Strings{"i.json:14:2: warning: instance 'i-2' lists no NetworkInterfaces and no "
                "interface names it; its addresses are not modelled (add "
                "describe-network-interfaces output) [input-instance-without-interfaces]\n"
                "  at /Reservations/0/Instances/1"});
}

TEST_CASE("describe-network-interfaces wins over the copy inlined in the instance") {
  auto loaded = Load(R"({"Reservations": [{"Instances": [{"InstanceId": "i-1",
   "NetworkInterfaces": [{"NetworkInterfaceId": "eni-1", "SubnetId": "subnet-1", "VpcId": "vpc-1",
     "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.1.5", "Primary": true}]}]}]}],
 "NetworkInterfaces": [{"NetworkInterfaceId": "eni-1", "SubnetId": "subnet-1", "VpcId": "vpc-1",
   "Description": "from the interface list",
   "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.1.5", "Primary": true}],
   "Attachment": {"InstanceId": "i-1", "DeviceIndex": 0}}]})");
  CHECK(loaded.Errors().empty());
  CHECK(loaded.With("input-duplicate-id").empty());
  REQUIRE(loaded.network.interfaces.size() == 1);
  CHECK_FALSE(loaded.network.interfaces[0].from_instance);
  CHECK(loaded.network.interfaces[0].description == "from the interface list");
}

TEST_CASE("Two instances inlining one interface id: the first copy wins, with a warning") {
  auto loaded = Load(R"({"Reservations": [{"Instances": [
 {"InstanceId": "i-1", "NetworkInterfaces": [{"NetworkInterfaceId": "eni-0", "SubnetId": "s", "VpcId": "v"}]},
 {"InstanceId": "i-2", "NetworkInterfaces": [{"NetworkInterfaceId": "eni-0", "SubnetId": "s", "VpcId": "v"}]}]}]})",
                     "c.json");
  CHECK(loaded.Errors().empty());
  CHECK(loaded.With("input-conflicting-interface") ==
        Strings{"c.json:3:46: warning: network interface 'eni-0' is also inlined in instance "
                "'i-1' (at c.json#/Reservations/0/Instances/0/NetworkInterfaces/0); this copy in "
                "instance 'i-2' is ignored [input-conflicting-interface]\n"
                "  at /Reservations/0/Instances/1/NetworkInterfaces/0"});
  REQUIRE(loaded.network.interfaces.size() == 1);
  CHECK(loaded.network.instances[1].interface_ids.empty());
}

TEST_CASE("Interface problems: exact diagnostics") {
  SECTION("bad private address") {
    auto loaded = Load(R"({"NetworkInterfaces": [{"NetworkInterfaceId": "eni-1", "SubnetId": "s",
 "VpcId": "v", "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.1.300"}]}]})",
                       "e.json");
    CHECK(loaded.Errors() ==
          Strings{"e.json:2:60: error: invalid IP address '10.0.1.300' [input-bad-address]\n"
                  "  at /NetworkInterfaces/0/PrivateIpAddresses/0/PrivateIpAddress"});
  }
  SECTION("an inline interface error skips its instance only") {
    auto loaded = Load(R"({"Reservations": [{"Instances": [{"InstanceId": "i-1",
  "NetworkInterfaces": [{"SubnetId": "s", "VpcId": "v"}]}, {"InstanceId": "i-2"}]}]})",
                       "e.json");
    CHECK(loaded.Errors() ==
          Strings{"e.json:2:25: error: missing required field 'NetworkInterfaceId' "
                  "[input-missing-field]\n  at /Reservations/0/Instances/0/NetworkInterfaces/0"});
    REQUIRE(loaded.network.instances.size() == 1);
    CHECK(loaded.network.instances[0].id == "i-2");
    CHECK(loaded.network.interfaces.empty());
  }
}

}  // namespace
}  // namespace reachcheck::ingest
