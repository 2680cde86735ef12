// SPDX-License-Identifier: Apache-2.0
// From walked pieces to packet classes: pieces with the same outcome and path are merged
// (boxes that differ in one dimension become one), then classes are ordered.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <unordered_map>
#include <utility>

#include "analysis/engine_impl.h"

namespace reachcheck::analysis {

const char* VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kReachable:
      return "reachable";
    case Verdict::kUnreachable:
      return "unreachable";
    case Verdict::kPartial:
      return "partial";
  }
  return "unreachable";
}

bool PacketClass::Contains(model::Handle interface, const net::IpAddress& src, const net::IpAddress& dst,
                           std::uint8_t protocol, std::uint16_t src_port, std::uint16_t dst_port) const {
  if (interface != source_interface || protocol == net::ForeignIcmp(dst.is_v4())) return false;
  if (!source_addresses.Contains(src) || !destination.Contains(dst) || !protocols.Contains(protocol)) {
    return false;
  }
  if (net::HasPorts(protocol) && !ports.Contains(dst_port)) return false;
  const bool uses_source_port = protocol == net::kTcp || protocol == net::kUdp;
  return !uses_source_port || source_ports.Contains(src_port);
}

namespace detail {
namespace {

template <typename T>
void HashSet(std::size_t& seed, const net::IntervalSet<T>& set) {
  for (const auto& i : set.Intervals()) {
    const net::Uint128 lo = i.lo, hi = i.hi;
    MixHash(seed, static_cast<std::size_t>(lo));
    MixHash(seed, static_cast<std::size_t>(lo >> 64));
    MixHash(seed, static_cast<std::size_t>(hi));
    MixHash(seed, static_cast<std::size_t>(hi >> 64));
  }
  MixHash(seed, set.Intervals().size());
}

bool SameHops(const HopList& a, const HopList& b) {
  if (PathSize(a) != PathSize(b)) return false;
  for (const HopNode *x = a.get(), *y = b.get(); x != nullptr; x = x->prev.get(), y = y->prev.get()) {
    if (x == y) return true;  // shared tail
    if (x->shared != nullptr && y->shared != nullptr && x->shared->get() == y->shared->get()) continue;
    const Hop& h = x->hop();
    const Hop& k = y->hop();
    if (h.component != k.component || h.type != k.type || h.detail != k.detail || !(h.where == k.where))
      return false;
  }
  return true;
}

bool SameBlockers(const BlockerList& a, const BlockerList& b) {
  const BlockerNode* x = a.get();
  const BlockerNode* y = b.get();
  for (; x != nullptr && y != nullptr; x = x->prev.get(), y = y->prev.get()) {
    if (x == y) return true;
    const Blocker& p = x->note.blocker;
    const Blocker& q = y->note.blocker;
    if (p.component != q.component || p.code != q.code || p.direction != q.direction ||
        p.return_path != q.return_path || p.detail != q.detail) {
      return false;
    }
  }
  return x == nullptr && y == nullptr;
}

/// The hash of a piece's outcome and path, from the hashes its lists carry (no list is walked).
std::size_t PathHash(const Final& f) {
  std::size_t seed = f.reachable ? 1 : 2;
  MixHash(seed, std::hash<std::string>{}(f.delivered_to));
  MixHash(seed, ListHash(f.hops));
  MixHash(seed, PathSize(f.hops));
  MixHash(seed, ListHash(f.reply_hops));
  MixHash(seed, PathSize(f.reply_hops));
  MixHash(seed, ListHash(f.blockers));
  return seed;
}

bool SamePath(const Final& a, const Final& b) {
  return a.reachable == b.reachable && a.delivered_to == b.delivered_to && SameHops(a.hops, b.hops) &&
         SameHops(a.reply_hops, b.reply_hops) && SameBlockers(a.blockers, b.blockers);
}

/// Up to this many pieces are grouped by comparing paths pairwise; more are hashed first.
constexpr std::size_t kFewPieces = 8;

int Category(const Index& index, const SourcePart& source, const net::AddressSet& destination) {
  const model::Handle vpc = source.info.vpc;
  if (vpc == model::kNone) return 0;
  if (index.vpcs[vpc].cidrs.Intersects(destination)) return 2;
  for (model::Handle peer : index.vpcs[vpc].peers_any) {
    if (index.vpcs[peer].cidrs.Intersects(destination)) return 1;
  }
  return 0;
}

/// A total order on sets: lexicographic over their intervals.
template <typename T>
bool LessSet(const net::IntervalSet<T>& a, const net::IntervalSet<T>& b) {
  return std::lexicographical_compare(
      a.Intervals().begin(), a.Intervals().end(), b.Intervals().begin(), b.Intervals().end(),
      [](const auto& x, const auto& y) { return x.lo != y.lo ? x.lo < y.lo : x.hi < y.hi; });
}

}  // namespace

std::size_t HashBoxExcept(const Box& box, int dim) {
  std::size_t seed = static_cast<std::size_t>(dim);
  if (dim != 0) {
    HashSet(seed, box.src.v4);
    HashSet(seed, box.src.v6);
  }
  if (dim != 1) {
    HashSet(seed, box.dst.v4);
    HashSet(seed, box.dst.v6);
  }
  if (dim != 2) HashSet(seed, box.proto);
  if (dim != 3) HashSet(seed, box.dport);
  if (dim != 4) HashSet(seed, box.sport);
  return seed;
}

bool EqualExcept(const Box& a, const Box& b, int dim) {
  return (dim == 0 || a.src == b.src) && (dim == 1 || a.dst == b.dst) && (dim == 2 || a.proto == b.proto) &&
         (dim == 3 || a.dport == b.dport) && (dim == 4 || a.sport == b.sport);
}

void MergeBoxes(std::vector<Box>& boxes) {
  bool changed = true;
  while (changed && boxes.size() > 1) {
    changed = false;
    for (int dim = 0; dim < 5; ++dim) {
      std::unordered_map<std::size_t, std::vector<std::size_t>> buckets;
      std::vector<Box> kept;
      kept.reserve(boxes.size());
      for (Box& box : boxes) {
        std::vector<std::size_t>& bucket = buckets[HashBoxExcept(box, dim)];
        bool merged = false;
        for (std::size_t k : bucket) {
          Box& into = kept[k];
          if (!EqualExcept(into, box, dim)) continue;
          switch (dim) {
            case 0:
              into.src = into.src.Union(box.src);
              break;
            case 1:
              into.dst = into.dst.Union(box.dst);
              break;
            case 2:
              into.proto = into.proto.Union(box.proto);
              break;
            case 3:
              into.dport = into.dport.Union(box.dport);
              break;
            default:
              into.sport = into.sport.Union(box.sport);
              break;
          }
          merged = changed = true;
          break;
        }
        if (!merged) {
          bucket.push_back(kept.size());
          kept.push_back(std::move(box));
        }
      }
      boxes = std::move(kept);
    }
  }
}

std::vector<RankedClass> BuildClasses(const Index& index, const SourcePart& source,
                                      std::vector<Final> finals) {
  struct Group {
    Final first;
    std::vector<Box> boxes;
  };
  std::vector<Group> groups;
  const auto add_group = [&](Final& f) {
    Group& g = groups.emplace_back();
    g.boxes.push_back(std::move(f.box));  // moved, where a braced list would copy it
    g.first = std::move(f);
  };
  if (finals.size() <= kFewPieces) {
    // A point question leaves a few pieces: comparing them costs less than hashing paths.
    for (Final& f : finals) {
      if (f.box.IsEmpty()) continue;
      auto it =
          std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return SamePath(g.first, f); });
      if (it != groups.end())
        it->boxes.push_back(std::move(f.box));
      else
        add_group(f);
    }
  } else {
    std::unordered_map<std::size_t, std::vector<std::size_t>> by_hash;
    for (Final& f : finals) {
      if (f.box.IsEmpty()) continue;
      std::vector<std::size_t>& candidates = by_hash[PathHash(f)];
      auto it = std::find_if(candidates.begin(), candidates.end(),
                             [&](std::size_t g) { return SamePath(groups[g].first, f); });
      if (it != candidates.end()) {
        groups[*it].boxes.push_back(std::move(f.box));
        continue;
      }
      candidates.push_back(groups.size());
      add_group(f);
    }
  }
  std::vector<RankedClass> out;
  std::size_t boxes = 0;
  for (Group& g : groups) {
    MergeBoxes(g.boxes);
    boxes += g.boxes.size();
  }
  out.reserve(boxes);
  for (Group& g : groups) {
    Path forward = ToPath(g.first.hops);
    Path reply = ToPath(g.first.reply_hops);
    const std::vector<const BlockerNote*> blockers = ToVector(g.first.blockers);
    const bool one_component =
        !blockers.empty() && std::all_of(blockers.begin(), blockers.end(), [&](const BlockerNote* b) {
          return b->blocker.component == blockers.front()->blocker.component;
        });
    for (Box& box : g.boxes) {
      const bool v4 = IsV4(box);
      RankedClass& ranked = out.emplace_back();  // filled in place: a class is a few hundred bytes
      PacketClass& cls = ranked.cls;
      cls.reachable = g.first.reachable;
      cls.source = source.info.name;
      cls.source_interface = source.info.kind == SourceInfo::kInterface ? source.info.handle : model::kNone;
      cls.source_addresses = std::move(box.src);
      cls.source_ports = std::move(box.sport);
      cls.destination = std::move(box.dst);
      cls.protocols = net::WithForeignIcmpWhereShorter(box.proto, v4);
      cls.ports = std::move(box.dport);
      const bool last = &box == &g.boxes.back();
      cls.delivered_to = last ? std::move(g.first.delivered_to) : g.first.delivered_to;
      cls.forward = last ? std::move(forward) : forward;
      cls.reply = last ? std::move(reply) : reply;
      cls.blocked_by.reserve(blockers.size());
      for (const BlockerNote* b : blockers) cls.blocked_by.push_back(b->blocker);
      if (one_component) cls.suggestion = Suggest(index, source, cls, *blockers.front());
      ranked.category = Category(index, source, cls.destination);
    }
  }
  return out;
}

std::vector<std::uint32_t> ClassOrder(const std::vector<RankedClass>& classes) {
  // The order is found on indexes, so that each class is then moved once: a class is a few
  // hundred bytes, and a merge sort of the classes themselves moved each of them many times.
  std::vector<std::uint32_t> order(classes.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t i, std::uint32_t j) {
    const RankedClass& x = classes[i];
    const RankedClass& y = classes[j];
    if (x.category != y.category) return x.category < y.category;
    const PacketClass& a = x.cls;
    const PacketClass& b = y.cls;
    if (a.destination.v4.IsEmpty() != b.destination.v4.IsEmpty()) return !a.destination.v4.IsEmpty();
    if (a.destination.v4 != b.destination.v4) return LessSet(a.destination.v4, b.destination.v4);
    if (a.destination.v6 != b.destination.v6) return LessSet(a.destination.v6, b.destination.v6);
    if (a.protocols != b.protocols) return LessSet(a.protocols, b.protocols);
    if (a.ports != b.ports) return LessSet(a.ports, b.ports);
    if (a.source != b.source) return a.source < b.source;
    if (a.source_addresses.v4 != b.source_addresses.v4)
      return LessSet(a.source_addresses.v4, b.source_addresses.v4);
    if (a.source_addresses.v6 != b.source_addresses.v6)
      return LessSet(a.source_addresses.v6, b.source_addresses.v6);
    return LessSet(a.source_ports, b.source_ports);
  });
  return order;
}

}  // namespace detail
}  // namespace reachcheck::analysis
