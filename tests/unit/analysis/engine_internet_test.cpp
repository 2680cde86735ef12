// SPDX-License-Identifier: Apache-2.0
// `internet` on either side of a question is walked as every outside address and narrowed
// afterwards: the classes must still cover exactly the `internet` set, never a modelled
// public address, and pieces that only hold modelled addresses must not make a verdict.
#include "engine_networks.h"
#include "engine_test_util.h"

namespace reachcheck::analysis::testutil {
namespace {

net::AddressSet DestinationsOf(const QueryResult& r) {
  net::AddressSet all;
  for (const PacketClass& c : r.classes) all = all.Union(c.destination);
  return all;
}

net::AddressSet SourcesOf(const QueryResult& r) {
  net::AddressSet all;
  for (const PacketClass& c : r.classes) all = all.Union(c.source_addresses);
  return all;
}

// TwoTier, with eni-app allowed out on tcp/443 only to the estate's own public addresses
// (eni-web's 54.0.0.10 and nat-a's 52.0.0.100), and eni-web reachable on tcp/443 only from
// nat-a's address.
model::Network OnlyModelledPeers() {
  testing::ModelBuilder b;
  TwoTier(b);
  model::Network& raw = b.Raw();
  for (model::SecurityGroup& sg : raw.security_groups) {
    if (sg.id == "sg-app") sg.egress.clear();
    if (sg.id == "sg-web") sg.ingress.clear();
  }
  b.SecurityGroup("sg-app-out", "vpc-a")
      .Egress("tcp", 443, "54.0.0.10/32")
      .Egress("tcp", 443, "52.0.0.100/32");
  b.SecurityGroup("sg-web-in", "vpc-a").Ingress("tcp", 443, "52.0.0.100/32").EgressAll();
  for (model::NetworkInterface& e : raw.interfaces) {
    if (e.id == "eni-app") e.group_ids.push_back("sg-app-out");
    if (e.id == "eni-web") e.group_ids.push_back("sg-web-in");
  }
  return b.Build();
}

}  // namespace

TEST_CASE("internet as destination: the classes cover exactly the internet set", "[engine][internet]") {
  testing::ModelBuilder b;
  TwoTier(b);
  const model::Network n = b.Build();
  Engine engine(n);
  const QueryResult r = Why(engine, "eni-web", "internet", "tcp", "443");
  INFO(Dump(r));
  CHECK(r.verdict == Verdict::kReachable);
  CHECK(DestinationsOf(r) == InternetAddresses(n));
  for (const PacketClass& c : r.classes) {
    CHECK_FALSE(c.destination.Contains(testing::IpOf("54.0.0.10")));
    CHECK_FALSE(c.destination.Contains(testing::IpOf("52.0.0.100")));
  }
  // Without the exact address sets: the same classes, whose destinations only add the
  // modelled public addresses.
  Query loose;
  loose.source = Resolve(n, "eni-web");
  loose.destination = Resolve(n, "internet");
  loose.protocols = *net::ParseProtocol("tcp");
  loose.ports = *net::ParsePortRange("443");
  loose.exact_internet_addresses = false;
  const QueryResult coarse = engine.Analyze(loose);
  REQUIRE(coarse.classes.size() == r.classes.size());
  CHECK(coarse.verdict == r.verdict);
  for (std::size_t i = 0; i < r.classes.size(); ++i) {
    CHECK(coarse.classes[i].reachable == r.classes[i].reachable);
    CHECK(coarse.classes[i].forward.size() == r.classes[i].forward.size());
    CHECK(coarse.classes[i].destination.Contains(r.classes[i].destination));
    CHECK(coarse.classes[i]
              .destination.Subtract(r.classes[i].destination)
              .Intersect(InternetAddresses(n))
              .IsEmpty());
  }
  // 0.0.0.0/0 still holds the modelled addresses, with their own classes.
  const QueryResult all = Why(engine, "eni-web", "0.0.0.0/0", "tcp", "443");
  CHECK(DestinationsOf(all).Contains(testing::IpOf("54.0.0.10")));
}

TEST_CASE("internet as source: the classes cover exactly the internet set", "[engine][internet]") {
  testing::ModelBuilder b;
  TwoTier(b);
  const model::Network n = b.Build();
  Engine engine(n);
  const QueryResult r = Why(engine, "internet", "eni-web", "tcp", "443");
  INFO(Dump(r));
  CHECK(r.verdict == Verdict::kReachable);
  const net::AddressSet internet = InternetAddresses(n);
  // eni-web has an IPv4 public address and an IPv6 address: both families come in.
  CHECK(SourcesOf(r) == internet);
  // The internet gateway as the source stands for the same hosts.
  const QueryResult via_igw = Why(engine, "igw-a", "eni-web", "tcp", "443");
  INFO(Dump(via_igw));
  CHECK(via_igw.verdict == Verdict::kReachable);
  CHECK(SourcesOf(via_igw) == internet);
}

TEST_CASE("pieces that only hold modelled public addresses do not count as internet", "[engine][internet]") {
  const model::Network n = OnlyModelledPeers();
  Engine engine(n);
  const net::AddressSet internet = InternetAddresses(n);

  // eni-app may only send to the estate's own public addresses: no internet host is reached.
  const QueryResult out = Why(engine, "eni-app", "internet", "tcp", "443");
  INFO(Dump(out));
  CHECK(out.verdict == Verdict::kUnreachable);
  CHECK(DestinationsOf(out) == net::AddressSet{internet.v4, {}});
  for (const PacketClass& c : out.classes) {
    REQUIRE_FALSE(c.blocked_by.empty());
    CHECK(c.blocked_by.front().component == "sg-app, sg-app-out");
  }
  // The same rules reach those addresses themselves when they are asked about.
  CHECK(Why(engine, "eni-app", "54.0.0.10", "tcp", "443").verdict == Verdict::kReachable);

  // Only nat-a's address may come in to eni-web on tcp/443: no internet host gets there.
  const QueryResult in = Why(engine, "internet", "eni-web", "tcp", "443");
  INFO(Dump(in));
  CHECK(in.verdict == Verdict::kUnreachable);
  CHECK(SourcesOf(in) == internet);
}

}  // namespace reachcheck::analysis::testutil
