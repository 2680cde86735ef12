// SPDX-License-Identifier: Apache-2.0
// Port sets and port-range text ("443", "1024-65535").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reachcheck/net/interval_set.h"

namespace reachcheck::net {

using PortSet = IntervalSet<std::uint16_t>;

/// "N" or "A-B" with 0 <= A <= B <= 65535, in plain decimal (no sign, spaces or leading
/// zeros: "022" is rejected); anything else is rejected.
std::optional<PortSet> ParsePortRange(std::string_view text);

/// Each interval as "N" or "A-B", ascending.
std::vector<std::string> PortRanges(const PortSet& ports);
/// PortRanges joined with ","; "(none)" when empty.
std::string PortSetToString(const PortSet& ports);

/// The ephemeral range AWS documents for client source ports and NAT translations.
inline PortSet EphemeralPorts() { return PortSet::Range(1024, 65535); }

}  // namespace reachcheck::net
