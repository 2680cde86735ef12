// SPDX-License-Identifier: Apache-2.0
// Protocols as AWS writes them, ICMP type/code packing and names, and ServiceMatch.
#include "reachcheck/net/protocol.h"

#include <string>
#include <utility>
#include <vector>

#include "net_test_util.h"

namespace reachcheck::net {
namespace {

TEST_CASE("Protocol: accept list", "[net]") {
  const std::vector<std::pair<const char*, ProtocolSet>> cases = {
      {"-1", ProtocolSet::All()},          {"all", ProtocolSet::All()},
      {"ALL", ProtocolSet::All()},         {"tcp", ProtocolSet::Single(6)},
      {"TCP", ProtocolSet::Single(6)},     {"Tcp", ProtocolSet::Single(6)},
      {"udp", ProtocolSet::Single(17)},    {"UDP", ProtocolSet::Single(17)},
      {"icmp", ProtocolSet::Single(1)},    {"ICMP", ProtocolSet::Single(1)},
      {"icmpv6", ProtocolSet::Single(58)}, {"ICMPv6", ProtocolSet::Single(58)},
      {"0", ProtocolSet::Single(0)},       {"6", ProtocolSet::Single(6)},
      {"17", ProtocolSet::Single(17)},     {"50", ProtocolSet::Single(50)},
      {"58", ProtocolSet::Single(58)},     {"255", ProtocolSet::Single(255)},
  };
  for (const auto& [text, expected] : cases) {
    INFO(text);
    std::optional<ProtocolSet> parsed = ParseProtocol(text);
    REQUIRE(parsed.has_value());
    CHECK(*parsed == expected);
  }
}

TEST_CASE("Protocol: reject list", "[net]") {
  const std::vector<std::string> cases = {
      "256",
      "",
      "tcpx",
      "-2",
      "-0",
      "+6",
      "06",
      "1000",
      " tcp",
      "tcp ",
      "6 ",
      "icmp6",
      "ipv6-icmp",
      "any",
      "*",
      "-",
      "--1",
      "0x6",
      "tcp/22",
      "99999999999999999999",
      std::string("6\0", 2),
  };
  for (const std::string& text : cases) {
    INFO("'" << text << "'");
    CHECK_FALSE(ParseProtocol(text).has_value());
  }
}

TEST_CASE("Protocol: every number and name round-trips through ProtocolName", "[net]") {
  for (int n = 0; n <= 255; ++n) {
    auto protocol = static_cast<std::uint8_t>(n);
    INFO(n);
    CHECK(ParseProtocol(std::to_string(n)) == ProtocolSet::Single(protocol));
    CHECK(ParseProtocol(ProtocolName(protocol)) == ProtocolSet::Single(protocol));
  }
  CHECK(ProtocolName(kTcp) == "tcp");
  CHECK(ProtocolName(kUdp) == "udp");
  CHECK(ProtocolName(kIcmp) == "icmp");
  CHECK(ProtocolName(kIcmpv6) == "icmpv6");
  CHECK(ProtocolName(50) == "50");
  CHECK(ProtocolName(0) == "0");
  CHECK(ProtocolName(255) == "255");
}

TEST_CASE("Protocol: ProtocolSetToString", "[net]") {
  CHECK(ProtocolSetToString(ProtocolSet::All()) == "all");
  CHECK(ProtocolSetToString(ProtocolSet()) == "(none)");
  CHECK(ProtocolSetToString(ProtocolSet::Single(kTcp)) == "tcp");
  CHECK(ProtocolSetToString(ProtocolSet::Single(kTcp).Union(ProtocolSet::Single(kUdp))) == "tcp,udp");
  CHECK(ProtocolSetToString(ProtocolSet::All().Subtract(ProtocolSet::Single(kTcp))) == "0-5,7-255");
  CHECK(ProtocolSetToString(ProtocolSet::Single(50).Union(ProtocolSet::Single(kIcmp))) == "icmp,50");
  CHECK(ProtocolSetToString(ProtocolSet::Range(0, 254)) == "0-254");
}

TEST_CASE("Protocol: HasPorts is true only for tcp, udp, icmp and icmpv6", "[net]") {
  for (int n = 0; n <= 255; ++n) {
    INFO(n);
    CHECK(HasPorts(static_cast<std::uint8_t>(n)) == (n == 6 || n == 17 || n == 1 || n == 58));
  }
}

TEST_CASE("Icmp: type/code sets with -1 wildcards", "[net]") {
  CHECK(IcmpTypeCodeSet(-1, -1) == PortSet::All());
  CHECK(IcmpTypeCodeSet(-1, 0) == PortSet::All());
  CHECK(IcmpTypeCodeSet(8, -1) == PortSet::Range(8 * 256, 8 * 256 + 255));
  CHECK(IcmpTypeCodeSet(8, 0) == PortSet::Single(8 * 256));
  CHECK(IcmpTypeCodeSet(3, 4) == PortSet::Single(3 * 256 + 4));
  CHECK(IcmpTypeCodeSet(0, -1) == PortSet::Range(0, 255));
  CHECK(IcmpTypeCodeSet(255, -1) == PortSet::Range(65280, 65535));
  CHECK(IcmpTypeCodeSet(255, 255) == PortSet::Single(65535));
  // Out-of-range values match nothing rather than wrapping around.
  CHECK(IcmpTypeCodeSet(256, 0).IsEmpty());
  CHECK(IcmpTypeCodeSet(256, -1).IsEmpty());
  CHECK(IcmpTypeCodeSet(3, 256).IsEmpty());
  CHECK(IcmpTypeCodeSet(-2, 0).IsEmpty());
  CHECK(IcmpTypeCodeSet(3, -2).IsEmpty());
}

TEST_CASE("Icmp: names for common types", "[net]") {
  CHECK(IcmpToString(8 * 256, false) == "echo-request");
  CHECK(IcmpToString(0, false) == "echo-reply");
  CHECK(IcmpToString(3 * 256, false) == "destination-unreachable");
  CHECK(IcmpToString(3 * 256 + 4, false) == "destination-unreachable code 4");
  CHECK(IcmpToString(11 * 256, false) == "time-exceeded");
  CHECK(IcmpToString(11 * 256 + 1, false) == "time-exceeded code 1");
  CHECK(IcmpToString(13 * 256 + 0, false) == "type 13 code 0");
  CHECK(IcmpToString(42 * 256 + 7, false) == "type 42 code 7");
  CHECK(IcmpToString(65535, false) == "type 255 code 255");
  CHECK(IcmpToString(128 * 256, true) == "echo-request");
  CHECK(IcmpToString(129 * 256, true) == "echo-reply");
  CHECK(IcmpToString(1 * 256 + 4, true) == "destination-unreachable code 4");
  CHECK(IcmpToString(2 * 256, true) == "packet-too-big");
  CHECK(IcmpToString(3 * 256, true) == "time-exceeded");
  CHECK(IcmpToString(8 * 256, true) == "type 8 code 0");  // 8 is echo request only in ICMPv4
  CHECK(IcmpToString(128 * 256, false) == "type 128 code 0");
}

TEST_CASE("Icmp: sets print exactly", "[net]") {
  CHECK(IcmpSetToString(PortSet::All(), false) == "all");
  CHECK(IcmpSetToString(PortSet(), false) == "(none)");
  CHECK(IcmpSetToString(IcmpTypeCodeSet(8, -1), false) == "echo-request");
  CHECK(IcmpSetToString(IcmpTypeCodeSet(8, 0), false) == "echo-request code 0");
  CHECK(IcmpSetToString(IcmpTypeCodeSet(128, -1), true) == "echo-request");
  CHECK(IcmpSetToString(IcmpTypeCodeSet(42, -1), false) == "type 42");
  CHECK(IcmpSetToString(IcmpTypeCodeSet(42, 3), false) == "type 42 code 3");
  CHECK(IcmpSetToString(IcmpTypeCodeSet(0, -1).Union(IcmpTypeCodeSet(8, -1)), false) ==
        "echo-reply,echo-request");
  CHECK(IcmpSetToString(IcmpTypeCodeSet(3, 0).Union(IcmpTypeCodeSet(3, 1)), false) ==
        "destination-unreachable codes 0-1");
  CHECK(IcmpSetToString(PortSet::Range(3 * 256 + 250, 5 * 256 + 1), false) ==
        "destination-unreachable codes 250-255,type 4,redirect codes 0-1");
  CHECK(IcmpSetToString(PortSet::Range(20 * 256, 40 * 256 - 1), false) == "types 20-39");
  CHECK(IcmpSetToString(PortSet::Range(200 * 256, 65535), false) == "types 200-255");
  CHECK(IcmpSetToString(PortSet::All().Subtract(IcmpTypeCodeSet(0, -1)), false) == "types 1-255");
  CHECK(IcmpSetToString(PortSet::All().Subtract(PortSet::Single(65535)), false) ==
        "types 0-254,type 255 codes 0-254");
  CHECK(IcmpSetToString(PortSet::Single(22), false) == "echo-reply code 22");
}

TEST_CASE("ServiceMatch: matching and text", "[net]") {
  ServiceMatch any{ProtocolSet::All(), PortSet::All()};
  CHECK(any.ToString() == "all");
  CHECK(any.Matches(kTcp, 0));
  CHECK(any.Matches(47, 0));

  ServiceMatch ssh{ProtocolSet::Single(kTcp), PortSet::Single(22)};
  CHECK(ssh.ToString() == "tcp/22");
  CHECK(ssh.Matches(kTcp, 22));
  CHECK_FALSE(ssh.Matches(kTcp, 23));
  CHECK_FALSE(ssh.Matches(kUdp, 22));

  CHECK(ServiceMatch{ProtocolSet::Single(kTcp), EphemeralPorts()}.ToString() == "tcp/1024-65535");
  CHECK(ServiceMatch{ProtocolSet::Single(kUdp), PortSet::Single(53).Union(PortSet::Single(123))}.ToString() ==
        "udp/53,123");
  CHECK(ServiceMatch{ProtocolSet::Single(kIcmp), IcmpTypeCodeSet(8, -1)}.ToString() == "icmp/echo-request");
  CHECK(ServiceMatch{ProtocolSet::Single(kIcmpv6), IcmpTypeCodeSet(128, -1)}.ToString() ==
        "icmpv6/echo-request");
  CHECK(ServiceMatch{ProtocolSet::Single(kTcp), PortSet::All()}.ToString() == "tcp");
  CHECK(ServiceMatch{ProtocolSet::Single(kIcmp), PortSet::All()}.ToString() == "icmp");
  CHECK(ServiceMatch{ProtocolSet(), PortSet::All()}.ToString() == "(none)");
  CHECK(ServiceMatch{}.ToString() == "(none)");
  CHECK(ServiceMatch{ProtocolSet::Single(kTcp), PortSet()}.ToString() == "(none)");
  CHECK(ServiceMatch{ProtocolSet::Single(50), PortSet::Single(22)}.ToString() == "50");

  ServiceMatch dns{ProtocolSet::Single(kTcp).Union(ProtocolSet::Single(kUdp)), PortSet::Single(53)};
  CHECK(dns.ToString() == "tcp/53; udp/53");
  CHECK(dns.Matches(kUdp, 53));
  CHECK_FALSE(dns.Matches(kUdp, 54));

  // Ports do not narrow protocols without ports (e.g. ESP, 50).
  ServiceMatch mixed{ProtocolSet::Single(kTcp).Union(ProtocolSet::Single(50)), PortSet::Single(443)};
  CHECK(mixed.Matches(50, 0));
  CHECK(mixed.Matches(50, 9999));
  CHECK_FALSE(mixed.Matches(kTcp, 80));
  CHECK(mixed.ToString() == "tcp/443; 50");

  ServiceMatch everything_port22{ProtocolSet::All(), PortSet::Single(22)};
  CHECK(everything_port22.ToString() ==
        "icmp/echo-reply code 22; tcp/22; udp/22; icmpv6/type 0 code 22; 0,2-5,7-16,18-57,59-255");
  CHECK(everything_port22.Matches(kIcmp, 22));
  CHECK_FALSE(everything_port22.Matches(kIcmp, 8 * 256));
  CHECK(everything_port22.Matches(0, 1));

  CHECK(ServiceMatch{ProtocolSet::Single(kTcp), PortSet::Single(22)} == ssh);
  CHECK_FALSE(ServiceMatch{ProtocolSet::Single(kTcp), PortSet::Single(23)} == ssh);
}

}  // namespace
}  // namespace reachcheck::net
