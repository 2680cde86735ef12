// SPDX-License-Identifier: Apache-2.0
// Flow helpers: current header values, restriction, and path bookkeeping.
#include "analysis/flow.h"

#include <algorithm>
#include <functional>
#include <utility>

namespace reachcheck::analysis::detail {

net::AddressSet& AddressDim(Box& box, Dim dim) { return dim == Dim::kSrc ? box.src : box.dst; }
net::PortSet& PortDim(Box& box, Dim dim) { return dim == Dim::kDport ? box.dport : box.sport; }

net::AddressSet CurrentAddresses(const Flow& flow, const AddrView& view) {
  if (view.linked) return view.dim == Dim::kSrc ? flow.box.src : flow.box.dst;
  return net::AddressSet::Of(view.value);
}

Flow RestrictAddress(const Flow& flow, const AddrView& view, const net::AddressSet& part) {
  if (!view.linked) return flow;
  const net::AddressSet& dim = view.dim == Dim::kSrc ? flow.box.src : flow.box.dst;
  return WithAddresses(flow, view.dim, dim.Intersect(part));
}

namespace {

/// Copies every member but the box.
void CopyState(Flow& to, const Flow& from) {
  to.src = from.src;
  to.dst = from.dst;
  to.port = from.port;
  to.sport = from.sport;
  to.reply = from.reply;
  to.port_from_sport = from.port_from_sport;
  to.translated = from.translated;
  to.origin_vpc = from.origin_vpc;
  to.nat = from.nat;
  to.pre_nat_src = from.pre_nat_src;
  to.pre_nat_sport = from.pre_nat_sport;
  to.egress_gateway = from.egress_gateway;
  to.appliances = from.appliances;
  to.passed = from.passed;
  to.hops = from.hops;
  to.reply_hops = from.reply_hops;
  to.blockers = from.blockers;
  to.delivered_to = from.delivered_to;
  to.subject_hops = from.subject_hops;
}

}  // namespace

Flow WithBox(const Flow& flow, Box box) {
  Flow out;
  out.box = std::move(box);
  CopyState(out, flow);
  return out;
}

Flow WithAddresses(const Flow& flow, Dim dim, net::AddressSet addresses) {
  Flow out;
  out.box.src = dim == Dim::kSrc ? std::move(addresses) : flow.box.src;
  out.box.dst = dim == Dim::kDst ? std::move(addresses) : flow.box.dst;
  out.box.proto = flow.box.proto;
  out.box.dport = flow.box.dport;
  out.box.sport = flow.box.sport;
  CopyState(out, flow);
  return out;
}

Path ToPath(const HopList& list) {
  Path out(PathSize(list));
  std::size_t i = out.size();
  for (const HopList* at = &list; *at != nullptr; at = &(*at)->prev) {
    const HopNode& node = **at;
    // A hop of the walk's own is shared with its node (which the path then keeps alive).
    out[--i] = node.shared != nullptr ? *node.shared : HopRef(std::shared_ptr<const Hop>(*at, &node.own));
  }
  return out;
}

std::vector<const BlockerNote*> ToVector(const BlockerList& list) {
  std::vector<const BlockerNote*> out;
  for (const BlockerNode* node = list.get(); node != nullptr; node = node->prev.get())
    out.push_back(&node->note);
  std::reverse(out.begin(), out.end());
  return out;
}

void AddHop(Flow& flow, Hop hop) {
  HopList& list = flow.reply ? flow.reply_hops : flow.hops;
  const std::uint16_t size = static_cast<std::uint16_t>(PathSize(list) + 1);
  // The component and the detail's length: hops that differ mostly differ in their
  // component (whole hops are compared when paths are).
  std::size_t hash = ListHash(list);
  MixHash(hash, std::hash<std::string>{}(hop.component));
  MixHash(hash, hop.detail.size());
  list = std::make_shared<const HopNode>(HopNode{std::move(hop), nullptr, std::move(list), size, hash});
}

void AddHop(Flow& flow, const HopRef& shared) {
  HopList& list = flow.reply ? flow.reply_hops : flow.hops;
  const std::uint16_t size = static_cast<std::uint16_t>(PathSize(list) + 1);
  std::size_t hash = ListHash(list);
  MixHash(hash, reinterpret_cast<std::size_t>(shared.get()));
  list = std::make_shared<const HopNode>(HopNode{Hop{}, &shared, std::move(list), size, hash});
}

void AddBlocker(Flow& flow, BlockerNote note) {
  note.blocker.return_path = flow.reply;
  for (const BlockerNode* node = flow.blockers.get(); node != nullptr; node = node->prev.get()) {
    const Blocker& a = node->note.blocker;
    const Blocker& b = note.blocker;
    if (a.component == b.component && a.code == b.code && a.direction == b.direction &&
        a.return_path == b.return_path && a.detail == b.detail) {
      return;
    }
  }
  std::size_t hash = ListHash(flow.blockers);
  MixHash(hash, std::hash<std::string>{}(note.blocker.code));
  MixHash(hash, std::hash<std::string>{}(note.blocker.detail));
  flow.blockers =
      std::make_shared<const BlockerNode>(BlockerNode{std::move(note), std::move(flow.blockers), hash});
}

net::PortSet ShiftPorts(const net::PortSet& ports, int offset) {
  net::PortSet out;
  for (const auto& interval : ports.Intervals()) {
    int lo = static_cast<int>(interval.lo) + offset;
    int hi = static_cast<int>(interval.hi) + offset;
    lo = std::max(lo, 0);
    hi = std::min(hi, 65535);
    if (lo > hi) continue;
    out.AppendMerging({static_cast<std::uint16_t>(lo), static_cast<std::uint16_t>(hi)});
  }
  return out;
}

}  // namespace reachcheck::analysis::detail
