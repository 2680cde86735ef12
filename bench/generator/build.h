// SPDX-License-Identifier: Apache-2.0
// Shared state of the estate builder (random stream, id counters, address pools) and the
// two halves of the build: the network (VPCs to route tables) and the hosts (groups to
// instances).
#pragma once

#include <cstddef>
#include <cstdint>

#include "generator/estate.h"
#include "generator/rng.h"

namespace reachcheck::bench {

/// Region names and their share of the VPCs.
inline constexpr const char* kRegions[] = {"us-east-1", "us-west-2", "eu-west-1"};
inline constexpr double kRegionWeights[] = {5, 8, 10};  ///< cumulative: 50 %, 30 %, 20 %
inline constexpr int kRegionCount = 3;

/// The IPv4 address a.b.c.d as an integer.
inline constexpr std::uint32_t Ip(int a, int b, int c, int d) {
  return (static_cast<std::uint32_t>(a) << 24) | (static_cast<std::uint32_t>(b) << 16) |
         (static_cast<std::uint32_t>(c) << 8) | static_cast<std::uint32_t>(d);
}

/// A non-negative int as an index.
inline std::size_t Index(int i) { return static_cast<std::size_t>(i); }

class Builder {
 public:
  Builder(Estate& estate, std::uint64_t seed) : estate_(estate), rng_(seed), seed_(seed) {}

  /// A new unique id for resource kind `kind` (a bijection of a per-kind counter).
  std::uint64_t NewId(int kind) {
    return Mix64((seed_ << 8) ^ (static_cast<std::uint64_t>(kind) << 56) ^ counters_[kind]++);
  }
  /// A new, never reused public IPv4 address from AWS-looking pools.
  std::uint32_t NewPublicIp();
  /// The next free host address in `subnet` (spread like AWS's allocator).
  std::uint32_t NewHost(int subnet);

  void BuildNetwork(int vpc_count);
  void BuildHosts();

  Rng& rng() { return rng_; }
  Estate& estate() { return estate_; }

 private:
  void BuildScopes(int vpc_count);
  void BuildVpc(int vpc_index);
  void BuildPeerings();
  void BuildPrefixLists();
  void BuildRouteTables(int vpc_index);
  void AddPeeringRoutes(int vpc_index, RouteTable& table);
  void BuildAcls(int vpc_index);

  void BuildGroups(int vpc_index);
  void FillGroup(SecurityGroup& group, int vpc_index, int group_in_vpc);
  SgPeer RandomPeer(int vpc_index, int group_index, bool egress);
  void BuildInstances(int vpc_index);
  int AddInterface(int subnet, int kind, int instance, int device_index);
  void AddElasticIp(int scope, int eni, int instance);
  std::vector<int> PickGroups(int vpc_index, int role);

  Estate& estate_;
  Rng rng_;
  std::uint64_t seed_;
  std::uint64_t counters_[32] = {};
  std::uint32_t public_ips_ = 0;
};

// Id kinds (salts for NewId).
enum IdKind : int {
  kIdVpc,
  kIdSubnet,
  kIdRouteTable,
  kIdRtbAssoc,
  kIdIgw,
  kIdEigw,
  kIdNat,
  kIdPeering,
  kIdGroup,
  kIdAcl,
  kIdAclAssoc,
  kIdEni,
  kIdAttach,
  kIdInstance,
  kIdReservation,
  kIdAlloc,
  kIdEipAssoc,
  kIdPrefixList,
  kIdEndpoint,
  kIdCidrAssoc,
  kIdVolume,
  kIdAmi,
  kIdDeleted,
  kIdMac,
};

}  // namespace reachcheck::bench
