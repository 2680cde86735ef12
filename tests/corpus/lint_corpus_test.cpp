// SPDX-License-Identifier: Apache-2.0
// The built-in rule pack over every corpus snapshot: it runs without an exception or a rule
// error, and on three Batfish snapshots it reports exactly the findings verified by hand from
// their describe-* JSON (listed with the reason for each). Runs inside corpus_tests, whose main
// skips visibly when the corpus is absent.
#include <catch2/catch.hpp>
#include <filesystem>
#include <iostream>
#include <set>
#include <tuple>

#include "reachcheck/ingest/load.h"
#include "reachcheck/lint/linter.h"
#include "support/support_paths.h"

namespace reachcheck {
namespace {

namespace fs = std::filesystem;
using Key = std::tuple<std::string, std::string, std::vector<std::string>>;  // rule, severity, resources

const std::string kAws = "batfish/projects/batfish/src/test/resources/org/batfish/representation/aws/";

std::vector<lint::Rule> Pack() {
  base::Diagnostics diagnostics;
  auto rules = lint::SelectRules(lint::RuleSelection{}, lint::LintConfig{}, diagnostics);
  REQUIRE(diagnostics.Empty());
  return rules;
}

std::set<Key> Lint(const std::string& snapshot) {
  base::Diagnostics diagnostics;
  model::Network network = ingest::LoadSnapshot({testing::CorpusDir() + "/" + snapshot}, diagnostics);
  REQUIRE_FALSE(diagnostics.HasErrors());
  lint::LintReport report = lint::RunLint(network, Pack(), lint::LintConfig{});
  std::set<Key> keys;
  for (const lint::Finding& f : report.findings) {
    keys.insert({f.rule, base::SeverityName(f.severity), f.resources});
    std::cout << snapshot << ": " << base::SeverityName(f.severity) << " " << f.rule << ": " << f.message << "\n";
  }
  return keys;
}

TEST_CASE("lint: test-public-subnet", "[lint][corpus]") {
  // The only instance (public IP 18.216.80.133, subnet routed 0.0.0.0/0 to the attached IGW,
  // ACL allow-all) carries launch-wizard-1, which opens tcp/22 to 0.0.0.0/0.
  CHECK(Lint(kAws + "test-public-subnet") ==
        std::set<Key>{{"sg-open-admin-port-reachable", "error",
                       {"sg-09ccba6656672061b", "eni-00064850627e198ee", "i-06669a407b2ef3ae5"}}});
}

TEST_CASE("lint: test-nat-gateway", "[lint][corpus]") {
  CHECK(Lint(kAws + "test-nat-gateway") ==
        std::set<Key>{
            // The bastion: public IP 18.216.129.140 in the IGW-routed subnet, tcp/22 from 0.0.0.0/0.
            {"sg-open-admin-port-reachable", "error",
             {"sg-0253af84ae6485905", "eni-068fb5a0a9a57f23c", "i-0b31b509174d7f5de"}},
            // The same group on the two instances without a public IP: notes.
            {"sg-open-admin-port-reachable", "note",
             {"sg-0253af84ae6485905", "eni-0cbd69297d26de519", "i-0a73a1a6021c03ddb"}},
            {"sg-open-admin-port-reachable", "note",
             {"sg-0253af84ae6485905", "eni-0e4ce6a7777b9bff8", "i-0a128d26e59be60f3"}},
            // 10.1.20.0/24 has no association, so it uses the main table, which holds only the
            // local route: its instance has no way out (the NAT serves 10.1.1.0/24 only).
            {"private-subnet-no-egress", "warning",
             {"subnet-02ff259e663e9613e", "rtb-0e169c4a1e0b27b55", "eni-0cbd69297d26de519"}},
            // A second ssh-from-anywhere group that no interface carries.
            {"unused-security-group", "note", {"sg-0b647281e3f8f7c18"}},
        });
}

TEST_CASE("lint: test-vpc-peering", "[lint][corpus]") {
  CHECK(Lint(kAws + "test-vpc-peering") ==
        std::set<Key>{
            // No internet gateway in the snapshot; VPC B's main table still routes 0.0.0.0/0 to
            // igw-0a2c9ae201b441bff in state blackhole.
            {"route-blackhole", "warning", {"rtb-017c36290c9baf017", "igw-0a2c9ae201b441bff"}},
            // So no subnet of the three VPCs reaches the internet.
            {"private-subnet-no-egress", "warning",
             {"subnet-006a19c846f047bd7", "rtb-0891861fffaea6d52", "eni-0f0708220e812876c"}},
            {"private-subnet-no-egress", "warning",
             {"subnet-0af94b59d214ff20a", "rtb-0890ea815555d4457", "eni-06347554b65539ff3"}},
            {"private-subnet-no-egress", "warning",
             {"subnet-0ebf6378a79a3e534", "rtb-017c36290c9baf017", "eni-0024c0af5aa1387e5"}},
            // Three launch-wizard groups open tcp/22 to the world on instances without public IPs.
            {"sg-open-admin-port-reachable", "note",
             {"sg-065c26b39e45ae384", "eni-0024c0af5aa1387e5", "i-0b14080af811fda3d"}},
            {"sg-open-admin-port-reachable", "note",
             {"sg-09606ce9642cac154", "eni-0f0708220e812876c", "i-06ba034d88c84ef07"}},
            {"sg-open-admin-port-reachable", "note",
             {"sg-0b3df494998412a48", "eni-06347554b65539ff3", "i-04a292ff83b3aa833"}},
            // B and C have identical CIDRs but each peers only with A (10.10.0.0/16): no overlap,
            // and both peerings are routed on both sides.
        });
}

TEST_CASE("lint runs over every corpus snapshot", "[lint][corpus]") {
  std::vector<std::string> snapshots;
  for (const char* root : {"batfish", "pybatfish"}) {
    for (const auto& entry : fs::recursive_directory_iterator(testing::CorpusDir() + "/" + root)) {
      if (entry.is_directory() && entry.path().filename() == "aws_configs") snapshots.push_back(entry.path().string());
    }
  }
  snapshots.push_back(testing::CorpusDir() + "/cloudmapper/account-data/demo");
  std::sort(snapshots.begin(), snapshots.end());
  REQUIRE(snapshots.size() >= 20);
  auto rules = Pack();
  std::size_t linted = 0;
  for (const std::string& snapshot : snapshots) {
    INFO(snapshot);
    base::Diagnostics diagnostics;
    model::Network network = ingest::LoadSnapshot({snapshot}, diagnostics);
    if (diagnostics.HasErrors()) continue;  // the loader's own corpus test reports these
    lint::LintReport report;
    REQUIRE_NOTHROW(report = lint::RunLint(network, rules, lint::LintConfig{}));
    for (const lint::Finding& f : report.findings) {
      CHECK_FALSE(f.resources.empty());
      CHECK_FALSE(f.message.empty());
    }
    ++linted;
  }
  std::cout << "linted " << linted << " of " << snapshots.size() << " corpus snapshots\n";
  CHECK(linted == snapshots.size());
}

}  // namespace
}  // namespace reachcheck
