// SPDX-License-Identifier: Apache-2.0
// Builds the network half of the estate (accounts and regions, VPCs with their CIDRs,
// subnets per AZ, gateways, peerings, prefix lists, route tables, network ACLs), the whole
// estate (BuildEstate) and its summary counts.
#include <algorithm>
#include <set>
#include <utility>

#include "generator/build.h"

namespace reachcheck::bench {
namespace {

bool Overlaps(Cidr4 a, Cidr4 b) {
  const int prefix = std::min(a.prefix, b.prefix);
  const std::uint32_t mask = prefix == 0 ? 0 : ~0u << (32 - prefix);
  return (a.base & mask) == (b.base & mask);
}

const char* const kVpcNames[] = {"prod",     "staging", "dev", "shared", "data",     "analytics",
                                 "payments", "search",  "ml",  "edge",   "identity", "batch"};

}  // namespace

bool ParseEstateSize(const std::string& name, EstateSize* size) {
  static const std::pair<const char*, int> kSizes[] = {
      {"XS", 3}, {"S", 10}, {"M", 100}, {"L", 500}, {"XL", 1000}};
  for (const auto& [label, vpcs] : kSizes) {
    if (name == label) {
      *size = EstateSize{label, vpcs};
      return true;
    }
  }
  return false;
}

std::uint32_t Builder::NewPublicIp() {
  // Six pools whose sizes are powers of two; an odd multiplier permutes each pool.
  static const Cidr4 kPools[] = {{Ip(3, 208, 0, 0), 12},  {Ip(18, 204, 0, 0), 14}, {Ip(34, 192, 0, 0), 12},
                                 {Ip(44, 192, 0, 0), 11}, {Ip(52, 0, 0, 0), 11},   {Ip(54, 144, 0, 0), 12}};
  const std::uint32_t n = public_ips_++;
  const Cidr4& pool = kPools[n % 6];
  const std::uint32_t size = 1u << (32 - pool.prefix);
  const std::uint32_t offset = ((n / 6) * 2654435761u + static_cast<std::uint32_t>(seed_) * 2u) & (size - 1);
  return pool.base + offset;
}

std::uint32_t Builder::NewHost(int subnet) {
  Subnet& s = estate_.subnets[static_cast<std::size_t>(subnet)];
  s.next_host += 1 + static_cast<int>(rng_.Below(2));
  if (s.next_host > 254) s.next_host = 254;  // callers avoid full subnets
  return s.cidr.base + static_cast<std::uint32_t>(s.next_host);
}

void Builder::BuildScopes(int vpc_count) {
  const int accounts = std::clamp(vpc_count / 20, 2, 25);
  for (int a = 0; a < accounts; ++a) {
    const std::uint64_t number =
        100000000000ULL + Mix64(seed_ * 131 + static_cast<std::uint64_t>(a)) % 899999999999ULL;
    for (int r = 0; r < kRegionCount; ++r) {
      Scope scope;
      scope.account = std::to_string(number);
      scope.region = kRegions[r];
      estate_.scopes.push_back(std::move(scope));
    }
  }
}

void Builder::BuildNetwork(int vpc_count) {
  BuildScopes(vpc_count);
  BuildPrefixLists();
  const int accounts = static_cast<int>(estate_.scopes.size()) / kRegionCount;
  estate_.egress_only_ids.assign(static_cast<std::size_t>(vpc_count), 0);
  for (int v = 0; v < vpc_count; ++v) {
    Vpc vpc;
    vpc.scope = (v % accounts) * kRegionCount + rng_.Pick(kRegionWeights);
    estate_.vpcs.push_back(std::move(vpc));
    estate_.scopes[static_cast<std::size_t>(estate_.vpcs.back().scope)].vpcs.push_back(v);
    BuildVpc(v);
  }
  BuildPeerings();
  for (int v = 0; v < vpc_count; ++v) {
    BuildRouteTables(v);
    BuildAcls(v);
  }
}

void Builder::BuildPrefixLists() {
  // Per region the AWS-managed S3 and DynamoDB lists; per account and region a customer list
  // of corporate networks and one of partner addresses.
  for (int s = 0; s < static_cast<int>(estate_.scopes.size()); ++s) {
    Scope& scope = estate_.scopes[static_cast<std::size_t>(s)];
    const std::uint32_t region_salt = static_cast<std::uint32_t>(s % kRegionCount);
    PrefixList s3{0x63a5400aULL + region_salt, s, true, "com.amazonaws." + scope.region + ".s3", {}};
    for (int i = 0; i < 7; ++i) s3.cidrs.push_back({Ip(52, 216 + i, 0, 0) + (region_salt << 12), 20});
    PrefixList ddb{0x02cd2c6bULL + region_salt, s, true, "com.amazonaws." + scope.region + ".dynamodb", {}};
    for (int i = 0; i < 3; ++i) ddb.cidrs.push_back({Ip(3, 218, 180 + 4 * i, 0) + (region_salt << 16), 22});
    PrefixList corp{NewId(kIdPrefixList), s, false, "corp-networks", {}};
    for (int i = 0; i < 16; ++i) corp.cidrs.push_back({Ip(192, 168, 16 * i, 0), 20});
    PrefixList partner{NewId(kIdPrefixList), s, false, "partner-egress", {}};
    for (int i = 0; i < 10; ++i) partner.cidrs.push_back({Ip(198, 51, 100, 0) + rng_.Below(256), 32});
    for (PrefixList* list : {&s3, &ddb, &corp, &partner}) {
      scope.prefix_lists.push_back(static_cast<int>(estate_.prefix_lists.size()));
      estate_.prefix_lists.push_back(std::move(*list));
    }
  }
}

void Builder::BuildVpc(int v) {
  Vpc& vpc = estate_.vpcs[static_cast<std::size_t>(v)];
  vpc.id = NewId(kIdVpc);
  vpc.name = std::string(kVpcNames[v % 12]) + "-" + std::to_string(v);
  // A unique /19 of 10.0.0.0/8 (2,048 of them), shuffled; 2 % reuse another VPC's block
  // (the copy-pasted CIDR that makes peering overlaps possible).
  std::uint32_t block = (static_cast<std::uint32_t>(v) * 1021u + static_cast<std::uint32_t>(seed_)) & 2047u;
  if (v > 0 && rng_.Chance(0.02))
    block = (static_cast<std::uint32_t>(rng_.Below(static_cast<std::uint32_t>(v))) * 1021u +
             static_cast<std::uint32_t>(seed_)) &
            2047u;
  vpc.primary = {Ip(10, 0, 0, 0) + (block << 13), 19};
  if (rng_.Chance(0.2) && v < 1024)
    vpc.secondary = {Ip(100, 64, 0, 0) + (static_cast<std::uint32_t>(v) << 12), 20};
  vpc.dual_stack = rng_.Chance(0.15);
  vpc.v6_block = static_cast<std::uint32_t>(v);
  const bool has_igw = rng_.Chance(0.8);
  if (has_igw) {
    vpc.igw = static_cast<int>(estate_.internet_gateways.size());
    estate_.internet_gateways.push_back({NewId(kIdIgw), vpc.scope, v});
  }
  if (v % 50 == 49) estate_.internet_gateways.push_back({NewId(kIdIgw), vpc.scope, -1});  // detached
  if (vpc.dual_stack) estate_.egress_only_ids[static_cast<std::size_t>(v)] = NewId(kIdEigw);

  vpc.first_subnet = static_cast<int>(estate_.subnets.size());
  for (int s = 0; s < kSubnetsPerVpc; ++s) {
    Subnet subnet;
    subnet.vpc = v;
    subnet.id = NewId(kIdSubnet);
    subnet.az = s % kAzs;
    subnet.tier = s < 6    ? (has_igw ? Tier::kPublic : Tier::kPrivate)
                  : s < 18 ? Tier::kPrivate
                           : Tier::kIsolated;
    if (vpc.secondary.prefix != 0 && s >= 14 && s < 18) {
      subnet.cidr = {vpc.secondary.base + (static_cast<std::uint32_t>(s - 14) << 8), 24};
    } else {
      subnet.cidr = {vpc.primary.base + (static_cast<std::uint32_t>(s) << 8), 24};
    }
    subnet.v6 = vpc.dual_stack && s < 18;
    estate_.subnets.push_back(subnet);
  }
  if (has_igw) {
    for (int az = 0; az < kAzs; ++az) {
      NatGateway nat;
      nat.id = NewId(kIdNat);
      nat.subnet = vpc.first_subnet + az;  // public subnets 0, 1, 2 are in AZs a, b, c
      vpc.nat[az] = static_cast<int>(estate_.nat_gateways.size());
      estate_.nat_gateways.push_back(nat);
    }
  }
}

void Builder::BuildPeerings() {
  const int n = static_cast<int>(estate_.vpcs.size());
  const long long max_pairs = static_cast<long long>(n) * (n - 1) / 2;
  const long long wanted = std::min<long long>(static_cast<long long>(kPeeringsPerVpc) * n, max_pairs);
  // Hubs: the first 5 % of each region's VPCs (at least one).
  std::vector<std::vector<int>> by_region(kRegionCount), hubs(kRegionCount);
  for (int v = 0; v < n; ++v)
    by_region[static_cast<std::size_t>(estate_.vpcs[static_cast<std::size_t>(v)].scope % kRegionCount)]
        .push_back(v);
  for (int r = 0; r < kRegionCount; ++r) {
    const auto& members = by_region[static_cast<std::size_t>(r)];
    const std::size_t count = std::max<std::size_t>(1, members.size() / 20);
    for (std::size_t i = 0; i < std::min(count, members.size()); ++i)
      hubs[static_cast<std::size_t>(r)].push_back(members[i]);
  }
  std::set<std::pair<int, int>> pairs;
  long long attempts = 0;
  while (static_cast<long long>(estate_.peerings.size()) < wanted && attempts++ < 100 * wanted + 100) {
    int a = static_cast<int>(rng_.Below(static_cast<std::uint32_t>(n)));
    const int region = estate_.vpcs[static_cast<std::size_t>(a)].scope % kRegionCount;
    const auto& same = by_region[static_cast<std::size_t>(region)];
    const auto& region_hubs = hubs[static_cast<std::size_t>(region)];
    const double kind = rng_.Unit();
    int b;
    if (kind < 0.5) {
      b = region_hubs[rng_.Below(static_cast<std::uint32_t>(region_hubs.size()))];
    } else if (kind < 0.9) {
      b = same[rng_.Below(static_cast<std::uint32_t>(same.size()))];
    } else {
      b = static_cast<int>(rng_.Below(static_cast<std::uint32_t>(n)));
    }
    if (a == b) continue;
    const Vpc& va = estate_.vpcs[static_cast<std::size_t>(a)];
    const Vpc& vb = estate_.vpcs[static_cast<std::size_t>(b)];
    if (va.peerings.size() >= 125 || vb.peerings.size() >= 125) continue;
    if (Overlaps(va.primary, vb.primary) && !rng_.Chance(0.1)) continue;  // mostly non-overlapping
    if (!pairs.insert({std::min(a, b), std::max(a, b)}).second) continue;
    if (rng_.Chance(0.5)) std::swap(a, b);
    Peering peering;
    peering.id = NewId(kIdPeering);
    peering.requester = a;
    peering.accepter = b;
    const double status = rng_.Unit();
    peering.status = status < 0.95   ? PeeringStatus::kActive
                     : status < 0.97 ? PeeringStatus::kPending
                     : status < 0.99 ? PeeringStatus::kDeleted
                                     : PeeringStatus::kRejected;
    const int index = static_cast<int>(estate_.peerings.size());
    estate_.peerings.push_back(peering);
    estate_.vpcs[static_cast<std::size_t>(a)].peerings.push_back(index);
    estate_.vpcs[static_cast<std::size_t>(b)].peerings.push_back(index);
    const int scope_a = estate_.vpcs[static_cast<std::size_t>(a)].scope;
    const int scope_b = estate_.vpcs[static_cast<std::size_t>(b)].scope;
    estate_.scopes[static_cast<std::size_t>(scope_a)].peerings.push_back(index);
    if (scope_b != scope_a) estate_.scopes[static_cast<std::size_t>(scope_b)].peerings.push_back(index);
  }
  for (Scope& scope : estate_.scopes) std::sort(scope.peerings.begin(), scope.peerings.end());
}

void Builder::AddPeeringRoutes(int v, RouteTable& table) {
  const Vpc& vpc = estate_.vpcs[static_cast<std::size_t>(v)];
  const bool summarise = vpc.peerings.size() > 8;  // hubs keep one route per peer block
  for (int p : vpc.peerings) {
    const Peering& peering = estate_.peerings[static_cast<std::size_t>(p)];
    if (peering.status == PeeringStatus::kPending || peering.status == PeeringStatus::kRejected) continue;
    const Vpc& peer =
        estate_.vpcs[static_cast<std::size_t>(peering.requester == v ? peering.accepter : peering.requester)];
    Route route;
    route.target = RouteTarget::kPeering;
    route.target_index = p;
    route.blackhole = peering.status == PeeringStatus::kDeleted;
    if (summarise) {
      route.cidr = peer.primary;
      table.routes.push_back(route);
    } else {
      for (std::uint32_t q = 0; q < 5; ++q) {  // the /22s holding the peer's 20 subnets
        route.cidr = {peer.primary.base + (q << 10), 22};
        table.routes.push_back(route);
      }
    }
    if (peer.secondary.prefix != 0) {
      route.cidr = peer.secondary;
      table.routes.push_back(route);
    }
  }
}

void Builder::BuildRouteTables(int v) {
  Vpc& vpc = estate_.vpcs[static_cast<std::size_t>(v)];
  const Scope& scope = estate_.scopes[static_cast<std::size_t>(vpc.scope)];
  Endpoint endpoint{NewId(kIdEndpoint), v, scope.prefix_lists[0], {}};
  vpc.endpoint = static_cast<int>(estate_.endpoints.size());
  vpc.first_route_table = static_cast<int>(estate_.route_tables.size());
  // Table 0 is the main table (used implicitly by the last subnet); tables 1..19 belong to
  // subnets 0..18, one each.
  for (int t = 0; t < kSubnetsPerVpc; ++t) {
    RouteTable table;
    table.vpc = v;
    table.id = NewId(kIdRouteTable);
    table.main = t == 0;
    const int subnet = t == 0 ? -1 : vpc.first_subnet + t - 1;
    const Tier tier = subnet < 0 ? Tier::kIsolated : estate_.subnets[static_cast<std::size_t>(subnet)].tier;
    const int az = subnet < 0 ? 0 : estate_.subnets[static_cast<std::size_t>(subnet)].az;
    table.name = vpc.name +
                 (t == 0                   ? "-main"
                  : tier == Tier::kPublic  ? "-public-"
                  : tier == Tier::kPrivate ? "-private-"
                                           : "-isolated-") +
                 (t == 0 ? "" : std::to_string(t - 1));
    Route local;
    local.cidr = vpc.primary;
    table.routes.push_back(local);
    if (vpc.secondary.prefix != 0) {
      local.cidr = vpc.secondary;
      table.routes.push_back(local);
    }
    if (vpc.dual_stack) {
      local.v6 = true;
      table.routes.push_back(local);
    }
    Route route;
    route.cidr = {0, 0};
    if (tier == Tier::kPublic) {
      route.target = RouteTarget::kIgw;
      route.target_index = vpc.igw;
      table.routes.push_back(route);
    } else if (tier == Tier::kPrivate && vpc.nat[az] >= 0) {
      route.target = RouteTarget::kNat;
      route.target_index = vpc.nat[az];
      table.routes.push_back(route);
    }
    if (vpc.dual_stack && tier != Tier::kIsolated) {
      Route v6;
      v6.v6 = true;
      v6.target = tier == Tier::kPublic ? RouteTarget::kIgw : RouteTarget::kEigw;
      v6.target_index = tier == Tier::kPublic ? vpc.igw : v;
      if (v6.target_index >= 0) table.routes.push_back(v6);
    }
    if (tier != Tier::kPublic) {  // the S3 gateway endpoint's prefix-list route
      Route pl;
      pl.target = RouteTarget::kEndpoint;
      pl.prefix_list = scope.prefix_lists[0];
      pl.target_index = vpc.endpoint;
      table.routes.push_back(pl);
      endpoint.route_tables.push_back(static_cast<int>(estate_.route_tables.size()));
    }
    // Corporate networks through the VPC's appliance: a prefix-list route or explicit /21s.
    Route corp;
    corp.target = RouteTarget::kInterface;
    corp.target_index = v;  // resolved to the appliance interface when written
    if (rng_.Chance(0.3)) {
      corp.prefix_list = scope.prefix_lists[2];
      table.routes.push_back(corp);
    } else {
      const int count = rng_.Between(10, 20);
      for (int i = 0; i < count; ++i) {
        corp.cidr = {Ip(192, 168, 8 * i, 0), 21};
        table.routes.push_back(corp);
      }
    }
    AddPeeringRoutes(v, table);
    if (rng_.Chance(0.05)) {  // left behind when an appliance interface was deleted
      Route dead;
      dead.target = RouteTarget::kInterface;
      dead.blackhole = true;
      dead.deleted_id = NewId(kIdDeleted);
      dead.cidr = {Ip(172, 16, 0, 0) + (rng_.Below(16) << 16), 16};
      table.routes.push_back(dead);
    }
    if (subnet >= 0) {
      table.subnets.push_back(subnet);
      estate_.subnets[static_cast<std::size_t>(subnet)].route_table =
          static_cast<int>(estate_.route_tables.size());
    } else {
      vpc.main_route_table = static_cast<int>(estate_.route_tables.size());
    }
    estate_.route_tables.push_back(std::move(table));
  }
  estate_.endpoints.push_back(std::move(endpoint));
}

void Builder::BuildAcls(int v) {
  Vpc& vpc = estate_.vpcs[static_cast<std::size_t>(v)];
  const bool custom = rng_.Chance(0.5);
  Acl default_acl{NewId(kIdAcl), v, 0, {}};
  Acl public_acl{NewId(kIdAcl), v, 1, {}};
  Acl private_acl{NewId(kIdAcl), v, 2, {}};
  for (int s = vpc.first_subnet; s < vpc.first_subnet + kSubnetsPerVpc; ++s) {
    const Tier tier = estate_.subnets[static_cast<std::size_t>(s)].tier;
    Acl& acl = !custom || tier == Tier::kIsolated ? default_acl
               : tier == Tier::kPublic            ? public_acl
                                                  : private_acl;
    acl.subnets.push_back(s);
  }
  vpc.default_acl = vpc.first_acl = static_cast<int>(estate_.acls.size());
  estate_.acls.push_back(std::move(default_acl));
  if (custom) {
    if (!public_acl.subnets.empty()) estate_.acls.push_back(std::move(public_acl));
    estate_.acls.push_back(std::move(private_acl));
  }
  vpc.acl_count = static_cast<int>(estate_.acls.size()) - vpc.first_acl;
}

Estate BuildEstate(const EstateSize& size, std::uint64_t seed) {
  Estate estate;
  estate.seed = seed;
  Builder builder(estate, seed);
  builder.BuildNetwork(size.vpcs);
  builder.BuildHosts();
  return estate;
}

EstateCounts CountEstate(const Estate& estate) {
  EstateCounts counts;
  for (const RouteTable& table : estate.route_tables) {
    counts.routes += table.routes.size();
    for (const Route& route : table.routes) counts.blackhole_routes += route.blackhole ? 1 : 0;
  }
  for (const SecurityGroup& group : estate.security_groups) {
    for (const auto* list : {&group.ingress, &group.egress}) {
      for (const Permission& p : *list) {
        counts.rules += p.peers.size();
        for (const SgPeer& peer : p.peers) counts.group_rules += peer.kind == PeerKind::kGroup ? 1 : 0;
      }
    }
  }
  return counts;
}

}  // namespace reachcheck::bench
