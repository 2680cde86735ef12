// SPDX-License-Identifier: Apache-2.0
// Private helper: strict decimal numbers (digits only, no sign, no leading zeros) for the
// address, prefix-length, port and protocol parsers.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace reachcheck::net::internal {

/// The value of `text` when it is a canonical decimal number ("0", "17"; not "", "+1",
/// "017", " 1") no greater than `max`; nothing otherwise.
inline std::optional<std::uint32_t> ParseDecimal(std::string_view text, std::uint32_t max) {
  if (text.empty() || text.size() > 10) return std::nullopt;
  if (text.size() > 1 && text[0] == '0') return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (value > max) return std::nullopt;
  return static_cast<std::uint32_t>(value);
}

/// Whether `text` is one or more ASCII digits.
inline bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace reachcheck::net::internal
