// SPDX-License-Identifier: Apache-2.0
// IPv4 and IPv6 addresses: strict parsing, canonical printing, ordering.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "reachcheck/net/uint128.h"

namespace reachcheck::net {

enum class Family : std::uint8_t { kV4, kV6 };

/// An address of either family. For kV4 only the low 32 bits of `bits` are used.
struct IpAddress {
  Family family = Family::kV4;
  PackedUint128 bits;

  static IpAddress V4(std::uint32_t value) { return IpAddress{Family::kV4, value}; }
  static IpAddress V6(Uint128 value) { return IpAddress{Family::kV6, value}; }
  std::uint32_t v4() const { return static_cast<std::uint32_t>(Uint128(bits)); }
  bool is_v4() const { return family == Family::kV4; }

  /// Canonical text: dotted quad, or RFC 5952 IPv6 ("2600:1f18::5").
  std::string ToString() const;
  auto operator<=>(const IpAddress&) const = default;
};

/// Strict parse: "10.0.0.256", "1.2.3", leading zeros like "010.0.0.1", empty parts and
/// trailing junk are rejected. IPv6 accepts "::" compression and an embedded dotted quad.
std::optional<IpAddress> ParseIpAddress(std::string_view text);
std::optional<IpAddress> ParseIpv4(std::string_view text);
std::optional<IpAddress> ParseIpv6(std::string_view text);

/// Number of bits in an address of `family` (32 or 128).
inline int FamilyBits(Family family) { return family == Family::kV4 ? 32 : 128; }

}  // namespace reachcheck::net
