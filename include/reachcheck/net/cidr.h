// SPDX-License-Identifier: Apache-2.0
// CIDR blocks of either family: parsing (with host-bit detection), printing, containment.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "reachcheck/net/ip_address.h"

namespace reachcheck::net {

/// A prefix. Invariant: host bits of `base` are zero (ParseCidr clears and reports them).
struct Cidr {
  IpAddress base;
  int length = 0;

  Family family() const { return base.family; }
  IpAddress First() const { return base; }
  IpAddress Last() const;
  bool Contains(const IpAddress& address) const;
  bool Contains(const Cidr& other) const;
  bool Overlaps(const Cidr& other) const;
  std::string ToString() const;  ///< "10.0.0.0/16", "2600:1f18::/56"
  auto operator<=>(const Cidr&) const = default;

  /// The /32 or /128 holding exactly `address`.
  static Cidr Host(const IpAddress& address);
};

struct CidrParse {
  std::optional<Cidr> cidr;    ///< empty when the text is not a CIDR
  bool host_bits_set = false;  ///< "10.0.0.5/16": accepted as 10.0.0.0/16, flagged
  std::string error;           ///< why it was rejected, when `cidr` is empty
};

/// Strict parse of "A/L". A bare address without "/L" is rejected.
CidrParse ParseCidr(std::string_view text);

}  // namespace reachcheck::net
