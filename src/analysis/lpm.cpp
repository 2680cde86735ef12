// SPDX-License-Identifier: Apache-2.0
// Flattens a route table by painting its prefixes from the least to the most preferred, so
// that each address range ends up with its longest-prefix-match winner. O(R log R).
#include "analysis/lpm.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <map>
#include <numeric>

namespace reachcheck::analysis::detail {
namespace {

struct Segment {
  net::Uint128 hi;
  int entry;
};
using Paint = std::map<net::Uint128, Segment>;

/// Cuts the segment holding `at` (if any) so that a segment starts at `at`.
void CutAt(Paint& paint, net::Uint128 at) {
  auto it = paint.upper_bound(at);
  if (it == paint.begin()) return;
  --it;
  if (it->first == at || it->second.hi < at) return;
  Segment tail{it->second.hi, it->second.entry};
  it->second.hi = at - 1;
  paint.emplace(at, tail);
}

void PaintRange(Paint& paint, net::Uint128 lo, net::Uint128 hi, int entry) {
  CutAt(paint, lo);
  if (hi != std::numeric_limits<net::Uint128>::max()) CutAt(paint, hi + 1);
  paint.erase(paint.lower_bound(lo), paint.upper_bound(hi));
  paint.emplace(lo, Segment{hi, entry});
}

std::vector<Span<int>> Flatten(const Paint& paint) {
  std::vector<Span<int>> out;
  out.reserve(paint.size());
  for (const auto& [lo, segment] : paint) out.push_back({lo, segment.hi, segment.entry});
  return out;
}

}  // namespace

SpanIndex<int> BuildLpm(const std::vector<RouteEntry>& entries) {
  std::vector<int> order(entries.size());
  std::iota(order.begin(), order.end(), 0);
  // Least preferred first: shorter prefixes, then higher rank, then later entries.
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const RouteEntry& x = entries[a];
    const RouteEntry& y = entries[b];
    if (x.prefix.length != y.prefix.length) return x.prefix.length < y.prefix.length;
    if (x.rank != y.rank) return x.rank > y.rank;
    return a > b;
  });
  Paint v4, v6;
  for (int i : order) {
    const net::Cidr& c = entries[i].prefix;
    PaintRange(c.family() == net::Family::kV4 ? v4 : v6, c.First().bits, c.Last().bits, i);
  }
  return {Flatten(v4), Flatten(v6)};
}

}  // namespace reachcheck::analysis::detail
