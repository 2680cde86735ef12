// SPDX-License-Identifier: Apache-2.0
// AddressSet algebra and the minimal CIDR cover (IntervalToCidrs / ToCidrs): fixed cases,
// the full 128-bit range, and property tests against a brute-force minimal cover.
#include "reachcheck/net/address_set.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "net_test_util.h"

namespace reachcheck::net {
namespace {

using testing::kMax128;
using testing::MustCidr;
using testing::MustIp;

std::vector<std::string> Texts(const std::vector<Cidr>& cidrs) {
  std::vector<std::string> out;
  for (const Cidr& cidr : cidrs) out.push_back(cidr.ToString());
  return out;
}

TEST_CASE("AddressSet: IntervalToCidrs on fixed intervals", "[net]") {
  using V = std::vector<std::string>;
  auto v4 = [](const char* lo, const char* hi) {
    return Texts(IntervalToCidrs(MustIp(lo).bits, MustIp(hi).bits, Family::kV4));
  };
  CHECK(v4("10.0.0.0", "10.0.0.255") == V{"10.0.0.0/24"});
  CHECK(v4("10.0.0.1", "10.0.0.6") == V{"10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/31", "10.0.0.6/32"});
  CHECK(v4("10.0.0.0", "10.0.0.0") == V{"10.0.0.0/32"});
  CHECK(v4("0.0.0.0", "255.255.255.255") == V{"0.0.0.0/0"});
  CHECK(v4("0.0.0.0", "127.255.255.255") == V{"0.0.0.0/1"});
  CHECK(v4("255.255.255.255", "255.255.255.255") == V{"255.255.255.255/32"});
  CHECK(v4("255.255.255.254", "255.255.255.255") == V{"255.255.255.254/31"});
  CHECK(v4("192.168.0.0", "192.168.3.255") == V{"192.168.0.0/22"});
  CHECK(v4("10.0.0.255", "10.0.1.0") == V{"10.0.0.255/32", "10.0.1.0/32"});
  CHECK(v4("10.0.0.2", "10.0.0.1").empty());
  CHECK(v4("0.0.0.1", "255.255.255.255").size() == 32);
  CHECK(v4("0.0.0.0", "255.255.255.254").size() == 32);
  CHECK(v4("0.0.0.1", "255.255.255.254").size() == 62);
  // Values beyond the family's width are clamped to it.
  CHECK(Texts(IntervalToCidrs(0, kMax128, Family::kV4)) == V{"0.0.0.0/0"});
  CHECK(IntervalToCidrs(Uint128{1} << 32, kMax128, Family::kV4).empty());
}

TEST_CASE("AddressSet: IntervalToCidrs covers the full 128-bit range without overflow", "[net]") {
  using V = std::vector<std::string>;
  CHECK(Texts(IntervalToCidrs(0, kMax128, Family::kV6)) == V{"::/0"});
  CHECK(Texts(IntervalToCidrs(kMax128, kMax128, Family::kV6)) ==
        V{"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"});
  CHECK(Texts(IntervalToCidrs(kMax128 - 1, kMax128, Family::kV6)) ==
        V{"ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127"});
  CHECK(Texts(IntervalToCidrs(Uint128{1} << 127, kMax128, Family::kV6)) == V{"8000::/1"});
  CHECK(Texts(IntervalToCidrs(0, (Uint128{1} << 127) - 1, Family::kV6)) == V{"::/1"});

  // [1, max]: one block of each size 2^0 .. 2^127, ascending.
  std::vector<Cidr> upper = IntervalToCidrs(1, kMax128, Family::kV6);
  REQUIRE(upper.size() == 128);
  for (int k = 0; k < 128; ++k) {
    CHECK(upper[static_cast<std::size_t>(k)].length == 128 - k);
    CHECK(upper[static_cast<std::size_t>(k)].base.bits == (Uint128{1} << k));
  }
  CHECK(upper.back().Last().bits == kMax128);
  // [0, max - 1]: the mirror image, largest block first.
  std::vector<Cidr> lower = IntervalToCidrs(0, kMax128 - 1, Family::kV6);
  REQUIRE(lower.size() == 128);
  CHECK(lower.front().ToString() == "::/1");
  CHECK(lower.back().ToString() == "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/128");
  CHECK(IntervalToCidrs(1, kMax128 - 1, Family::kV6).size() == 254);
}

TEST_CASE("AddressSet: construction, membership and algebra", "[net]") {
  AddressSet vpc = AddressSet::Of(MustCidr("10.0.0.0/16"));
  AddressSet subnet = AddressSet::Of(MustCidr("10.0.1.0/24"));
  AddressSet v6 = AddressSet::Of(MustCidr("2600:1f18::/56"));
  AddressSet host = AddressSet::Of(MustIp("10.0.1.5"));

  CHECK(AddressSet::Empty().IsEmpty());
  CHECK(AddressSet::Empty().ToString() == "(none)");
  CHECK(AddressSet::All().ToString() == "0.0.0.0/0, ::/0");
  CHECK(AddressSet::AllV4().ToString() == "0.0.0.0/0");
  CHECK(AddressSet::AllV6().ToString() == "::/0");
  CHECK(AddressSet::All().Complement().IsEmpty());
  CHECK(AddressSet::AllV4().Complement() == AddressSet::AllV6());
  CHECK(host.ToString() == "10.0.1.5/32");
  CHECK(AddressSet::Of(MustIp("2600::1")).ToString() == "2600::1/128");

  CHECK(vpc.Contains(MustIp("10.0.255.255")));
  CHECK_FALSE(vpc.Contains(MustIp("10.1.0.0")));
  CHECK_FALSE(vpc.Contains(MustIp("::a00:1")));
  CHECK(v6.Contains(MustIp("2600:1f18:0:ff::1")));
  CHECK_FALSE(v6.Contains(MustIp("10.0.0.1")));
  CHECK(vpc.Contains(subnet));
  CHECK(vpc.Contains(host));
  CHECK_FALSE(subnet.Contains(vpc));
  CHECK_FALSE(vpc.Contains(v6));
  CHECK(vpc.Intersects(subnet));
  CHECK_FALSE(vpc.Intersects(v6));
  CHECK(vpc.Union(v6).Intersects(v6));

  CHECK(vpc.Subtract(subnet).ToString() ==
        "10.0.0.0/24, 10.0.2.0/23, 10.0.4.0/22, 10.0.8.0/21, 10.0.16.0/20, 10.0.32.0/19, "
        "10.0.64.0/18, 10.0.128.0/17");
  CHECK(vpc.Subtract(subnet).Union(subnet) == vpc);
  CHECK(vpc.Intersect(subnet) == subnet);
  CHECK(vpc.Union(v6).ToString() == "10.0.0.0/16, 2600:1f18::/56");
  CHECK(v6.Union(vpc) == vpc.Union(v6));
  CHECK(AddressSet::AllV4().Subtract(AddressSet::Of(MustCidr("0.0.0.0/1"))).ToString() == "128.0.0.0/1");

  // Of(list): duplicates, nesting and adjacency collapse into the minimal cover.
  AddressSet merged = AddressSet::Of(std::vector<Cidr>{MustCidr("10.0.1.0/24"), MustCidr("10.0.0.0/24"),
                                                       MustCidr("10.0.0.128/25"), MustCidr("::/1"),
                                                       MustCidr("8000::/1"), MustCidr("10.0.2.0/24")});
  CHECK(merged.ToString() == "10.0.0.0/23, 10.0.2.0/24, ::/0");
  CHECK(Texts(merged.ToCidrs()) == std::vector<std::string>{"10.0.0.0/23", "10.0.2.0/24", "::/0"});
  CHECK(AddressSet::Of(std::vector<Cidr>{}).IsEmpty());

  // RFC 1918 + RFC 6598 removed from the IPv4 space: the "internet" of the CLI contract.
  AddressSet private_ranges =
      AddressSet::Of(std::vector<Cidr>{MustCidr("10.0.0.0/8"), MustCidr("172.16.0.0/12"),
                                       MustCidr("192.168.0.0/16"), MustCidr("100.64.0.0/10")});
  AddressSet internet = AddressSet::AllV4().Subtract(private_ranges);
  CHECK_FALSE(internet.Intersects(private_ranges));
  CHECK(internet.Union(private_ranges) == AddressSet::AllV4());
  CHECK(internet.Contains(MustIp("8.8.8.8")));
  CHECK_FALSE(internet.Contains(MustIp("172.31.0.1")));
  CHECK(internet.Complement().v4 == private_ranges.v4);
  CHECK(internet.Complement().v6.IsAll());
}

/// Whether two blocks are siblings, i.e. could be replaced by their common parent.
bool Mergeable(const Cidr& a, const Cidr& b) {
  if (a.family() != b.family() || a.length != b.length || a.length == 0) return false;
  const Uint128 size_bit = Uint128{1} << (FamilyBits(a.family()) - a.length);
  return (a.base.bits ^ b.base.bits) == size_bit;
}

/// The union of `cidrs`, built independently of AddressSet::Of (they must be sorted).
AddressSet UnionOfSorted(const std::vector<Cidr>& cidrs) {
  AddressSet out;
  for (const Cidr& c : cidrs) {
    if (c.family() == Family::kV4) {
      out.v4.AppendMerging({c.First().v4(), c.Last().v4()});
    } else {
      out.v6.AppendMerging({c.First().bits, c.Last().bits});
    }
  }
  return out;
}

/// Checks that `cidrs` is exactly `set`, ascending with IPv4 first and disjoint, and that no
/// two blocks could be merged (siblings are adjacent in address order, so checking
/// neighbours is enough).
void CheckCover(const AddressSet& set, const std::vector<Cidr>& cidrs) {
  for (std::size_t i = 1; i < cidrs.size(); ++i) {
    const Cidr& prev = cidrs[i - 1];
    const Cidr& next = cidrs[i];
    bool ordered = prev.family() < next.family() ||
                   (prev.family() == next.family() && prev.Last().bits < next.First().bits);
    if (!ordered) FAIL_CHECK(prev.ToString() << " is not before " << next.ToString());
    if (Mergeable(prev, next))
      FAIL_CHECK(prev.ToString() << " and " << next.ToString() << " could be merged");
  }
  CHECK(UnionOfSorted(cidrs) == set);
}

/// The fewest aligned blocks whose union is exactly `members` (a subset of [0, 256)), by
/// dynamic programming over prefixes; independent of the greedy algorithm under test.
std::size_t BruteForceMinimalCover(const std::vector<bool>& members) {
  const std::size_t n = members.size();
  std::vector<std::size_t> count(n + 1, 0);  // count[i]: members below i
  for (std::size_t i = 0; i < n; ++i) count[i + 1] = count[i] + (members[i] ? 1 : 0);
  std::vector<std::size_t> best(n + 1, 0);
  for (std::size_t end = 1; end <= n; ++end) {
    if (!members[end - 1]) {
      best[end] = best[end - 1];
      continue;
    }
    best[end] = n + 1;
    // Every aligned block [start, end) made only of members.
    for (std::size_t size = 1; size <= end && (end - size) % size == 0; size *= 2) {
      std::size_t start = end - size;
      if (count[end] - count[start] != size) break;
      best[end] = std::min(best[end], best[start] + 1);
    }
  }
  return best[n];
}

TEST_CASE("AddressSet: ToCidrs is exact and minimal on small universes (property)", "[net][property]") {
  std::mt19937_64 rng(99);
  // The 256-address universe is placed at the bottom and at the very top of each family.
  const Uint128 offsets4[] = {0, Uint128{0xC0A80100}, Uint128{0xFFFFFF00}};
  const Uint128 offsets6[] = {0, kMax128 - 255, Uint128{0x20010db8} << 96};
  for (int iteration = 0; iteration < 600; ++iteration) {
    std::vector<bool> members(256, false);
    // Runs of random length give both long blocks and ragged edges.
    const int runs = static_cast<int>(rng() % 6);
    for (int r = 0; r < runs; ++r) {
      std::size_t lo = rng() % 256, length = 1 + rng() % 90;
      for (std::size_t x = lo; x < std::min<std::size_t>(256, lo + length); ++x) members[x] = rng() % 16 != 0;
    }
    const std::size_t expected = BruteForceMinimalCover(members);
    for (int f = 0; f < 2; ++f) {
      const Family family = f == 0 ? Family::kV4 : Family::kV6;
      const Uint128 offset = f == 0 ? offsets4[iteration % 3] : offsets6[iteration % 3];
      AddressSet set;
      for (std::size_t x = 0; x < 256; ++x) {
        if (!members[x]) continue;
        if (family == Family::kV4) {
          auto value = static_cast<std::uint32_t>(offset + x);
          set.v4.AppendMerging({value, value});
        } else {
          set.v6.AppendMerging({offset + x, offset + x});
        }
      }
      INFO("iteration " << iteration << " family " << f << ": " << set.ToString());
      std::vector<Cidr> cidrs = set.ToCidrs();
      CHECK(cidrs.size() == expected);
      CheckCover(set, cidrs);
      std::vector<bool> covered(256, false);
      for (const Cidr& c : cidrs) {
        REQUIRE(c.First().bits >= offset);
        REQUIRE(c.Last().bits <= offset + 255);
        const auto first = static_cast<std::size_t>(c.First().bits - offset);
        const auto last = static_cast<std::size_t>(c.Last().bits - offset);
        for (std::size_t x = first; x <= last; ++x) covered[x] = true;
      }
      CHECK(covered == members);
    }
  }
}

TEST_CASE("AddressSet: ToCidrs is exact on random dual-stack sets (property)", "[net][property]") {
  std::mt19937_64 rng(100);
  auto random_cidr = [&](Family family) {
    int bits = FamilyBits(family);
    Uint128 value = (Uint128{rng()} << 64) | rng();
    if (rng() % 3 == 0) value = rng() % 2 == 0 ? kMax128 - (rng() % 1024) : rng() % 1024;
    int length = rng() % 4 == 0 ? static_cast<int>(rng() % static_cast<std::uint64_t>(bits + 1))
                                : bits - static_cast<int>(rng() % 12);
    return *ParseCidr(IpAddress{family, family == Family::kV4 ? value & 0xFFFFFFFF : value}.ToString() + "/" +
                      std::to_string(length))
                .cidr;
  };
  for (int iteration = 0; iteration < 500; ++iteration) {
    AddressSet a, b;
    for (int i = 0; i < 5; ++i) {
      a = a.Union(AddressSet::Of(random_cidr(rng() % 2 == 0 ? Family::kV4 : Family::kV6)));
      b = b.Union(AddressSet::Of(random_cidr(rng() % 2 == 0 ? Family::kV4 : Family::kV6)));
    }
    INFO("iteration " << iteration << ": A=" << a.ToString() << " B=" << b.ToString());
    for (const AddressSet& set : {a, b, a.Union(b), a.Subtract(b), a.Complement(), a.Intersect(b)}) {
      CheckCover(set, set.ToCidrs());
    }
    CHECK(a.Subtract(b) == a.Intersect(b.Complement()));
    CHECK(a.Complement().Complement() == a);
    CHECK(a.Contains(a.Intersect(b)));
    CHECK(a.Intersects(b) == !a.Intersect(b).IsEmpty());
    CHECK(a.Union(b).Contains(b));
  }
}

}  // namespace
}  // namespace reachcheck::net
