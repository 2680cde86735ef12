// SPDX-License-Identifier: Apache-2.0
// ICMP and ICMPv6 type/code values packed into the port dimension (type * 256 + code), and
// their names.
#include <cstdint>

#include "reachcheck/net/protocol.h"

namespace reachcheck::net {
namespace {

/// The name of a common ICMP (or ICMPv6) type, or nullptr.
const char* IcmpTypeName(unsigned type, bool v6) {
  if (v6) {
    switch (type) {
      case 1:
        return "destination-unreachable";
      case 2:
        return "packet-too-big";
      case 3:
        return "time-exceeded";
      case 4:
        return "parameter-problem";
      case 128:
        return "echo-request";
      case 129:
        return "echo-reply";
      default:
        return nullptr;
    }
  }
  switch (type) {
    case 0:
      return "echo-reply";
    case 3:
      return "destination-unreachable";
    case 5:
      return "redirect";
    case 8:
      return "echo-request";
    case 11:
      return "time-exceeded";
    case 12:
      return "parameter-problem";
    default:
      return nullptr;
  }
}

/// "echo-request" or "type 42": the whole type, every code.
std::string TypeText(unsigned type, bool v6) {
  const char* name = IcmpTypeName(type, v6);
  return name != nullptr ? std::string(name) : "type " + std::to_string(type);
}

/// "time-exceeded code 1", "type 42 codes 0-3": some codes of one type.
std::string CodesText(unsigned type, unsigned first, unsigned last, bool v6) {
  std::string out = TypeText(type, v6);
  if (first == last) return out + " code " + std::to_string(first);
  return out + " codes " + std::to_string(first) + "-" + std::to_string(last);
}

}  // namespace

PortSet IcmpTypeCodeSet(int type, int code) {
  if (type == -1) return PortSet::All();
  if (type < 0 || type > 255 || code < -1 || code > 255) return PortSet();
  auto base = static_cast<std::uint16_t>(type * 256);
  if (code == -1) return PortSet::Range(base, static_cast<std::uint16_t>(base + 255));
  return PortSet::Single(static_cast<std::uint16_t>(base + code));
}

std::string IcmpToString(std::uint16_t packed, bool v6) {
  unsigned type = packed >> 8;
  unsigned code = packed & 0xFFu;
  const char* name = IcmpTypeName(type, v6);
  if (name == nullptr) return "type " + std::to_string(type) + " code " + std::to_string(code);
  if (code == 0) return name;
  return std::string(name) + " code " + std::to_string(code);
}

std::string IcmpSetToString(const PortSet& packed, bool v6) {
  if (packed.IsEmpty()) return "(none)";
  if (packed.IsAll()) return "all";
  std::string out;
  auto append = [&out](const std::string& piece) {
    if (!out.empty()) out += ',';
    out += piece;
  };
  for (const auto& interval : packed.Intervals()) {
    std::uint32_t lo = interval.lo;
    const std::uint32_t hi = interval.hi;
    while (lo <= hi) {
      unsigned type = lo >> 8;
      unsigned code = lo & 0xFFu;
      if (code == 0 && hi >= lo + 255) {
        // One or more whole types.
        unsigned last_type = ((hi + 1) >> 8) - 1;
        append(last_type == type ? TypeText(type, v6)
                                 : "types " + std::to_string(type) + "-" + std::to_string(last_type));
        lo = (last_type + 1) << 8;
      } else {
        std::uint32_t end = hi < (lo | 0xFFu) ? hi : (lo | 0xFFu);
        append(CodesText(type, code, end & 0xFFu, v6));
        lo = end + 1;
      }
    }
  }
  return out;
}

}  // namespace reachcheck::net
