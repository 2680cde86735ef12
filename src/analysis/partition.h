// SPDX-License-Identifier: Apache-2.0
// Cutting an address set along sorted, disjoint address ranges (subnets, VPC blocks, route
// prefixes) or picking out sorted single addresses (owned addresses), in time proportional
// to the answer plus a binary search, never to the size of the network.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "reachcheck/net/address_set.h"
#include "reachcheck/net/interval_set.h"
#include "reachcheck/net/uint128.h"

namespace reachcheck::analysis::detail {

/// A range [lo, hi] of one family carrying a payload; vectors of them are sorted by lo.
template <typename P>
struct Span {
  net::Uint128 lo = 0;
  net::Uint128 hi = 0;
  P payload{};
};

/// A single address carrying a payload; vectors of them are sorted by address.
template <typename P>
struct Point {
  net::Uint128 address = 0;
  P payload{};
};

/// Per family: v4 and v6 ranges/points.
template <typename P>
struct SpanIndex {
  std::vector<Span<P>> v4, v6;
};
template <typename P>
struct PointIndex {
  std::vector<Point<P>> v4, v6;
};

/// Calls fn(span, lo, hi) for each overlap of `set` with the spans, ascending.
template <typename T, typename P, typename F>
void ForEachOverlap(const net::IntervalSet<T>& set, const std::vector<Span<P>>& spans, F&& fn) {
  if (spans.empty()) return;
  for (const auto& interval : set.Intervals()) {
    const net::Uint128 lo = interval.lo, hi = interval.hi;
    auto it = std::partition_point(spans.begin(), spans.end(), [&](const Span<P>& s) { return s.hi < lo; });
    for (; it != spans.end() && it->lo <= hi; ++it) {
      fn(*it, static_cast<T>(std::max(lo, it->lo)), static_cast<T>(std::min(hi, it->hi)));
    }
  }
}

/// Calls fn(point) for each point inside `set`, ascending.
template <typename T, typename P, typename F>
void ForEachPoint(const net::IntervalSet<T>& set, const std::vector<Point<P>>& points, F&& fn) {
  if (points.empty()) return;
  for (const auto& interval : set.Intervals()) {
    const net::Uint128 lo = interval.lo, hi = interval.hi;
    auto it =
        std::partition_point(points.begin(), points.end(), [&](const Point<P>& p) { return p.address < lo; });
    for (; it != points.end() && it->address <= hi; ++it) fn(*it);
  }
}

/// The span holding `address`, or nullptr.
template <typename P>
const Span<P>* FindSpan(const std::vector<Span<P>>& spans, net::Uint128 address) {
  auto it =
      std::partition_point(spans.begin(), spans.end(), [&](const Span<P>& s) { return s.hi < address; });
  return it != spans.end() && it->lo <= address ? &*it : nullptr;
}

/// The first point at `address`, or nullptr (several points may share an address).
template <typename P>
const Point<P>* FindPoint(const std::vector<Point<P>>& points, net::Uint128 address) {
  auto it = std::partition_point(points.begin(), points.end(),
                                 [&](const Point<P>& p) { return p.address < address; });
  return it != points.end() && it->address == address ? &*it : nullptr;
}

/// Sorts spans/points by address (stable, so that earlier entries win ties).
template <typename P>
void SortSpans(std::vector<Span<P>>& spans) {
  std::stable_sort(spans.begin(), spans.end(),
                   [](const Span<P>& a, const Span<P>& b) { return a.lo < b.lo; });
}
template <typename P>
void SortPoints(std::vector<Point<P>>& points) {
  std::stable_sort(points.begin(), points.end(),
                   [](const Point<P>& a, const Point<P>& b) { return a.address < b.address; });
}

/// Builds an interval set from ascending values.
template <typename T>
void AppendValue(net::IntervalSet<T>& set, net::Uint128 value) {
  set.AppendMerging({static_cast<T>(value), static_cast<T>(value)});
}

}  // namespace reachcheck::analysis::detail
