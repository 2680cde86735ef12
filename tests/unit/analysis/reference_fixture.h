// SPDX-License-Identifier: Apache-2.0
// The hand-built network of the reference evaluator's tests, and short ways to ask it about
// one packet.
#pragma once

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <utility>

#include "reachcheck/net/protocol.h"
#include "support/model_builder.h"
#include "support/reference_evaluator.h"

namespace reachcheck::testing::fixture {

using Codes = std::set<std::pair<std::string, bool>>;
inline constexpr bool kForward = false;
inline constexpr bool kReturn = true;

/// vpc-a 10.0.0.0/16 + 2600:1f18:a::/56: subnet-pub 10.0.1.0/24 (+ IPv6 /64, rtb-pub:
/// 0/0 and ::/0 -> igw-a) with eni-web 10.0.1.10 (public 54.0.0.10, IPv6 ::10, sg-web) and
/// nat-a 10.0.1.100 (EIP 52.0.0.100); subnet-priv 10.0.2.0/24 (main table rtb-main: 0/0 ->
/// nat-a, 10.1.0.0/16 -> pcx-ab) with eni-app 10.0.2.20 (sg-app). vpc-b 10.1.0.0/16:
/// subnet-b 10.1.1.0/24 (rtb-b: 10.0.0.0/16 -> pcx-ab) with eni-db 10.1.1.30 (sg-db).
/// Default ACLs allow everything.
inline void BuildBase(ModelBuilder& b) {
  b.Vpc("vpc-a", "10.0.0.0/16").Ipv6("2600:1f18:a::/56");
  b.Subnet("subnet-pub", "vpc-a", "10.0.1.0/24").Ipv6("2600:1f18:a:1::/64");
  b.Subnet("subnet-priv", "vpc-a", "10.0.2.0/24");
  b.Igw("igw-a", "vpc-a");
  b.EgressOnlyIgw("eigw-a", "vpc-a");
  b.Nat("nat-a", "subnet-pub", "10.0.1.100", "52.0.0.100");
  b.RouteTable("rtb-pub", "vpc-a").Associate("subnet-pub").Route("0.0.0.0/0", "igw-a").Route("::/0", "igw-a");
  b.RouteTable("rtb-main", "vpc-a").Main().Route("0.0.0.0/0", "nat-a").Route("10.1.0.0/16", "pcx-ab");
  b.Vpc("vpc-b", "10.1.0.0/16");
  b.Subnet("subnet-b", "vpc-b", "10.1.1.0/24");
  b.RouteTable("rtb-b", "vpc-b").Main().Route("10.0.0.0/16", "pcx-ab");
  b.Peering("pcx-ab", "vpc-a", "vpc-b");
  b.SecurityGroup("sg-web", "vpc-a")
      .Ingress("tcp", 443, "0.0.0.0/0")
      .Ingress("tcp", 443, "::/0")
      .Ingress("tcp", 22, "10.0.0.0/16")
      .Ingress("icmp", 8, -1, "0.0.0.0/0")
      .EgressAll()
      .EgressAll("::/0");
  b.SecurityGroup("sg-app", "vpc-a").Ingress("tcp", 8080, "sg-web").EgressAll();
  b.SecurityGroup("sg-db", "vpc-b")
      .Ingress("tcp", 5432, "sg-app")
      .Peered("111111111111", "vpc-a")
      .EgressAll();
  b.Interface("eni-web", "subnet-pub", "10.0.1.10")
      .PublicIp("54.0.0.10")
      .Ipv6("2600:1f18:a:1::10")
      .Group("sg-web");
  b.Instance("i-web", {"eni-web"});
  b.Interface("eni-app", "subnet-priv", "10.0.2.20").Group("sg-app");
  b.Instance("i-app", {"eni-app"});
  b.Interface("eni-db", "subnet-b", "10.1.1.30").Group("sg-db");
}

inline model::Handle Eni(const model::Network& n, const std::string& id) {
  const model::Handle h = n.FindInterface(id, 0);
  REQUIRE(h != model::kNone);
  return h;
}

inline model::Handle SubnetOf(const model::Network& n, const std::string& id) {
  const model::Handle h = n.FindSubnet(id, 0);
  REQUIRE(h != model::kNone);
  return h;
}

inline ConcretePacket Packet(const char* src, const char* dst, std::uint8_t protocol, std::uint16_t src_port,
                             std::uint16_t dst_port) {
  ConcretePacket p;
  p.src = IpOf(src);
  p.dst = IpOf(dst);
  p.protocol = protocol;
  p.src_port = src_port;
  p.dst_port = dst_port;
  return p;
}

/// A TCP packet (source port 40000) from interface `eni`.
inline ConcretePacket FromEni(const model::Network& n, const std::string& eni, const char* src,
                              const char* dst, std::uint16_t port, std::uint8_t protocol = net::kTcp,
                              std::uint16_t src_port = 40000) {
  ConcretePacket p = Packet(src, dst, protocol, src_port, port);
  p.sender = SenderKind::kInterface;
  p.interface = Eni(n, eni);
  return p;
}

inline ConcretePacket FromSubnet(const model::Network& n, const std::string& subnet, const char* src,
                                 const char* dst, std::uint16_t port) {
  ConcretePacket p = Packet(src, dst, net::kTcp, 40000, port);
  p.sender = SenderKind::kSubnetHost;
  p.subnet = SubnetOf(n, subnet);
  return p;
}

inline ConcretePacket FromOutside(const char* src, const char* dst, std::uint16_t port,
                                  std::uint8_t protocol = net::kTcp) {
  ConcretePacket p = Packet(src, dst, protocol, 50000, port);
  p.sender = SenderKind::kOutsideHost;
  return p;
}

inline DestinationSpec ToAddresses() { return DestinationSpec{}; }

inline DestinationSpec ToInterface(const model::Network& n, const std::string& eni) {
  DestinationSpec d;
  d.kind = DestinationKind::kInterfaces;
  d.interfaces = {Eni(n, eni)};
  return d;
}

inline DestinationSpec ToSubnet(const model::Network& n, const std::string& subnet) {
  DestinationSpec d;
  d.kind = DestinationKind::kSubnet;
  d.subnet = SubnetOf(n, subnet);
  return d;
}

/// Evaluates and prints the walk when a check fails.
inline ReferenceOutcome Eval(const model::Network& n, const ConcretePacket& p,
                             const DestinationSpec& d = ToAddresses()) {
  ReferenceOutcome out = Evaluate(n, p, d);
  UNSCOPED_INFO(out.ToString());
  return out;
}

/// The network built without failing on Validate's warnings (dangling ids on purpose).
inline model::Network BuildLoose(const ModelBuilder& b) {
  base::Diagnostics diagnostics;
  return b.Build(diagnostics);
}

}  // namespace reachcheck::testing::fixture
