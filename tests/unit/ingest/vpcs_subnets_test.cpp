// SPDX-License-Identifier: Apache-2.0
// describe-vpcs and describe-subnets: every modelled field, CIDR association states, IPv6,
// and the exact diagnostics for bad CIDRs, wrong types and missing fields.
#include <catch2/catch.hpp>

#include "ingest_test_util.h"

namespace reachcheck::ingest {
namespace {

using testing::Load;
using Strings = std::vector<std::string>;

TEST_CASE("VPC: primary and associated blocks of both families, flags, tags, scope") {
  auto loaded = Load(R"({"Vpcs": [
 {"VpcId": "vpc-1", "OwnerId": "111122223333", "State": "available", "IsDefault": true,
  "CidrBlock": "10.0.0.0/16",
  "CidrBlockAssociationSet": [
   {"CidrBlock": "10.0.0.0/16", "CidrBlockState": {"State": "associated"}},
   {"CidrBlock": "10.1.0.0/16", "CidrBlockState": {"State": "associating"}},
   {"CidrBlock": "10.2.0.0/16", "CidrBlockState": {"State": "disassociated"}},
   {"CidrBlock": "10.3.0.0/16"}],
  "Ipv6CidrBlockAssociationSet": [
   {"Ipv6CidrBlock": "2600:1f18:1::/56", "Ipv6CidrBlockState": {"State": "associated"}},
   {"Ipv6CidrBlock": "2600:1f18:2::/56", "Ipv6CidrBlockState": {"State": "failed"}}],
  "Tags": [{"Key": "Name", "Value": "main"}], "SomeNewField": {"x": 1}}]})");
  REQUIRE(loaded.Errors().empty());
  REQUIRE(loaded.network.vpcs.size() == 1);
  const model::Vpc& vpc = loaded.network.vpcs[0];
  CHECK(vpc.id == "vpc-1");
  CHECK(vpc.owner_id == "111122223333");
  CHECK(vpc.state == "available");
  CHECK(vpc.is_default);
  Strings v4, v6;
  for (const net::Cidr& c : vpc.ipv4_cidrs) v4.push_back(c.ToString());
  for (const net::Cidr& c : vpc.ipv6_cidrs) v6.push_back(c.ToString());
  CHECK(v4 == Strings{"10.0.0.0/16", "10.1.0.0/16", "10.3.0.0/16"});
  CHECK(v6 == Strings{"2600:1f18:1::/56"});
  CHECK(vpc.Name() == "main");
  CHECK(vpc.origin.file == "snap/111122223333/us-east-1/doc.json");
  CHECK(vpc.origin.pointer == "/Vpcs/0");
  const model::Scope& scope = loaded.network.scopes.at(vpc.scope);
  CHECK(scope.account == "111122223333");
  CHECK(scope.region == "us-east-1");
}

TEST_CASE("Subnet: every field, IPv6 blocks, IPv6-only subnet") {
  auto loaded = Load(R"({"Subnets": [
 {"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24",
  "AvailabilityZone": "us-east-1a", "OwnerId": "111122223333", "State": "available",
  "MapPublicIpOnLaunch": true, "AssignIpv6AddressOnCreation": true,
  "Ipv6CidrBlockAssociationSet": [{"Ipv6CidrBlock": "2600:1f18:1:1::/64",
                                   "Ipv6CidrBlockState": {"State": "associated"}}]},
 {"SubnetId": "subnet-6", "VpcId": "vpc-1", "Ipv6Native": true,
  "Ipv6CidrBlockAssociationSet": [{"Ipv6CidrBlock": "2600:1f18:1:2::/64"}]}],
 "Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}]})");
  REQUIRE(loaded.Errors().empty());
  REQUIRE(loaded.network.subnets.size() == 2);
  const model::Subnet& s = loaded.network.subnets[0];
  CHECK(s.id == "subnet-1");
  CHECK(s.vpc_id == "vpc-1");
  CHECK(s.ipv4_cidr.ToString() == "10.0.1.0/24");
  CHECK(s.has_ipv4);
  CHECK(s.availability_zone == "us-east-1a");
  CHECK(s.owner_id == "111122223333");
  CHECK(s.state == "available");
  CHECK(s.map_public_ip_on_launch);
  CHECK(s.assign_ipv6_on_creation);
  REQUIRE(s.ipv6_cidrs.size() == 1);
  CHECK(s.ipv6_cidrs[0].ToString() == "2600:1f18:1:1::/64");
  const model::Subnet& v6 = loaded.network.subnets[1];
  CHECK_FALSE(v6.has_ipv4);
  CHECK_FALSE(v6.map_public_ip_on_launch);
  CHECK(v6.ipv6_cidrs.size() == 1);
}

TEST_CASE("Scope comes from the availability zone when no folder gives it") {
  auto loaded = Load(R"({"Subnets": [
 {"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24",
  "AvailabilityZone": "eu-west-3b", "OwnerId": "111122223333"},
 {"SubnetId": "subnet-2", "VpcId": "vpc-1", "CidrBlock": "10.0.2.0/24",
  "AvailabilityZone": "use1-az1"}]})",
                     "flat/subnets.json");
  REQUIRE(loaded.network.subnets.size() == 2);
  const auto& scopes = loaded.network.scopes;
  // One account and one region in the whole snapshot: the second subnet gets both.
  CHECK(scopes.at(loaded.network.subnets[0].scope) == model::Scope{"111122223333", "eu-west-3"});
  CHECK(scopes.at(loaded.network.subnets[1].scope) == model::Scope{"111122223333", "eu-west-3"});
}

TEST_CASE("Bad VPC input: exact diagnostics with line, column and pointer") {
  SECTION("prefix length out of range") {
    auto loaded = Load(R"({"Vpcs": [
 {"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/33"}
]})",
                       "v.json");
    CHECK(loaded.Errors() ==
          Strings{"v.json:2:34: error: invalid CIDR '10.0.0.0/33': prefix length 33 is out of "
                  "range 0-32 [input-bad-cidr]\n  at /Vpcs/0/CidrBlock"});
    CHECK(loaded.network.vpcs.empty());
  }
  SECTION("octet out of range") {
    auto loaded = Load(R"({"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.256/24"}]})", "v.json");
    CHECK(loaded.Errors() ==
          Strings{"v.json:1:43: error: invalid CIDR '10.0.0.256/24': '10.0.0.256' is not an "
                  "IPv4 address [input-bad-cidr]\n  at /Vpcs/0/CidrBlock"});
  }
  SECTION("IPv6 block where IPv4 is expected") {
    auto loaded = Load(R"({"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "2600::/56"}]})", "v.json");
    CHECK(loaded.Errors() ==
          Strings{"v.json:1:43: error: invalid CIDR '2600::/56': expected an IPv4 block here "
                  "[input-bad-cidr]\n  at /Vpcs/0/CidrBlock"});
  }
  SECTION("wrong type") {
    auto loaded = Load(R"({"Vpcs": [{"VpcId": 12, "CidrBlock": "10.0.0.0/16"}]})", "v.json");
    CHECK(loaded.Errors() == Strings{"v.json:1:21: error: expected a string for 'VpcId', found a number "
                                     "[input-wrong-type]\n  at /Vpcs/0/VpcId"});
  }
  SECTION("missing id: the element's own position") {
    auto loaded = Load(R"({"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"},
  {"CidrBlock": "10.1.0.0/16"}]})",
                       "v.json");
    CHECK(loaded.Errors() ==
          Strings{"v.json:2:3: error: missing required field 'VpcId' [input-missing-field]\n"
                  "  at /Vpcs/1"});
    REQUIRE(loaded.network.vpcs.size() == 1);  // the good element still loads
    CHECK(loaded.network.vpcs[0].id == "vpc-1");
  }
  SECTION("missing CidrBlock") {
    auto loaded = Load(R"({"Vpcs": [{"VpcId": "vpc-1"}]})", "v.json");
    CHECK(loaded.Errors() ==
          Strings{"v.json:1:11: error: missing required field 'CidrBlock' [input-missing-field]\n"
                  "  at /Vpcs/0"});
  }
  SECTION("an element that is not an object") {
    auto loaded = Load(R"({"Vpcs": ["vpc-1"]})", "v.json");
    CHECK(loaded.Errors() == Strings{"v.json:1:11: error: expected an object for a VPC, found a string "
                                     "[input-wrong-type]\n  at /Vpcs/0"});
  }
  SECTION("the list itself has the wrong type") {
    auto loaded = Load(R"({"Vpcs": {"VpcId": "vpc-1"}})", "v.json");
    CHECK(loaded.Errors() == Strings{"v.json:1:10: error: expected an array for 'Vpcs', found an object "
                                     "[input-wrong-type]\n  at /Vpcs"});
  }
}

TEST_CASE("Host bits set: a warning, the block is used without them") {
  auto loaded = Load(R"({"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1",
  "CidrBlock": "10.0.1.7/24"}]})",
                     "s.json");
  CHECK(loaded.With("input-host-bits-set") ==
        Strings{"s.json:2:16: warning: CIDR '10.0.1.7/24' has host bits set; using 10.0.1.0/24 "
                "[input-host-bits-set]\n  at /Subnets/0/CidrBlock"});
  REQUIRE(loaded.network.subnets.size() == 1);
  CHECK(loaded.network.subnets[0].ipv4_cidr.ToString() == "10.0.1.0/24");
}

TEST_CASE("A warning of an element that is then skipped is dropped with it") {
  // The CIDR (with its warning) is read before the tags, whose first one lacks its Key.
  auto loaded = Load(R"({"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1",
  "CidrBlock": "10.0.1.7/24", "Tags": [{"Value": "x"}]}]})",
                     "s.json");
  CHECK(loaded.With("input-host-bits-set").empty());
  CHECK(loaded.Errors() == Strings{"s.json:2:40: error: missing required field 'Key' [input-missing-field]\n"
                                   "  at /Subnets/0/Tags/0"});
  CHECK(loaded.network.subnets.empty());
}

}  // namespace
}  // namespace reachcheck::ingest
