// SPDX-License-Identifier: Apache-2.0
// The built-in pack on the demo network (fixtures/demo) reports exactly the deliberate
// mistakes its README lists, and nothing else: the table below is that README's last
// section (mistake numbers in the comments), with the pack's default severities.
#include <catch2/catch.hpp>
#include <set>
#include <tuple>

#include "reachcheck/ingest/load.h"
#include "reachcheck/lint/linter.h"
#include "support/support_paths.h"

using namespace reachcheck;

namespace {

using Key = std::tuple<std::string, std::string, std::vector<std::string>>;  // rule, severity, resources

const std::set<Key> kExpected = {
    // 1: the Lambda subnet has no route out.
    {"private-subnet-no-egress",
     "warning",
     {"subnet-0abd9be0ba3680d01", "rtb-0715f51cd2fbc039e", "eni-00116ff617773c0ce"}},
    // 2: staging's NAT sits in the private subnet.
    {"nat-in-private-subnet",
     "error",
     {"nat-0e5aa206d90ad6667", "subnet-0881830261cd7c829", "rtb-040b2fb76b8712c26"}},
    // 3: RDP open to the world and reachable.
    {"sg-open-admin-port-reachable",
     "error",
     {"sg-0c87ee514519810d0", "eni-0cdf3d0d1482d3734", "i-0620bd1f9dd283620"}},
    // 3b: PostgreSQL open to the world but unreachable: a note only.
    {"sg-open-admin-port-reachable",
     "note",
     {"sg-008c2115b0ee5126a", "eni-097539696d0dc854b", "i-0a3bb665578e9ee0c"}},
    // 4: the route left behind by the deleted partner NAT.
    {"route-blackhole", "warning", {"rtb-0de1467c1541e95a7", "nat-0f20304b08870f67d"}},
    // 5: staging and sandbox overlap (one finding, though listed in both accounts).
    {"peering-cidr-overlap",
     "error",
     {"pcx-0ef0e3d3b9b12b283", "vpc-009c59fab7e94799e", "vpc-0eb57ef577484688f"}},
    // 6: staging-public's ACL denies the HTTPS replies.
    {"nacl-blocks-return-traffic", "warning", {"acl-00cd6396c553f3d64", "subnet-0ed7cdc2bdc98be1b"}},
    // 7a: the old ELB's group.
    {"unused-security-group", "note", {"sg-01adeeb8a113776fe"}},
    // 7b: prod's main table still routes to the detached IGW (not also a route-blackhole).
    {"igw-route-not-attached", "error", {"rtb-070f20cac14a56774", "igw-08c6821315424ee94"}},
    // 7c: sandbox-a auto-assigns public IPs without an IGW.
    {"subnet-auto-public-ip-without-igw", "note", {"subnet-0cb6323579625b6d5", "rtb-09d347f208aa34aa2"}},
    // 8: the staging-sandbox peering is routed on the sandbox side only.
    {"peering-route-missing",
     "warning",
     {"pcx-0ef0e3d3b9b12b283", "vpc-009c59fab7e94799e", "vpc-0eb57ef577484688f"}},
};

}  // namespace

TEST_CASE("lint on the demo network finds exactly the documented mistakes", "[lint][demo]") {
  base::Diagnostics diagnostics;
  model::Network network = ingest::LoadSnapshot({testing::SourceDir() + "/fixtures/demo"}, diagnostics);
  REQUIRE_FALSE(diagnostics.HasErrors());
  base::Diagnostics rule_diagnostics;
  auto rules = lint::SelectRules(lint::RuleSelection{}, lint::LintConfig{}, rule_diagnostics);
  REQUIRE(rule_diagnostics.Empty());
  lint::LintReport report = lint::RunLint(network, rules, lint::LintConfig{});

  std::set<Key> actual;
  for (const lint::Finding& f : report.findings) {
    INFO(f.rule << ": " << f.message);
    actual.insert({f.rule, base::SeverityName(f.severity), f.resources});
    CHECK_FALSE(f.location.file.empty());
  }
  for (const Key& key : kExpected) {
    INFO("expected " << std::get<0>(key) << " on " << std::get<2>(key).front());
    CHECK(actual.count(key) == 1);
  }
  for (const Key& key : actual) {
    INFO("unexpected " << std::get<0>(key) << " " << std::get<1>(key) << " on " << std::get<2>(key).front());
    CHECK(kExpected.count(key) == 1);
  }
  CHECK(report.findings.size() == kExpected.size());
}

TEST_CASE("demo: the reachable RDP finding carries its path, the note says why not", "[lint][demo]") {
  base::Diagnostics diagnostics;
  model::Network network = ingest::LoadSnapshot({testing::SourceDir() + "/fixtures/demo"}, diagnostics);
  base::Diagnostics rule_diagnostics;
  lint::RuleSelection selection;
  selection.only = {"sg-open-admin-port-reachable"};
  auto rules = lint::SelectRules(selection, lint::LintConfig{}, rule_diagnostics);
  lint::LintReport report = lint::RunLint(network, rules, lint::LintConfig{});
  REQUIRE(report.findings.size() == 2);
  const lint::Finding& error = report.findings[0];
  const lint::Finding& note = report.findings[1];
  REQUIRE(error.severity == base::Severity::kError);
  CHECK(error.message.find("34.229.18.77") != std::string::npos);
  CHECK(error.message.find("igw-0311ad3ebf3698b56") != std::string::npos);
  CHECK_FALSE(error.path.empty());
  CHECK(error.location.line > 0);
  REQUIRE(note.severity == base::Severity::kNote);
  CHECK(note.message.find("cannot reach") != std::string::npos);
}
