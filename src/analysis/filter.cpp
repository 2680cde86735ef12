// SPDX-License-Identifier: Apache-2.0
// Exact first-match evaluation of ordered rule lists over products of packet sets. A rule is
// at most two cubes (protocols with ports x its ports, protocols without ports); a box minus
// a cube is at most three disjoint boxes, so pieces stay few.
#include "analysis/filter.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace reachcheck::analysis::detail {
namespace {

net::ProtocolSet MakePortProtocols() {
  net::ProtocolSet set;
  for (std::uint8_t p : {net::kIcmp, net::kTcp, net::kUdp, net::kIcmpv6}) {
    set = set.Union(net::ProtocolSet::Single(p));
  }
  return set;
}

/// The part of a rule over the original dimensions: address (when constrained), protocols,
/// ports (when constrained). Points into the rule, or into `shifted` for shifted ports.
struct Cube {
  const net::AddressSet* addr = nullptr;
  const net::ProtocolSet* proto = nullptr;
  const net::PortSet* port = nullptr;
  net::PortSet shifted;
};

struct View {
  const AddrView* remote;
  const PortView* port;
  const net::PortSet* atom;  ///< the fixed port atom, when the port view is fixed
};

/// The cubes of `rule` in terms of the original dimensions (0, 1 or 2 of them).
int CubesOf(const Rule& rule, const View& view, Cube out[2]) {
  const net::AddressSet* addr = nullptr;
  if (view.remote->linked) {
    if (!rule.remote.IsEmpty() && rule.remote.v4.IsAll() && rule.remote.v6.IsAll()) {
      addr = nullptr;  // every address: no constraint
    } else {
      addr = &rule.remote;
    }
  } else if (!rule.remote.Contains(view.remote->value)) {
    return 0;
  }
  int count = 0;
  if (!rule.with_ports.IsEmpty()) {
    Cube& cube = out[count];
    cube.addr = addr;
    cube.proto = &rule.with_ports;
    cube.port = nullptr;
    bool keep = true;
    if (!rule.service.ports.IsAll()) {
      if (!view.port->linked) {
        keep = rule.service.ports.Contains(*view.atom);  // atoms are all in or all out
      } else if (view.port->offset == 0) {
        cube.port = &rule.service.ports;
      } else {
        cube.shifted = ShiftPorts(rule.service.ports, -view.port->offset);
        cube.port = &cube.shifted;
      }
    }
    if (keep) ++count;
  }
  if (!rule.without_ports.IsEmpty()) {
    Cube& cube = out[count++];
    cube.addr = addr;
    cube.proto = &rule.without_ports;
    cube.port = nullptr;
  }
  return count;
}

/// box ∩ cube, or nothing when empty.
std::optional<Box> Intersect(const Box& box, const Cube& cube, const View& view) {
  Box out = box;
  if (!cube.proto->Contains(out.proto)) out.proto = out.proto.Intersect(*cube.proto);
  if (out.proto.IsEmpty()) return std::nullopt;
  if (cube.addr) {
    net::AddressSet& dim = AddressDim(out, view.remote->dim);
    if (!cube.addr->Contains(dim)) dim = dim.Intersect(*cube.addr);
    if (dim.IsEmpty()) return std::nullopt;
  }
  if (cube.port) {
    net::PortSet& dim = PortDim(out, view.port->dim);
    if (!cube.port->Contains(dim)) dim = dim.Intersect(*cube.port);
    if (dim.IsEmpty()) return std::nullopt;
  }
  return out;
}

/// box \ cube as up to three disjoint boxes, appended to `out`.
void Subtract(const Box& box, const Cube& cube, const View& view, std::vector<Box>& out) {
  Box inside = box;
  if (cube.addr) {
    const net::AddressSet& dim = AddressDim(inside, view.remote->dim);
    net::AddressSet outside_part = dim.Subtract(*cube.addr);
    if (!outside_part.IsEmpty()) {
      Box piece = box;
      AddressDim(piece, view.remote->dim) = std::move(outside_part);
      out.push_back(std::move(piece));
    }
    net::AddressSet inside_part = dim.Intersect(*cube.addr);
    if (inside_part.IsEmpty()) return;
    AddressDim(inside, view.remote->dim) = std::move(inside_part);
  }
  net::ProtocolSet other_proto = inside.proto.Subtract(*cube.proto);
  if (!other_proto.IsEmpty()) {
    Box piece = inside;
    piece.proto = std::move(other_proto);
    out.push_back(std::move(piece));
    inside.proto = inside.proto.Intersect(*cube.proto);
  }
  if (inside.proto.IsEmpty() || !cube.port) return;
  net::PortSet& port = PortDim(inside, view.port->dim);
  port = port.Subtract(*cube.port);
  if (!port.IsEmpty()) out.push_back(std::move(inside));
}

/// Whether the box and the cube share a packet (every dimension meets; before copying).
bool Touches(const Box& box, const Cube& cube, const View& view) {
  if (!box.proto.Intersects(*cube.proto)) return false;
  if (cube.addr) {
    const net::AddressSet& dim = view.remote->dim == Dim::kSrc ? box.src : box.dst;
    if (!dim.Intersects(*cube.addr)) return false;
  }
  if (cube.port) {
    const net::PortSet& dim = view.port->dim == Dim::kDport ? box.dport : box.sport;
    if (!dim.Intersects(*cube.port)) return false;
  }
  return true;
}

/// Whether the box lies entirely inside the cube (no split needed).
bool Covers(const Box& box, const Cube& cube, const View& view) {
  if (!cube.proto->Contains(box.proto)) return false;
  if (cube.addr && !cube.addr->Contains(view.remote->dim == Dim::kSrc ? box.src : box.dst)) return false;
  if (cube.port && !cube.port->Contains(view.port->dim == Dim::kDport ? box.dport : box.sport)) return false;
  return true;
}

/// The hull of a set's IPv4 addresses (lo > hi when it has none).
void V4Hull(const net::AddressSet& set, std::uint32_t& lo, std::uint32_t& hi) {
  if (set.v4.IsEmpty()) return;
  lo = set.v4.Intervals().front().lo;
  hi = set.v4.Intervals().back().hi;
}

/// The box's side of RuleKey: what its remote addresses and protocols can touch at most.
struct Probe {
  std::uint32_t v4_lo = 1, v4_hi = 0;
  bool v6 = false;
  std::uint8_t protocols = 0;

  Probe(const Box& box, const View& view) : protocols(ProtocolMask(box.proto)) {
    if (!view.remote->linked) {
      const net::IpAddress& value = view.remote->value;
      if (value.is_v4()) {
        v4_lo = v4_hi = static_cast<std::uint32_t>(value.bits);
      } else {
        v6 = true;
      }
      return;
    }
    const net::AddressSet& dim = view.remote->dim == Dim::kSrc ? box.src : box.dst;
    V4Hull(dim, v4_lo, v4_hi);
    v6 = !dim.v6.IsEmpty();
  }
  /// False when the rule cannot touch any piece of the box (pieces stay inside it).
  bool MayTouch(const RuleKey& key) const {
    if ((key.protocols & protocols) == 0) return false;
    const bool v4 = v4_lo <= v4_hi && key.v4_lo <= key.v4_hi && key.v4_lo <= v4_hi && v4_lo <= key.v4_hi;
    return v4 || (v6 && key.v6);
  }
};

/// Calls visit(rule, count) for each rule, in order, whose key may touch the box of `probe`
/// and that has cubes in this view (the `count` of them filled in `cubes`); stops when visit
/// returns false.
template <typename Visit>
void ForEachCandidate(std::span<const Filter* const> filters, const Probe& probe, const View& view,
                      bool skip_group_refs, Cube (&cubes)[2], Visit&& visit) {
  for (const Filter* filter : filters) {
    for (std::size_t k = 0; k < filter->rules.size(); ++k) {
      const RuleKey& key = filter->keys[k];
      if ((skip_group_refs && key.group_ref) || !probe.MayTouch(key)) continue;
      const Rule& rule = filter->rules[k];
      const int count = CubesOf(rule, view, cubes);
      if (count > 0 && !visit(rule, count)) return;
    }
  }
}

void FirstMatch(Box box, std::span<const Filter* const> filters, const View& view, bool skip_group_refs,
                std::vector<std::pair<Box, const Rule*>>& out) {
  const Probe probe(box, view);
  std::vector<Box> pending, next;  // reused across rules: most rules touch no piece
  pending.push_back(std::move(box));
  Cube cubes[2];
  auto touches_any = [&](const Box& piece, int count) {
    for (int c = 0; c < count; ++c) {
      if (Touches(piece, cubes[c], view)) return true;
    }
    return false;
  };
  ForEachCandidate(filters, probe, view, skip_group_refs, cubes, [&](const Rule& rule, int count) {
    if (std::none_of(pending.begin(), pending.end(), [&](const Box& piece) { return touches_any(piece, count); }))
      return true;
    next.clear();
    for (Box& piece : pending) {
      if (!touches_any(piece, count)) {
        next.push_back(std::move(piece));
        continue;
      }
      if (count == 1 && Covers(piece, cubes[0], view)) {
        out.emplace_back(std::move(piece), &rule);
        continue;
      }
      std::vector<Box> rest;
      rest.push_back(std::move(piece));
      for (int c = 0; c < count; ++c) {
        std::vector<Box> new_rest;
        for (Box& r : rest) {
          if (!Touches(r, cubes[c], view)) {
            new_rest.push_back(std::move(r));
            continue;
          }
          if (Covers(r, cubes[c], view)) {
            out.emplace_back(std::move(r), &rule);
            continue;
          }
          if (auto m = Intersect(r, cubes[c], view)) out.emplace_back(std::move(*m), &rule);
          Subtract(r, cubes[c], view, new_rest);
        }
        rest = std::move(new_rest);
      }
      for (Box& r : rest) next.push_back(std::move(r));
    }
    std::swap(pending, next);
    return !pending.empty();
  });
  for (Box& piece : pending) out.emplace_back(std::move(piece), nullptr);
}

/// The usual case, decided without copying the box: the first rule that touches the box
/// covers it. Sets `rule` (nullptr when no rule touches the box) and returns true then;
/// returns false when a rule splits the box.
bool DecidedWhole(const Box& box, std::span<const Filter* const> filters, const View& view, bool skip_group_refs,
                  const Rule*& rule) {
  const Probe probe(box, view);
  Cube cubes[2];
  bool whole = true;
  rule = nullptr;
  ForEachCandidate(filters, probe, view, skip_group_refs, cubes, [&](const Rule& candidate, int count) {
    int touching = 0;
    const Cube* touched = nullptr;
    for (int c = 0; c < count; ++c) {
      if (Touches(box, cubes[c], view)) {
        ++touching;
        touched = &cubes[c];
      }
    }
    if (touching == 0) return true;  // the first touching rule decides
    whole = touching == 1 && Covers(box, *touched, view);
    if (whole) rule = &candidate;
    return false;
  });
  return whole;
}

/// The fixed port set cut where any rule's ports begin or end.
std::vector<net::PortSet> PortAtoms(const net::PortSet& value, std::span<const Filter* const> filters) {
  std::vector<net::PortSet> atoms{value};
  for (const Filter* filter : filters) {
    for (const Rule& rule : filter->rules) {
      if (rule.service.ports.IsAll() || !rule.service.protocols.Intersects(PortProtocols())) {
        continue;
      }
      std::vector<net::PortSet> next;
      for (const net::PortSet& atom : atoms) {
        net::PortSet in = atom.Intersect(rule.service.ports);
        net::PortSet out = atom.Subtract(rule.service.ports);
        if (!in.IsEmpty()) next.push_back(std::move(in));
        if (!out.IsEmpty()) next.push_back(std::move(out));
      }
      atoms = std::move(next);
    }
  }
  return atoms;
}

}  // namespace

void Rule::Finish(std::string component, std::string type) {
  with_ports = service.protocols.Intersect(PortProtocols());
  without_ports = service.protocols.Subtract(PortProtocols());
  hop = HopRef(Hop{std::move(component), std::move(type), text, where});
}

std::uint8_t ProtocolMask(const net::ProtocolSet& protocols) {
  std::uint8_t mask = 0;
  for (const auto& i : protocols.Intervals()) {
    int named = 0;  // how many of the four named protocols the interval holds
    const std::uint8_t bits[] = {net::kIcmp, net::kTcp, net::kUdp, net::kIcmpv6};
    for (int b = 0; b < 4; ++b) {
      if (i.lo <= bits[b] && bits[b] <= i.hi) {
        mask |= static_cast<std::uint8_t>(1U << b);
        ++named;
      }
    }
    if (static_cast<int>(i.hi) - static_cast<int>(i.lo) + 1 > named) mask |= 1U << 4;
  }
  return mask;
}

void Filter::Add(Rule rule) {
  RuleKey key;
  V4Hull(rule.remote, key.v4_lo, key.v4_hi);
  key.v6 = !rule.remote.v6.IsEmpty();
  key.group_ref = rule.group_ref;
  key.protocols = ProtocolMask(rule.service.protocols);
  keys.push_back(key);
  rules.push_back(std::move(rule));
}

const net::ProtocolSet& PortProtocols() {
  static const net::ProtocolSet set = MakePortProtocols();
  return set;
}

bool Match::Allowed() const {
  return std::all_of(rules.begin(), rules.end(),
                     [](const Rule* rule) { return rule != nullptr && rule->allow; });
}

std::vector<Match> Evaluate(const Flow& flow, std::span<const Filter* const> filters, const AddrView& remote,
                            bool skip_group_refs) {
  std::vector<Match> result;
  if (flow.port.linked || !flow.box.proto.Intersects(PortProtocols())) {
    View view{&remote, &flow.port, &flow.port.value};
    const Rule* deciding = nullptr;
    if (DecidedWhole(flow.box, filters, view, skip_group_refs, deciding)) {
      result.push_back(Match{{}, {deciding}, true});
      return result;
    }
    std::vector<std::pair<Box, const Rule*>> pieces;
    FirstMatch(flow.box, filters, view, skip_group_refs, pieces);
    result.reserve(pieces.size());
    for (auto& [box, rule] : pieces) result.push_back(Match{std::move(box), {rule}});
    return result;
  }
  // A fixed port set: every port must pass. Evaluate each atom and refine the pieces.
  struct State {
    Box box;
    base::SmallVector<const Rule*, 2> rules;
  };
  std::vector<State> states{{flow.box, {}}};
  for (const net::PortSet& atom : PortAtoms(flow.port.value, filters)) {
    View view{&remote, &flow.port, &atom};
    std::vector<State> next;
    for (const State& state : states) {
      std::vector<std::pair<Box, const Rule*>> pieces;
      FirstMatch(state.box, filters, view, skip_group_refs, pieces);
      for (auto& [box, rule] : pieces) {
        State refined{std::move(box), state.rules};
        if (std::find(refined.rules.begin(), refined.rules.end(), rule) == refined.rules.end()) {
          refined.rules.push_back(rule);
        }
        next.push_back(std::move(refined));
      }
    }
    states = std::move(next);
  }
  for (State& state : states) result.push_back(Match{std::move(state.box), std::move(state.rules)});
  return result;
}

}  // namespace reachcheck::analysis::detail
