// SPDX-License-Identifier: Apache-2.0
// Dual-stack address sets and their minimal CIDR cover.
#include "reachcheck/net/address_set.h"

#include <bit>
#include <cstdint>

#include "net/masks.h"

namespace reachcheck::net {
namespace {

/// Number of trailing zero bits of `value`; 128 for 0.
int TrailingZeros(Uint128 value) {
  auto low = static_cast<std::uint64_t>(value);
  if (low != 0) return std::countr_zero(low);
  auto high = static_cast<std::uint64_t>(value >> 64);
  return high != 0 ? 64 + std::countr_zero(high) : 128;
}

/// Number of significant bits of `value` (0 for 0): floor(log2(value)) + 1.
int BitWidth(Uint128 value) {
  auto high = static_cast<std::uint64_t>(value >> 64);
  if (high != 0) return 64 + static_cast<int>(std::bit_width(high));
  return static_cast<int>(std::bit_width(static_cast<std::uint64_t>(value)));
}

}  // namespace

std::vector<Cidr> IntervalToCidrs(Uint128 lo, Uint128 hi, Family family) {
  std::vector<Cidr> out;
  const int width = FamilyBits(family);
  const Uint128 max = internal::FamilyMax(family);
  if (hi > max) hi = max;
  if (lo > hi) return out;
  // Greedy: at each step take the largest block that starts at `lo` (so is aligned to
  // `lo`'s trailing zeros) and does not pass `hi`. That is optimal for one interval.
  // All arithmetic stays within [lo, hi], so nothing overflows even for 0..2^128-1.
  while (true) {
    int align = TrailingZeros(lo);
    if (align > width) align = width;
    // The largest k with 2^k - 1 <= hi - lo. Computed from hi - lo rather than the interval's
    // size hi - lo + 1, which overflows for the full 128-bit range.
    Uint128 span = hi - lo;
    int fit = BitWidth(span);  // span < 2^fit, so k is fit when span == 2^fit - 1, else fit - 1
    if (internal::LowOnes(fit) != span) --fit;
    int k = align < fit ? align : fit;
    Uint128 size_minus_one = internal::LowOnes(k);
    out.push_back(Cidr{IpAddress{family, lo}, width - k});
    Uint128 last = lo + size_minus_one;
    if (last == hi) break;
    lo = last + 1;
  }
  return out;
}

AddressSet AddressSet::Of(const Cidr& cidr) {
  AddressSet out;
  if (cidr.family() == Family::kV4) {
    out.v4 = IntervalSet<std::uint32_t>::Range(cidr.First().v4(), cidr.Last().v4());
  } else {
    out.v6 = IntervalSet<Uint128>::Range(cidr.First().bits, cidr.Last().bits);
  }
  return out;
}

AddressSet AddressSet::Of(const IpAddress& address) { return Of(Cidr::Host(address)); }

AddressSet AddressSet::Of(const std::vector<Cidr>& cidrs) {
  AddressSet out;
  for (const Cidr& cidr : cidrs) out = out.Union(Of(cidr));
  return out;
}

bool AddressSet::Contains(const IpAddress& address) const {
  return address.is_v4() ? v4.Contains(address.v4()) : v6.Contains(address.bits);
}

bool AddressSet::Contains(const AddressSet& other) const {
  return v4.Contains(other.v4) && v6.Contains(other.v6);
}

bool AddressSet::Intersects(const AddressSet& other) const {
  return v4.Intersects(other.v4) || v6.Intersects(other.v6);
}

AddressSet AddressSet::Union(const AddressSet& other) const {
  return {v4.Union(other.v4), v6.Union(other.v6)};
}

AddressSet AddressSet::Intersect(const AddressSet& other) const {
  return {v4.Intersect(other.v4), v6.Intersect(other.v6)};
}

AddressSet AddressSet::Subtract(const AddressSet& other) const {
  return {v4.Subtract(other.v4), v6.Subtract(other.v6)};
}

AddressSet AddressSet::Complement() const { return {v4.Complement(), v6.Complement()}; }

std::vector<Cidr> AddressSet::ToCidrs() const {
  // A CIDR block is contiguous, so in a cover of this set each block lies inside one of the
  // maximal intervals; the minimal cover is the union of each interval's minimal cover.
  std::vector<Cidr> out;
  for (const auto& interval : v4.Intervals()) {
    std::vector<Cidr> part = IntervalToCidrs(interval.lo, interval.hi, Family::kV4);
    out.insert(out.end(), part.begin(), part.end());
  }
  for (const auto& interval : v6.Intervals()) {
    std::vector<Cidr> part = IntervalToCidrs(interval.lo, interval.hi, Family::kV6);
    out.insert(out.end(), part.begin(), part.end());
  }
  return out;
}

std::string AddressSet::ToString() const {
  std::vector<Cidr> cidrs = ToCidrs();
  if (cidrs.empty()) return "(none)";
  std::string out;
  for (const Cidr& cidr : cidrs) {
    if (!out.empty()) out += ", ";
    out += cidr.ToString();
  }
  return out;
}

}  // namespace reachcheck::net
