// SPDX-License-Identifier: Apache-2.0
// The fluent per-element builders: each method edits the element in the ModelBuilder.
#include "support/model_builder_elements.h"

#include <stdexcept>

#include "support/model_builder.h"

namespace reachcheck::testing {

namespace {

bool IsPrefixListId(std::string_view text) { return text.substr(0, 3) == "pl-"; }

std::string AssociationId(const std::string& owner, std::size_t index) {
  return "assoc-" + owner + "-" + std::to_string(index);
}

}  // namespace

// --- VpcBuilder, SubnetBuilder ---------------------------------------------------------------

VpcBuilder& VpcBuilder::Cidr(std::string_view cidr) {
  Get().ipv4_cidrs.push_back(CidrOf(cidr));
  return *this;
}
VpcBuilder& VpcBuilder::Ipv6(std::string_view cidr) {
  Get().ipv6_cidrs.push_back(CidrOf(cidr));
  return *this;
}
VpcBuilder& VpcBuilder::Default(bool is_default) {
  Get().is_default = is_default;
  return *this;
}
VpcBuilder& VpcBuilder::State(std::string state) {
  Get().state = std::move(state);
  return *this;
}
VpcBuilder& VpcBuilder::NoDefaultAcl() {
  owner_->vpcs_without_default_acl_.insert(std::to_string(Get().scope) + "/" + Get().id);
  return *this;
}

SubnetBuilder& SubnetBuilder::Ipv6(std::string_view cidr) {
  Get().ipv6_cidrs.push_back(CidrOf(cidr));
  return *this;
}
SubnetBuilder& SubnetBuilder::Az(std::string zone) {
  Get().availability_zone = std::move(zone);
  return *this;
}
SubnetBuilder& SubnetBuilder::MapPublicIp(bool on) {
  Get().map_public_ip_on_launch = on;
  return *this;
}
SubnetBuilder& SubnetBuilder::State(std::string state) {
  Get().state = std::move(state);
  return *this;
}

// --- RouteTableBuilder -----------------------------------------------------------------------

RouteTableBuilder& RouteTableBuilder::Main() {
  model::RouteTableAssociation association;
  association.id = AssociationId(Id(), Get().associations.size());
  association.main = true;
  association.state = "associated";
  Get().associations.push_back(association);
  return *this;
}
RouteTableBuilder& RouteTableBuilder::Associate(const IdRef& subnet) {
  model::RouteTableAssociation association;
  association.id = AssociationId(Id(), Get().associations.size());
  association.subnet_id = subnet.id;
  association.state = "associated";
  Get().associations.push_back(association);
  return *this;
}
RouteTableBuilder& RouteTableBuilder::AssociateGateway(const IdRef& gateway) {
  model::RouteTableAssociation association;
  association.id = AssociationId(Id(), Get().associations.size());
  association.gateway_id = gateway.id;
  association.state = "associated";
  Get().associations.push_back(association);
  return *this;
}
RouteTableBuilder& RouteTableBuilder::Route(std::string_view destination, model::TargetKind kind,
                                            const IdRef& target) {
  model::Route route;
  if (IsPrefixListId(destination)) {
    route.prefix_list_id = std::string(destination);
  } else {
    route.destination = CidrOf(destination);
  }
  route.target_kind = kind;
  route.target_id = target.id;
  route.route_origin = kind == model::TargetKind::kLocal ? model::RouteOrigin::kCreateRouteTable
                                                         : model::RouteOrigin::kCreateRoute;
  Get().routes.push_back(route);
  return *this;
}
RouteTableBuilder& RouteTableBuilder::Route(std::string_view destination, const IdRef& target) {
  return Route(destination, TargetKindOf(target.id), target);
}
RouteTableBuilder& RouteTableBuilder::Blackhole() {
  LastRoute().state = model::RouteState::kBlackhole;
  return *this;
}
RouteTableBuilder& RouteTableBuilder::Propagated() {
  LastRoute().route_origin = model::RouteOrigin::kPropagated;
  return *this;
}
RouteTableBuilder& RouteTableBuilder::NoLocalRoutes() {
  owner_->tables_without_local_routes_.insert(index_);
  return *this;
}

// --- SecurityGroupBuilder --------------------------------------------------------------------

SecurityGroupBuilder& SecurityGroupBuilder::Add(model::Direction direction, std::string_view protocol,
                                                int from_port, int to_port, const IdRef& peer) {
  model::SgRule rule;
  rule.direction = direction;
  rule.service = ServiceOf(protocol, from_port, to_port);
  if (peer.id.substr(0, 3) == "sg-") {
    rule.peer_kind = model::PeerKind::kSecurityGroup;
    rule.group_id = peer.id;
  } else if (IsPrefixListId(peer.id)) {
    rule.peer_kind = model::PeerKind::kPrefixList;
    rule.prefix_list_id = peer.id;
  } else {
    rule.peer_kind = model::PeerKind::kCidr;
    rule.cidr = CidrOf(peer.id);
  }
  last_egress_ = direction == model::Direction::kEgress;
  (last_egress_ ? Get().egress : Get().ingress).push_back(rule);
  return *this;
}
SecurityGroupBuilder& SecurityGroupBuilder::Ingress(std::string_view protocol, int from_port, int to_port,
                                                    const IdRef& peer) {
  return Add(model::Direction::kIngress, protocol, from_port, to_port, peer);
}
SecurityGroupBuilder& SecurityGroupBuilder::Ingress(std::string_view protocol, int port, const IdRef& peer) {
  return Add(model::Direction::kIngress, protocol, port, port, peer);
}
SecurityGroupBuilder& SecurityGroupBuilder::Egress(std::string_view protocol, int from_port, int to_port,
                                                   const IdRef& peer) {
  return Add(model::Direction::kEgress, protocol, from_port, to_port, peer);
}
SecurityGroupBuilder& SecurityGroupBuilder::Egress(std::string_view protocol, int port, const IdRef& peer) {
  return Add(model::Direction::kEgress, protocol, port, port, peer);
}
SecurityGroupBuilder& SecurityGroupBuilder::IngressAll(const IdRef& peer) {
  return Add(model::Direction::kIngress, "-1", -1, -1, peer);
}
SecurityGroupBuilder& SecurityGroupBuilder::EgressAll(const IdRef& peer) {
  return Add(model::Direction::kEgress, "-1", -1, -1, peer);
}
SecurityGroupBuilder& SecurityGroupBuilder::Peered(std::string owner_id, std::string vpc_id,
                                                   std::string status) {
  model::SgRule& rule = LastRule();
  if (rule.peer_kind != model::PeerKind::kSecurityGroup) {
    throw std::invalid_argument("Peered() needs a rule that references a security group");
  }
  rule.group_owner_id = std::move(owner_id);
  rule.group_vpc_id = std::move(vpc_id);
  rule.peering_status = std::move(status);
  return *this;
}
SecurityGroupBuilder& SecurityGroupBuilder::RuleDescription(std::string text) {
  LastRule().description = std::move(text);
  return *this;
}
SecurityGroupBuilder& SecurityGroupBuilder::GroupName(std::string name) {
  Get().name = std::move(name);
  return *this;
}

// --- NetworkAclBuilder -----------------------------------------------------------------------

NetworkAclBuilder& NetworkAclBuilder::Entry(model::Direction direction, int rule, bool allow,
                                            std::string_view protocol, int from_port, int to_port,
                                            std::string_view cidr) {
  model::AclEntry entry;
  entry.rule_number = rule;
  entry.allow = allow;
  entry.service = ServiceOf(protocol, from_port, to_port);
  entry.cidr = CidrOf(cidr);
  (direction == model::Direction::kIngress ? Get().inbound : Get().outbound).push_back(entry);
  return *this;
}
NetworkAclBuilder& NetworkAclBuilder::Inbound(int rule, bool allow, std::string_view protocol, int from_port,
                                              int to_port, std::string_view cidr) {
  return Entry(model::Direction::kIngress, rule, allow, protocol, from_port, to_port, cidr);
}
NetworkAclBuilder& NetworkAclBuilder::Outbound(int rule, bool allow, std::string_view protocol, int from_port,
                                               int to_port, std::string_view cidr) {
  return Entry(model::Direction::kEgress, rule, allow, protocol, from_port, to_port, cidr);
}
NetworkAclBuilder& NetworkAclBuilder::InboundAll(int rule, bool allow, std::string_view cidr) {
  return Entry(model::Direction::kIngress, rule, allow, "-1", -1, -1, cidr);
}
NetworkAclBuilder& NetworkAclBuilder::OutboundAll(int rule, bool allow, std::string_view cidr) {
  return Entry(model::Direction::kEgress, rule, allow, "-1", -1, -1, cidr);
}
NetworkAclBuilder& NetworkAclBuilder::Associate(const IdRef& subnet) {
  Get().associations.push_back({AssociationId(Id(), Get().associations.size()), subnet.id, {}});
  return *this;
}
NetworkAclBuilder& NetworkAclBuilder::Default(bool is_default) {
  Get().is_default = is_default;
  return *this;
}
NetworkAclBuilder& NetworkAclBuilder::NoImplicitDeny() {
  owner_->acls_without_implicit_deny_.insert(index_);
  return *this;
}

}  // namespace reachcheck::testing
