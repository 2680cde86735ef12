// SPDX-License-Identifier: Apache-2.0
// Loads every snapshot of the public corpus (../shared/corpus): no error diagnostics, exact
// element counts for six snapshots (counted from the JSON with jq, see below), and the
// single-resource Batfish fixtures without a crash. CTest runs this binary through a
// wrapper that exits 77 when the corpus is absent, so that a skip shows as a skip.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "reachcheck/ingest/load.h"
#include "support/support_paths.h"

namespace reachcheck {
namespace {

namespace fs = std::filesystem;

std::string Corpus(const std::string& relative) { return testing::CorpusDir() + "/" + relative; }

const std::string kBatfishAws =
    "batfish/projects/batfish/src/test/resources/org/batfish/representation/aws";

std::vector<std::string> ErrorsOf(const base::Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const base::Diagnostic& d : diagnostics.Sorted()) {
    if (d.severity == base::Severity::kError) out.push_back(d.ToString());
  }
  return out;
}

// Every folder that is a snapshot: Batfish's and pybatfish's aws_configs folders, the
// cloudmapper demo account, and each Cloud Custodian recording set (raw and unwrapped).
std::vector<std::string> Snapshots() {
  std::vector<std::string> out;
  for (const char* root : {"batfish", "pybatfish"}) {
    for (const auto& entry : fs::recursive_directory_iterator(Corpus(root))) {
      if (entry.is_directory() && entry.path().filename() == "aws_configs") {
        out.push_back(entry.path().string());
      }
    }
  }
  out.push_back(Corpus("cloudmapper/account-data/demo"));
  for (const char* root : {"cloud-custodian/unwrapped", "cloud-custodian/tests/data/placebo"}) {
    for (const auto& entry : fs::directory_iterator(Corpus(root))) out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("Every corpus snapshot loads without an error diagnostic") {
  std::vector<std::string> snapshots = Snapshots();
  CHECK(snapshots.size() == 46);  // 25 aws_configs + cloudmapper + 2 x 10 custodian sets
  for (const std::string& snapshot : snapshots) {
    INFO(snapshot);
    base::Diagnostics diagnostics;
    ingest::LoadStats stats;
    model::Network network = ingest::LoadSnapshot({snapshot}, diagnostics, &stats);
    CHECK(ErrorsOf(diagnostics).empty());
    CHECK(stats.files_read > 0);
  }
}

// The single-resource fixtures of Batfish's parser tests: each file alone, no crash; errors
// only where the data is deliberately odd (or holds nothing this tool models).
TEST_CASE("Batfish single-resource fixtures load, errors only where the data is odd") {
  const std::map<std::string, std::multiset<std::string>> expected_errors = {
      // Parser edge cases: tcp ports of -1 at either end, an ICMP code with type -1, and a
      // group id reused for two test groups.
      {"SecurityGroupTest.json",
       {"input-bad-port", "input-bad-port", "input-bad-port", "input-duplicate-id"}},
      {"VpcEndpointTest.json", {"input-duplicate-id"}},  // one endpoint listed twice
      // Nothing that the network model holds (ELB, RDS, Elasticsearch, a bare route object).
      {"DefaultAction.json", {"input-empty-snapshot"}},
      {"ElasticsearchDomainTest.json", {"input-empty-snapshot"}},
      {"LoadBalancerAttributesTest.json", {"input-empty-snapshot"}},
      {"LoadBalancerListenerTest.json", {"input-empty-snapshot"}},
      {"LoadBalancerTargetHealthTest.json", {"input-empty-snapshot"}},
      {"LoadBalancerTest.json", {"input-empty-snapshot"}},
      {"RdsInstanceTest.json", {"input-empty-snapshot"}},
      {"RoutePrefixListId.json", {"input-empty-snapshot"}},
      {"TargetGroupTest.json", {"input-empty-snapshot"}},
  };
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(Corpus(kBatfishAws))) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    const std::string name = entry.path().filename().string();
    INFO(name);
    base::Diagnostics diagnostics;
    ingest::LoadSnapshot({entry.path().string()}, diagnostics);
    std::multiset<std::string> codes;
    for (const base::Diagnostic& d : diagnostics.All()) {
      if (d.severity == base::Severity::kError) codes.insert(d.code);
    }
    auto it = expected_errors.find(name);
    CHECK(codes == (it == expected_errors.end() ? std::multiset<std::string>{} : it->second));
  }
  CHECK(files == 37);
}

struct Counts {
  std::size_t vpcs, subnets, route_tables, routes, internet_gateways, nat_gateways,
      security_groups, sg_rules, network_acls, acl_entries, interfaces;
  std::map<std::string, std::size_t> instances_by_state;
  std::map<std::string, std::size_t> peerings_by_status;
  std::size_t unanalysed;
};

Counts CountOf(const model::Network& n) {
  Counts c{n.vpcs.size(), n.subnets.size(), n.route_tables.size(), 0, n.internet_gateways.size(),
           n.nat_gateways.size(), n.security_groups.size(), 0, n.network_acls.size(), 0,
           n.interfaces.size(), {}, {}, n.unanalysed.size()};
  for (const model::RouteTable& t : n.route_tables) c.routes += t.routes.size();
  for (const model::SecurityGroup& g : n.security_groups) c.sg_rules += g.ingress.size() + g.egress.size();
  for (const model::NetworkAcl& a : n.network_acls) c.acl_entries += a.inbound.size() + a.outbound.size();
  for (const model::Instance& i : n.instances) ++c.instances_by_state[i.state];
  for (const model::VpcPeering& p : n.peerings) ++c.peerings_by_status[p.status];
  return c;
}

model::Network LoadClean(const std::string& relative) {
  base::Diagnostics diagnostics;
  model::Network network = ingest::LoadSnapshot({Corpus(relative)}, diagnostics);
  CHECK(ErrorsOf(diagnostics).empty());
  return network;
}

// The expected numbers were counted from the JSON itself, not from this loader, e.g.
//   find DIR -name '*.json' -print0 | xargs -0 cat | jq -s '[.[] | (.data // .) |
//     .SecurityGroups // [] | .[] | ((.IpPermissions // []) + (.IpPermissionsEgress // []))
//     | .[] | ((.IpRanges // []) + (.Ipv6Ranges // []) + (.PrefixListIds // [])
//     + (.UserIdGroupPairs // [])) | length] | add'
// for SG rules (one per peer), `.RouteTables[].Routes | length` for routes,
// `.NetworkAcls[].Entries | length` for ACL entries, `.Reservations[].Instances[].State.Name`
// grouped for instances, `.VpcPeeringConnections[].Status.Code` grouped for peerings.
// Interfaces: describe-network-interfaces entries plus inline ones not listed there
// (`.Reservations[].Instances[].NetworkInterfaces[].NetworkInterfaceId`, unique).
TEST_CASE("Exact counts: batfish hybrid-cloud-aws us-west-2") {
  Counts c = CountOf(LoadClean("batfish/networks/hybrid-cloud-aws/aws_configs"));
  CHECK(c.vpcs == 4);
  CHECK(c.subnets == 10);
  CHECK(c.route_tables == 5);
  CHECK(c.routes == 14);
  CHECK(c.internet_gateways == 3);
  CHECK(c.nat_gateways == 0);
  CHECK(c.security_groups == 11);
  CHECK(c.sg_rules == 43);
  CHECK(c.network_acls == 4);
  CHECK(c.acl_entries == 16);
  CHECK(c.interfaces == 9);  // the 7 inline interfaces are all in NetworkInterfaces.json
  CHECK(c.instances_by_state == std::map<std::string, std::size_t>{{"stopped", 4}});
  CHECK(c.peerings_by_status.empty());
  CHECK(c.unanalysed == 2);  // 1 VpnGateway, 1 CustomerGateway
}

TEST_CASE("Exact counts: batfish test-vpc-peering") {
  Counts c = CountOf(LoadClean(kBatfishAws + "/test-vpc-peering"));
  CHECK(c.vpcs == 3);
  CHECK(c.subnets == 3);
  CHECK(c.route_tables == 3);
  CHECK(c.routes == 8);
  CHECK(c.security_groups == 6);
  CHECK(c.sg_rules == 12);
  CHECK(c.network_acls == 3);
  CHECK(c.acl_entries == 12);
  CHECK(c.interfaces == 3);
  CHECK(c.instances_by_state == std::map<std::string, std::size_t>{{"running", 3}});
  CHECK(c.peerings_by_status == std::map<std::string, std::size_t>{{"active", 2}});
}

TEST_CASE("Exact counts: batfish test-nat-gateway") {
  Counts c = CountOf(LoadClean(kBatfishAws + "/test-nat-gateway"));
  CHECK(c.vpcs == 1);
  CHECK(c.subnets == 3);
  CHECK(c.route_tables == 3);
  CHECK(c.routes == 5);
  CHECK(c.internet_gateways == 1);
  CHECK(c.nat_gateways == 1);
  CHECK(c.security_groups == 3);
  CHECK(c.sg_rules == 7);
  CHECK(c.network_acls == 2);
  CHECK(c.acl_entries == 9);
  CHECK(c.interfaces == 4);
  CHECK(c.instances_by_state == std::map<std::string, std::size_t>{{"running", 3}});
}

TEST_CASE("Exact counts: pybatfish hybrid-cloud (two regions)") {
  model::Network n = LoadClean("pybatfish/jupyter_notebooks/networks/hybrid-cloud/aws_configs");
  Counts c = CountOf(n);
  CHECK(c.vpcs == 4);
  CHECK(c.subnets == 8);
  CHECK(c.route_tables == 4);
  CHECK(c.routes == 14);
  CHECK(c.internet_gateways == 2);
  CHECK(c.security_groups == 8);
  CHECK(c.sg_rules == 17);
  CHECK(c.network_acls == 4);
  CHECK(c.acl_entries == 16);
  CHECK(c.interfaces == 8);
  CHECK(c.instances_by_state == std::map<std::string, std::size_t>{{"running", 4}});
  std::set<std::string> regions;
  for (const model::Scope& s : n.scopes) regions.insert(s.region);
  CHECK(regions == std::set<std::string>{"us-east-2", "us-west-2"});
}

TEST_CASE("Exact counts: cloudmapper demo") {
  Counts c = CountOf(LoadClean("cloudmapper/account-data/demo"));
  CHECK(c.vpcs == 1);
  CHECK(c.subnets == 4);
  CHECK(c.route_tables == 0);
  CHECK(c.security_groups == 8);
  CHECK(c.sg_rules == 19);
  // One listed interface plus eni-00000000, which all three instances inline (the first
  // copy is kept, the two others are reported as conflicting).
  CHECK(c.interfaces == 2);
  CHECK(c.instances_by_state == std::map<std::string, std::size_t>{{"running", 3}});
}

TEST_CASE("Exact counts: cloud-custodian ec2_igw_subnet, raw and unwrapped alike") {
  for (const char* dir : {"cloud-custodian/unwrapped/ec2_igw_subnet",
                          "cloud-custodian/tests/data/placebo/ec2_igw_subnet"}) {
    INFO(dir);
    Counts c = CountOf(LoadClean(dir));
    CHECK(c.subnets == 2);
    CHECK(c.route_tables == 4);
    CHECK(c.routes == 6);
    CHECK(c.interfaces == 8);  // all inline: no describe-network-interfaces in the set
    CHECK(c.instances_by_state == std::map<std::string, std::size_t>{{"running", 5}});
  }
  Counts nat = CountOf(LoadClean("cloud-custodian/unwrapped/test_cross_az_nat_gateway_route_filter"));
  CHECK(nat.subnets == 13);
  CHECK(nat.route_tables == 13);
  CHECK(nat.routes == 40);
  CHECK(nat.nat_gateways == 2);
}

TEST_CASE("Load speed of the biggest corpus snapshot (printed)") {
  const std::string snapshot = Corpus("batfish/networks/hybrid-cloud-aws/aws_configs");
  ingest::LoadStats stats;
  auto start = std::chrono::steady_clock::now();
  base::Diagnostics diagnostics;
  ingest::LoadSnapshot({snapshot}, diagnostics, &stats);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::cout << "loaded " << stats.files_read << " files, " << stats.bytes_read << " bytes in " << ms
            << " ms\n";
  CHECK(stats.files_read == 26);
}

}  // namespace
}  // namespace reachcheck
