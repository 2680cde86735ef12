// SPDX-License-Identifier: Apache-2.0
// The fluent per-element builders handed out by ModelBuilder (support/model_builder.h): the
// common base, VPCs, subnets, route tables, security groups and network ACLs. Each addresses
// its element by index, so it stays valid while more elements are added.
#pragma once

#include <concepts>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reachcheck/model/network.h"

namespace reachcheck::testing {

class ModelBuilder;

/// An id given as text or as the builder of the element that has it.
struct IdRef {
  std::string id;
  IdRef(const char* text) : id(text) {}             // NOLINT: implicit on purpose
  IdRef(std::string text) : id(std::move(text)) {}  // NOLINT
  template <typename B>
  requires requires(const B& b) {
    { b.Id() } -> std::convertible_to<std::string>;
  }
  IdRef(const B& builder) : id(builder.Id()) {}  // NOLINT
};

inline constexpr bool kAllow = true;  ///< ACL entry action
inline constexpr bool kDeny = false;  ///< ACL entry action

/// The common part: Get() is the element itself, for anything the fluent API does not cover.
template <typename T, typename Self>
class ElementBuilder {
 public:
  ElementBuilder(ModelBuilder* owner, std::vector<T>* items, model::Handle index)
      : owner_(owner), items_(items), index_(index) {}
  T& Get() const { return (*items_)[index_]; }
  model::Handle Index() const { return index_; }  ///< its handle once built (no duplicates)
  const base::Text& Id() const { return Get().id; }
  Self& Tag(std::string key, std::string value) {
    Get().tags.push_back({std::move(key), std::move(value)});
    return Me();
  }
  Self& Name(std::string name) { return Tag("Name", std::move(name)); }  ///< the Name tag
  Self& Origin(std::string file, std::string pointer) {
    Get().origin = base::SourceRef{std::move(file), std::move(pointer)};
    return Me();
  }

 protected:
  Self& Me() { return static_cast<Self&>(*this); }
  ModelBuilder* owner_;
  std::vector<T>* items_;
  model::Handle index_;
};

class VpcBuilder : public ElementBuilder<model::Vpc, VpcBuilder> {
 public:
  using ElementBuilder::ElementBuilder;
  VpcBuilder& Cidr(std::string_view cidr);  ///< another IPv4 block
  VpcBuilder& Ipv6(std::string_view cidr);
  VpcBuilder& Default(bool is_default = true);
  VpcBuilder& State(std::string state);
  VpcBuilder& NoDefaultAcl();  ///< Build() adds no default allow-all ACL for this VPC
};

class SubnetBuilder : public ElementBuilder<model::Subnet, SubnetBuilder> {
 public:
  using ElementBuilder::ElementBuilder;
  SubnetBuilder& Ipv6(std::string_view cidr);
  SubnetBuilder& Az(std::string zone);
  SubnetBuilder& MapPublicIp(bool on = true);
  SubnetBuilder& State(std::string state);
};

class RouteTableBuilder : public ElementBuilder<model::RouteTable, RouteTableBuilder> {
 public:
  using ElementBuilder::ElementBuilder;
  RouteTableBuilder& Main();  ///< the VPC's main table
  RouteTableBuilder& Associate(const IdRef& subnet);
  RouteTableBuilder& AssociateGateway(const IdRef& gateway);  ///< edge association
  /// `destination` is a CIDR (either family) or a prefix list id ("pl-...").
  RouteTableBuilder& Route(std::string_view destination, model::TargetKind kind, const IdRef& target);
  /// The kind from the target id: "local", igw-, eigw-, nat-, pcx-, eni-, i-, tgw-, vgw-,
  /// vpce-, cagw-, lgw-, core-network-/arn (anything else: kUnknown).
  RouteTableBuilder& Route(std::string_view destination, const IdRef& target);
  RouteTableBuilder& Blackhole();      ///< the last route is in state blackhole
  RouteTableBuilder& Propagated();     ///< the last route was propagated (route_origin)
  RouteTableBuilder& NoLocalRoutes();  ///< Build() adds no `local` route per VPC CIDR
  model::Route& LastRoute() const { return Get().routes.back(); }
};

class SecurityGroupBuilder : public ElementBuilder<model::SecurityGroup, SecurityGroupBuilder> {
 public:
  using ElementBuilder::ElementBuilder;
  /// One rule; `peer` is a CIDR, "pl-..." or "sg-..."; ports as AWS writes them (tcp/udp
  /// from-to, -1 = all; icmp: from = type, to = code); protocol "-1"/"all"/name/number.
  SecurityGroupBuilder& Ingress(std::string_view protocol, int from_port, int to_port, const IdRef& peer);
  SecurityGroupBuilder& Ingress(std::string_view protocol, int port, const IdRef& peer);
  SecurityGroupBuilder& Egress(std::string_view protocol, int from_port, int to_port, const IdRef& peer);
  SecurityGroupBuilder& Egress(std::string_view protocol, int port, const IdRef& peer);
  SecurityGroupBuilder& IngressAll(const IdRef& peer);               ///< protocol -1
  SecurityGroupBuilder& EgressAll(const IdRef& peer = "0.0.0.0/0");  ///< AWS's default egress
  /// The last rule references a group of a peered VPC (UserId, VpcId, PeeringStatus).
  SecurityGroupBuilder& Peered(std::string owner_id, std::string vpc_id, std::string status = "active");
  SecurityGroupBuilder& RuleDescription(std::string text);  ///< of the last rule
  SecurityGroupBuilder& GroupName(std::string name);
  model::SgRule& LastRule() const { return last_egress_ ? Get().egress.back() : Get().ingress.back(); }

 private:
  SecurityGroupBuilder& Add(model::Direction direction, std::string_view protocol, int from_port, int to_port,
                            const IdRef& peer);
  bool last_egress_ = false;
};

class NetworkAclBuilder : public ElementBuilder<model::NetworkAcl, NetworkAclBuilder> {
 public:
  using ElementBuilder::ElementBuilder;
  /// One entry; `allow` is kAllow or kDeny; ports as for security groups.
  NetworkAclBuilder& Entry(model::Direction direction, int rule, bool allow, std::string_view protocol,
                           int from_port, int to_port, std::string_view cidr);
  NetworkAclBuilder& Inbound(int rule, bool allow, std::string_view protocol, int from_port, int to_port,
                             std::string_view cidr);
  NetworkAclBuilder& Outbound(int rule, bool allow, std::string_view protocol, int from_port, int to_port,
                              std::string_view cidr);
  NetworkAclBuilder& InboundAll(int rule, bool allow, std::string_view cidr = "0.0.0.0/0");
  NetworkAclBuilder& OutboundAll(int rule, bool allow, std::string_view cidr = "0.0.0.0/0");
  NetworkAclBuilder& Associate(const IdRef& subnet);
  NetworkAclBuilder& Default(bool is_default = true);  ///< the VPC's default ACL
  NetworkAclBuilder& NoImplicitDeny();                 ///< Build() adds no "*" deny entries (32767/32768)
};

}  // namespace reachcheck::testing
