// SPDX-License-Identifier: Apache-2.0
// Port-range parsing ("443", "1024-65535") and printing.
#include "reachcheck/net/port_set.h"

#include "net/decimal.h"

namespace reachcheck::net {

std::optional<PortSet> ParsePortRange(std::string_view text) {
  std::size_t dash = text.find('-');
  if (dash == std::string_view::npos) {
    std::optional<std::uint32_t> port = internal::ParseDecimal(text, 65535);
    if (!port) return std::nullopt;
    return PortSet::Single(static_cast<std::uint16_t>(*port));
  }
  std::optional<std::uint32_t> lo = internal::ParseDecimal(text.substr(0, dash), 65535);
  std::optional<std::uint32_t> hi = internal::ParseDecimal(text.substr(dash + 1), 65535);
  if (!lo || !hi || *lo > *hi) return std::nullopt;
  return PortSet::Range(static_cast<std::uint16_t>(*lo), static_cast<std::uint16_t>(*hi));
}

std::vector<std::string> PortRanges(const PortSet& ports) {
  std::vector<std::string> out;
  out.reserve(ports.Intervals().size());
  for (const auto& interval : ports.Intervals()) {
    std::string text = std::to_string(interval.lo);
    if (interval.hi != interval.lo) text += "-" + std::to_string(interval.hi);
    out.push_back(std::move(text));
  }
  return out;
}

std::string PortSetToString(const PortSet& ports) {
  if (ports.IsEmpty()) return "(none)";
  std::string out;
  for (const std::string& range : PortRanges(ports)) {
    if (!out.empty()) out += ',';
    out += range;
  }
  return out;
}

}  // namespace reachcheck::net
