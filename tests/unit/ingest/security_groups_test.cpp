// SPDX-License-Identifier: Apache-2.0
// describe-security-groups: one rule per peer element with its own pointer, every peer kind,
// protocol forms, ports and ICMP type/code, and the diagnostics for bad rules.
#include <catch2/catch.hpp>

#include "ingest_test_util.h"
#include "reachcheck/net/protocol.h"

namespace reachcheck::ingest {
namespace {

using testing::Load;
using Strings = std::vector<std::string>;

TEST_CASE("Security group: fields and one rule per peer") {
  auto loaded = Load(R"({"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "web",
  "Description": "web tier", "VpcId": "vpc-1", "OwnerId": "111122223333",
  "IpPermissions": [
   {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
    "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "https"}, {"CidrIp": "10.0.0.0/8"}],
    "Ipv6Ranges": [{"CidrIpv6": "::/0"}],
    "PrefixListIds": [{"PrefixListId": "pl-1"}],
    "UserIdGroupPairs": [{"GroupId": "sg-2", "UserId": "444455556666", "VpcId": "vpc-9",
                          "VpcPeeringConnectionId": "pcx-1", "PeeringStatus": "active"}]},
   {"IpProtocol": "icmp", "FromPort": 8, "ToPort": -1, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]},
   {"IpProtocol": "icmpv6", "FromPort": -1, "ToPort": -1, "Ipv6Ranges": [{"CidrIpv6": "::/0"}]},
   {"IpProtocol": "50", "IpRanges": [{"CidrIp": "10.0.0.0/8"}]},
   {"IpProtocol": "udp", "FromPort": 1024, "ToPort": 65535, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}],
  "IpPermissionsEgress": [
   {"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [],
    "PrefixListIds": [], "UserIdGroupPairs": []}]}]})");
  REQUIRE(loaded.Errors().empty());
  REQUIRE(loaded.network.security_groups.size() == 1);
  const model::SecurityGroup& g = loaded.network.security_groups[0];
  CHECK(g.id == "sg-1");
  CHECK(g.name == "web");
  CHECK(g.description == "web tier");
  CHECK(g.vpc_id == "vpc-1");
  CHECK(g.owner_id == "111122223333");
  REQUIRE(g.ingress.size() == 9);
  REQUIRE(g.egress.size() == 1);
  const std::string p = "/SecurityGroups/0/IpPermissions/";
  // tcp/443 to five peers, each with its own pointer.
  CHECK(g.ingress[0].origin.pointer == p + "0/IpRanges/0");
  CHECK(g.ingress[0].cidr.ToString() == "0.0.0.0/0");
  CHECK(g.ingress[0].description == "https");
  CHECK(g.ingress[1].origin.pointer == p + "0/IpRanges/1");
  CHECK(g.ingress[2].origin.pointer == p + "0/Ipv6Ranges/0");
  CHECK(g.ingress[2].cidr.ToString() == "::/0");
  CHECK(g.ingress[3].peer_kind == model::PeerKind::kPrefixList);
  CHECK(g.ingress[3].prefix_list_id == "pl-1");
  CHECK(g.ingress[3].origin.pointer == p + "0/PrefixListIds/0");
  const model::SgRule& pair = g.ingress[4];
  CHECK(pair.peer_kind == model::PeerKind::kSecurityGroup);
  CHECK(pair.group_id == "sg-2");
  CHECK(pair.group_owner_id == "444455556666");
  CHECK(pair.group_vpc_id == "vpc-9");
  CHECK(pair.peering_status == "active");
  CHECK(pair.origin.pointer == p + "0/UserIdGroupPairs/0");
  for (int i = 0; i < 5; ++i) {
    CHECK(g.ingress[i].direction == model::Direction::kIngress);
    CHECK(g.ingress[i].service.protocols == net::ProtocolSet::Single(net::kTcp));
    CHECK(g.ingress[i].service.ports == net::PortSet::Single(443));
  }
  // icmp echo-request (type 8, every code).
  CHECK(g.ingress[5].service.protocols == net::ProtocolSet::Single(net::kIcmp));
  CHECK(g.ingress[5].service.ports == net::IcmpTypeCodeSet(8, -1));
  CHECK(g.ingress[6].service.protocols == net::ProtocolSet::Single(net::kIcmpv6));
  CHECK(g.ingress[6].service.ports.IsAll());
  // Protocol 50 (ESP): no ports.
  CHECK(g.ingress[7].service.protocols == net::ProtocolSet::Single(50));
  CHECK(g.ingress[7].service.ports.IsAll());
  CHECK(g.ingress[8].service.ports == net::PortSet::Range(1024, 65535));
  CHECK(g.egress[0].direction == model::Direction::kEgress);
  CHECK(g.egress[0].service.protocols == net::ProtocolSet::All());
  CHECK(g.egress[0].service.ports.IsAll());
  CHECK(g.egress[0].origin.pointer == "/SecurityGroups/0/IpPermissionsEgress/0/IpRanges/0");
}

// One group with one permission `permission` (a JSON object text), loaded from "g.json".
testing::Loaded LoadPermission(const std::string& permission) {
  return Load(
      "{\"SecurityGroups\": [{\"GroupId\": \"sg-1\", \"VpcId\": \"vpc-1\",\n"
      "\"IpPermissions\": [\n" +
          permission + "]}]}",
      "g.json");
}

TEST_CASE("Security group rule problems: exact diagnostics") {
  SECTION("unknown protocol") {
    auto loaded = LoadPermission(R"({"IpProtocol": "tcpx", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]})");
    CHECK(loaded.Errors() ==
          Strings{"g.json:3:16: error: invalid protocol 'tcpx': expected -1, tcp, udp, icmp, "
                  "icmpv6 or a number 0-255 [input-bad-protocol]\n"
                  "  at /SecurityGroups/0/IpPermissions/0/IpProtocol"});
    CHECK(loaded.network.security_groups.empty());
  }
  SECTION("port out of range (a huge integer)") {
    auto loaded = LoadPermission(R"({"IpProtocol": "tcp", "FromPort": 99999999999, "ToPort": 22})");
    CHECK(loaded.Errors() ==
          Strings{"g.json:3:35: error: 99999999999 in 'FromPort' is out of range 0 to 65535 "
                  "[input-bad-port]\n  at /SecurityGroups/0/IpPermissions/0/FromPort"});
  }
  SECTION("port given as a huge float") {
    auto loaded = LoadPermission(R"({"IpProtocol": "tcp", "FromPort": 22, "ToPort": 1e30})");
    CHECK(loaded.Errors() == Strings{"g.json:3:49: error: 1e+30 in 'ToPort' is out of range 0 to 65535 "
                                     "[input-bad-port]\n  at /SecurityGroups/0/IpPermissions/0/ToPort"});
  }
  SECTION("a fraction is not a port") {
    auto loaded = LoadPermission(R"({"IpProtocol": "tcp", "FromPort": 22.5, "ToPort": 23})");
    CHECK(loaded.Errors() == Strings{"g.json:3:35: error: expected an integer for 'FromPort', found 22.5 "
                                     "[input-wrong-type]\n  at /SecurityGroups/0/IpPermissions/0/FromPort"});
  }
  SECTION("-1 is not a tcp port") {
    auto loaded = LoadPermission(R"({"IpProtocol": "tcp", "FromPort": -1, "ToPort": 50})");
    CHECK(loaded.Errors() == Strings{"g.json:3:35: error: -1 in 'FromPort' is out of range 0 to 65535 "
                                     "[input-bad-port]\n  at /SecurityGroups/0/IpPermissions/0/FromPort"});
  }
  SECTION("empty range") {
    auto loaded = LoadPermission(R"({"IpProtocol": "udp", "FromPort": 30, "ToPort": 22})");
    CHECK(loaded.Errors() ==
          Strings{"g.json:3:35: error: port range 30-22 is empty (the first port is greater "
                  "than the last) [input-bad-port]\n"
                  "  at /SecurityGroups/0/IpPermissions/0/FromPort"});
  }
  SECTION("ICMP code without a type") {
    auto loaded = LoadPermission(R"({"IpProtocol": "icmp", "FromPort": -1, "ToPort": 9})");
    CHECK(loaded.Errors() ==
          Strings{"g.json:3:50: error: ICMP code 9 given for every type (-1); a code needs a "
                  "specific type [input-bad-port]\n"
                  "  at /SecurityGroups/0/IpPermissions/0/ToPort"});
  }
  SECTION("peer CIDR of the wrong family") {
    auto loaded = LoadPermission(R"({"IpProtocol": "-1", "Ipv6Ranges": [{"CidrIpv6": "10.0.0.0/8"}]})");
    CHECK(loaded.Errors() ==
          Strings{"g.json:3:50: error: invalid CIDR '10.0.0.0/8': expected an IPv6 block here "
                  "[input-bad-cidr]\n"
                  "  at /SecurityGroups/0/IpPermissions/0/Ipv6Ranges/0/CidrIpv6"});
  }
  SECTION("group pair without GroupId") {
    auto loaded = LoadPermission(R"({"IpProtocol": "-1", "UserIdGroupPairs": [{"UserId": "1"}]})");
    CHECK(loaded.Errors() ==
          Strings{"g.json:3:43: error: missing required field 'GroupId' [input-missing-field]\n"
                  "  at /SecurityGroups/0/IpPermissions/0/UserIdGroupPairs/0"});
  }
}

}  // namespace
}  // namespace reachcheck::ingest
