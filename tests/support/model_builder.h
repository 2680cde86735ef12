// SPDX-License-Identifier: Apache-2.0
// A fluent builder of small model::Networks for tests:
//   ModelBuilder b;
//   auto vpc = b.Vpc("vpc-1", "10.0.0.0/16");
//   auto sn = b.Subnet("subnet-1", vpc, "10.0.1.0/24");
//   b.RouteTable("rtb-1", vpc).Main().Route("0.0.0.0/0", "igw-1");
//   b.Igw("igw-1", vpc);
//   b.SecurityGroup("sg-1", vpc).Ingress("tcp", 22, "0.0.0.0/0").EgressAll();
//   b.Interface("eni-1", sn, "10.0.1.5").PublicIp("54.1.2.3").Groups({"sg-1"});
//   b.Instance("i-1", {"eni-1"});
//   model::Network n = b.Build();  // throws if Validate reports anything; Build(diags) does not
#pragma once

#include <initializer_list>
#include <set>
#include <string>
#include <string_view>

#include "reachcheck/base/diagnostic.h"
#include "reachcheck/model/network.h"
#include "support/model_builder_elements.h"
#include "support/model_builder_hosts.h"

namespace reachcheck::testing {

/// Strict parsers for test text; they throw std::invalid_argument on bad input.
net::Cidr CidrOf(std::string_view text);
net::IpAddress IpOf(std::string_view text);
/// A rule's service as AWS writes it (see SecurityGroupBuilder::Ingress).
net::ServiceMatch ServiceOf(std::string_view protocol, int from_port, int to_port);
/// The route target kind an id implies (see RouteTableBuilder::Route).
model::TargetKind TargetKindOf(std::string_view target_id);

/// Builds a network element by element. Defaults: scope account 111111111111, region
/// us-east-1 (UseScope changes it for later elements); owner ids are the scope's account;
/// states available / running / in-use / active; NAT connectivity public.
/// Build() then, on a copy: adds one default allow-all ACL per VPC that has none (id
/// "acl-default-<vpc id>"; inbound and outbound: 100 allow all 0.0.0.0/0, 101 allow all
/// ::/0), adds the "*" deny entries (32767 0.0.0.0/0, 32768 ::/0) to every ACL and sorts
/// entries, adds a `local` route per VPC CIDR to every route table, fills what can be
/// derived (an interface's VPC and zone from its subnet, a NAT's VPC, instance attachments,
/// peering sides' CIDRs/owners/regions from VPCs built here), gives every element, route,
/// rule, entry and association without an origin the SourceRef {"builder", "/vpcs/0"},
/// {"builder", "/route_tables/0/routes/1"}, ..., and runs model::Validate.
/// Non-copyable and non-movable: element builders point into it.
class ModelBuilder {
 public:
  ModelBuilder();
  ModelBuilder(const ModelBuilder&) = delete;
  ModelBuilder& operator=(const ModelBuilder&) = delete;

  /// Later elements belong to this account and region.
  ModelBuilder& UseScope(std::string account, std::string region);
  /// Build() adds no default ACL to any VPC.
  ModelBuilder& NoDefaultAcls();

  /// `cidr`: the primary IPv4 block ("" for none).
  VpcBuilder Vpc(std::string id, std::string_view cidr);
  /// `cidr` "" makes an IPv6-only subnet (add its block with Ipv6()).
  SubnetBuilder Subnet(std::string id, const IdRef& vpc, std::string_view cidr);
  RouteTableBuilder RouteTable(std::string id, const IdRef& vpc);
  /// An internet gateway, attached to `vpc` when given (attachment state "available").
  IgwBuilder Igw(std::string id, const IdRef& vpc = "");
  /// An egress-only internet gateway attached to `vpc` (attachment state "attached").
  IgwBuilder EgressOnlyIgw(std::string id, const IdRef& vpc);
  /// A NAT gateway in `subnet` with its primary address (public IP "" for none).
  NatBuilder Nat(std::string id, const IdRef& subnet, std::string_view private_ip,
                 std::string_view public_ip = "");
  /// A peering between two VPCs (either may be outside the builder), status "active".
  PeeringBuilder Peering(std::string id, const IdRef& requester_vpc, const IdRef& accepter_vpc);
  /// A security group with no rules (AWS adds egress-all by default: call EgressAll()).
  SecurityGroupBuilder SecurityGroup(std::string id, const IdRef& vpc);
  /// A network ACL with no entries (Build() adds the "*" denies).
  NetworkAclBuilder Acl(std::string id, const IdRef& vpc);
  /// An interface with `primary_ip` ("" for none, e.g. IPv6-only), no groups, in-use.
  InterfaceBuilder Interface(std::string id, const IdRef& subnet, std::string_view primary_ip);
  /// An instance with these interfaces (device index = position, primary first), running.
  InstanceBuilder Instance(std::string id, std::initializer_list<IdRef> interfaces = {});
  /// An Elastic IP (id = allocation id), not associated until Interface()/Instance().
  ElasticIpBuilder Eip(std::string allocation_id, std::string_view public_ip);
  /// A customer-managed prefix list with these entries (family from the first entry).
  PrefixListBuilder PrefixList(std::string id, std::initializer_list<std::string_view> cidrs);
  /// A gateway endpoint (type "Gateway") serving these route tables.
  EndpointBuilder GatewayEndpoint(std::string id, const IdRef& vpc, std::string service,
                                  std::initializer_list<IdRef> route_tables = {});
  /// An interface endpoint (type "Interface") in these subnets.
  EndpointBuilder InterfaceEndpoint(std::string id, const IdRef& vpc, std::string service,
                                    std::initializer_list<IdRef> subnets = {});
  /// A recognised but unanalysed resource, e.g. ("TransitGateways", "tgw-1").
  ModelBuilder& Unanalysed(std::string type, std::string id);

  /// The network so far, for edits the fluent API does not cover.
  model::Network& Raw() { return network_; }
  model::Handle CurrentScope() const { return scope_; }

  /// Finishes a copy (see the class comment) and validates it into `diagnostics`.
  model::Network Build(base::Diagnostics& diagnostics) const;
  /// The same, but throws std::logic_error listing the diagnostics if there are any.
  model::Network Build() const;

 private:
  friend class VpcBuilder;
  friend class RouteTableBuilder;
  friend class NetworkAclBuilder;
  friend class NatBuilder;
  const base::Text& Account() const { return network_.scopes[scope_].account; }
  void Finish(model::Network& n) const;

  model::Network network_;
  model::Handle scope_ = model::kNone;
  bool default_acls_ = true;
  std::set<std::string> vpcs_without_default_acl_;  ///< "<scope>/<vpc id>"
  std::set<model::Handle> tables_without_local_routes_;
  std::set<model::Handle> acls_without_implicit_deny_;
};

}  // namespace reachcheck::testing
