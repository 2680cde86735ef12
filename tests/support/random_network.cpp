// SPDX-License-Identifier: Apache-2.0
// The random network generator: VPCs (overlapping, secondary and IPv6 blocks, several
// accounts and regions), subnets, internet / egress-only / NAT gateways and interfaces.
#include "support/random_network.h"

#include <algorithm>
#include <cstdio>

#include "support/random_network_internal.h"

namespace reachcheck::testing {

std::uint64_t SeededRandom::Next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

model::Network MakeRandomNetwork(std::uint64_t seed, const RandomNetworkOptions& options,
                                 std::vector<std::string>& diagnostics) {
  random_network::Generator generator(seed, options);
  return generator.Run(diagnostics);
}

namespace random_network {

namespace {

std::string Hex(const char* prefix, unsigned value, int width = 4) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%s%0*x", prefix, width, value);
  return buffer;
}

// Address pools picked so that rules and routes overlap: offsets inside a /24 on both sides
// of /28 and /26 boundaries, and NAT addresses at 100+.
const std::vector<unsigned> kHostOffsets = {4, 5, 10, 15, 16, 20, 40, 63, 64, 200, 254};

}  // namespace

net::Cidr SubBlock(const net::Cidr& parent, int length, unsigned index) {
  const int bits = net::FamilyBits(parent.family());
  const net::Uint128 step = net::Uint128{1} << (bits - length);
  return net::Cidr{net::IpAddress{parent.family(), parent.base.bits + step * index}, length};
}

std::string AddressIn(const net::Cidr& cidr, unsigned offset) {
  return net::IpAddress{cidr.family(), cidr.base.bits + offset}.ToString();
}

model::Network Generator::Run(std::vector<std::string>& diagnostics) {
  PlanVpcs();
  PlanPeerings();
  // Prefix lists for routes and rules: public services, internal blocks, IPv6.
  b_.PrefixList("pl-0aaa", {"8.8.8.0/24", "203.0.113.0/25"});
  b_.PrefixList("pl-0bbb", {"10.0.0.0/24", "10.1.0.0/16", "172.16.0.0/20"});
  b_.PrefixList("pl-0ccc", {"2001:db8::/33", "2600:1f18:100::/56"});
  for (std::size_t v = 0; v < vpcs_.size(); ++v) {
    UseScopeOf(vpcs_[v]);
    BuildVpc(vpcs_[v], static_cast<int>(v));
    BuildNats(vpcs_[v], static_cast<int>(v));
    BuildGroups(vpcs_[v], static_cast<int>(v));
    BuildAcls(vpcs_[v]);
  }
  for (std::size_t v = 0; v < vpcs_.size(); ++v) {
    UseScopeOf(vpcs_[v]);
    BuildInterfaces(vpcs_[v], static_cast<int>(v));
  }
  BuildPeerings();
  for (std::size_t v = 0; v < vpcs_.size(); ++v) {
    UseScopeOf(vpcs_[v]);
    BuildRoutes(vpcs_[v], static_cast<int>(v));
  }
  base::Diagnostics found;
  model::Network network = b_.Build(found);
  for (const base::Diagnostic& d : found.All()) diagnostics.push_back(d.code + ": " + d.message);
  return network;
}

void Generator::PlanVpcs() {
  static const std::vector<std::string> kPrimary = {"10.0.0.0/16", "10.1.0.0/16", "172.16.0.0/16",
                                                    "192.168.0.0/20", "10.2.0.0/16"};
  static const std::vector<std::string> kSecondary = {"100.64.0.0/20", "10.50.0.0/16", "172.31.0.0/16"};
  const int count =
      options_.min_vpcs +
      static_cast<int>(rng_.Below(static_cast<std::uint32_t>(options_.max_vpcs - options_.min_vpcs + 1)));
  std::vector<std::string> used;
  for (int v = 0; v < count; ++v) {
    VpcPlan vpc;
    vpc.id = Hex("vpc-0", static_cast<unsigned>(v), 2);
    vpc.account = "111111111111";
    vpc.region = "us-east-1";
    if (v > 0 && rng_.Percent(20)) vpc.account = "222222222222";
    if (v > 0 && rng_.Percent(10)) vpc.region = "us-west-2";
    std::string primary = kPrimary[static_cast<std::size_t>(v) % kPrimary.size()];
    if (!used.empty() && rng_.Percent(15)) primary = rng_.Pick(used);  // overlapping VPCs
    used.push_back(primary);
    vpc.cidr = CidrOf(primary);
    if (rng_.Percent(30)) {
      const std::string secondary = rng_.Pick(kSecondary);
      if (!CidrOf(secondary).Overlaps(vpc.cidr)) vpc.secondary = CidrOf(secondary);
    }
    if (rng_.Percent(50))
      vpc.v6 = CidrOf(Hex("2600:1f18:", static_cast<unsigned>(v + 1) * 0x100, 1) + "::/56");
    const int subnets = 1 + static_cast<int>(rng_.Below(4));
    for (int s = 0; s < subnets; ++s) {
      SubnetPlan subnet;
      subnet.id = Hex("subnet-0", static_cast<unsigned>(v * 16 + s), 3);
      const bool in_secondary = vpc.secondary && s == subnets - 1 && s > 0 && rng_.Percent(50);
      subnet.v4 = SubBlock(in_secondary ? *vpc.secondary : vpc.cidr, 24, static_cast<unsigned>(s));
      if (vpc.v6 && rng_.Percent(65)) subnet.v6 = SubBlock(*vpc.v6, 64, static_cast<unsigned>(s));
      if (subnet.v6 && s > 0 && rng_.Percent(15)) subnet.has_v4 = false;  // IPv6-only
      vpc.subnets.push_back(subnet);
    }
    const int groups = 1 + static_cast<int>(rng_.Below(3));
    for (int g = 0; g < groups; ++g) vpc.groups.push_back(Hex("sg-0", static_cast<unsigned>(v * 16 + g), 3));
    vpcs_.push_back(vpc);
  }
}

void Generator::BuildVpc(VpcPlan& vpc, int index) {
  VpcBuilder builder = b_.Vpc(vpc.id, vpc.cidr.ToString());
  if (vpc.secondary) builder.Cidr(vpc.secondary->ToString());
  if (vpc.v6) builder.Ipv6(vpc.v6->ToString());
  for (const SubnetPlan& s : vpc.subnets) {
    SubnetBuilder subnet = b_.Subnet(s.id, vpc.id, s.has_v4 ? s.v4.ToString() : "");
    if (s.v6) subnet.Ipv6(s.v6->ToString());
  }
  const unsigned roll = rng_.Below(100);
  if (roll < 75) {
    vpc.igw = Hex("igw-0", static_cast<unsigned>(index), 2);
    vpc.igw_attached = true;
    b_.Igw(vpc.igw, vpc.id);
  } else if (roll < 87) {
    vpc.igw = Hex("igw-0", static_cast<unsigned>(index), 2);
    b_.Igw(vpc.igw);  // detached, yet routes may point at it
  }
  if (vpc.v6 && rng_.Percent(50)) {
    vpc.eigw = Hex("eigw-0", static_cast<unsigned>(index), 2);
    b_.EgressOnlyIgw(vpc.eigw, vpc.id);
  }
  if (rng_.Percent(15)) {
    vpc.endpoint = Hex("vpce-0", static_cast<unsigned>(index), 3);
    b_.GatewayEndpoint(vpc.endpoint, vpc.id, "com.amazonaws.us-east-1.s3");
  }
}

void Generator::BuildNats(VpcPlan& vpc, int index) {
  const int nats = static_cast<int>(rng_.Below(3));
  for (int k = 0; k < nats; ++k) {
    SubnetPlan& subnet = vpc.subnets[rng_.Below(static_cast<std::uint32_t>(vpc.subnets.size()))];
    if (!subnet.has_v4) continue;
    const std::string id = Hex("nat-0", static_cast<unsigned>(index * 16 + k), 3);
    const std::string address = AddressIn(subnet.v4, 100 + static_cast<unsigned>(k));
    subnet.addresses.push_back(address);
    const bool is_public = rng_.Percent(75);
    NatBuilder nat = b_.Nat(id, subnet.id, address,
                            is_public ? "52.0." + std::to_string(index) + "." + std::to_string(k + 1) : "");
    if (!is_public) nat.Private();
    if (rng_.Percent(15)) {  // a secondary address, also the NAT's own
      const std::string secondary = AddressIn(subnet.v4, 110 + static_cast<unsigned>(k));
      subnet.addresses.push_back(secondary);
      nat.Address(secondary,
                  is_public ? "52.0." + std::to_string(index) + "." + std::to_string(k + 101) : "");
    }
    if (rng_.Percent(10)) nat.State(rng_.Percent(50) ? "pending" : "failed");
    if (options_.nat_interfaces && rng_.Percent(60))
      nat.Eni(Hex("eni-0", static_cast<unsigned>(0xe00 + index * 16 + k), 3));
    vpc.nats.push_back(id);
  }
}

std::string Generator::PublicAddress() {
  ++publics_;
  return "54.0." + std::to_string(publics_ / 200) + "." + std::to_string(publics_ % 200 + 1);
}

void Generator::BuildInterfaces(VpcPlan& vpc, int index) {
  std::vector<std::string> previous;  // for a second interface of an instance
  for (SubnetPlan& subnet : vpc.subnets) {
    const int count = static_cast<int>(rng_.Below(4));
    for (int k = 0; k < count && interfaces_ < options_.max_interfaces; ++k) {
      auto free_in = [&](const net::Cidr& block) {
        std::vector<unsigned> out;
        for (unsigned offset : kHostOffsets) {
          if (std::find(subnet.addresses.begin(), subnet.addresses.end(), AddressIn(block, offset)) ==
              subnet.addresses.end()) {
            out.push_back(offset);
          }
        }
        return out;
      };
      const std::vector<unsigned> free = free_in(subnet.has_v4 ? subnet.v4 : *subnet.v6);
      if (free.size() < 2) break;
      const std::string id = Hex("eni-0", static_cast<unsigned>(interfaces_++), 3);
      if (!subnet.has_v4) {  // IPv6-only: one IPv6 address, no IPv4 at all
        const std::string v6 = AddressIn(*subnet.v6, rng_.Pick(free));
        subnet.addresses.push_back(v6);
        b_.Interface(id, subnet.id, "").Ipv6(v6).Group(rng_.Pick(vpc.groups));
        vpc.interfaces.push_back(id);
        continue;
      }
      const std::string primary = AddressIn(subnet.v4, rng_.Pick(free));
      subnet.addresses.push_back(primary);
      InterfaceBuilder eni = b_.Interface(id, subnet.id, primary);
      if (rng_.Percent(35)) {
        if (rng_.Percent(70)) {
          eni.PublicIp(PublicAddress());
        } else {
          b_.Eip(Hex("eipalloc-0", static_cast<unsigned>(eips_++), 3), PublicAddress()).Interface(id);
        }
      }
      if (rng_.Percent(30)) {
        std::string secondary = AddressIn(subnet.v4, rng_.Pick(free));
        if (secondary != primary) {
          subnet.addresses.push_back(secondary);
          eni.SecondaryIp(secondary, rng_.Percent(40) ? PublicAddress() : "");
        }
      }
      if (subnet.v6 && rng_.Percent(60)) {
        const std::string v6 = AddressIn(*subnet.v6, rng_.Pick(kHostOffsets));
        if (std::find(subnet.addresses.begin(), subnet.addresses.end(), v6) == subnet.addresses.end()) {
          subnet.addresses.push_back(v6);  // one owner per address, as AWS enforces
          eni.Ipv6(v6);
        }
      }
      if (!rng_.Percent(5)) {
        eni.Group(rng_.Pick(vpc.groups));
        if (rng_.Percent(30)) eni.Group(rng_.Pick(vpc.groups));
      }
      if (rng_.Percent(25)) eni.SourceDestCheck(false);
      if (rng_.Percent(4)) eni.Status("available");
      vpc.interfaces.push_back(id);
      if (rng_.Percent(80)) {
        if (!previous.empty() && rng_.Percent(15)) {
          eni.AttachTo(previous.back(), 1);  // a second interface of the last instance
          continue;
        }
        const std::string instance = Hex("i-0", static_cast<unsigned>(instances_++), 3);
        b_.Instance(instance, {id}).State(rng_.Percent(92) ? "running" : "stopped");
        vpc.instances.push_back(instance);
        previous.push_back(instance);
      }
    }
  }
  (void)index;
}

}  // namespace random_network
}  // namespace reachcheck::testing
