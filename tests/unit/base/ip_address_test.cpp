// SPDX-License-Identifier: Apache-2.0
// IPv4/IPv6 address parsing (accept and reject lists), RFC 5952 printing, and random round
// trips checked against the C library's inet_pton/inet_ntop.
#include "reachcheck/net/ip_address.h"

#include <arpa/inet.h>

#include <array>
#include <cstring>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "net_test_util.h"

namespace reachcheck::net {
namespace {

using testing::Groups;

TEST_CASE("IpAddress: IPv4 accept list", "[net]") {
  const std::vector<std::pair<const char*, std::uint32_t>> cases = {
      {"0.0.0.0", 0u},
      {"255.255.255.255", 0xFFFFFFFFu},
      {"10.0.0.1", 0x0A000001u},
      {"1.2.3.4", 0x01020304u},
      {"192.168.100.200", 0xC0A864C8u},
      {"172.31.255.0", 0xAC1FFF00u},
      {"100.64.0.0", 0x64400000u},
      {"0.0.0.255", 0x000000FFu},
      {"9.99.199.249", 0x0963C7F9u},
  };
  for (const auto& [text, value] : cases) {
    INFO(text);
    std::optional<IpAddress> parsed = ParseIpv4(text);
    REQUIRE(parsed.has_value());
    CHECK(parsed->family == Family::kV4);
    CHECK(parsed->v4() == value);
    CHECK(parsed->bits == Uint128{value});
    CHECK(ParseIpAddress(text) == parsed);
    CHECK(parsed->ToString() == text);
    CHECK_FALSE(ParseIpv6(text).has_value());
  }
}

TEST_CASE("IpAddress: IPv4 reject list", "[net]") {
  const std::vector<std::string> cases = {
      "10.0.0.256",
      "256.0.0.0",
      "1.2.3",
      "1.2.3.4.5",
      "010.0.0.1",
      "1.2.3.04",
      "00.1.2.3",
      "1.2.3.00",
      "",
      ".",
      "...",
      "1..2.3",
      ".1.2.3",
      "1.2.3.",
      "1.2.3.4 ",
      " 1.2.3.4",
      "1.2.3.4x",
      "a.b.c.d",
      "1.2.3.-4",
      "+1.2.3.4",
      "1.2.3.0x4",
      "4294967295",
      "1.2.3.4/32",
      "1.2.3.1000",
      "99999999999.1.1.1",
      "1,2,3,4",
      "1.2.3.4.",
      "1.2.3.4\n",
      "0x0A.0.0.1",
      "1.2.3.4:80",
      "1.2.3.99999999999999999999",
      "-1.0.0.0",
      std::string("1.2.3.4\0", 8),
  };
  for (const std::string& text : cases) {
    INFO("'" << text << "'");
    CHECK_FALSE(ParseIpv4(text).has_value());
    CHECK_FALSE(ParseIpAddress(text).has_value());
  }
}

TEST_CASE("IpAddress: IPv6 accept list", "[net]") {
  const std::vector<std::pair<const char*, Uint128>> cases = {
      {"::", 0},
      {"::1", 1},
      {"1::", Groups({1, 0, 0, 0, 0, 0, 0, 0})},
      {"2001:db8::1", Groups({0x2001, 0xdb8, 0, 0, 0, 0, 0, 1})},
      {"2001:DB8::A", Groups({0x2001, 0xdb8, 0, 0, 0, 0, 0, 0xa})},
      {"2001:Db8:0:0:0:0:0:aBc", Groups({0x2001, 0xdb8, 0, 0, 0, 0, 0, 0xabc})},
      {"0:0:0:0:0:0:0:0", 0},
      {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", testing::kMax128},
      {"FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF", testing::kMax128},
      {"1:2:3:4:5:6:7:8", Groups({1, 2, 3, 4, 5, 6, 7, 8})},
      {"1:2:3:4:5:6:7::", Groups({1, 2, 3, 4, 5, 6, 7, 0})},
      {"::2:3:4:5:6:7:8", Groups({0, 2, 3, 4, 5, 6, 7, 8})},
      {"1::8", Groups({1, 0, 0, 0, 0, 0, 0, 8})},
      {"1:2:3::6:7:8", Groups({1, 2, 3, 0, 0, 6, 7, 8})},
      {"::ffff:1.2.3.4", Groups({0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304})},
      {"::1.2.3.4", Groups({0, 0, 0, 0, 0, 0, 0x0102, 0x0304})},
      {"1:2:3:4:5:6:1.2.3.4", Groups({1, 2, 3, 4, 5, 6, 0x0102, 0x0304})},
      {"1:2:3:4:5::255.255.255.255", Groups({1, 2, 3, 4, 5, 0, 0xffff, 0xffff})},
      {"64:ff9b::192.0.2.33", Groups({0x64, 0xff9b, 0, 0, 0, 0, 0xc000, 0x0221})},
      {"0001:02:003::", Groups({1, 2, 3, 0, 0, 0, 0, 0})},
      {"fe80::1:0:0:1", Groups({0xfe80, 0, 0, 0, 1, 0, 0, 1})},
      {"2600:1f18:0a1b::5", Groups({0x2600, 0x1f18, 0x0a1b, 0, 0, 0, 0, 5})},
      {"0000:0000:0000:0000:0000:0000:0000:0001", 1},
  };
  for (const auto& [text, value] : cases) {
    INFO(text);
    std::optional<IpAddress> parsed = ParseIpv6(text);
    REQUIRE(parsed.has_value());
    CHECK(parsed->family == Family::kV6);
    CHECK(parsed->bits == value);
    CHECK(ParseIpAddress(text) == parsed);
    CHECK_FALSE(ParseIpv4(text).has_value());
  }
}

TEST_CASE("IpAddress: IPv6 reject list", "[net]") {
  const std::vector<std::string> cases = {
      "",
      ":",
      ":::",
      "::::",
      "1:::2",
      "1::2::3",
      "::1::",
      "1:2:3:4:5:6:7:8:9",
      "1:2:3:4:5:6:7",
      "1:2:3:4::5:6:7:8",
      "12345::",
      "00000::1",
      "g::",
      "::g",
      ":1::",
      "1::2:",
      ":1:2:3:4:5:6:7:8",
      "1:2:3:4:5:6:7:8:",
      "1:2:3:4:5:6:7:8::",
      "::1:2:3:4:5:6:7:8",
      "1.2.3.4::",
      "1.2.3.4::1",
      "::1.2.3.4:5",
      "::1.2.3",
      "::1.2.3.4.5",
      "::256.1.1.1",
      "::01.2.3.4",
      "::1.2.3.4.",
      "1:2:3:4:5:6:7:1.2.3.4",
      "1:2:3:4:5:6:7:8:1.2.3.4",
      "1:2:3:4:5:6:1.2.3.4::",
      "fe80::1%eth0",
      "[::1]",
      " ::1",
      "::1 ",
      "::-1",
      "::+1",
      "0x1::",
      "1:2:3:4:5:6:7:8/64",
      "::1/128",
      "1.2.3.4",
      "2001:db8:::1",
      "2001:db8::1::",
      std::string("::1\0", 4),
  };
  for (const std::string& text : cases) {
    INFO("'" << text << "'");
    CHECK_FALSE(ParseIpv6(text).has_value());
    if (text.find(':') != std::string::npos) CHECK_FALSE(ParseIpAddress(text).has_value());
  }
}

TEST_CASE("IpAddress: IPv6 printing follows RFC 5952", "[net]") {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"2001:db8:0:0:0:0:2:1", "2001:db8::2:1"},
      {"2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"},  // one zero group: not compressed
      {"2001:0:0:1:0:0:0:1", "2001:0:0:1::1"},           // the longest run wins
      {"2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"},     // ties: the first run
      {"0:0:1:0:0:1:0:0", "::1:0:0:1:0:0"},
      {"1:0:0:2:0:0:0:3", "1:0:0:2::3"},
      {"2001:DB8::AbCd", "2001:db8::abcd"},     // lowercase
      {"2001:0db8:0000::0001", "2001:db8::1"},  // no leading zeros
      {"0:0:0:0:0:0:0:0", "::"},
      {"0:0:0:0:0:0:0:1", "::1"},
      {"1:0:0:0:0:0:0:0", "1::"},
      {"1:0:1:0:1:0:1:0", "1:0:1:0:1:0:1:0"},
      {"0:1:0:1:0:1:0:1", "0:1:0:1:0:1:0:1"},
      {"1:2:3:4:5:6:7:0", "1:2:3:4:5:6:7:0"},
      {"0:0:1:2:3:4:5:6", "::1:2:3:4:5:6"},
      {"1:2:3:4:5:6:0:0", "1:2:3:4:5:6::"},
      {"1:0:0:0:1:0:0:0", "1::1:0:0:0"},
      {"1:0:0:1:0:0:0:0", "1:0:0:1::"},
      {"::ffff:1.2.3.4", "::ffff:102:304"},
      {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"},
      {"2600:1f18:0a1b:0100::5", "2600:1f18:a1b:100::5"},
      {"fe80:0:0:0:0a00:0:0:0", "fe80::a00:0:0:0"},
  };
  for (const auto& [text, canonical] : cases) {
    INFO(text);
    std::optional<IpAddress> parsed = ParseIpv6(text);
    REQUIRE(parsed.has_value());
    CHECK(parsed->ToString() == canonical);
  }
}

TEST_CASE("IpAddress: ordering puts IPv4 before IPv6, then by value", "[net]") {
  CHECK(IpAddress::V4(0xFFFFFFFF) < IpAddress::V6(0));
  CHECK(IpAddress::V4(1) < IpAddress::V4(2));
  CHECK(IpAddress::V6(testing::kMax128 - 1) < IpAddress::V6(testing::kMax128));
  CHECK(IpAddress::V4(5) != IpAddress::V6(5));
  CHECK(FamilyBits(Family::kV4) == 32);
  CHECK(FamilyBits(Family::kV6) == 128);
}

/// Random v6 values with many zero groups, so that compression cases are common.
Uint128 RandomV6(std::mt19937_64& rng) {
  Uint128 value = 0;
  const unsigned mode = static_cast<unsigned>(rng() % 3);
  for (int i = 0; i < 8; ++i) {
    unsigned group = static_cast<unsigned>(rng() & 0xFFFF);
    if (mode == 1 && rng() % 2 == 0) group = 0;            // many zero runs
    if (mode == 2 && rng() % 4 != 0) group = group & 0xF;  // short groups
    value = (value << 16) | group;
  }
  return value;
}

std::array<unsigned char, 16> ToBytes(Uint128 value) {
  std::array<unsigned char, 16> bytes{};
  for (int i = 15; i >= 0; --i) {
    bytes[static_cast<std::size_t>(i)] = static_cast<unsigned char>(value & 0xFF);
    value >>= 8;
  }
  return bytes;
}

TEST_CASE("IpAddress: random addresses print and parse back (v4 and v6)", "[net][property]") {
  std::mt19937_64 rng(20240611);
  for (int iteration = 0; iteration < 5000; ++iteration) {
    auto v4 = IpAddress::V4(static_cast<std::uint32_t>(rng()));
    std::string text4 = v4.ToString();
    INFO(text4);
    REQUIRE(ParseIpAddress(text4) == v4);
    in_addr raw4{};
    raw4.s_addr = htonl(v4.v4());
    char buffer[INET6_ADDRSTRLEN] = {};
    REQUIRE(inet_ntop(AF_INET, &raw4, buffer, sizeof buffer) != nullptr);
    CHECK(text4 == buffer);

    auto v6 = IpAddress::V6(RandomV6(rng));
    std::string text6 = v6.ToString();
    INFO(text6);
    REQUIRE(ParseIpAddress(text6) == v6);
    std::array<unsigned char, 16> bytes = ToBytes(v6.bits);
    REQUIRE(inet_ntop(AF_INET6, bytes.data(), buffer, sizeof buffer) != nullptr);
    // glibc prints IPv4-mapped and -compatible addresses with a dotted quad; compare the rest.
    if (std::strchr(buffer, '.') == nullptr) CHECK(text6 == buffer);
  }
}

/// Mutates `text` by 0-2 random single-character edits drawn from `alphabet`.
std::string Mutate(std::string text, std::mt19937_64& rng, const std::string& alphabet) {
  const unsigned edits = static_cast<unsigned>(rng() % 3);
  for (unsigned e = 0; e < edits; ++e) {
    std::size_t pos = text.empty() ? 0 : rng() % (text.size() + 1);
    char c = alphabet[rng() % alphabet.size()];
    switch (rng() % 3) {
      case 0:
        text.insert(pos, 1, c);
        break;
      case 1:
        if (pos < text.size()) text.erase(pos, 1);
        break;
      default:
        if (pos < text.size()) text[pos] = c;
        break;
    }
  }
  return text;
}

TEST_CASE("IpAddress: parser agrees with inet_pton on random text", "[net][property]") {
  // Valid texts (canonical, uncompressed, dotted-quad tails) with random edits, and random
  // strings over the address alphabet. glibc's inet_pton is strict in the same ways
  // (no leading zeros in dotted quads, at most one "::", 1-4 hex digits per group).
  std::mt19937_64 rng(7);
  const std::string alphabet = "0123456789abcdefABCDEF:.:.::";
  int accepted4 = 0, accepted6 = 0, rejected = 0;
  for (int iteration = 0; iteration < 20000; ++iteration) {
    std::string text;
    switch (iteration % 4) {
      case 0: {
        std::size_t length = 1 + rng() % 20;
        for (std::size_t i = 0; i < length; ++i) text += alphabet[rng() % alphabet.size()];
        break;
      }
      case 1:
        text = IpAddress::V4(static_cast<std::uint32_t>(rng() % 4 == 0 ? rng() % 300 : rng())).ToString();
        break;
      case 2:
        text = IpAddress::V6(RandomV6(rng)).ToString();
        break;
      default: {
        char buffer[INET6_ADDRSTRLEN] = {};
        std::array<unsigned char, 16> bytes = ToBytes(RandomV6(rng) & ~Uint128{0xFFFFFFFF});
        for (int i = 12; i < 16; ++i) bytes[static_cast<std::size_t>(i)] = static_cast<unsigned char>(rng());
        if (rng() % 2 == 0) {
          bytes[10] = 0xFF;
          bytes[11] = 0xFF;
        }
        REQUIRE(inet_ntop(AF_INET6, bytes.data(), buffer, sizeof buffer) != nullptr);
        text = buffer;  // often "::ffff:a.b.c.d"
        break;
      }
    }
    text = Mutate(text, rng, alphabet);
    INFO("'" << text << "'");
    unsigned char out[16];
    bool glibc4 = inet_pton(AF_INET, text.c_str(), out) == 1;
    std::uint32_t raw4 = 0;
    std::memcpy(&raw4, out, 4);
    std::optional<IpAddress> ours4 = ParseIpv4(text);
    CHECK(ours4.has_value() == glibc4);
    if (ours4 && glibc4) CHECK(ours4->v4() == ntohl(raw4));
    bool glibc6 = inet_pton(AF_INET6, text.c_str(), out) == 1;
    std::optional<IpAddress> ours6 = ParseIpv6(text);
    CHECK(ours6.has_value() == glibc6);
    if (ours6 && glibc6) {
      Uint128 value = 0;
      for (unsigned char byte : out) value = (value << 8) | byte;
      CHECK(ours6->bits == value);
    }
    accepted4 += glibc4 ? 1 : 0;
    accepted6 += glibc6 ? 1 : 0;
    rejected += (!glibc4 && !glibc6) ? 1 : 0;
  }
  // Each outcome must be common for the comparison to mean much.
  CHECK(accepted4 > 1000);
  CHECK(accepted6 > 1000);
  CHECK(rejected > 1000);
}

}  // namespace
}  // namespace reachcheck::net
