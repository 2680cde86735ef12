// SPDX-License-Identifier: Apache-2.0
// Tests of model::Network: scopes, id lookup across scopes (preference, fallback, ambiguity),
// stale and copied indexes, index slots taken from the model cache, AllIds and Counts.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "reachcheck/model/network.h"

namespace reachcheck::model {
namespace {

template <typename T>
Handle Add(std::vector<T>& items, std::string id, Handle scope) {
  T item;
  item.id = std::move(id);
  item.scope = scope;
  items.push_back(std::move(item));
  return static_cast<Handle>(items.size() - 1);
}

TEST_CASE("Network: InternScope and FindScope", "[model]") {
  Network n;
  CHECK(n.FindScope({"111", "us-east-1"}) == kNone);
  const Handle a = n.InternScope({"111", "us-east-1"});
  const Handle b = n.InternScope({"222", "us-east-1"});
  CHECK(a == 0);
  CHECK(b == 1);
  CHECK(n.InternScope({"111", "us-east-1"}) == a);
  CHECK(n.FindScope({"222", "us-east-1"}) == b);
  CHECK(n.FindScope({"222", "eu-west-1"}) == kNone);
  CHECK(n.scopes.size() == 2);
}

TEST_CASE("Network: Find prefers the scope, falls back to a unique id, else kNone", "[model]") {
  Network n;
  const Handle a = n.InternScope({"111", "us-east-1"});
  const Handle b = n.InternScope({"222", "us-east-1"});
  const Handle c = n.InternScope({"333", "us-east-1"});
  const Handle shared_a = Add(n.vpcs, "vpc-shared", a);
  const Handle only_a = Add(n.vpcs, "vpc-only-a", a);
  const Handle shared_b = Add(n.vpcs, "vpc-shared", b);
  CHECK(n.FindVpc("vpc-shared", a) == kNone);  // before BuildIndex: nothing
  n.BuildIndex();

  CHECK(n.FindVpc("vpc-shared", a) == shared_a);
  CHECK(n.FindVpc("vpc-shared", b) == shared_b);
  CHECK(n.FindVpc("vpc-shared", c) == kNone);  // in two other scopes: ambiguous
  CHECK(n.FindVpc("vpc-shared", kNone) == kNone);
  CHECK(n.FindVpc("vpc-only-a", b) == only_a);  // unique anywhere: found from any scope
  CHECK(n.FindVpc("vpc-only-a", kNone) == only_a);
  CHECK(n.FindVpc("vpc-missing", a) == kNone);
  CHECK(n.FindVpc("", a) == kNone);
  CHECK(n.FindSubnet("vpc-shared", a) == kNone);  // per type
}

TEST_CASE(
    "Network: a duplicated id in one scope finds the first, duplicates in another scope "
    "count once",
    "[model]") {
  Network n;
  const Handle a = n.InternScope({"111", "us-east-1"});
  const Handle b = n.InternScope({"222", "us-east-1"});
  Add(n.subnets, "subnet-x", a);
  const Handle first_b = Add(n.subnets, "subnet-dup", b);
  Add(n.subnets, "subnet-dup", b);
  n.BuildIndex();
  CHECK(n.FindSubnet("subnet-dup", b) == first_b);
  CHECK(n.FindSubnet("subnet-dup", a) == first_b);  // only scope b has it
}

TEST_CASE("Network: elements without a scope match a kNone scope", "[model]") {
  Network n;
  const Handle a = n.InternScope({"111", "us-east-1"});
  const Handle unscoped = Add(n.security_groups, "sg-1", kNone);
  const Handle scoped = Add(n.security_groups, "sg-1", a);
  n.BuildIndex();
  CHECK(n.FindSecurityGroup("sg-1", kNone) == unscoped);
  CHECK(n.FindSecurityGroup("sg-1", a) == scoped);
}

TEST_CASE("Network: every Find uses its own vector", "[model]") {
  Network n;
  const Handle s = n.InternScope({"111", "us-east-1"});
  Add(n.vpcs, "x-0", s);
  Add(n.subnets, "x-1", s);
  Add(n.route_tables, "x-2", s);
  Add(n.internet_gateways, "x-3", s);
  Add(n.nat_gateways, "x-4", s);
  Add(n.peerings, "x-5", s);
  Add(n.security_groups, "x-6", s);
  Add(n.network_acls, "x-7", s);
  Add(n.interfaces, "x-8", s);
  Add(n.instances, "x-9", s);
  Add(n.prefix_lists, "x-10", s);
  Add(n.endpoints, "x-11", s);
  n.BuildIndex();
  CHECK(n.FindVpc("x-0", s) == 0);
  CHECK(n.FindSubnet("x-1", s) == 0);
  CHECK(n.FindRouteTable("x-2", s) == 0);
  CHECK(n.FindInternetGateway("x-3", s) == 0);
  CHECK(n.FindNatGateway("x-4", s) == 0);
  CHECK(n.FindPeering("x-5", s) == 0);
  CHECK(n.FindSecurityGroup("x-6", s) == 0);
  CHECK(n.FindNetworkAcl("x-7", s) == 0);
  CHECK(n.FindInterface("x-8", s) == 0);
  CHECK(n.FindInstance("x-9", s) == 0);
  CHECK(n.FindPrefixList("x-10", s) == 0);
  CHECK(n.FindEndpoint("x-11", s) == 0);
  CHECK(n.FindVpc("x-1", s) == kNone);
  CHECK(n.FindEndpoint("x-0", s) == kNone);
}

TEST_CASE("Network: a stale index never reads out of bounds, a copy keeps a valid index", "[model]") {
  Network n;
  const Handle s = n.InternScope({"111", "us-east-1"});
  for (int i = 0; i < 100; ++i) Add(n.interfaces, "eni-" + std::to_string(i), s);
  n.BuildIndex();
  Network copy = n;
  n.interfaces.resize(10);
  CHECK(n.FindInterface("eni-5", s) == 5);
  CHECK(n.FindInterface("eni-50", s) == kNone);
  Add(n.interfaces, "eni-new", s);
  CHECK(n.FindInterface("eni-new", s) == kNone);  // not indexed until BuildIndex
  n.BuildIndex();
  CHECK(n.FindInterface("eni-new", s) == 10);
  CHECK(copy.FindInterface("eni-50", s) == 50);
  CHECK(copy.interfaces[50].id == "eni-50");
}

TEST_CASE("Network: adopted index slots find what a built index finds", "[model]") {
  Network built;
  const Handle a = built.InternScope({"111", "us-east-1"});
  const Handle b = built.InternScope({"222", "us-east-1"});
  for (int i = 0; i < 300; ++i) Add(built.interfaces, "eni-" + std::to_string(i % 250), i % 3 ? a : b);
  Add(built.elastic_ips, "eipalloc-1", a);
  Network adopted = built;  // the same lists, no index yet
  built.BuildIndex();
  constexpr std::size_t kInterfaces = 8, kElasticIps = 10, kVpcs = 0;
  const std::vector<Network::IdSlot> slots = built.IndexSlots(kInterfaces);
  CHECK(slots.size() == 1024);  // a power of two, at least twice the list
  CHECK(adopted.FindInterface("eni-7", a) == kNone);
  REQUIRE(adopted.AdoptIndexSlots(kInterfaces, slots));
  for (int i = 0; i < 260; ++i) {
    const std::string id = "eni-" + std::to_string(i);
    for (Handle scope : {a, b, kNone})
      CHECK(adopted.FindInterface(id, scope) == built.FindInterface(id, scope));
  }
  // Lists without an index, and empty lists, take no slots.
  CHECK(built.IndexSlots(kElasticIps).empty());
  CHECK(adopted.AdoptIndexSlots(kElasticIps, {}));
  CHECK_FALSE(adopted.AdoptIndexSlots(kElasticIps, {Network::IdSlot{0, 0}}));
  CHECK(built.IndexSlots(kVpcs).empty());
  CHECK(adopted.AdoptIndexSlots(kVpcs, {}));
  CHECK_FALSE(adopted.AdoptIndexSlots(kVpcs, std::vector<Network::IdSlot>(8)));
}

TEST_CASE("Network: index slots that do not fit their list are refused, and nothing is adopted", "[model]") {
  Network n;
  const Handle s = n.InternScope({"111", "us-east-1"});
  for (int i = 0; i < 5; ++i) Add(n.subnets, "subnet-" + std::to_string(i), s);
  constexpr std::size_t kSubnets = 1;
  const std::vector<Network::IdSlot> good = n.IndexSlots(kSubnets);
  REQUIRE(good.size() == 16);
  std::size_t first_used = 0;
  while (good[first_used].handle == kNone) ++first_used;
  std::vector<Network::IdSlot> bad = good;
  bad[first_used].handle = 5;  // past the list
  CHECK_FALSE(n.AdoptIndexSlots(kSubnets, bad));
  bad = good;
  bad[first_used].handle = kNone;  // one element without a slot
  CHECK_FALSE(n.AdoptIndexSlots(kSubnets, bad));
  bad = good;
  bad.resize(12);  // not a power of two
  CHECK_FALSE(n.AdoptIndexSlots(kSubnets, bad));
  std::vector<Network::IdSlot> small(8);  // a power of two, but less than twice the list
  for (Handle h = 0; h < 5; ++h) small[h].handle = h;
  CHECK_FALSE(n.AdoptIndexSlots(kSubnets, small));
  CHECK(n.FindSubnet("subnet-3", s) == kNone);  // nothing was adopted
  CHECK(n.AdoptIndexSlots(kSubnets, good));
  CHECK(n.FindSubnet("subnet-3", s) == 3);
}

TEST_CASE("Network: the id hash is the project's own, pinned", "[model]") {
  // The model cache stores index slots, so the hash must not change without the cache's
  // format version: if this test fails after a change to the hash, bump kCacheFormatVersion
  // and record the new values here.
  Network n;
  Add(n.vpcs, "vpc-0123456789abcdef0", n.InternScope({"111122223333", "eu-west-1"}));
  const std::vector<Network::IdSlot> slots = n.IndexSlots(0);
  REQUIRE(slots.size() == 8);
  std::size_t position = 0;
  while (slots[position].handle == kNone) ++position;
  CHECK(position == 5);
  CHECK(slots[position].hash == 3031403843u);
}

TEST_CASE("Network: 200,000 interfaces and 50,000 groups are each found, absent ids are not",
          "[model][scale]") {
  Network n;
  const Handle a = n.InternScope({"111", "us-east-1"});
  const Handle b = n.InternScope({"222", "us-east-1"});
  n.interfaces.reserve(200000);
  for (int i = 0; i < 200000; ++i) Add(n.interfaces, "eni-" + std::to_string(i), i % 2 ? a : b);
  for (int i = 0; i < 50000; ++i) Add(n.security_groups, "sg-" + std::to_string(i), a);
  n.BuildIndex();
  std::size_t found = 0;
  for (Handle i = 0; i < n.interfaces.size(); ++i) {
    found += n.FindInterface(n.interfaces[i].id, n.interfaces[i].scope) == i;
  }
  for (Handle i = 0; i < n.security_groups.size(); ++i) {
    found += n.FindSecurityGroup(n.security_groups[i].id, b) == i;  // fallback across scopes
  }
  CHECK(found == 250000);
  std::size_t absent = 0;
  for (int i = 0; i < 1000; ++i) {
    absent += n.FindInterface("eni-x" + std::to_string(i), a) == kNone;
  }
  CHECK(absent == 1000);
}

TEST_CASE("Network: AllIds is sorted and unique over every type", "[model]") {
  Network n;
  const Handle a = n.InternScope({"111", "us-east-1"});
  const Handle b = n.InternScope({"222", "us-east-1"});
  Add(n.vpcs, "vpc-2", a);
  Add(n.vpcs, "vpc-2", b);
  Add(n.subnets, "subnet-1", a);
  Add(n.elastic_ips, "eipalloc-1", a);
  Add(n.prefix_lists, "pl-1", a);
  Add(n.interfaces, "", a);
  n.unanalysed.push_back({"TransitGateways", "tgw-1", a, {}});
  CHECK(n.AllIds() == std::vector<std::string>{"eipalloc-1", "pl-1", "subnet-1", "tgw-1", "vpc-2"});
}

TEST_CASE("Network: Counts per scope and for every scope", "[model]") {
  Network n;
  const Handle a = n.InternScope({"111", "us-east-1"});
  const Handle b = n.InternScope({"222", "us-east-1"});
  Add(n.vpcs, "vpc-1", a);
  Add(n.vpcs, "vpc-2", b);
  Add(n.internet_gateways, "igw-1", a);
  Add(n.internet_gateways, "eigw-1", a);
  n.internet_gateways.back().egress_only = true;
  Add(n.interfaces, "eni-1", b);
  n.unanalysed.push_back({"TransitGateways", "tgw-1", a, {}});
  n.unanalysed.push_back({"TransitGateways", "tgw-2", b, {}});
  n.unanalysed.push_back({"VpnConnections", "vpn-1", b, {}});

  const std::map<std::string, std::size_t> in_a = n.Counts(a);
  CHECK(in_a == std::map<std::string, std::size_t>{{"vpcs", 1},
                                                   {"subnets", 0},
                                                   {"route_tables", 0},
                                                   {"internet_gateways", 1},
                                                   {"egress_only_internet_gateways", 1},
                                                   {"nat_gateways", 0},
                                                   {"vpc_peering_connections", 0},
                                                   {"security_groups", 0},
                                                   {"network_acls", 0},
                                                   {"network_interfaces", 0},
                                                   {"instances", 0},
                                                   {"elastic_ips", 0},
                                                   {"prefix_lists", 0},
                                                   {"vpc_endpoints", 0},
                                                   {"unanalysed:TransitGateways", 1}});
  const std::map<std::string, std::size_t> all = n.Counts(kNone);
  CHECK(all.at("vpcs") == 2);
  CHECK(all.at("network_interfaces") == 1);
  CHECK(all.at("unanalysed:TransitGateways") == 2);
  CHECK(all.at("unanalysed:VpnConnections") == 1);
  CHECK(all.size() == 16);

  // All scopes at once, in one pass: the same maps as one Counts call per scope.
  const std::vector<std::map<std::string, std::size_t>> by_scope = n.CountsByScope();
  REQUIRE(by_scope.size() == n.scopes.size());
  for (Handle scope = 0; scope < n.scopes.size(); ++scope) {
    INFO("scope " << scope);
    CHECK(by_scope[scope] == n.Counts(scope));
  }
  CHECK(by_scope[b].at("unanalysed:VpnConnections") == 1);
  CHECK(by_scope[a].count("unanalysed:VpnConnections") == 0);
}

}  // namespace
}  // namespace reachcheck::model
