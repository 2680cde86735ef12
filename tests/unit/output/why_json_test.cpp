// SPDX-License-Identifier: Apache-2.0
// `why --format json`: the contract's field names and types, on hand-made results.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "reachcheck/output/why_json.h"
#include "sample_results.h"

namespace reachcheck::output {
namespace {

using nlohmann::json;

WhyRequest JsonRequest() {
  WhyRequest request;
  request.source = "i-0a";
  request.destination = "0.0.0.0/0";
  return request;
}

void CheckHopShape(const json& hop) {
  REQUIRE(hop.is_object());
  CHECK(hop.at("component").is_string());
  CHECK(hop.at("type").is_string());
  CHECK(hop.at("detail").is_string());
}

TEST_CASE("why json has the contract's top-level shape", "[why][json]") {
  json doc = json::parse(FormatWhyJson(samples::Mixed(), JsonRequest()));
  REQUIRE(doc.is_object());
  const json& query = doc.at("query");
  CHECK(query.at("source") == "i-0a");
  CHECK(query.at("destination") == "0.0.0.0/0");
  CHECK(query.at("protocol") == "all");
  CHECK(query.at("ports") == "0-65535");
  CHECK(doc.at("verdict") == "partial");
  REQUIRE(doc.at("classes").is_array());
  CHECK(doc.at("classes").size() == 2);
  CHECK(doc.at("notes") == json::array({"subnet-9 has no network ACL in the snapshot"}));
}

TEST_CASE("why json keeps the engine's class order and every field's type", "[why][json]") {
  json doc = json::parse(FormatWhyJson(samples::Mixed(), JsonRequest()));
  const json& reachable = doc.at("classes").at(0);
  const json& blocked = doc.at("classes").at(1);
  CHECK(reachable.at("verdict") == "reachable");
  CHECK(blocked.at("verdict") == "unreachable");
  for (const json& c : doc.at("classes")) {
    for (const char* key : {"destination", "protocol", "ports", "forward", "return", "blocked_by"}) {
      INFO(key);
      CHECK(c.at(key).is_array());
    }
    for (const json& d : c.at("destination")) CHECK(d.is_string());
    for (const json& p : c.at("protocol")) CHECK(p.is_string());
    for (const json& p : c.at("ports")) CHECK(p.is_string());
    for (const json& hop : c.at("forward")) CheckHopShape(hop);
    for (const json& hop : c.at("return")) CheckHopShape(hop);
  }
  CHECK(reachable.at("blocked_by").empty());
  CHECK(reachable.at("protocol") == json::array({"tcp"}));
  CHECK(reachable.at("ports") == json::array({"443"}));
  CHECK(reachable.at("delivered_to") == "internet");
  CHECK(reachable.at("return").size() == 3);
  CHECK(reachable.at("forward").at(1).at("where") ==
        "net/SecurityGroups.json#/SecurityGroups/0/IpPermissionsEgress/0/IpRanges/0");
  CHECK_FALSE(reachable.at("forward").at(0).contains("where"));  // unknown place: no field
  CHECK(blocked.at("destination") == json::array({"10.0.2.7/32"}));
  CHECK(blocked.at("source_addresses") == json::array({"10.0.1.5/32"}));
  CHECK(blocked.at("source_ports") == json::array({"1024-65535"}));
}

TEST_CASE("why json lists every blocker with code, direction and return_path", "[why][json]") {
  json doc = json::parse(FormatWhyJson(samples::Mixed(), JsonRequest()));
  const json& blockers = doc.at("classes").at(1).at("blocked_by");
  REQUIRE(blockers.size() == 2);
  for (const json& b : blockers) {
    CHECK(b.at("component").is_string());
    CHECK(b.at("code").is_string());
    CHECK(b.at("direction").is_string());
    CHECK(b.at("return_path").is_boolean());
    CHECK(b.at("detail").is_string());
  }
  CHECK(blockers.at(0).at("code") == "ENI_SG_RULES_MISMATCH");
  CHECK(blockers.at(0).at("return_path") == false);
  CHECK(blockers.at(1).at("component") == "acl-0a");
  CHECK(blockers.at(1).at("return_path") == true);
  CHECK(blockers.at(1).at("where") == "net/NetworkAcls.json#/NetworkAcls/0/Entries/0");
  CHECK(doc.at("classes").at(1).at("suggestion") == "add an ingress rule tcp/22 from 10.0.1.5/32 to sg-0b");
}

TEST_CASE("why json writes every protocol as \"all\" and ICMP types by name", "[why][json]") {
  analysis::QueryResult result;
  result.verdict = analysis::Verdict::kReachable;
  analysis::PacketClass all = samples::HttpsOut();
  all.protocols = net::ProtocolSet::All();
  all.ports = net::PortSet::All();
  analysis::PacketClass echo = samples::HttpsOut();
  echo.protocols = net::ProtocolSet::Single(net::kIcmp);
  echo.ports = net::IcmpTypeCodeSet(8, -1);
  analysis::PacketClass others = samples::HttpsOut();
  others.protocols = net::ProtocolSet::Range(0, 5);
  result.classes = {all, echo, others};
  json doc = json::parse(FormatWhyJson(result, JsonRequest()));
  CHECK(doc.at("verdict") == "reachable");
  CHECK(doc.at("classes").at(0).at("protocol") == json::array({"all"}));
  CHECK(doc.at("classes").at(0).at("ports") == json::array({"0-65535"}));
  CHECK_FALSE(doc.at("classes").at(0).contains("icmp"));
  CHECK(doc.at("classes").at(1).at("protocol") == json::array({"icmp"}));
  CHECK(doc.at("classes").at(1).at("ports") == json::array({"2048-2303"}));
  CHECK(doc.at("classes").at(1).at("icmp") == "echo-request");
  CHECK(doc.at("classes").at(2).at("protocol") == json::array({"0-5"}));
}

TEST_CASE("why json of an empty answer is still complete", "[why][json]") {
  analysis::QueryResult result;
  json doc = json::parse(FormatWhyJson(result, JsonRequest()));
  CHECK(doc.at("verdict") == "unreachable");
  CHECK(doc.at("classes").is_array());
  CHECK(doc.at("classes").empty());
}

TEST_CASE("why json is written class by class with the layout of one pretty-printed document", "[why][json]") {
  // Each class is dumped on its own and indented to its depth: the bytes must be those of
  // dumping the parsed document whole, for any answer, notes and texts.
  analysis::QueryResult empty;
  analysis::QueryResult mixed = samples::Mixed();
  analysis::QueryResult quirky = samples::Mixed();
  quirky.notes.clear();
  quirky.classes.at(0).suggestion = "line one\nline \"two\"\t\u00e9";
  quirky.classes.at(1).blocked_by.clear();
  for (const analysis::QueryResult* result : {&empty, &mixed, &quirky}) {
    const std::string text = FormatWhyJson(*result, JsonRequest());
    const nlohmann::ordered_json doc = nlohmann::ordered_json::parse(text);
    CHECK(text == doc.dump(2) + "\n");
    CHECK(doc.at("classes").size() == result->classes.size());
  }
}

}  // namespace
}  // namespace reachcheck::output
