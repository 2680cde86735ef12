// SPDX-License-Identifier: Apache-2.0
// Sets of IPv4 and IPv6 addresses, printed back as a minimal list of CIDR blocks.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "reachcheck/net/cidr.h"
#include "reachcheck/net/interval_set.h"
#include "reachcheck/net/uint128.h"

namespace reachcheck::net {

/// A dual-stack address set: one interval set per family.
struct AddressSet {
  IntervalSet<std::uint32_t> v4;
  IntervalSet<Uint128> v6;

  static AddressSet Empty() { return {}; }
  static AddressSet AllV4() { return {IntervalSet<std::uint32_t>::All(), {}}; }
  static AddressSet AllV6() { return {{}, IntervalSet<Uint128>::All()}; }
  static AddressSet All() { return {IntervalSet<std::uint32_t>::All(), IntervalSet<Uint128>::All()}; }
  static AddressSet Of(const Cidr& cidr);
  static AddressSet Of(const IpAddress& address);
  static AddressSet Of(const std::vector<Cidr>& cidrs);

  bool IsEmpty() const { return v4.IsEmpty() && v6.IsEmpty(); }
  bool Contains(const IpAddress& address) const;
  bool Contains(const AddressSet& other) const;
  bool Intersects(const AddressSet& other) const;
  AddressSet Union(const AddressSet& other) const;
  AddressSet Intersect(const AddressSet& other) const;
  AddressSet Subtract(const AddressSet& other) const;
  /// Complement within both families.
  AddressSet Complement() const;

  /// The fewest CIDR blocks whose union is exactly this set, IPv4 first, ascending.
  std::vector<Cidr> ToCidrs() const;
  /// ToCidrs() joined with ", "; "(none)" when empty.
  std::string ToString() const;
  bool operator==(const AddressSet&) const = default;
};

/// Minimal CIDR cover of one interval [lo, hi] in a space of `bits` bits.
std::vector<Cidr> IntervalToCidrs(Uint128 lo, Uint128 hi, Family family);

}  // namespace reachcheck::net
