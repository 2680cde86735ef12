// SPDX-License-Identifier: Apache-2.0
// Shared helpers for the net unit tests: readable Catch2 output for 128-bit values,
// addresses, CIDRs and interval sets, plus literal builders.
#pragma once

#include <catch2/catch.hpp>
#include <cstdint>
#include <initializer_list>
#include <string>

#include "reachcheck/net/cidr.h"
#include "reachcheck/net/interval_set.h"
#include "reachcheck/net/ip_address.h"
#include "reachcheck/net/uint128.h"

namespace reachcheck::net::testing {

/// Hex text of a 128-bit value, "0x" prefixed.
inline std::string Hex(Uint128 value) {
  if (value == 0) return "0x0";
  std::string digits;
  while (value != 0) {
    digits.insert(digits.begin(), "0123456789abcdef"[static_cast<unsigned>(value & 0xF)]);
    value >>= 4;
  }
  return "0x" + digits;
}

/// A 128-bit value from eight 16-bit groups, most significant first.
inline Uint128 Groups(std::initializer_list<unsigned> groups) {
  Uint128 value = 0;
  for (unsigned g : groups) value = (value << 16) | (g & 0xFFFF);
  return value;
}

/// 2^128 - 1.
inline constexpr Uint128 kMax128 = ~Uint128{0};

/// Test-side parse that must succeed (fails the test otherwise).
inline Cidr MustCidr(const char* text) {
  CidrParse parsed = ParseCidr(text);
  INFO("parsing " << text << ": " << parsed.error);
  REQUIRE(parsed.cidr.has_value());
  return *parsed.cidr;
}

inline IpAddress MustIp(const char* text) {
  std::optional<IpAddress> parsed = ParseIpAddress(text);
  INFO("parsing " << text);
  REQUIRE(parsed.has_value());
  return *parsed;
}

}  // namespace reachcheck::net::testing

namespace Catch {

template <>
struct StringMaker<reachcheck::net::Uint128> {
  static std::string convert(reachcheck::net::Uint128 value) { return reachcheck::net::testing::Hex(value); }
};

template <>
struct StringMaker<reachcheck::net::IpAddress> {
  static std::string convert(const reachcheck::net::IpAddress& address) {
    return address.ToString() + (address.is_v4() ? " (v4)" : " (v6)");
  }
};

template <>
struct StringMaker<reachcheck::net::Cidr> {
  static std::string convert(const reachcheck::net::Cidr& cidr) {
    return cidr.base.ToString() + "/" + std::to_string(cidr.length);
  }
};

template <typename T>
struct StringMaker<reachcheck::net::IntervalSet<T>> {
  static std::string convert(const reachcheck::net::IntervalSet<T>& set) {
    std::string out = "{";
    for (const auto& i : set.Intervals()) {
      if (out.size() > 1) out += ", ";
      out += "[" + reachcheck::net::testing::Hex(i.lo) + ", " + reachcheck::net::testing::Hex(i.hi) + "]";
    }
    return out + "}";
  }
};

}  // namespace Catch
