// SPDX-License-Identifier: Apache-2.0
// The random network generator's plan (what it decided per VPC) and its steps, shared by
// random_network.cpp (VPCs, subnets, gateways, hosts) and random_network_rules.cpp
// (security groups, ACLs, peerings, routes).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reachcheck/net/cidr.h"
#include "support/model_builder.h"
#include "support/random_network.h"

namespace reachcheck::testing::random_network {

struct SubnetPlan {
  std::string id;
  net::Cidr v4;        ///< also reserved (and used in rules) for an IPv6-only subnet
  bool has_v4 = true;  ///< false: an IPv6-only subnet
  std::optional<net::Cidr> v6;
  std::vector<std::string> addresses;  ///< private and IPv6 addresses given out so far
};

struct VpcPlan {
  std::string id;
  std::string account;
  std::string region;
  net::Cidr cidr;
  std::optional<net::Cidr> secondary;
  std::optional<net::Cidr> v6;
  std::vector<SubnetPlan> subnets;
  std::string igw;  ///< "" when none
  bool igw_attached = false;
  std::string eigw;      ///< "" when none
  std::string endpoint;  ///< a gateway endpoint (route target), "" when none
  std::vector<std::string> nats;
  std::vector<std::string> groups;
  std::vector<std::string> interfaces;  ///< not NAT interfaces
  std::vector<std::string> instances;
};

struct PeeringPlan {
  std::string id;
  int a = 0;
  int b = -1;  ///< -1: the accepter is a VPC outside the snapshot
  std::string status;
};

/// A CIDR block `index` blocks of `length` bits into `parent` ("10.0.0.0/16", 24, 3 ->
/// 10.0.3.0/24).
net::Cidr SubBlock(const net::Cidr& parent, int length, unsigned index);
/// The address `offset` addresses after the base of `cidr`, as text.
std::string AddressIn(const net::Cidr& cidr, unsigned offset);

class Generator {
 public:
  Generator(std::uint64_t seed, const RandomNetworkOptions& options) : rng_(seed), options_(options) {}
  model::Network Run(std::vector<std::string>& diagnostics);

 private:
  // random_network.cpp
  void PlanVpcs();
  void BuildVpc(VpcPlan& vpc, int index);
  void BuildNats(VpcPlan& vpc, int index);
  void BuildInterfaces(VpcPlan& vpc, int index);
  std::string PublicAddress();
  // random_network_rules.cpp
  void PlanPeerings();
  void BuildPeerings();
  void BuildGroups(VpcPlan& vpc, int index);
  void AddGroupRule(SecurityGroupBuilder& group, const VpcPlan& vpc, int index, bool ingress);
  void BuildAcls(VpcPlan& vpc);
  void AddAclEntries(NetworkAclBuilder& acl, const VpcPlan& vpc, bool ingress);
  void BuildRoutes(VpcPlan& vpc, int index);
  void AddRoutes(RouteTableBuilder& table, const VpcPlan& vpc, int index);
  std::string RandomTarget(const VpcPlan& vpc, int index);
  std::string RandomPeerCidr(const VpcPlan& vpc, bool v6);
  void UseScopeOf(const VpcPlan& vpc) { b_.UseScope(vpc.account, vpc.region); }

  SeededRandom rng_;
  RandomNetworkOptions options_;
  ModelBuilder b_;
  std::vector<VpcPlan> vpcs_;
  std::vector<PeeringPlan> peerings_;
  int interfaces_ = 0;
  int instances_ = 0;
  int publics_ = 0;
  int eips_ = 0;
};

}  // namespace reachcheck::testing::random_network
