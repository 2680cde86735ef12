// SPDX-License-Identifier: Apache-2.0
// Flow helpers: current header values, restriction, and path bookkeeping.
#include "analysis/flow.h"

#include <algorithm>
#include <utility>

namespace reachcheck::analysis::detail {

net::AddressSet& AddressDim(Box& box, Dim dim) { return dim == Dim::kSrc ? box.src : box.dst; }
net::PortSet& PortDim(Box& box, Dim dim) { return dim == Dim::kDport ? box.dport : box.sport; }

net::AddressSet CurrentAddresses(const Flow& flow, const AddrView& view) {
  if (view.linked) return view.dim == Dim::kSrc ? flow.box.src : flow.box.dst;
  return net::AddressSet::Of(view.value);
}

Flow RestrictAddress(const Flow& flow, const AddrView& view, const net::AddressSet& part) {
  Flow out = flow;
  if (view.linked) {
    net::AddressSet& dim = AddressDim(out.box, view.dim);
    dim = dim.Intersect(part);
  }
  return out;
}

void AddHop(Flow& flow, Hop hop) {
  (flow.reply ? flow.reply_hops : flow.hops).push_back(std::move(hop));
}

void AddBlocker(Flow& flow, BlockerNote note) {
  note.blocker.return_path = flow.reply;
  for (const BlockerNote& existing : flow.blockers) {
    const Blocker& a = existing.blocker;
    const Blocker& b = note.blocker;
    if (a.component == b.component && a.code == b.code && a.direction == b.direction &&
        a.return_path == b.return_path && a.detail == b.detail) {
      return;
    }
  }
  flow.blockers.push_back(std::move(note));
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
