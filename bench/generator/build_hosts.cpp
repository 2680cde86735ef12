// SPDX-License-Identifier: Apache-2.0
// Builds the host half of the estate: security groups and their rules (a third referencing
// other groups, some across peerings), instances and their interfaces, service interfaces,
// NAT interfaces and Elastic IPs.
#include <algorithm>
#include <cmath>

#include "generator/build.h"

namespace reachcheck::bench {
namespace {

// Groups 0..4 of every VPC: default, bastion, monitoring, load balancer, appliance; then
// nine roles with five groups each.
constexpr int kGroupDefault = 0, kGroupBastion = 1, kGroupMonitoring = 2, kGroupLb = 3, kGroupAppliance = 4,
              kFirstRoleGroup = 5, kRoles = 9, kGroupsPerRole = 5;
const char* const kRoleNames[kRoles] = {"web",      "app",    "db",    "cache", "batch",
                                        "k8s-node", "search", "queue", "lambda"};
const int kWellKnownTcp[] = {22, 80, 443, 3306, 5432, 6379, 8080, 8443, 9200, 27017};

}  // namespace

void Builder::BuildHosts() {
  // Group ids and names first, so rules can reference groups of VPCs built later.
  for (int v = 0; v < static_cast<int>(estate_.vpcs.size()); ++v) {
    Vpc& vpc = estate_.vpcs[Index(v)];
    vpc.first_group = static_cast<int>(estate_.security_groups.size());
    for (int g = 0; g < kSecurityGroupsPerVpc; ++g) {
      SecurityGroup group;
      group.id = NewId(kIdGroup);
      group.vpc = v;
      static const char* const kSpecial[] = {"default", "bastion", "monitoring", "lb", "appliance"};
      if (g == kGroupDefault) {
        group.name = "default";
        group.description = "default VPC security group";
      } else if (g < kFirstRoleGroup) {
        group.name = vpc.name + "-" + kSpecial[g];
        group.description = std::string("Managed by Terraform: ") + kSpecial[g];
      } else {
        const int role = (g - kFirstRoleGroup) / kGroupsPerRole;
        group.name =
            vpc.name + "-" + kRoleNames[role] + "-" + std::to_string((g - kFirstRoleGroup) % kGroupsPerRole);
        group.description = std::string(kRoleNames[role]) + " tier";
      }
      estate_.security_groups.push_back(std::move(group));
    }
  }
  for (int v = 0; v < static_cast<int>(estate_.vpcs.size()); ++v) BuildGroups(v);
  for (int v = 0; v < static_cast<int>(estate_.vpcs.size()); ++v) BuildInstances(v);
  // A few allocated but unassociated Elastic IPs per account and region.
  for (int s = 0; s < static_cast<int>(estate_.scopes.size()); ++s) {
    const std::size_t extra = estate_.scopes[Index(s)].elastic_ips.size() / 20;
    for (std::size_t i = 0; i < extra; ++i) AddElasticIp(s, -1, -1);
  }
}

SgPeer Builder::RandomPeer(int v, int group_index, bool egress) {
  const Vpc& vpc = estate_.vpcs[Index(v)];
  const Scope& scope = estate_.scopes[Index(vpc.scope)];
  SgPeer peer;
  if (rng_.Chance(0.3)) peer.description = static_cast<std::int16_t>(rng_.Below(8));
  const double kind = rng_.Unit();
  const double group_share = egress ? 0.3 : 0.38;
  if (kind < group_share) {
    peer.kind = PeerKind::kGroup;
    const double which = rng_.Unit();
    if (which < 0.3) {
      peer.ref = group_index;  // self-reference
    } else if (which < 0.7) {
      peer.ref = vpc.first_group + 1 + static_cast<int>(rng_.Below(4));  // shared infrastructure groups
    } else if (which < 0.9) {
      peer.ref = vpc.first_group + static_cast<int>(rng_.Below(kSecurityGroupsPerVpc));
    } else {
      // A group in a VPC peered in the same region (same-region peering only).
      std::vector<int> candidates;
      for (int p : vpc.peerings) {
        const Peering& peering = estate_.peerings[Index(p)];
        const int other = peering.requester == v ? peering.accepter : peering.requester;
        if (peering.status == PeeringStatus::kActive &&
            estate_.vpcs[Index(other)].scope % kRegionCount == vpc.scope % kRegionCount) {
          candidates.push_back(p);
        }
      }
      if (candidates.empty()) {
        peer.ref = vpc.first_group + static_cast<int>(rng_.Below(kSecurityGroupsPerVpc));
      } else {
        peer.peering = candidates[rng_.Below(static_cast<std::uint32_t>(candidates.size()))];
        const Peering& peering = estate_.peerings[Index(peer.peering)];
        const int other = peering.requester == v ? peering.accepter : peering.requester;
        peer.ref =
            estate_.vpcs[Index(other)].first_group + static_cast<int>(rng_.Below(kSecurityGroupsPerVpc));
      }
    }
    return peer;
  }
  if (kind < group_share + 0.1) {
    peer.kind = PeerKind::kPrefixList;
    const double which = rng_.Unit();
    peer.ref = scope.prefix_lists[which < 0.5 ? 2 : which < 0.8 ? 3 : 0];
    return peer;
  }
  peer.kind = PeerKind::kCidr4;
  const double which = rng_.Unit();
  if (which < 0.10) {
    peer.cidr = {0, 0};
  } else if (which < 0.25) {
    peer.cidr = vpc.primary;
  } else if (which < 0.35 && !vpc.peerings.empty()) {
    const Peering& peering =
        estate_.peerings[Index(vpc.peerings[rng_.Below(static_cast<std::uint32_t>(vpc.peerings.size()))])];
    peer.cidr = estate_.vpcs[Index(peering.requester == v ? peering.accepter : peering.requester)].primary;
  } else if (which < 0.40) {
    peer.cidr = {Ip(10, 0, 0, 0), 8};
  } else if (which < 0.60) {
    const int prefix = rng_.Between(20, 24);
    peer.cidr = {Ip(192, 168, 0, 0) + ((rng_.Below(256) << 8) & ~((1u << (32 - prefix)) - 1)),
                 static_cast<std::uint8_t>(prefix)};
  } else if (which < 0.85) {
    peer.cidr = {NewPublicIp(), 32};
  } else {
    const int prefix = rng_.Between(24, 28);
    peer.cidr = {NewPublicIp() & ~((1u << (32 - prefix)) - 1), static_cast<std::uint8_t>(prefix)};
  }
  return peer;
}

void Builder::FillGroup(SecurityGroup& group, int v, int g) {
  const Vpc& vpc = estate_.vpcs[Index(v)];
  const int self = vpc.first_group + g;
  const Scope& scope = estate_.scopes[Index(vpc.scope)];
  auto all_out = [&] {
    Permission out;
    out.peers.push_back(SgPeer{PeerKind::kCidr4, {0, 0}, -1, -1, -1});
    if (vpc.dual_stack) out.peers.push_back(SgPeer{PeerKind::kCidr6All, {}, -1, -1, -1});
    group.egress.push_back(out);
  };
  auto simple = [](int protocol, int from, int to, SgPeer peer) {
    Permission p;
    p.protocol = static_cast<std::int16_t>(protocol);
    p.from = from;
    p.to = to;
    p.peers.push_back(peer);
    return p;
  };
  switch (g) {
    case kGroupDefault:
      group.ingress.push_back(simple(-1, -1, -1, SgPeer{PeerKind::kGroup, {}, self, -1, -1}));
      all_out();
      return;
    case kGroupBastion:
      group.ingress.push_back(
          simple(6, 22, 22, SgPeer{PeerKind::kPrefixList, {}, scope.prefix_lists[2], -1, 0}));
      group.ingress.back().peers.push_back(SgPeer{PeerKind::kCidr4, {NewPublicIp(), 32}, -1, -1, 1});
      all_out();
      return;
    case kGroupLb:
      for (int port : {80, 443}) {
        group.ingress.push_back(simple(6, port, port, SgPeer{PeerKind::kCidr4, {0, 0}, -1, -1, -1}));
        if (vpc.dual_stack) group.ingress.back().peers.push_back(SgPeer{PeerKind::kCidr6All, {}, -1, -1, -1});
      }
      all_out();
      return;
    case kGroupAppliance:
      group.ingress.push_back(simple(-1, -1, -1, SgPeer{PeerKind::kCidr4, {Ip(10, 0, 0, 0), 8}, -1, -1, -1}));
      group.ingress.back().peers.push_back(SgPeer{PeerKind::kCidr4, {Ip(192, 168, 0, 0), 16}, -1, -1, 2});
      group.ingress.push_back(simple(17, 500, 500, SgPeer{PeerKind::kCidr4, {0, 0}, -1, -1, -1}));
      group.ingress.push_back(simple(17, 4500, 4500, SgPeer{PeerKind::kCidr4, {0, 0}, -1, -1, -1}));
      all_out();
      return;
    default:
      break;
  }
  // Ingress: about 9 rules on average (lognormal, median 6.6), at most 60 (the quota).
  int remaining = std::clamp(static_cast<int>(std::lround(rng_.LogNormal(6.6, 0.8))), 1, 60);
  while (remaining > 0) {
    Permission p;
    const double proto = rng_.Unit();
    if (proto < 0.75) {
      p.protocol = 6;
      const double shape = rng_.Unit();
      if (shape < 0.7) {
        p.from = p.to = kWellKnownTcp[rng_.Below(10)];
      } else if (shape < 0.9) {
        static const int kRanges[][2] = {{8000, 8099}, {1024, 65535}, {30000, 32767}, {9000, 9100}};
        const auto& range = kRanges[rng_.Below(4)];
        p.from = range[0];
        p.to = range[1];
      } else {
        p.from = 0;
        p.to = 65535;
      }
    } else if (proto < 0.85) {
      p.protocol = 17;
      static const int kUdp[] = {53, 123, 161, 500, 4500};
      p.from = p.to = kUdp[rng_.Below(5)];
    } else if (proto < 0.95) {
      p.protocol = -1;
    } else {
      p.protocol = 1;
      p.from = rng_.Chance(0.5) ? -1 : 8;  // ICMP: FromPort is the type, ToPort the code
      p.to = -1;
    }
    const int peers = std::min(remaining, rng_.Chance(0.6) ? 1 : rng_.Between(2, 4));
    for (int i = 0; i < peers; ++i) p.peers.push_back(RandomPeer(v, self, false));
    remaining -= peers;
    group.ingress.push_back(std::move(p));
  }
  if (rng_.Chance(0.85)) {
    all_out();
    return;
  }
  // Restricted egress: HTTPS anywhere, DNS in the VPC, some group and prefix-list rules.
  group.egress.push_back(simple(6, 443, 443, SgPeer{PeerKind::kCidr4, {0, 0}, -1, -1, -1}));
  group.egress.push_back(simple(17, 53, 53, SgPeer{PeerKind::kCidr4, vpc.primary, -1, -1, -1}));
  const int extra = rng_.Between(0, 4);
  for (int i = 0; i < extra; ++i) {
    group.egress.push_back(simple(6, kWellKnownTcp[rng_.Below(10)], 0, RandomPeer(v, self, true)));
    group.egress.back().to = group.egress.back().from;
  }
}

void Builder::BuildGroups(int v) {
  const Vpc& vpc = estate_.vpcs[Index(v)];
  for (int g = 0; g < kSecurityGroupsPerVpc; ++g) {
    FillGroup(estate_.security_groups[Index(vpc.first_group + g)], v, g);
  }
}

std::vector<int> Builder::PickGroups(int v, int role) {
  const int first = estate_.vpcs[Index(v)].first_group;
  std::vector<int> groups{first + kFirstRoleGroup + role * kGroupsPerRole +
                          static_cast<int>(rng_.Below(kGroupsPerRole))};
  const double n = rng_.Unit();
  const int count = n < 0.45 ? 1 : n < 0.75 ? 2 : n < 0.9 ? 3 : rng_.Between(4, 5);
  while (static_cast<int>(groups.size()) < count) {
    const double which = rng_.Unit();
    const int g = which < 0.5 ? first + kGroupMonitoring
                  : which < 0.7
                      ? first + kGroupBastion
                      : first + kFirstRoleGroup + static_cast<int>(rng_.Below(kRoles * kGroupsPerRole));
    if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
  }
  return groups;
}

int Builder::AddInterface(int subnet, int kind, int instance, int device_index) {
  Interface eni;
  eni.id = NewId(kIdEni);
  eni.attachment = NewId(kIdAttach);
  eni.subnet = subnet;
  eni.kind = kind;
  eni.instance = instance;
  eni.device_index = device_index;
  eni.ip = NewHost(subnet);
  eni.mac = NewId(kIdMac);
  eni.source_dest_check = kind != 1;
  if (kind == 0 && rng_.Chance(0.1)) {
    const int extra = rng_.Between(1, 2);
    for (int i = 0; i < extra; ++i) eni.secondary_ips.push_back(NewHost(subnet));
  }
  eni.v6 = estate_.subnets[Index(subnet)].v6 && rng_.Chance(0.5);
  estate_.interfaces.push_back(std::move(eni));
  return static_cast<int>(estate_.interfaces.size()) - 1;
}

void Builder::AddElasticIp(int scope, int eni, int instance) {
  ElasticIp eip;
  eip.allocation = NewId(kIdAlloc);
  eip.ip = NewPublicIp();
  eip.scope = scope;
  eip.eni = eni;
  eip.instance = instance;
  if (eni >= 0) {
    eip.association = NewId(kIdEipAssoc);
    estate_.interfaces[Index(eni)].eip = static_cast<int>(estate_.elastic_ips.size());
  }
  estate_.scopes[Index(scope)].elastic_ips.push_back(static_cast<int>(estate_.elastic_ips.size()));
  estate_.elastic_ips.push_back(eip);
}

void Builder::BuildInstances(int v) {
  Vpc& vpc = estate_.vpcs[Index(v)];
  vpc.first_instance = static_cast<int>(estate_.instances.size());
  vpc.first_interface = static_cast<int>(estate_.interfaces.size());
  auto subnet_in = [&](int lo, int hi,
                       int az) {  // a subnet index in [lo, hi) of the VPC, in `az` when az >= 0
    for (int attempt = 0; attempt < 32; ++attempt) {
      int s = lo + static_cast<int>(rng_.Below(static_cast<std::uint32_t>(hi - lo)));
      if (az >= 0) s = s - (s % kAzs) + az < hi ? s - (s % kAzs) + az : lo + az;
      if (estate_.subnets[Index(vpc.first_subnet + s)].next_host < 236) return vpc.first_subnet + s;
    }
    for (int s = 0; s < kSubnetsPerVpc; ++s) {
      if (estate_.subnets[Index(vpc.first_subnet + s)].next_host < 236) return vpc.first_subnet + s;
    }
    return vpc.first_subnet;
  };
  for (int az = 0; az < kAzs; ++az) {
    if (vpc.nat[az] < 0) continue;
    NatGateway& nat = estate_.nat_gateways[Index(vpc.nat[az])];
    nat.eni = AddInterface(nat.subnet, 1, -1, 1);
    estate_.interfaces[Index(nat.eni)].owner = vpc.nat[az];
    nat.eip = static_cast<int>(estate_.elastic_ips.size());
    AddElasticIp(vpc.scope, nat.eni, -1);
  }
  const bool has_igw = vpc.igw >= 0;
  std::uint64_t reservation = 0;
  for (int i = 0; i < kInstancesPerVpc; ++i) {
    Instance instance;
    instance.id = NewId(kIdInstance);
    instance.launch = rng_.Below(2u * 365 * 86400);
    instance.type = static_cast<int>(rng_.Below(8));
    instance.first_in_reservation = i == 0 || rng_.Chance(0.7);
    if (instance.first_in_reservation) reservation = NewId(kIdReservation);
    instance.reservation = reservation;
    const int index = static_cast<int>(estate_.instances.size());
    const double state = rng_.Unit();
    instance.state = i == 0         ? InstanceState::kRunning
                     : state < 0.90 ? InstanceState::kRunning
                     : state < 0.97 ? InstanceState::kStopped
                     : state < 0.98 ? InstanceState::kPending
                     : state < 0.99 ? InstanceState::kStopping
                                    : InstanceState::kTerminated;
    if (i == 0) {  // the VPC's router/VPN appliance: two interfaces, no source/dest check
      instance.role = -1;
      instance.subnet = vpc.first_subnet;
      for (int d = 0; d < 2; ++d) {
        const int eni = AddInterface(d == 0 ? vpc.first_subnet : vpc.first_subnet + 6, 0, index, d);
        Interface& e = estate_.interfaces[Index(eni)];
        e.source_dest_check = false;
        e.groups = {vpc.first_group + kGroupAppliance};
        instance.interfaces.push_back(eni);
      }
      vpc.appliance_eni = instance.interfaces[0];
      vpc.appliance_instance = index;
      if (has_igw) AddElasticIp(vpc.scope, instance.interfaces[0], index);
    } else {
      instance.role = static_cast<int>(rng_.Below(kRoles - 1));
      const double where = rng_.Unit();
      instance.subnet = where < 0.25   ? subnet_in(0, 6, -1)
                        : where < 0.95 ? subnet_in(6, 18, -1)
                                       : subnet_in(18, 20, -1);
      if (instance.state != InstanceState::kTerminated) {
        const double n = rng_.Unit();
        const int count = n < 0.4 ? 1 : n < 0.8 ? 2 : 3;
        const int az = estate_.subnets[Index(instance.subnet)].az;
        for (int d = 0; d < count; ++d) {
          const int subnet = d == 0 ? instance.subnet : subnet_in(6, 18, az);
          const int eni = AddInterface(subnet, 0, index, d);
          estate_.interfaces[Index(eni)].groups = PickGroups(v, instance.role);
          instance.interfaces.push_back(eni);
        }
        const bool is_public = estate_.subnets[Index(instance.subnet)].tier == Tier::kPublic;
        const double address = rng_.Unit();
        if (is_public && address < 0.8 && instance.state != InstanceState::kStopped) {
          estate_.interfaces[Index(instance.interfaces[0])].public_ip = NewPublicIp();
        } else if (is_public && address < 0.9) {
          AddElasticIp(vpc.scope, instance.interfaces[0], index);
        }
      }
    }
    estate_.instances.push_back(std::move(instance));
  }
  // Service interfaces (Lambda, load balancers, interface endpoints, a few detached ones)
  // up to the VPC's share of interfaces.
  const int used = static_cast<int>(estate_.interfaces.size()) - vpc.first_interface;
  for (int i = used; i < kInterfacesPerVpc; ++i) {
    const double kind = rng_.Unit();
    const int k = kind < 0.6 ? 2 : kind < 0.9 ? 3 : kind < 0.99 ? 4 : 5;
    const int eni = AddInterface(subnet_in(6, 18, -1), k, -1, 1);
    Interface& e = estate_.interfaces[Index(eni)];
    e.owner = static_cast<int>(rng_.Below(1000));
    if (k == 2)
      e.groups = {vpc.first_group + kFirstRoleGroup + 8 * kGroupsPerRole +
                  static_cast<int>(rng_.Below(kGroupsPerRole))};
    if (k == 3) e.groups = {vpc.first_group + kGroupLb};
    if (k == 4 || k == 5) e.groups = PickGroups(v, static_cast<int>(rng_.Below(kRoles)));
  }
  vpc.instance_count = static_cast<int>(estate_.instances.size()) - vpc.first_instance;
  vpc.interface_count = static_cast<int>(estate_.interfaces.size()) - vpc.first_interface;
}

}  // namespace reachcheck::bench
