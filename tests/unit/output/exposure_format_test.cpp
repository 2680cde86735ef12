// SPDX-License-Identifier: Apache-2.0
// `exposure` text and JSON on hand-made exposures: contract fields, sorting, empty report.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "reachcheck/output/exposure_format.h"
#include "sample_results.h"

namespace reachcheck::output {
namespace {

analysis::Exposure Make(std::string eni, std::string instance, const char* address, std::uint8_t protocol,
                        std::uint16_t port) {
  analysis::Exposure e;
  e.interface_id = std::move(eni);
  e.instance_id = std::move(instance);
  e.address = *net::ParseIpAddress(address);
  e.protocols = net::ProtocolSet::Single(protocol);
  e.ports = net::PortSet::Single(port);
  e.path = {
      samples::MakeHop("internet", "internet", "from 0.0.0.0/0"),
      samples::MakeHop("igw-1", "internet-gateway", "translates " + std::string(address) + " -> 10.0.1.5"),
      samples::MakeHop("sg-1", "security-group", "ingress allowed by rule tcp/22 from 0.0.0.0/0",
                       "n/SecurityGroups.json", "/SecurityGroups/0/IpPermissions/0/IpRanges/0")};
  return e;
}

TEST_CASE("exposure json has the contract's fields, sorted by interface", "[exposure][json]") {
  std::vector<analysis::Exposure> exposures = {Make("eni-b", "", "54.0.0.2", net::kUdp, 53),
                                               Make("eni-a", "i-a", "54.0.0.1", net::kTcp, 22)};
  nlohmann::json doc = nlohmann::json::parse(FormatExposureJson(exposures));
  const nlohmann::json& list = doc.at("exposed");
  REQUIRE(list.size() == 2);
  CHECK(list.at(0).at("interface") == "eni-a");
  CHECK(list.at(0).at("instance") == "i-a");
  CHECK(list.at(0).at("address") == "54.0.0.1");
  CHECK(list.at(0).at("protocol") == "tcp");
  CHECK(list.at(0).at("ports") == nlohmann::json::array({"22"}));
  REQUIRE(list.at(0).at("path").size() == 3);
  CHECK(list.at(0).at("path").at(2).at("where") ==
        "n/SecurityGroups.json#/SecurityGroups/0/IpPermissions/0/IpRanges/0");
  CHECK(list.at(1).at("interface") == "eni-b");
  CHECK(list.at(1).at("instance") == "");
  CHECK(list.at(1).at("protocol") == "udp");
}

TEST_CASE("exposure text lists each exposure with its path", "[exposure][text]") {
  std::vector<analysis::Exposure> exposures = {Make("eni-a", "i-a", "54.0.0.1", net::kTcp, 22)};
  std::string text = FormatExposureText(exposures, "all protocols, all ports");
  CHECK(text.rfind("1 exposure reachable from the internet (all protocols, all ports):\n", 0) == 0);
  CHECK(text.find("EXPOSED  eni-a (i-a) at 54.0.0.1  tcp/22\n") != std::string::npos);
  CHECK(text.find("3. sg-1      security-group    ingress allowed by rule tcp/22") != std::string::npos);
  CHECK(FormatExposureText({}, "tcp, port 22") ==
        "No interface is reachable from the internet (tcp, port 22).\n");
  CHECK(nlohmann::json::parse(FormatExposureJson({})) ==
        nlohmann::json({{"exposed", nlohmann::json::array()}}));
}

}  // namespace
}  // namespace reachcheck::output
