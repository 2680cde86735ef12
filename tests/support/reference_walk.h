// SPDX-License-Identifier: Apache-2.0
// The hop-by-hop walk of one packet (or its reply) through the model, following the
// sections of docs/reachability-semantics.md one function each.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <utility>

#include "reachcheck/model/network.h"
#include "reachcheck/net/ip_address.h"
#include "reachcheck/net/port_set.h"
#include "support/reference_evaluator.h"

namespace reachcheck::testing::reference {

/// The header of the packet being walked. ACLs must admit every port of `dst_ports`
/// (a reply to a NAT-remapped source port); security groups see `dst_port`.
struct WalkPacket {
  net::IpAddress src;
  net::IpAddress dst;
  std::uint8_t protocol = 0;
  std::uint16_t src_port = 0;
  std::uint16_t dst_port = 0;
  net::PortSet dst_ports;
};

enum class EndKind { kStopped, kInterface, kSubnetHost, kInternet, kBack };

struct WalkEnd {
  EndKind kind = EndKind::kStopped;
  model::Handle interface = model::kNone;
  model::Handle subnet = model::kNone;
};

/// What the request did that its reply must undo.
struct RequestMemo {
  model::Handle nat = model::kNone;  ///< the NAT gateway that translated the request
  net::IpAddress nat_original_src;
  std::uint16_t nat_original_src_port = 0;
  model::Handle exit_gateway = model::kNone;  ///< IGW / egress-only IGW it left by
};

class Walker {
 public:
  Walker(const model::Network& network, const ConcretePacket& original, const DestinationSpec& destination,
         ReferenceOutcome& outcome, bool reply);

  void FromInterface(model::Handle interface, const WalkPacket& packet);
  void FromSubnet(model::Handle subnet, const WalkPacket& packet);
  void FromInternet(const WalkPacket& packet);
  /// The reply of a request delivered in `subnet` / to the internet.
  void ReplyFromSubnet(model::Handle subnet, const WalkPacket& packet, const RequestMemo& memo);
  void ReplyFromInternet(const WalkPacket& packet, const RequestMemo& memo);

  const WalkEnd& end() const { return end_; }
  const WalkPacket& packet() const { return p_; }
  const RequestMemo& memo() const { return memo_; }

 private:
  void RouteFrom(model::Handle subnet);  // steps 3 to 6
  void ToInternetGateway(const model::Route& route, model::Handle vpc);
  void ToEgressOnlyGateway(const model::Route& route, model::Handle vpc);
  void ToNatGateway(const model::Route& route, model::Handle subnet, model::Handle vpc);
  void ToPeering(const model::Route& route, model::Handle vpc);
  void ToAppliance(const model::Route& route, model::Handle subnet);
  void EnterSubnet(model::Handle subnet);
  void Arrive(model::Handle subnet);
  void ArriveReply(model::Handle subnet);
  void OnInternet();
  void ComeIn(model::Handle gateway, model::Handle subnet, const net::IpAddress& new_dst);

  void CheckState(model::Handle interface);
  void CheckGroups(model::Handle interface, model::Direction direction, const net::IpAddress& peer,
                   bool translated);
  void CheckAcl(model::Handle subnet, model::Direction direction);
  void Block(const std::string& code, const std::string& component, const std::string& detail);
  void Stop(const std::string& code, const std::string& component, const std::string& detail);
  void Trace(const std::string& line);
  void End(EndKind kind, model::Handle interface, model::Handle subnet);
  void Deliver(EndKind kind, model::Handle interface, model::Handle subnet);
  void Pass(GatewayKind kind, model::Handle gateway) { passed_.insert({kind, gateway}); }
  /// For a gateway destination or an `igw-` source: whether the walk went through it.
  bool GatewaysMet(std::string* why) const;

  const model::Network& n_;
  const ConcretePacket& original_;
  const DestinationSpec& destination_;
  ReferenceOutcome& outcome_;
  const bool reply_;
  WalkPacket p_;
  WalkEnd end_;
  RequestMemo memo_;
  bool translated_ = false;                   // source rewritten by an IGW or a NAT
  bool nat_seen_ = false;                     // a NAT translated (or translated back) this packet
  model::Handle forward_nat_ = model::kNone;  // the NAT whose address is the source now
  bool entered_from_outside_ = false;         // came in over a peering or through an IGW
  bool nat_reversed_ = false;
  std::set<model::Handle> appliances_;
  std::set<std::pair<GatewayKind, model::Handle>> passed_;  // gateways the packet went through
};

}  // namespace reachcheck::testing::reference
