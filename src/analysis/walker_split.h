// SPDX-License-Identifier: Apache-2.0
// Template bodies of the walk's splitting helpers (included by walker.h). A flow that goes
// one way whole is moved on, not copied; `view` may be a member of it (read before the move).
#pragma once

#include <utility>
#include <vector>

namespace reachcheck::analysis::detail {

template <typename P, typename OnSpan, typename OnRest>
void SplitBySpans(Flow&& f, const AddrView& view, const SpanIndex<P>& spans, OnSpan&& on_span,
                  OnRest&& on_rest) {
  if (!view.linked) {
    const Span<P>* span = FindSpan(view.value.is_v4() ? spans.v4 : spans.v6, view.value.bits);
    if (span != nullptr)
      on_span(*span, std::move(f));
    else
      on_rest(std::move(f));
    return;
  }
  const net::AddressSet& set = view.dim == Dim::kSrc ? f.box.src : f.box.dst;
  std::vector<std::pair<const Span<P>*, net::AddressSet>> parts;
  net::AddressSet covered;
  ForEachOverlap(set.v4, spans.v4, [&](const Span<P>& s, auto lo, auto hi) {
    if (parts.empty() || parts.back().first != &s) parts.push_back({&s, {}});
    parts.back().second.v4.AppendMerging({lo, hi});
    covered.v4.AppendMerging({lo, hi});
  });
  ForEachOverlap(set.v6, spans.v6, [&](const Span<P>& s, auto lo, auto hi) {
    if (parts.empty() || parts.back().first != &s) parts.push_back({&s, {}});
    parts.back().second.v6.AppendMerging({lo, hi});
    covered.v6.AppendMerging({lo, hi});
  });
  if (parts.size() == 1 && covered == set) {
    on_span(*parts.front().first, std::move(f));
    return;
  }
  for (auto& [span, part] : parts) on_span(*span, WithAddresses(f, view.dim, std::move(part)));
  net::AddressSet rest = set.Subtract(covered);
  if (!rest.IsEmpty()) on_rest(WithAddresses(f, view.dim, std::move(rest)));
}

template <typename P, typename OnPoint, typename OnRest>
void SplitByPoints(Flow&& f, const AddrView& view, const PointIndex<P>& points, OnPoint&& on_point,
                   OnRest&& on_rest) {
  if (!view.linked) {
    const Point<P>* point = FindPoint(view.value.is_v4() ? points.v4 : points.v6, view.value.bits);
    if (point != nullptr)
      on_point(*point, std::move(f));
    else
      on_rest(std::move(f));
    return;
  }
  const net::AddressSet& set = view.dim == Dim::kSrc ? f.box.src : f.box.dst;
  std::vector<std::pair<const Point<P>*, bool>> hits;  // the point, whether IPv4
  net::AddressSet covered;
  ForEachPoint(set.v4, points.v4, [&](const Point<P>& p) {
    hits.push_back({&p, true});
    AppendValue(covered.v4, p.address);
  });
  ForEachPoint(set.v6, points.v6, [&](const Point<P>& p) {
    hits.push_back({&p, false});
    AppendValue(covered.v6, p.address);
  });
  if (hits.size() == 1 && covered == set) {
    on_point(*hits.front().first, std::move(f));
    return;
  }
  for (const auto& [p, v4] : hits) {
    net::AddressSet one;
    if (v4)
      AppendValue(one.v4, p->address);
    else
      AppendValue(one.v6, p->address);
    on_point(*p, WithAddresses(f, view.dim, std::move(one)));
  }
  if (hits.empty()) {
    on_rest(std::move(f));
    return;
  }
  net::AddressSet rest = set.Subtract(covered);
  if (!rest.IsEmpty()) on_rest(WithAddresses(f, view.dim, std::move(rest)));
}

template <typename In, typename Out>
void SplitBySet(Flow&& f, const AddrView& view, const net::AddressSet& set, In&& in, Out&& out) {
  if (!view.linked) {
    if (set.Contains(view.value))
      in(std::move(f));
    else
      out(std::move(f));
    return;
  }
  const net::AddressSet& current = view.dim == Dim::kSrc ? f.box.src : f.box.dst;
  net::AddressSet inside = current.Intersect(set);
  if (inside.IsEmpty()) {
    out(std::move(f));
    return;
  }
  if (inside == current) {
    in(std::move(f));
    return;
  }
  net::AddressSet outside = current.Subtract(set);
  in(WithAddresses(f, view.dim, std::move(inside)));
  out(WithAddresses(f, view.dim, std::move(outside)));
}

}  // namespace reachcheck::analysis::detail
