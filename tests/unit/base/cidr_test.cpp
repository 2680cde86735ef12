// SPDX-License-Identifier: Apache-2.0
// CIDR parsing (accept/reject lists with their reasons, host bits), printing, containment,
// overlaps, and random print/parse round trips.
#include "reachcheck/net/cidr.h"

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "net_test_util.h"

namespace reachcheck::net {
namespace {

using testing::MustCidr;
using testing::MustIp;

TEST_CASE("Cidr: accept list parses and prints canonically", "[net]") {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"10.0.0.0/16", "10.0.0.0/16"},
      {"0.0.0.0/0", "0.0.0.0/0"},
      {"255.255.255.255/32", "255.255.255.255/32"},
      {"192.168.1.0/24", "192.168.1.0/24"},
      {"128.0.0.0/1", "128.0.0.0/1"},
      {"::/0", "::/0"},
      {"2600:1f18::/56", "2600:1f18::/56"},
      {"2600:1F18:0000::/56", "2600:1f18::/56"},
      {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"},
      {"::ffff:10.0.0.0/104", "::ffff:a00:0/104"},
      {"8000::/1", "8000::/1"},
      {"2001:db8::/32", "2001:db8::/32"},
  };
  for (const auto& [text, canonical] : cases) {
    INFO(text);
    CidrParse parsed = ParseCidr(text);
    REQUIRE(parsed.cidr.has_value());
    CHECK_FALSE(parsed.host_bits_set);
    CHECK(parsed.error.empty());
    CHECK(parsed.cidr->ToString() == canonical);
  }
}

TEST_CASE("Cidr: reject list says why", "[net]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"10.0.0.0/33", "prefix length 33 is out of range 0-32"},
      {"::/129", "prefix length 129 is out of range 0-128"},
      {"10.0.0.0/99999999999999999999", "prefix length 99999999999999999999 is out of range 0-32"},
      {"10.0.0.256/24", "'10.0.0.256' is not an IPv4 address"},
      {"010.0.0.0/8", "'010.0.0.0' is not an IPv4 address"},
      {"10.0.0/24", "'10.0.0' is not an IPv4 address"},
      {"1::2::3/64", "'1::2::3' is not an IPv6 address"},
      {"2600:1f18::g/56", "'2600:1f18::g' is not an IPv6 address"},
      {"10.0.0.0", "'10.0.0.0' has no prefix length (expected address/length)"},
      {"2600:1f18::", "'2600:1f18::' has no prefix length (expected address/length)"},
      {"10.0.0.0/", "'10.0.0.0/' has no prefix length after '/'"},
      {"/16", "'/16' has no address before '/'"},
      {"10.0.0.0/16/16", "'10.0.0.0/16/16' has more than one '/'"},
      {"10.0.0.0/-1", "prefix length '-1' is not a number"},
      {"10.0.0.0/+8", "prefix length '+8' is not a number"},
      {"10.0.0.0/ 8", "prefix length ' 8' is not a number"},
      {"10.0.0.0/8 ", "prefix length '8 ' is not a number"},
      {"10.0.0.0/x", "prefix length 'x' is not a number"},
      {"10.0.0.0/08", "prefix length '08' has a leading zero"},
      {"10.0.0.0/00", "prefix length '00' has a leading zero"},
      {" 10.0.0.0/8", "' 10.0.0.0' is not an IPv4 address"},
      {"", "an empty text is not a CIDR block"},
  };
  for (const auto& [text, error] : cases) {
    INFO("'" << text << "'");
    CidrParse parsed = ParseCidr(text);
    CHECK_FALSE(parsed.cidr.has_value());
    CHECK_FALSE(parsed.host_bits_set);
    CHECK(parsed.error == error);
  }
}

TEST_CASE("Cidr: host bits are cleared and flagged", "[net]") {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"10.0.0.5/16", "10.0.0.0/16"},
      {"10.0.0.1/0", "0.0.0.0/0"},
      {"255.255.255.255/31", "255.255.255.254/31"},
      {"192.168.1.129/25", "192.168.1.128/25"},
      {"2600:1f18::5/56", "2600:1f18::/56"},
      {"::1/0", "::/0"},
      {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/127", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127"},
      {"2001:db8:1:2:3:4:5:6/64", "2001:db8:1:2::/64"},
  };
  for (const auto& [text, canonical] : cases) {
    INFO(text);
    CidrParse parsed = ParseCidr(text);
    REQUIRE(parsed.cidr.has_value());
    CHECK(parsed.host_bits_set);
    CHECK(parsed.error.empty());
    CHECK(parsed.cidr->ToString() == canonical);
    // The stored block honours the invariant: parsing its text again is clean.
    CidrParse again = ParseCidr(parsed.cidr->ToString());
    CHECK_FALSE(again.host_bits_set);
    CHECK(again.cidr == parsed.cidr);
  }
  CHECK_FALSE(ParseCidr("10.0.0.0/8").host_bits_set);
  CHECK_FALSE(ParseCidr("10.0.0.5/32").host_bits_set);
  CHECK_FALSE(ParseCidr("::5/128").host_bits_set);
}

TEST_CASE("Cidr: First, Last and Host", "[net]") {
  CHECK(MustCidr("10.0.0.0/16").First() == MustIp("10.0.0.0"));
  CHECK(MustCidr("10.0.0.0/16").Last() == MustIp("10.0.255.255"));
  CHECK(MustCidr("0.0.0.0/0").Last() == MustIp("255.255.255.255"));
  CHECK(MustCidr("10.1.2.3/32").Last() == MustIp("10.1.2.3"));
  CHECK(MustCidr("::/0").Last().bits == testing::kMax128);
  CHECK(MustCidr("::/0").Last().family == Family::kV6);
  CHECK(MustCidr("2600:1f18::/56").Last() == MustIp("2600:1f18:0:ff:ffff:ffff:ffff:ffff"));
  CHECK(MustCidr("::1/128").Last() == MustIp("::1"));
  CHECK(Cidr::Host(MustIp("10.0.0.7")) == MustCidr("10.0.0.7/32"));
  CHECK(Cidr::Host(MustIp("2600::7")) == MustCidr("2600::7/128"));
  CHECK(Cidr::Host(MustIp("2600::7")).ToString() == "2600::7/128");
}

TEST_CASE("Cidr: containment of addresses and blocks", "[net]") {
  Cidr vpc = MustCidr("10.0.0.0/16");
  CHECK(vpc.Contains(MustIp("10.0.0.0")));
  CHECK(vpc.Contains(MustIp("10.0.255.255")));
  CHECK(vpc.Contains(MustIp("10.0.17.4")));
  CHECK_FALSE(vpc.Contains(MustIp("10.1.0.0")));
  CHECK_FALSE(vpc.Contains(MustIp("9.255.255.255")));
  CHECK_FALSE(vpc.Contains(MustIp("::a00:1")));  // same bits, other family
  CHECK(vpc.Contains(MustCidr("10.0.1.0/24")));
  CHECK(vpc.Contains(vpc));
  CHECK_FALSE(vpc.Contains(MustCidr("10.0.0.0/8")));
  CHECK_FALSE(vpc.Contains(MustCidr("10.1.0.0/24")));

  Cidr everything = MustCidr("0.0.0.0/0");
  CHECK(everything.Contains(MustIp("0.0.0.0")));
  CHECK(everything.Contains(MustIp("255.255.255.255")));
  CHECK(everything.Contains(vpc));
  CHECK_FALSE(everything.Contains(MustIp("::")));
  CHECK_FALSE(everything.Contains(MustCidr("::/0")));

  Cidr all6 = MustCidr("::/0");
  CHECK(all6.Contains(MustIp("::")));
  CHECK(all6.Contains(MustIp("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")));
  CHECK_FALSE(all6.Contains(MustIp("0.0.0.0")));
  Cidr net6 = MustCidr("2600:1f18:a::/48");
  CHECK(net6.Contains(MustIp("2600:1f18:a:ffff::1")));
  CHECK_FALSE(net6.Contains(MustIp("2600:1f18:b::")));
  CHECK(net6.Contains(MustCidr("2600:1f18:a:100::/56")));
  CHECK(MustCidr("8000::/1").Contains(MustIp("ffff::")));
  CHECK_FALSE(MustCidr("8000::/1").Contains(MustIp("7fff::")));
}

TEST_CASE("Cidr: overlaps", "[net]") {
  const std::vector<std::tuple<const char*, const char*, bool>> cases = {
      {"10.0.0.0/16", "10.0.1.0/24", true},
      {"10.0.0.0/16", "10.1.0.0/16", false},
      {"10.0.0.0/8", "10.255.255.255/32", true},
      {"10.0.0.0/8", "11.0.0.0/32", false},
      {"0.0.0.0/0", "192.168.0.0/16", true},
      {"10.0.0.0/16", "10.0.0.0/16", true},
      {"172.16.0.0/12", "172.32.0.0/16", false},
      {"::/0", "0.0.0.0/0", false},
      {"2600:1f18::/56", "2600:1f18:0:ff::/64", true},
      {"2600:1f18::/56", "2600:1f18:0:100::/64", false},
      {"::a00:0/104", "10.0.0.0/8", false},
  };
  for (const auto& [a, b, expected] : cases) {
    INFO(a << " vs " << b);
    CHECK(MustCidr(a).Overlaps(MustCidr(b)) == expected);
    CHECK(MustCidr(b).Overlaps(MustCidr(a)) == expected);
  }
}

/// Brute-force reference: whether the blocks share an address, from their first/last bits.
bool OverlapByRange(const Cidr& a, const Cidr& b) {
  return a.family() == b.family() && a.First().bits <= b.Last().bits && b.First().bits <= a.Last().bits;
}

Cidr RandomCidr(std::mt19937_64& rng, Family family) {
  int bits = FamilyBits(family);
  Uint128 value = (Uint128{rng()} << 64) | rng();
  if (family == Family::kV4) value &= 0xFFFFFFFFu;
  int length = static_cast<int>(rng() % static_cast<std::uint64_t>(bits + 1));
  Uint128 host =
      length == bits ? 0 : (bits - length == 128 ? testing::kMax128 : (Uint128{1} << (bits - length)) - 1);
  return Cidr{IpAddress{family, value & ~host}, length};
}

TEST_CASE("Cidr: random blocks print and parse back (v4 and v6)", "[net][property]") {
  std::mt19937_64 rng(42);
  for (int iteration = 0; iteration < 4000; ++iteration) {
    Family family = iteration % 2 == 0 ? Family::kV4 : Family::kV6;
    Cidr cidr = RandomCidr(rng, family);
    std::string text = cidr.ToString();
    INFO(text);
    CidrParse parsed = ParseCidr(text);
    REQUIRE(parsed.cidr.has_value());
    CHECK(*parsed.cidr == cidr);
    CHECK_FALSE(parsed.host_bits_set);
    // The same block written with a random host part is flagged and normalised.
    Uint128 noise = (Uint128{rng()} << 64) | rng();
    Uint128 host = cidr.Last().bits ^ cidr.First().bits;
    IpAddress inside{family, cidr.base.bits | (noise & host)};
    CidrParse noisy = ParseCidr(inside.ToString() + "/" + std::to_string(cidr.length));
    REQUIRE(noisy.cidr.has_value());
    CHECK(*noisy.cidr == cidr);
    CHECK(noisy.host_bits_set == ((noise & host) != 0));
    CHECK(cidr.Contains(inside));
  }
}

TEST_CASE("Cidr: containment and overlap agree with address ranges", "[net][property]") {
  std::mt19937_64 rng(43);
  for (int iteration = 0; iteration < 4000; ++iteration) {
    Family family = iteration % 2 == 0 ? Family::kV4 : Family::kV6;
    Cidr a = RandomCidr(rng, family);
    // b is often nested in or around a, so that every answer is exercised.
    Cidr b = RandomCidr(rng, family);
    if (rng() % 2 == 0)
      b = Cidr{IpAddress{family, a.base.bits | (b.base.bits & (a.Last().bits ^ a.base.bits))}, b.length};
    b = *ParseCidr(b.base.ToString() + "/" + std::to_string(b.length)).cidr;
    INFO(a.ToString() << " vs " << b.ToString());
    bool range_contains = a.First().bits <= b.First().bits && b.Last().bits <= a.Last().bits;
    CHECK(a.Contains(b) == range_contains);
    CHECK(a.Overlaps(b) == OverlapByRange(a, b));
    CHECK(a.Contains(b.base) == (a.First().bits <= b.base.bits && b.base.bits <= a.Last().bits));
  }
}

}  // namespace
}  // namespace reachcheck::net
