// SPDX-License-Identifier: Apache-2.0
// The random network generator, second half: peerings (any status, cross-account, to VPCs
// outside the snapshot), security groups, network ACLs and route tables, drawn from small
// pools of CIDRs and port boundaries so that rules overlap and split packet classes.
#include <cstdio>
#include <set>

#include "support/random_network_internal.h"

namespace reachcheck::testing::random_network {

namespace {

std::string Id(const char* prefix, unsigned value) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%s%04x", prefix, value);
  return buffer;
}

struct PortRange {
  int from;
  int to;
};

const std::vector<PortRange> kTcpPorts = {{22, 22},      {80, 80},       {443, 443},   {0, 65535},
                                          {1024, 65535}, {1000, 2000},   {53, 53},     {8080, 8090},
                                          {0, 1023},     {32768, 65535}, {1023, 1024}, {65535, 65535}};
const std::vector<PortRange> kIcmpTypes = {{8, -1}, {-1, -1}, {3, 4}, {0, -1}, {8, 0}, {11, -1}};
const std::vector<PortRange> kIcmpv6Types = {{128, -1}, {-1, -1}, {129, -1}, {1, 4}};

struct Service {
  std::string protocol;
  PortRange ports;
};

Service RandomService(SeededRandom& rng, bool v6) {
  const unsigned roll = rng.Below(100);
  if (roll < 40) return {"tcp", rng.Pick(kTcpPorts)};
  if (roll < 55) return {"udp", rng.Pick(kTcpPorts)};
  if (roll < 70)
    return v6 ? Service{"icmpv6", rng.Pick(kIcmpv6Types)} : Service{"icmp", rng.Pick(kIcmpTypes)};
  if (roll < 88) return {"-1", {-1, -1}};
  if (roll < 94) return {"47", {-1, -1}};
  return {"icmp", rng.Pick(kIcmpTypes)};
}

}  // namespace

void Generator::PlanPeerings() {
  const int count = static_cast<int>(vpcs_.size());
  for (int a = 0; a < count; ++a) {
    for (int b = a + 1; b < count; ++b) {
      if (!rng_.Percent(55)) continue;
      PeeringPlan p;
      p.id = Id("pcx-0", static_cast<unsigned>(a * 16 + b));
      p.a = a;
      p.b = b;
      const bool overlap = vpcs_[a].cidr.Overlaps(vpcs_[b].cidr);
      if (overlap) {
        p.status = "failed";  // AWS refuses overlapping peers
      } else {
        static const std::vector<std::string> kOther = {"pending-acceptance", "deleted", "expired"};
        p.status = rng_.Percent(80) ? "active" : rng_.Pick(kOther);
      }
      peerings_.push_back(p);
    }
  }
  if (rng_.Percent(20)) {
    PeeringPlan p;
    p.id = Id("pcx-0", 0xfff);
    p.a = static_cast<int>(rng_.Below(static_cast<std::uint32_t>(count)));
    p.status = "active";
    peerings_.push_back(p);
  }
}

void Generator::BuildPeerings() {
  for (const PeeringPlan& p : peerings_) {
    UseScopeOf(vpcs_[static_cast<std::size_t>(p.a)]);
    if (p.b < 0) {
      b_.Peering(p.id, vpcs_[static_cast<std::size_t>(p.a)].id, "vpc-0ext")
          .Accepter("333333333333", "us-east-1")
          .AccepterCidrs({"10.200.0.0/16"})
          .Status(p.status);
    } else {
      b_.Peering(p.id, vpcs_[static_cast<std::size_t>(p.a)].id, vpcs_[static_cast<std::size_t>(p.b)].id)
          .Status(p.status);
    }
  }
}

std::string Generator::RandomPeerCidr(const VpcPlan& vpc, bool v6) {
  const VpcPlan& other = rng_.Pick(vpcs_);
  const SubnetPlan& subnet = rng_.Pick(other.subnets);
  if (v6) {
    const unsigned roll = rng_.Below(5);
    if (roll == 0 || !other.v6) return rng_.Percent(50) ? "::/0" : "2001:db8::/32";
    if (roll == 1) return other.v6->ToString();
    if (subnet.v6) return roll == 2 ? subnet.v6->ToString() : SubBlock(*subnet.v6, 124, 0).ToString();
    return vpc.v6 ? vpc.v6->ToString() : "::/0";
  }
  switch (rng_.Below(14)) {
    case 0:
      return "0.0.0.0/0";
    case 1:
      return "10.0.0.0/8";
    case 2:
      return vpc.cidr.ToString();
    case 3:
      return other.cidr.ToString();
    case 4:
      return subnet.v4.ToString();
    case 5:
      return SubBlock(subnet.v4, 28, 0).ToString();
    case 6:
      return SubBlock(subnet.v4, 28, 1).ToString();
    case 7:
      return SubBlock(subnet.v4, 26, 0).ToString();
    case 8:
      return SubBlock(subnet.v4, 29, 25).ToString();  // .200-.207
    case 9: {
      const std::string address = subnet.addresses.empty() ? "8.8.8.8" : rng_.Pick(subnet.addresses);
      return address.find(':') == std::string::npos ? address + "/32" : address + "/128";
    }
    case 10:
      return "8.8.8.0/24";
    case 11:
      return "203.0.113.0/24";
    case 12:
      return rng_.Percent(50) ? "54.0.0.0/24" : "52.0.0.0/16";
    default:
      return "100.64.0.0/10";
  }
}

void Generator::AddGroupRule(SecurityGroupBuilder& group, const VpcPlan& vpc, int index, bool ingress) {
  const bool v6 = vpc.v6 && rng_.Percent(30);
  const Service service = RandomService(rng_, v6);
  const unsigned kind = rng_.Below(100);
  std::string peer;
  std::string peer_vpc;  // for a group of another VPC
  if (kind < 55) {
    peer = RandomPeerCidr(vpc, v6);
  } else if (kind < 70) {
    peer = v6 ? "pl-0ccc" : (rng_.Percent(50) ? "pl-0aaa" : "pl-0bbb");
  } else {
    // A group of this VPC, or of a VPC joined to it by a peering of any status.
    std::vector<int> candidates = {index};
    for (const PeeringPlan& p : peerings_) {
      if (p.b >= 0 && (p.a == index || p.b == index)) candidates.push_back(p.a == index ? p.b : p.a);
    }
    const int target = rng_.Pick(candidates);
    peer = rng_.Pick(vpcs_[static_cast<std::size_t>(target)].groups);
    if (target != index) peer_vpc = vpcs_[static_cast<std::size_t>(target)].id;
  }
  if (ingress) {
    group.Ingress(service.protocol, service.ports.from, service.ports.to, peer);
  } else {
    group.Egress(service.protocol, service.ports.from, service.ports.to, peer);
  }
  if (!peer_vpc.empty()) {
    for (const VpcPlan& p : vpcs_) {
      if (p.id == peer_vpc) group.Peered(p.account, p.id);
    }
  }
}

void Generator::BuildGroups(VpcPlan& vpc, int index) {
  for (const std::string& id : vpc.groups) {
    SecurityGroupBuilder group = b_.SecurityGroup(id, vpc.id);
    if (rng_.Percent(8)) continue;  // a group with no rules at all
    if (rng_.Percent(80)) {
      group.EgressAll();
      if (vpc.v6 && rng_.Percent(60)) group.EgressAll("::/0");
    } else {
      const int egress = 1 + static_cast<int>(rng_.Below(2));
      for (int r = 0; r < egress; ++r) AddGroupRule(group, vpc, index, false);
    }
    const int ingress = 1 + static_cast<int>(rng_.Below(4));
    for (int r = 0; r < ingress; ++r) AddGroupRule(group, vpc, index, true);
    if (rng_.Percent(35)) group.IngressAll(rng_.Percent(50) ? "0.0.0.0/0" : "10.0.0.0/8");
    if (vpc.v6 && rng_.Percent(25)) group.IngressAll("::/0");
  }
}

void Generator::AddAclEntries(NetworkAclBuilder& acl, const VpcPlan& vpc, bool ingress) {
  static const std::vector<int> kRuleNumbers = {50, 90, 100, 110, 120, 130, 200};
  std::set<int> used;
  const int count = 1 + static_cast<int>(rng_.Below(5));
  for (int e = 0; e < count; ++e) {
    const int rule = rng_.Pick(kRuleNumbers);
    if (!used.insert(rule).second) continue;
    const bool v6 = vpc.v6 && rng_.Percent(25);
    const Service service = RandomService(rng_, v6);
    acl.Entry(ingress ? model::Direction::kIngress : model::Direction::kEgress, rule, rng_.Percent(70),
              service.protocol, service.ports.from, service.ports.to, RandomPeerCidr(vpc, v6));
  }
  if (rng_.Percent(50)) {
    acl.Entry(ingress ? model::Direction::kIngress : model::Direction::kEgress, 300, true, "-1", -1, -1,
              "0.0.0.0/0");
    if (vpc.v6)
      acl.Entry(ingress ? model::Direction::kIngress : model::Direction::kEgress, 301, true, "-1", -1, -1,
                "::/0");
  }
}

void Generator::BuildAcls(VpcPlan& vpc) {
  const unsigned base = static_cast<unsigned>(&vpc - vpcs_.data()) * 16;
  if (rng_.Percent(35)) {
    NetworkAclBuilder acl = b_.Acl(Id("acl-0", base), vpc.id).Default();
    AddAclEntries(acl, vpc, true);
    AddAclEntries(acl, vpc, false);
  }
  const int custom = static_cast<int>(rng_.Below(3));
  std::vector<NetworkAclBuilder> acls;
  for (int k = 0; k < custom; ++k) {
    acls.push_back(b_.Acl(Id("acl-0", base + 1 + static_cast<unsigned>(k)), vpc.id));
    AddAclEntries(acls.back(), vpc, true);
    AddAclEntries(acls.back(), vpc, false);
  }
  if (acls.empty()) return;
  for (const SubnetPlan& subnet : vpc.subnets) {
    if (rng_.Percent(60)) acls[rng_.Below(static_cast<std::uint32_t>(acls.size()))].Associate(subnet.id);
  }
}

std::string Generator::RandomTarget(const VpcPlan& vpc, int index) {
  std::vector<std::string> candidates;
  auto add = [&](const std::string& id, int weight) {
    if (id.empty()) return;
    for (int w = 0; w < weight; ++w) candidates.push_back(id);
  };
  add(vpc.igw, 7);
  for (const std::string& nat : vpc.nats) add(nat, 5);
  if (!vpc.interfaces.empty()) add(rng_.Pick(vpc.interfaces), 2);
  if (!vpc.instances.empty()) add(rng_.Pick(vpc.instances), 1);
  for (const PeeringPlan& p : peerings_) {
    if (p.a == index || p.b == index) add(p.id, 1);
  }
  const VpcPlan& other = rng_.Pick(vpcs_);
  add(other.igw, 1);
  if (!other.nats.empty()) add(rng_.Pick(other.nats), 1);
  add(vpc.eigw, 1);
  add("tgw-0001", 1);
  add(vpc.endpoint, 1);
  return rng_.Pick(candidates);
}

void Generator::AddRoutes(RouteTableBuilder& table, const VpcPlan& vpc, int index) {
  std::set<std::string> used;
  auto route = [&](const std::string& destination, const std::string& target) {
    if (!used.insert(destination).second) return;
    table.Route(destination, target);
    if (rng_.Percent(6)) table.Blackhole();
  };
  if (rng_.Percent(80)) route("0.0.0.0/0", RandomTarget(vpc, index));
  if (vpc.v6 && rng_.Percent(65)) {
    std::vector<std::string> v6 = {vpc.igw, vpc.igw, vpc.eigw, vpc.eigw, "tgw-0001"};
    if (!vpc.interfaces.empty()) v6.push_back(rng_.Pick(vpc.interfaces));
    if (!vpc.nats.empty()) v6.push_back(rng_.Pick(vpc.nats));
    const std::string target = rng_.Pick(v6);
    if (!target.empty()) route("::/0", target);
  }
  for (const PeeringPlan& p : peerings_) {
    if (p.a != index && p.b != index) continue;
    if (!rng_.Percent(65)) continue;
    if (p.b < 0) {
      route(rng_.Percent(80) ? "10.200.0.0/16" : "10.201.0.0/16", p.id);
      continue;
    }
    const VpcPlan& far = vpcs_[static_cast<std::size_t>(p.a == index ? p.b : p.a)];
    const unsigned roll = rng_.Below(10);
    if (roll < 5) {
      route(far.cidr.ToString(), p.id);
    } else if (roll < 8) {
      route(rng_.Pick(far.subnets).v4.ToString(), p.id);
    } else if (roll < 9 && far.v6) {
      route(far.v6->ToString(), p.id);
    } else {
      route("10.99.0.0/16", p.id);  // not the peer's block
    }
    if (far.secondary && rng_.Percent(50)) route(far.secondary->ToString(), p.id);
  }
  static const std::vector<std::string> kSpecific = {"8.8.8.0/24", "0.0.0.0/1", "203.0.113.0/24",
                                                     "52.0.0.0/16", "54.0.0.0/24"};
  if (rng_.Percent(35)) route(rng_.Pick(kSpecific), RandomTarget(vpc, index));
  if (rng_.Percent(20)) route("pl-0aaa", RandomTarget(vpc, index));
  if (vpc.v6 && rng_.Percent(10)) route("pl-0ccc", vpc.eigw.empty() ? RandomTarget(vpc, index) : vpc.eigw);
  if (rng_.Percent(12)) {
    table.Route(rng_.Percent(50) ? "8.8.8.0/24" : "198.51.100.0/24", "vgw-0001").Propagated();
  }
  if (rng_.Percent(5)) route("172.16.0.0/12", "tgw-0001");
}

void Generator::BuildRoutes(VpcPlan& vpc, int index) {
  const unsigned base = static_cast<unsigned>(index) * 16;
  RouteTableBuilder main = b_.RouteTable(Id("rtb-0", base), vpc.id).Main();
  AddRoutes(main, vpc, index);
  const int explicit_tables = static_cast<int>(rng_.Below(3));
  std::vector<RouteTableBuilder> tables;
  for (int k = 0; k < explicit_tables; ++k) {
    tables.push_back(b_.RouteTable(Id("rtb-0", base + 1 + static_cast<unsigned>(k)), vpc.id));
    AddRoutes(tables.back(), vpc, index);
  }
  if (tables.empty()) return;
  for (const SubnetPlan& subnet : vpc.subnets) {
    if (rng_.Percent(55)) tables[rng_.Below(static_cast<std::uint32_t>(tables.size()))].Associate(subnet.id);
  }
}

}  // namespace reachcheck::testing::random_network
