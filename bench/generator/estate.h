// SPDX-License-Identifier: Apache-2.0
// The generated estate held compactly in memory (indices, integers) before it is written out
// as describe-* JSON: built once from a seed, then printed per account and region.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "generator/estate_hosts.h"

namespace reachcheck::bench {

/// How big the estate is: the number of VPCs; every VPC has the same shape.
struct EstateSize {
  std::string name;  ///< "XS", "S", "M", "L", "XL"
  int vpcs = 0;
};
/// XL = 1,000 VPCs; S, M, L are 1 %, 10 %, 50 % of it; XS (3 VPCs) is for sanitizer smoke tests.
bool ParseEstateSize(const std::string& name, EstateSize* size);

// Per-VPC shape (XL totals: 20,000 subnets and route tables, 50,000 groups, 100,000
// instances, 200,000 interfaces).
inline constexpr int kAzs = 3;
inline constexpr int kSubnetsPerVpc = 20;
inline constexpr int kSecurityGroupsPerVpc = 50;
inline constexpr int kInstancesPerVpc = 100;
inline constexpr int kInterfacesPerVpc = 200;
inline constexpr int kPeeringsPerVpc = 2;  ///< 2 peerings per VPC: mean degree 4

struct Scope {
  std::string account;
  std::string region;
  std::vector<int> vpcs;      ///< filled by the builder; everything else hangs off the VPCs
  std::vector<int> peerings;  ///< listed in both sides' accounts and regions
  std::vector<int> prefix_lists;
  std::vector<int> elastic_ips;
};

enum class Tier : std::uint8_t { kPublic, kPrivate, kIsolated };

struct Subnet {
  int vpc = 0;
  std::uint64_t id = 0;
  Cidr4 cidr;
  int az = 0;
  Tier tier = Tier::kPrivate;
  bool v6 = false;
  int route_table = -1;  ///< explicit association, -1 = main table
  int acl = -1;          ///< explicit ACL; the VPC's default ACL otherwise
  int next_host = 4;     ///< AWS reserves .0-.3 and the broadcast address
};

enum class RouteTarget : std::uint8_t { kLocal, kIgw, kEigw, kNat, kPeering, kInterface, kEndpoint };

struct Route {
  RouteTarget target = RouteTarget::kLocal;
  bool v6 = false;
  bool blackhole = false;
  Cidr4 cidr;                    ///< IPv4 destination (unless v6 or prefix_list >= 0)
  int prefix_list = -1;          ///< destination prefix list
  int target_index = -1;         ///< index into the matching vector; for kPeering < 0 a deleted one
  std::uint64_t deleted_id = 0;  ///< the id of a deleted target (blackhole)
};

struct RouteTable {
  int vpc = 0;
  std::uint64_t id = 0;
  bool main = false;
  std::vector<int> subnets;
  std::vector<Route> routes;
  std::string name;
};

enum class PeeringStatus : std::uint8_t { kActive, kPending, kDeleted, kRejected };

struct Peering {
  std::uint64_t id = 0;
  int requester = 0;
  int accepter = 0;
  PeeringStatus status = PeeringStatus::kActive;
};

struct NatGateway {
  std::uint64_t id = 0;
  int subnet = 0;
  int eni = -1;
  int eip = -1;
  bool available = true;
};

struct InternetGateway {
  std::uint64_t id = 0;
  int scope = 0;
  int vpc = -1;  ///< -1: detached
};

struct Acl {
  std::uint64_t id = 0;
  int vpc = 0;
  int kind = 0;  ///< 0 default (allow all), 1 public, 2 private
  std::vector<int> subnets;
};

struct PrefixList {
  std::uint64_t id = 0;
  int scope = 0;
  bool aws_managed = false;
  std::string name;
  std::vector<Cidr4> cidrs;
};

struct Endpoint {
  std::uint64_t id = 0;
  int vpc = 0;
  int prefix_list = 0;
  std::vector<int> route_tables;
};

struct Vpc {
  int scope = 0;
  std::uint64_t id = 0;
  std::string name;
  Cidr4 primary;
  Cidr4 secondary{0, 0};  ///< prefix 0 = none
  bool dual_stack = false;
  std::uint32_t v6_block = 0;  ///< index of its /56
  int igw = -1;
  int eigw = -1;  ///< index into egress_only (same as the VPC index when present)
  int nat[kAzs] = {-1, -1, -1};
  int main_route_table = -1;
  int default_acl = -1;
  int first_subnet = 0;  ///< kSubnetsPerVpc subnets and route tables from here
  int first_route_table = 0;
  int first_acl = 0;
  int acl_count = 0;
  int first_group = 0;  ///< kSecurityGroupsPerVpc groups from here
  int first_instance = 0;
  int instance_count = 0;
  int first_interface = 0;
  int interface_count = 0;
  int appliance_eni = -1;
  int appliance_instance = -1;
  int endpoint = -1;
  std::vector<int> peerings;
};

struct Estate {
  std::uint64_t seed = 0;
  std::vector<Scope> scopes;
  std::vector<Vpc> vpcs;
  std::vector<Subnet> subnets;
  std::vector<RouteTable> route_tables;
  std::vector<Peering> peerings;
  std::vector<NatGateway> nat_gateways;
  std::vector<InternetGateway> internet_gateways;
  std::vector<std::uint64_t> egress_only_ids;  ///< per dual-stack VPC, by VPC index (0 = none)
  std::vector<Acl> acls;
  std::vector<SecurityGroup> security_groups;
  std::vector<Interface> interfaces;
  std::vector<Instance> instances;
  std::vector<ElasticIp> elastic_ips;
  std::vector<PrefixList> prefix_lists;
  std::vector<Endpoint> endpoints;
};

/// Builds the whole estate from the seed (deterministic).
Estate BuildEstate(const EstateSize& size, std::uint64_t seed);

/// Counts for the summary: rules (one per peer of a permission), group-referencing rules, ...
struct EstateCounts {
  std::uint64_t routes = 0, rules = 0, group_rules = 0, acl_entries = 0, blackhole_routes = 0;
};
EstateCounts CountEstate(const Estate& estate);

}  // namespace reachcheck::bench
