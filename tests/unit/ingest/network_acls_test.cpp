// SPDX-License-Identifier: Apache-2.0
// describe-network-acls: entries per direction sorted by rule number, protocols as number
// strings, port ranges, ICMP type/code, IPv6 entries, associations, and bad entries.
#include <catch2/catch.hpp>

#include "ingest_test_util.h"
#include "reachcheck/net/protocol.h"

namespace reachcheck::ingest {
namespace {

using testing::Load;
using Strings = std::vector<std::string>;

TEST_CASE("Network ACL: entries sorted per direction, every entry form, associations") {
  auto loaded = Load(R"({"NetworkAcls": [{"NetworkAclId": "acl-1", "VpcId": "vpc-1",
  "IsDefault": true, "OwnerId": "111122223333",
  "Entries": [
   {"RuleNumber": 32767, "Egress": false, "RuleAction": "deny", "Protocol": "-1", "CidrBlock": "0.0.0.0/0"},
   {"RuleNumber": 200, "Egress": false, "RuleAction": "allow", "Protocol": "6",
    "PortRange": {"From": 1024, "To": 65535}, "CidrBlock": "0.0.0.0/0"},
   {"RuleNumber": 100, "Egress": false, "RuleAction": "allow", "Protocol": "1",
    "IcmpTypeCode": {"Type": 0, "Code": 1}, "CidrBlock": "10.0.0.0/8"},
   {"RuleNumber": 101, "Egress": true, "RuleAction": "allow", "Protocol": "58",
    "IcmpTypeCode": {"Type": -1, "Code": -1}, "Ipv6CidrBlock": "::/0"},
   {"RuleNumber": 100, "Egress": true, "RuleAction": "deny", "Protocol": "17",
    "PortRange": {"From": 53, "To": 53}, "CidrBlock": "10.0.0.0/8"}],
  "Associations": [{"NetworkAclAssociationId": "aclassoc-1", "NetworkAclId": "acl-1",
                    "SubnetId": "subnet-1"}]}]})");
  REQUIRE(loaded.Errors().empty());
  REQUIRE(loaded.network.network_acls.size() == 1);
  const model::NetworkAcl& acl = loaded.network.network_acls[0];
  CHECK(acl.id == "acl-1");
  CHECK(acl.vpc_id == "vpc-1");
  CHECK(acl.is_default);
  CHECK(acl.owner_id == "111122223333");
  REQUIRE(acl.inbound.size() == 3);
  REQUIRE(acl.outbound.size() == 2);
  CHECK(acl.inbound[0].rule_number == 100);
  CHECK(acl.inbound[0].origin.pointer == "/NetworkAcls/0/Entries/2");
  CHECK(acl.inbound[0].service.protocols == net::ProtocolSet::Single(net::kIcmp));
  CHECK(acl.inbound[0].service.ports == net::IcmpTypeCodeSet(0, 1));
  CHECK(acl.inbound[0].cidr.ToString() == "10.0.0.0/8");
  CHECK(acl.inbound[0].allow);
  CHECK(acl.inbound[1].rule_number == 200);
  CHECK(acl.inbound[1].service.protocols == net::ProtocolSet::Single(net::kTcp));
  CHECK(acl.inbound[1].service.ports == net::PortSet::Range(1024, 65535));
  CHECK(acl.inbound[2].rule_number == 32767);
  CHECK_FALSE(acl.inbound[2].allow);
  CHECK(acl.inbound[2].service.protocols == net::ProtocolSet::All());
  CHECK(acl.outbound[0].rule_number == 100);
  CHECK(acl.outbound[0].service.protocols == net::ProtocolSet::Single(net::kUdp));
  CHECK(acl.outbound[0].service.ports == net::PortSet::Single(53));
  CHECK_FALSE(acl.outbound[0].allow);
  CHECK(acl.outbound[1].rule_number == 101);
  CHECK(acl.outbound[1].cidr.ToString() == "::/0");
  CHECK(acl.outbound[1].service.ports.IsAll());
  REQUIRE(acl.associations.size() == 1);
  CHECK(acl.associations[0].id == "aclassoc-1");
  CHECK(acl.associations[0].subnet_id == "subnet-1");
  CHECK(acl.associations[0].origin.pointer == "/NetworkAcls/0/Associations/0");
}

testing::Loaded LoadEntry(const std::string& entry) {
  return Load(
      "{\"NetworkAcls\": [{\"NetworkAclId\": \"acl-1\", \"VpcId\": \"vpc-1\",\n"
      "\"Entries\": [\n" +
          entry + "]}]}",
      "a.json");
}

TEST_CASE("Network ACL entry problems: exact diagnostics") {
  SECTION("rule action") {
    auto loaded = LoadEntry(
        R"({"RuleNumber": 1, "Egress": true, "RuleAction": "permit", "Protocol": "-1", "CidrBlock": "0.0.0.0/0"})");
    CHECK(loaded.Errors() ==
          Strings{"a.json:3:49: error: invalid RuleAction 'permit': expected 'allow' or 'deny' "
                  "[input-bad-value]\n  at /NetworkAcls/0/Entries/0/RuleAction"});
  }
  SECTION("protocol that is not a number") {
    auto loaded = LoadEntry(
        R"({"RuleNumber": 1, "Egress": true, "RuleAction": "allow", "Protocol": "256", "CidrBlock": "0.0.0.0/0"})");
    CHECK(loaded.Errors() ==
          Strings{"a.json:3:70: error: invalid protocol '256': expected -1, tcp, udp, icmp, "
                  "icmpv6 or a number 0-255 [input-bad-protocol]\n"
                  "  at /NetworkAcls/0/Entries/0/Protocol"});
  }
  SECTION("negative port") {
    auto loaded = LoadEntry(
        R"({"RuleNumber": 1, "Egress": true, "RuleAction": "allow", "Protocol": "6", "PortRange": {"From": -5, "To": 80}, "CidrBlock": "0.0.0.0/0"})");
    CHECK(loaded.Errors() == Strings{"a.json:3:97: error: -5 in 'From' is out of range 0 to 65535 "
                                     "[input-bad-port]\n  at /NetworkAcls/0/Entries/0/PortRange/From"});
  }
  SECTION("rule number out of range") {
    auto loaded = LoadEntry(
        R"({"RuleNumber": 40000, "Egress": true, "RuleAction": "allow", "Protocol": "-1", "CidrBlock": "0.0.0.0/0"})");
    CHECK(loaded.Errors() == Strings{"a.json:3:16: error: 40000 in 'RuleNumber' is out of range 1 to 32768 "
                                     "[input-out-of-range]\n  at /NetworkAcls/0/Entries/0/RuleNumber"});
  }
  SECTION("no CIDR") {
    auto loaded = LoadEntry(R"({"RuleNumber": 1, "Egress": true, "RuleAction": "allow", "Protocol": "-1"})");
    CHECK(loaded.Errors() ==
          Strings{"a.json:3:1: error: missing required field 'CidrBlock' (or 'Ipv6CidrBlock') "
                  "[input-missing-field]\n  at /NetworkAcls/0/Entries/0"});
  }
  SECTION("ICMP entry without IcmpTypeCode: every type, with a warning") {
    auto loaded = LoadEntry(
        R"({"RuleNumber": 1, "Egress": true, "RuleAction": "allow", "Protocol": "1", "CidrBlock": "0.0.0.0/0"})");
    CHECK(loaded.Errors().empty());
    CHECK(loaded.With("input-missing-field") ==
          Strings{"a.json:3:1: warning: no 'IcmpTypeCode' on an ICMP entry; assuming every type "
                  "and code [input-missing-field]\n  at /NetworkAcls/0/Entries/0"});
    REQUIRE(loaded.network.network_acls.size() == 1);
    CHECK(loaded.network.network_acls[0].outbound[0].service.ports.IsAll());
  }
}

}  // namespace
}  // namespace reachcheck::ingest
