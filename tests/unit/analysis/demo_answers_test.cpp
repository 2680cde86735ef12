// SPDX-License-Identifier: Apache-2.0
// The engine on the demo network (fixtures/demo): the answers its README derives from the
// describe-* data and AWS's documented behaviour ("Intended behaviour"), one question each.
// The facts each answer rests on are in the comments; the README has the full reasoning.
#include "engine_test_util.h"
#include "reachcheck/ingest/load.h"
#include "support/support_paths.h"

namespace reachcheck::analysis::testutil {
namespace {

// Instances and interfaces of fixtures/demo (README, "Instances and interfaces").
constexpr const char* kBastion = "i-080cc193fa21961e7";      // prod-public-a, 10.10.0.10, 44.203.118.25
constexpr const char* kWeb1Eth1 = "eni-0e18739a42159b97f";   // prod-web-1's leg in prod-private-a
constexpr const char* kWeb2 = "i-0f4beeac5432f9fbe";         // prod-public-b, 10.10.1.22
constexpr const char* kApp1 = "i-0aeb1dc6c5b94b294";         // prod-private-a, 10.10.10.31
constexpr const char* kApp2 = "i-042cd1820175cff03";         // prod-private-b, 10.10.11.32
constexpr const char* kDbOrders = "i-04fa8861978bbc805";     // prod-db-a, group prod-db
constexpr const char* kDbBilling = "i-0a3bb665578e9ee0c";    // prod-db-b, prod-db + prod-db-migration
constexpr const char* kLegacyAdmin = "i-0620bd1f9dd283620";  // prod-public-b, 34.229.18.77
constexpr const char* kLambdaEni = "eni-00116ff617773c0ce";  // prod-isolated-a, local routes only
constexpr const char* kMonitoring = "i-056b4ac7b75192bd6";   // account 2222, 10.30.20.10
constexpr const char* kCiRunner = "i-0c0b49d2d10522585";     // account 2222, 10.30.21.50
constexpr const char* kStagingWeb = "i-0e50905874b81c282";   // staging-public-a, 35.171.44.190
constexpr const char* kStagingApp = "i-02585a69b9ae3357d";   // staging-private-a

const model::Network& Demo() {
  static const model::Network network = [] {
    base::Diagnostics diagnostics;
    const std::string demo = reachcheck::testing::SourceDir() + "/fixtures/demo";
    model::Network n = ingest::LoadSnapshot({demo}, diagnostics);
    REQUIRE_FALSE(diagnostics.HasErrors());
    return n;
  }();
  return network;
}

const Engine& DemoEngine() {
  static const Engine engine(Demo());
  return engine;
}

/// The only class of a single-packet question (one source address, one destination, one port).
const PacketClass& SoleClass(const QueryResult& r) {
  INFO(Dump(r));
  REQUIRE(r.classes.size() == 1);
  return r.classes.front();
}

bool Mentions(const PacketClass& c, std::string_view text) {
  return PathMentions(c.forward, text) || PathMentions(c.reply, text);
}

}  // namespace

// prod-app admits tcp/8080 from sg prod-web (a group reference); web-1 eth1 and app-1 share
// prod-private-a, web-2's traffic crosses acl-0481cf66c4c87c57b, which allows the VPC range.
TEST_CASE("demo: web to app on tcp/8080 is admitted by the group reference", "[engine][demo]") {
  const QueryResult from_web2 = Why(DemoEngine(), kWeb2, kApp1, "tcp", "8080");
  INFO(Dump(from_web2));
  CHECK(from_web2.verdict == Verdict::kReachable);
  REQUIRE(from_web2.classes.size() == 2);  // both are dual-stack: IPv4 and IPv6
  for (const PacketClass& c : from_web2.classes) {
    CHECK(PathMentions(c.forward,
                       "ingress allowed by sg-048524bf8ca15f2fe rule tcp/8080 from sg-0e022144aaf1489ef"));
  }
  const QueryResult from_eth1 = Why(DemoEngine(), kWeb1Eth1, kApp2, "tcp", "8080");
  INFO(Dump(from_eth1));
  CHECK(from_eth1.verdict == Verdict::kReachable);
}

// prod-app admits tcp/22 from prod-bastion only and tcp/8080 from prod-web only.
TEST_CASE("demo: the bastion reaches app on ssh, not on 8080", "[engine][demo]") {
  CHECK(Why(DemoEngine(), kBastion, kApp1, "tcp", "22").verdict == Verdict::kReachable);
  const QueryResult r = Why(DemoEngine(), kBastion, kApp1, "tcp", "8080");
  const PacketClass& c = SoleClass(r);
  INFO(Dump(r));
  CHECK_FALSE(c.reachable);
  CHECK(Codes(c) == CodeSet{{"ENI_SG_RULES_MISMATCH", kFwd}});
}

// prod-db admits sg prod-app on tcp/5432; acl-03254bb9f548b916e admits 10.10.10.0/24 and
// 10.10.11.0/24 in (rules 100, 110) and the ephemeral-port replies out.
TEST_CASE("demo: app reaches both databases on 5432", "[engine][demo]") {
  for (const char* db : {kDbOrders, kDbBilling}) {
    for (const char* app : {kApp1, kApp2}) {
      const QueryResult r = Why(DemoEngine(), app, db, "tcp", "5432");
      INFO(app << " -> " << db << "\n" << Dump(r));
      CHECK(r.verdict == Verdict::kReachable);
    }
  }
}

// web-2 (10.10.1.22) is outside the database ACL's admitted ranges: the ACL stops it before
// any group is consulted, for db-billing too although prod-db-migration admits 0.0.0.0/0.
TEST_CASE("demo: the database ACL refuses the public subnets", "[engine][demo]") {
  for (const char* db : {kDbOrders, kDbBilling}) {
    const QueryResult r = Why(DemoEngine(), kWeb2, db, "tcp", "5432");
    const PacketClass& c = SoleClass(r);
    INFO(db << "\n" << Dump(r));
    CHECK_FALSE(c.reachable);
    CHECK(Codes(c).count({"SUBNET_ACL_RESTRICTION", kFwd}) == 1);
  }
}

// web-1 eth1 (10.10.10.21) sits in an app subnet, so the ACL admits it; prod-db-migration's
// world-open tcp/5432 lets it into db-billing, while db-orders has prod-db only.
TEST_CASE("demo: a web leg in the app subnet reaches db-billing only", "[engine][demo]") {
  CHECK(Why(DemoEngine(), kWeb1Eth1, kDbBilling, "tcp", "5432").verdict == Verdict::kReachable);
  const QueryResult r = Why(DemoEngine(), kWeb1Eth1, kDbOrders, "tcp", "5432");
  const PacketClass& c = SoleClass(r);
  INFO(Dump(r));
  CHECK_FALSE(c.reachable);
  CHECK(Codes(c) == CodeSet{{"ENI_SG_RULES_MISMATCH", kFwd}});
}

// Each private subnet's table sends 0.0.0.0/0 to the NAT of its own AZ: app-1 leaves through
// nat-0e3f05ee979d5c774 as 52.44.119.201, app-2 through nat-061027259385033bf as 3.227.61.40,
// both through igw-0311ad3ebf3698b56.
TEST_CASE("demo: app servers reach the internet through their AZ's NAT", "[engine][demo]") {
  const QueryResult a = Why(DemoEngine(), kApp1, "8.8.8.8", "tcp", "443");
  INFO(Dump(a));
  CHECK(a.verdict == Verdict::kReachable);
  CHECK(Mentions(SoleClass(a), "nat-0e3f05ee979d5c774"));
  CHECK(Mentions(SoleClass(a), "52.44.119.201"));
  CHECK(Mentions(SoleClass(a), "igw-0311ad3ebf3698b56"));
  const QueryResult b = Why(DemoEngine(), kApp2, "8.8.8.8", "tcp", "443");
  INFO(Dump(b));
  CHECK(b.verdict == Verdict::kReachable);
  CHECK(Mentions(SoleClass(b), "nat-061027259385033bf"));
  CHECK(Mentions(SoleClass(b), "3.227.61.40"));
}

// AZ a's table routes 192.0.2.0/24 to the deleted NAT nat-0f20304b08870f67d (State
// blackhole, mistake 4); AZ b's table has no such route, so its default route applies.
TEST_CASE("demo: the partner range is a blackhole in AZ a only", "[engine][demo]") {
  const QueryResult a = Why(DemoEngine(), kApp1, "192.0.2.10", "tcp", "443");
  const PacketClass& c = SoleClass(a);
  INFO(Dump(a));
  CHECK_FALSE(c.reachable);
  CHECK(Codes(c) == CodeSet{{"BAD_STATE_ROUTE", kFwd}});
  CHECK(Why(DemoEngine(), kApp2, "192.0.2.10", "tcp", "443").verdict == Verdict::kReachable);
}

// acl-05ba26994c10712dd (prod-public, where the NATs live) denies 198.51.100.0/24 in rule 50,
// so NAT-ed traffic from the app tier is dropped on its way out of the NAT's subnet.
TEST_CASE("demo: 198.51.100.0/24 is denied at the NAT's subnet", "[engine][demo]") {
  const QueryResult r = Why(DemoEngine(), kApp2, "198.51.100.7", "tcp", "443");
  const PacketClass& c = SoleClass(r);
  INFO(Dump(r));
  CHECK_FALSE(c.reachable);
  CHECK(Codes(c).count({"SUBNET_ACL_RESTRICTION", kFwd}) == 1);
}

// prod-isolated-a's table holds only local routes (mistake 1).
TEST_CASE("demo: the Lambda interface has no route out", "[engine][demo]") {
  const QueryResult r = Why(DemoEngine(), kLambdaEni, "8.8.8.8", "tcp", "443");
  const PacketClass& c = SoleClass(r);
  INFO(Dump(r));
  CHECK_FALSE(c.reachable);
  CHECK(Codes(c) == CodeSet{{"NO_ROUTE_TO_DESTINATION", kFwd}});
}

// pcx-02065ac039dd40091 is active; prod-db names sg-01d5bd6247600735a of account 2222 (same
// region), and acl-03254bb9f548b916e rule 120 admits 10.30.20.0/24. ci-runner's range is not.
TEST_CASE("demo: monitoring reaches the databases over the peering, ci-runner does not", "[engine][demo]") {
  const QueryResult r = Why(DemoEngine(), kMonitoring, kDbOrders, "tcp", "5432");
  INFO(Dump(r));
  CHECK(r.verdict == Verdict::kReachable);
  CHECK(Mentions(SoleClass(r), "pcx-02065ac039dd40091"));
  const QueryResult ci = Why(DemoEngine(), kCiRunner, kDbOrders, "tcp", "5432");
  const PacketClass& c = SoleClass(ci);
  INFO(Dump(ci));
  CHECK_FALSE(c.reachable);
  CHECK(Codes(c).count({"SUBNET_ACL_RESTRICTION", kFwd}) == 1);
}

// Staging: the NAT's own subnet routes 0.0.0.0/0 back to the NAT (mistake 2): no path, and
// no endless loop; staging-web-1's ACL allows only the VPC range outbound.
TEST_CASE("demo: staging has no way to the internet", "[engine][demo]") {
  for (const char* host : {kStagingApp, kStagingWeb}) {
    const QueryResult r = Why(DemoEngine(), host, "8.8.8.8", "tcp", "443");
    INFO(host << "\n" << Dump(r));
    CHECK(r.verdict == Verdict::kUnreachable);
    CHECK_FALSE(SoleClass(r).blocked_by.empty());
  }
}

// staging-web-1's group admits tcp/443 from 0.0.0.0/0 and its ACL admits the request, but
// acl-00cd6396c553f3d64 outbound rule 110 denies tcp 1024-65535: the reply is dropped.
TEST_CASE("demo: staging-web's HTTPS replies are dropped by its ACL", "[engine][demo]") {
  const QueryResult r = Why(DemoEngine(), "8.8.8.8", kStagingWeb, "tcp", "443");
  const PacketClass& c = SoleClass(r);
  INFO(Dump(r));
  CHECK_FALSE(c.reachable);
  CHECK(Codes(c) == CodeSet{{"SUBNET_ACL_RESTRICTION", kRet}});
}

// legacy-admin: tcp/3389 from 0.0.0.0/0 (mistake 3), except where prod-public's ACL rule 50
// denies 198.51.100.0/24.
TEST_CASE("demo: RDP on legacy-admin is open to the internet but 198.51.100.0/24", "[engine][demo]") {
  const QueryResult open = Why(DemoEngine(), "8.8.8.8", kLegacyAdmin, "tcp", "3389");
  INFO(Dump(open));
  CHECK(open.verdict == Verdict::kReachable);
  CHECK(Mentions(SoleClass(open), "34.229.18.77"));
  const QueryResult denied = Why(DemoEngine(), "198.51.100.7", kLegacyAdmin, "tcp", "3389");
  const PacketClass& c = SoleClass(denied);
  INFO(Dump(denied));
  CHECK_FALSE(c.reachable);
  CHECK(Codes(c).count({"SUBNET_ACL_RESTRICTION", kFwd}) == 1);
}

}  // namespace reachcheck::analysis::testutil
