// SPDX-License-Identifier: Apache-2.0
// The coarse internet: walks stand the `internet` set in by every address outside private
// ranges and VPC blocks (a few intervals, where the exact set has a hole per modelled public
// address); InternetHosts then tells which pieces hold a real internet host.
#pragma once

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <span>
#include <vector>

#include "reachcheck/net/address_set.h"

namespace reachcheck::analysis::detail {

/// Answers "does this set hold an address that is not a modelled public address (an internet
/// host)?" in O(log n) per interval, with prefix sums over the modelled IPv4 intervals.
class InternetHosts {
 public:
  explicit InternetHosts(const net::AddressSet& modelled) : intervals_(modelled.v4.Intervals()) {
    sums_.reserve(intervals_.size() + 1);
    sums_.push_back(0);
    for (const auto& i : intervals_) sums_.push_back(sums_.back() + (std::uint64_t{i.hi} - i.lo + 1));
  }
  bool In(const net::AddressSet& set) const {
    if (!set.v6.IsEmpty()) return true;  // no IPv6 address is a modelled public one
    for (const auto& i : set.v4.Intervals()) {
      if (Modelled(i.lo, i.hi) < std::uint64_t{i.hi} - i.lo + 1) return true;
    }
    return false;
  }

 private:
  /// How many modelled addresses lie in [lo, hi].
  std::uint64_t Modelled(std::uint32_t lo, std::uint32_t hi) const {
    auto first =
        std::partition_point(intervals_.begin(), intervals_.end(), [&](const auto& i) { return i.hi < lo; });
    auto last = std::partition_point(first, intervals_.end(), [&](const auto& i) { return i.lo <= hi; });
    if (first == last) return 0;
    const std::size_t a = static_cast<std::size_t>(first - intervals_.begin());
    const std::size_t b = static_cast<std::size_t>(last - intervals_.begin());
    std::uint64_t count = sums_[b] - sums_[a];
    if (first->lo < lo) count -= lo - first->lo;
    if (std::prev(last)->hi > hi) count -= std::prev(last)->hi - hi;
    return count;
  }

  std::span<const net::IntervalSet<std::uint32_t>::Interval> intervals_;  // of the modelled set
  std::vector<std::uint64_t> sums_;
};

}  // namespace reachcheck::analysis::detail
