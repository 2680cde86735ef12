// SPDX-License-Identifier: Apache-2.0
// The symbolic walk: pushes a flow (a set of packets) through interfaces, security groups,
// ACLs, route tables and gateways as docs/reachability-semantics.md describes, splitting it
// wherever the outcome differs, then walks the reply of every delivered piece.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "analysis/flow.h"
#include "analysis/index.h"
#include "reachcheck/analysis/endpoint.h"

namespace reachcheck::analysis::detail {

/// Who sends the packets of a walk.
struct SourceInfo {
  enum Kind { kInterface, kSubnetHost, kOutside } kind = kOutside;
  model::Handle handle = model::kNone;  ///< the interface or subnet
  model::Handle vpc = model::kNone;
  std::string name;                      ///< "eni-1", "subnet-1", "internet"
  model::Handle via_igw = model::kNone;  ///< `igw-` sources: the gateway they must enter by
  /// Outside addresses stand in for the `internet` set but also hold modelled public
  /// addresses (cheaper than their complement): replies to those are left out.
  bool coarse_internet = false;
};

/// What counts as delivered.
struct TargetInfo {
  EndpointKind kind = EndpointKind::kCidr;
  std::vector<model::Handle> interfaces;  ///< sorted
  model::Handle subnet = model::kNone;
  GatewayPass gateway;
  /// `internet`, walked as every outside address: requests on the internet go to outside
  /// hosts, never into modelled public addresses (the engine drops those pieces after).
  bool coarse_internet = false;
};

/// Where a request ended up.
struct Arrival {
  enum Kind { kInterface, kHost, kSubnet, kInternet } kind = kInternet;
  model::Handle handle = model::kNone;  ///< the interface
  model::Handle subnet = model::kNone;
};

class Walker {
 public:
  Walker(const Index& index, const SourceInfo& source, const TargetInfo& target, std::vector<Final>& out,
         std::set<std::string>& notes)
      : index_(index), net_(index.network), source_(source), target_(target), out_(out), notes_(notes) {}

  /// Walks the packets of `flow` (its box set, views linked) from the source.
  void Start(Flow&& flow);

  // Stages (one per heading of the semantics page).
  void LeaveInterface(Flow&& f, model::Handle iface);
  void RouteFrom(Flow&& f, model::Handle subnet);
  void ApplyRoute(Flow&& f, model::Handle subnet, const RouteEntry& entry);
  void ToInternetGateway(Flow&& f, model::Handle subnet, const RouteEntry& entry);
  void ToEgressOnlyGateway(Flow&& f, model::Handle subnet, const RouteEntry& entry);
  void ToNat(Flow&& f, model::Handle subnet, const RouteEntry& entry);
  void ToPeering(Flow&& f, model::Handle subnet, const RouteEntry& entry);
  void ToAppliance(Flow&& f, model::Handle subnet, const RouteEntry& entry);
  void ToLocal(Flow&& f, model::Handle vpc, const RouteEntry& entry);
  void EnterSubnet(Flow&& f, model::Handle subnet);
  void ArriveAtHost(Flow&& f, model::Handle subnet);
  void ReplyArrives(Flow&& f, model::Handle subnet);
  void AtInterface(Flow&& f, model::Handle iface, model::Handle subnet);
  void AtNat(Flow&& f, model::Handle nat);
  void OnInternet(Flow&& f);
  void ComeIn(Flow&& f, model::Handle gateway, model::Handle subnet);
  void Deliver(Flow&& f, const Arrival& arrival);
  void StartReply(const Flow& request, const Arrival& arrival);
  void WalkReply(Flow&& reply, const Arrival& arrival);
  void Back(Flow&& f);
  void Stop(Flow&& f, BlockerNote note);

 private:
  /// Security groups (`ingress` or egress) of an interface over the flow; admitted pieces
  /// continue with `next`.
  template <typename Next>
  void Groups(Flow&& f, model::Handle iface, bool ingress, Next&& next);
  /// An ACL direction of a subnet over the flow (blocked pieces continue, with a blocker).
  template <typename Next>
  void Acl(Flow&& f, model::Handle subnet, bool ingress, Next&& next);
  bool IsTargetInterface(model::Handle iface) const;
  bool Passed(const Flow& f, const GatewayPass& gateway) const;
  void Note(std::string text) { notes_.insert(std::move(text)); }

  const Index& index_;
  const model::Network& net_;
  const SourceInfo& source_;
  const TargetInfo& target_;
  std::vector<Final>& out_;
  std::set<std::string>& notes_;
};

/// Splits the flow along the current value of `view` by sorted disjoint spans: calls
/// on_span(span, piece) for each covered part and on_rest(piece) for the uncovered part.
template <typename P, typename OnSpan, typename OnRest>
void SplitBySpans(Flow&& f, const AddrView& view, const SpanIndex<P>& spans, OnSpan&& on_span,
                  OnRest&& on_rest);
/// The same with single addresses: on_point(point, piece) for each, on_rest(piece).
template <typename P, typename OnPoint, typename OnRest>
void SplitByPoints(Flow&& f, const AddrView& view, const PointIndex<P>& points, OnPoint&& on_point,
                   OnRest&& on_rest);
/// Splits the flow into the part of `view` inside `set` and the rest.
template <typename In, typename Out>
void SplitBySet(Flow&& f, const AddrView& view, const net::AddressSet& set, In&& in, Out&& out);

}  // namespace reachcheck::analysis::detail

#include "analysis/walker_split.h"
