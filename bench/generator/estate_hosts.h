// SPDX-License-Identifier: Apache-2.0
// The host half of the in-memory estate: security groups and their rules, interfaces,
// instances and Elastic IPs (indices into the Estate's vectors, like estate.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace reachcheck::bench {

struct Cidr4 {
  std::uint32_t base = 0;
  std::uint8_t prefix = 32;
};

enum class PeerKind : std::uint8_t { kCidr4, kCidr6All, kPrefixList, kGroup };

struct SgPeer {
  PeerKind kind = PeerKind::kCidr4;
  Cidr4 cidr;
  int ref = -1;      ///< prefix list or security group index
  int peering = -1;  ///< for a group in a peered VPC
  std::int16_t description = -1;
};

struct Permission {
  std::int16_t protocol = -1;  ///< -1 all, else the number (1, 6, 17)
  int from = -1;
  int to = -1;
  std::vector<SgPeer> peers;
};

struct SecurityGroup {
  std::uint64_t id = 0;
  int vpc = 0;
  std::string name;
  std::string description;
  std::vector<Permission> ingress;
  std::vector<Permission> egress;
};

enum class InstanceState : std::uint8_t { kPending, kRunning, kStopping, kStopped, kTerminated };

struct Interface {
  std::uint64_t id = 0;
  std::uint64_t attachment = 0;
  int subnet = 0;
  int instance = -1;
  int device_index = 0;
  int kind = 0;    ///< 0 instance, 1 nat_gateway, 2 lambda, 3 load balancer, 4 vpc endpoint, 5 detached
  int owner = -1;  ///< NAT gateway / service index for the description
  std::vector<int> groups;
  std::uint32_t ip = 0;
  std::vector<std::uint32_t> secondary_ips;
  std::uint32_t public_ip = 0;  ///< auto-assigned (amazon-owned) public IP, 0 = none
  int eip = -1;
  bool source_dest_check = true;
  bool v6 = false;
  std::uint64_t mac = 0;
};

struct Instance {
  std::uint64_t id = 0;
  int subnet = 0;
  std::vector<int> interfaces;
  InstanceState state = InstanceState::kRunning;
  int type = 0;
  int role = 0;
  std::uint32_t launch = 0;  ///< seconds after 2022-01-01
  std::uint64_t reservation = 0;
  bool first_in_reservation = true;
};

struct ElasticIp {
  std::uint64_t allocation = 0;
  std::uint64_t association = 0;
  std::uint32_t ip = 0;
  int scope = 0;
  int eni = -1;  ///< -1: unassociated
  int instance = -1;
};

}  // namespace reachcheck::bench
