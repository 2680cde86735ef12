// SPDX-License-Identifier: Apache-2.0
// Strict IPv4/IPv6 address parsing and canonical (RFC 5952) printing.
#include "reachcheck/net/ip_address.h"

#include <array>
#include <cstddef>

#include "net/decimal.h"

namespace reachcheck::net {
namespace {

/// Splits `text` on `sep`; "a..b" gives an empty middle part, "" gives one empty part.
template <std::size_t N>
bool SplitExactly(std::string_view text, char sep, std::array<std::string_view, N>& parts) {
  std::size_t count = 0;
  while (true) {
    std::size_t pos = text.find(sep);
    if (count == N) return false;
    parts[count++] = text.substr(0, pos);
    if (pos == std::string_view::npos) break;
    text.remove_prefix(pos + 1);
  }
  return count == N;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// One IPv6 group: 1-4 hex digits, either case.
std::optional<std::uint16_t> ParseHexGroup(std::string_view text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  unsigned value = 0;
  for (char c : text) {
    int digit = HexDigit(c);
    if (digit < 0) return std::nullopt;
    value = value * 16 + static_cast<unsigned>(digit);
  }
  return static_cast<std::uint16_t>(value);
}

/// Parses the groups of one side of "::" (or of a whole uncompressed address) into `out`.
/// `allow_quad` lets the last group be a dotted quad, which fills two groups.
bool ParseGroups(std::string_view text, bool allow_quad, std::array<std::uint16_t, 8>& out,
                 std::size_t& count) {
  count = 0;
  if (text.empty()) return true;
  while (true) {
    std::size_t pos = text.find(':');
    std::string_view part = text.substr(0, pos);
    bool last = pos == std::string_view::npos;
    if (last && allow_quad && part.find('.') != std::string_view::npos) {
      std::optional<IpAddress> quad = ParseIpv4(part);
      if (!quad || count + 2 > out.size()) return false;
      out[count++] = static_cast<std::uint16_t>(quad->v4() >> 16);
      out[count++] = static_cast<std::uint16_t>(quad->v4() & 0xFFFF);
      return true;
    }
    std::optional<std::uint16_t> group = ParseHexGroup(part);
    if (!group || count == out.size()) return false;
    out[count++] = *group;
    if (last) return true;
    text.remove_prefix(pos + 1);
  }
}

char HexChar(unsigned digit) { return "0123456789abcdef"[digit & 0xF]; }

std::string Ipv4ToString(std::uint32_t value) {
  std::string out;
  for (int shift = 24; shift >= 0; shift -= 8) {
    out += std::to_string((value >> shift) & 0xFF);
    if (shift > 0) out += '.';
  }
  return out;
}

std::string Ipv6ToString(Uint128 value) {
  std::array<unsigned, 8> groups{};
  for (int i = 0; i < 8; ++i) {
    groups[static_cast<std::size_t>(i)] = static_cast<unsigned>((value >> (112 - 16 * i)) & 0xFFFF);
  }
  // RFC 5952 4.2: compress the longest run of two or more zero groups, the first on ties.
  int best_start = -1, best_length = 1;
  for (int i = 0; i < 8;) {
    if (groups[static_cast<std::size_t>(i)] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && groups[static_cast<std::size_t>(j)] == 0) ++j;
    if (j - i > best_length) {
      best_start = i;
      best_length = j - i;
    }
    i = j;
  }
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == best_start) {
      out += "::";
      i += best_length - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    unsigned group = groups[static_cast<std::size_t>(i)];
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      unsigned digit = (group >> shift) & 0xF;
      if (digit != 0 || started || shift == 0) {
        out += HexChar(digit);
        started = true;
      }
    }
  }
  return out;
}

}  // namespace

std::string IpAddress::ToString() const {
  return family == Family::kV4 ? Ipv4ToString(v4()) : Ipv6ToString(bits);
}

std::optional<IpAddress> ParseIpv4(std::string_view text) {
  std::array<std::string_view, 4> parts;
  if (!SplitExactly(text, '.', parts)) return std::nullopt;
  std::uint32_t value = 0;
  for (std::string_view part : parts) {
    // ParseDecimal rejects leading zeros, which some parsers read as octal.
    std::optional<std::uint32_t> octet = internal::ParseDecimal(part, 255);
    if (!octet) return std::nullopt;
    value = (value << 8) | *octet;
  }
  return IpAddress::V4(value);
}

std::optional<IpAddress> ParseIpv6(std::string_view text) {
  std::array<std::uint16_t, 8> head{}, tail{};
  std::size_t head_count = 0, tail_count = 0;
  std::size_t gap = text.find("::");
  if (gap == std::string_view::npos) {
    if (!ParseGroups(text, true, head, head_count) || head_count != 8) return std::nullopt;
  } else {
    std::string_view before = text.substr(0, gap);
    std::string_view after = text.substr(gap + 2);
    if (after.find("::") != std::string_view::npos) return std::nullopt;
    if (!ParseGroups(before, false, head, head_count)) return std::nullopt;
    if (!ParseGroups(after, true, tail, tail_count)) return std::nullopt;
    // "::" stands for at least one zero group.
    if (head_count + tail_count > 7) return std::nullopt;
  }
  Uint128 value = 0;
  for (std::size_t i = 0; i < head_count; ++i) value |= Uint128{head[i]} << (112 - 16 * i);
  for (std::size_t i = 0; i < tail_count; ++i) {
    value |= Uint128{tail[i]} << (16 * (tail_count - 1 - i));
  }
  return IpAddress::V6(value);
}

std::optional<IpAddress> ParseIpAddress(std::string_view text) {
  return text.find(':') == std::string_view::npos ? ParseIpv4(text) : ParseIpv6(text);
}

}  // namespace reachcheck::net
