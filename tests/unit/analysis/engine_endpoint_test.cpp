// SPDX-License-Identifier: Apache-2.0
// Endpoint resolution (every form of the contract and its errors), the internet set, the
// topology for `graph`, and exposure.
#include "engine_networks.h"
#include "engine_test_util.h"

namespace reachcheck::analysis::testutil {
namespace {

model::Network Tagged() {
  testing::ModelBuilder b;
  TwoTier(b);
  b.Raw().instances[0].tags.push_back({"Role", "web-frontend"});
  b.Raw().interfaces[1].tags.push_back({"Role", "app"});
  return b.Build();
}

}  // namespace

TEST_CASE("every endpoint form resolves", "[engine][endpoint]") {
  const model::Network n = Tagged();
  CHECK(Resolve(n, "i-web").kind == EndpointKind::kInstance);
  CHECK(Resolve(n, "i-web").interfaces == std::vector<model::Handle>{Eni(n, "eni-web")});
  CHECK(Resolve(n, "eni-app").kind == EndpointKind::kInterface);
  const Endpoint subnet = Resolve(n, "subnet-priv");
  CHECK(subnet.kind == EndpointKind::kSubnet);
  CHECK(n.subnets[subnet.subnet].id == "subnet-priv");
  CHECK(Resolve(n, "10.0.1.5").kind == EndpointKind::kAddress);
  CHECK(Resolve(n, "2600:1f18:a:1::10").addresses == net::AddressSet::Of(testing::IpOf("2600:1f18:a:1::10")));
  const Endpoint cidr = Resolve(n, "10.0.0.0/16");
  CHECK(cidr.kind == EndpointKind::kCidr);
  CHECK(cidr.addresses == net::AddressSet::Of(testing::CidrOf("10.0.0.0/16")));
  CHECK(Resolve(n, "::/0").addresses == net::AddressSet::AllV6());
  for (const char* gw : {"igw-a", "nat-a", "pcx-ab"}) {
    const Endpoint e = Resolve(n, gw);
    CHECK(e.kind == EndpointKind::kGateway);
    CHECK(e.gateway != model::kNone);
  }
  CHECK(Resolve(n, "nat-a").gateway_kind == "nat");
  const Endpoint tag = Resolve(n, "tag:Role=web-.*");
  CHECK(tag.kind == EndpointKind::kTag);
  CHECK(tag.interfaces == std::vector<model::Handle>{Eni(n, "eni-web")});
  CHECK(Resolve(n, "tag:Role=web-frontend|app").interfaces.size() == 2);
}

TEST_CASE("unknown and bad endpoints are errors with hints", "[engine][endpoint]") {
  const model::Network n = Tagged();
  EndpointResolution typo = ResolveEndpoint(n, "eni-ap");
  CHECK_FALSE(typo.ok);
  CHECK(typo.code == "query-unknown-endpoint");
  CHECK(typo.error == "unknown endpoint 'eni-ap'; did you mean 'eni-app'?");
  EndpointResolution far = ResolveEndpoint(n, "i-0123456789abcdef");
  CHECK(far.error == "unknown endpoint 'i-0123456789abcdef'");
  CHECK(ResolveEndpoint(n, "tag:Role=(").code == "query-bad-regex");
  CHECK(ResolveEndpoint(n, "tag:Role").code == "query-bad-endpoint");
  CHECK(ResolveEndpoint(n, "tag:Role=db").code == "query-unknown-endpoint");
  CHECK(ResolveEndpoint(n, "tag:Role=web").code == "query-unknown-endpoint");  // a full match only
  CHECK(ResolveEndpoint(n, "10.0.0.0/33").code == "query-bad-endpoint");
  CHECK(ResolveEndpoint(n, "vpc-a").code == "query-bad-endpoint");
  CHECK(ResolveEndpoint(n, "").code == "query-bad-endpoint");
}

TEST_CASE("the internet set excludes private, shared, VPC and modelled public addresses",
          "[engine][endpoint]") {
  const model::Network n = Tagged();
  const net::AddressSet internet = InternetAddresses(n);
  CHECK(internet.Contains(testing::IpOf("8.8.8.8")));
  CHECK(internet.Contains(testing::IpOf("2001:db8::1")));
  for (const char* out : {"10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "54.0.0.10", "52.0.0.100",
                          "2600:1f18:a:1::10"}) {
    INFO(out);
    CHECK_FALSE(internet.Contains(testing::IpOf(out)));
  }
  CHECK(Resolve(n, "internet").addresses == internet);
}

TEST_CASE("the topology graph and its neighbourhood", "[engine][graph]") {
  const model::Network n = Tagged();
  Engine engine(n);
  const Topology all = engine.GetTopology();
  auto has_node = [](const Topology& t, const std::string& id, const std::string& type) {
    return std::any_of(t.nodes.begin(), t.nodes.end(),
                       [&](const TopologyNode& x) { return x.id == id && x.type == type; });
  };
  auto has_edge = [](const Topology& t, const std::string& from, const std::string& to,
                     const std::string& label) {
    return std::any_of(t.edges.begin(), t.edges.end(), [&](const TopologyEdge& e) {
      return e.from == from && e.to == to && e.label == label;
    });
  };
  CHECK(has_node(all, "vpc-a", "vpc"));
  CHECK(has_node(all, "subnet-pub", "subnet"));
  CHECK(has_node(all, "igw-a", "internet-gateway"));
  CHECK(has_node(all, "nat-a", "nat-gateway"));
  CHECK(has_node(all, "pcx-ab", "peering-connection"));
  CHECK(has_node(all, "eni-web", "network-interface"));
  CHECK(has_node(all, "internet", "internet"));
  CHECK(has_edge(all, "rtb-pub", "igw-a", "0.0.0.0/0"));
  CHECK(has_edge(all, "rtb-main", "nat-a", "0.0.0.0/0"));
  CHECK(has_edge(all, "igw-a", "vpc-a", "attached"));
  CHECK(has_edge(all, "subnet-priv", "rtb-main", ""));
  const Topology focus = engine.GetTopology("subnet-priv");
  CHECK(has_node(focus, "subnet-priv", "subnet"));
  CHECK(has_node(focus, "rtb-main", "route-table"));
  CHECK(has_node(focus, "eni-app", "network-interface"));
  CHECK(has_node(focus, "vpc-a", "vpc"));
  CHECK_FALSE(has_node(focus, "eni-web", "network-interface"));
  CHECK(focus.nodes.size() < all.nodes.size());
  CHECK(engine.GetTopology("i-web").nodes.size() >= 2);  // an instance focuses on its interfaces
  CHECK(engine.GetTopology("nothing-here").nodes.empty());
}

TEST_CASE("exposure lists what the internet reaches, per interface and address", "[engine][exposure]") {
  testing::ModelBuilder b;
  TwoTier(b);
  // A second web server: same subnet and groups, so it shares the first one's walk.
  b.Interface("eni-web2", "subnet-pub", "10.0.1.11").PublicIp("54.0.0.11").Group("sg-web");
  const model::Network n = b.Build();
  Engine engine(n);
  const std::vector<Exposure> all = engine.Exposures(net::ProtocolSet::All(), net::PortSet::All());
  auto find = [&](const char* iface, const char* address, std::uint8_t protocol) -> const Exposure* {
    for (const Exposure& x : all) {
      if (x.interface_id == iface && x.address == testing::IpOf(address) && x.protocols.Contains(protocol))
        return &x;
    }
    return nullptr;
  };
  const Exposure* web = find("eni-web", "54.0.0.10", net::kTcp);
  REQUIRE(web != nullptr);
  CHECK(web->ports == net::PortSet::Single(443));
  CHECK(web->instance_id == "i-web");
  CHECK(PathMentions(web->path, "igw-a translates destination 54.0.0.10 -> 10.0.1.10"));
  const Exposure* ping = find("eni-web", "54.0.0.10", net::kIcmp);
  REQUIRE(ping != nullptr);
  CHECK(ping->ports == net::IcmpTypeCodeSet(8, -1));
  const Exposure* v6 = find("eni-web", "2600:1f18:a:1::10", net::kTcp);
  REQUIRE(v6 != nullptr);
  CHECK(v6->ports == net::PortSet::Single(443));
  CHECK(find("eni-web", "2600:1f18:a:1::10", net::kIcmp) == nullptr);  // the ICMP rule is IPv4 only
  const Exposure* web2 = find("eni-web2", "54.0.0.11", net::kTcp);
  REQUIRE(web2 != nullptr);
  CHECK(web2->ports == net::PortSet::Single(443));
  CHECK(PathMentions(web2->path, "igw-a translates destination 54.0.0.11 -> 10.0.1.11"));
  CHECK(PathMentions(web2->path, "delivered to eni-web2"));
  CHECK(std::none_of(web2->path.begin(), web2->path.end(),
                     [](const Hop& h) { return h.component == "eni-web"; }));
  for (const Exposure& x : all) CHECK(x.interface_id != "eni-app");
  // Restricted to UDP: nothing.
  CHECK(engine.Exposures(net::ProtocolSet::Single(net::kUdp), net::PortSet::All()).empty());
}

}  // namespace reachcheck::analysis::testutil
