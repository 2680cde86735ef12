// SPDX-License-Identifier: Apache-2.0
// Private helper: prefix masks and block arithmetic on Uint128, free of shift overflow.
#pragma once

#include "reachcheck/net/ip_address.h"
#include "reachcheck/net/uint128.h"

namespace reachcheck::net::internal {

/// 2^bits - 1 for 0 <= bits <= 128 (all ones for 128).
inline Uint128 LowOnes(int bits) {
  if (bits <= 0) return 0;
  if (bits >= 128) return ~Uint128{0};
  return (Uint128{1} << bits) - 1;
}

/// The largest address of `family`: 2^32 - 1 or 2^128 - 1.
inline Uint128 FamilyMax(Family family) { return LowOnes(FamilyBits(family)); }

/// The host part of a /length prefix; length is clamped to 0..FamilyBits(family).
inline Uint128 HostMask(Family family, int length) {
  int bits = FamilyBits(family);
  if (length < 0) length = 0;
  if (length > bits) length = bits;
  return LowOnes(bits - length);
}

/// The network part of a /length prefix, within the family's width.
inline Uint128 NetMask(Family family, int length) { return FamilyMax(family) & ~HostMask(family, length); }

}  // namespace reachcheck::net::internal
