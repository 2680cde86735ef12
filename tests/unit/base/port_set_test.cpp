// SPDX-License-Identifier: Apache-2.0
// Port-range parsing and printing.
#include "reachcheck/net/port_set.h"

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "net_test_util.h"

namespace reachcheck::net {
namespace {

TEST_CASE("PortSet: accept list", "[net]") {
  const std::vector<std::tuple<const char*, std::uint16_t, std::uint16_t>> cases = {
      {"0", 0, 0},
      {"22", 22, 22},
      {"443", 443, 443},
      {"65535", 65535, 65535},
      {"1024-65535", 1024, 65535},
      {"0-65535", 0, 65535},
      {"53-53", 53, 53},
      {"0-0", 0, 0},
      {"8000-8080", 8000, 8080},
  };
  for (const auto& [text, lo, hi] : cases) {
    INFO(text);
    std::optional<PortSet> parsed = ParsePortRange(text);
    REQUIRE(parsed.has_value());
    CHECK(*parsed == PortSet::Range(lo, hi));
  }
  CHECK(ParsePortRange("0-65535")->IsAll());
}

TEST_CASE("PortSet: reject list", "[net]") {
  const std::vector<std::string> cases = {
      "",      "-",       "65536", "99999999999", "-1",
      "+22",   " 22",     "22 ",   "022",         "00",
      "2-1",   "65535-0", "1-",    "-5",          "1--2",
      "1-2-3", "1-65536", "a",     "22a",         "0x16",
      "1,2",   "22/tcp",  "1 - 2", "all",         std::string("22\0", 3),
  };
  for (const std::string& text : cases) {
    INFO("'" << text << "'");
    CHECK_FALSE(ParsePortRange(text).has_value());
  }
}

TEST_CASE("PortSet: printing ranges and sets", "[net]") {
  PortSet web = PortSet::Single(80).Union(PortSet::Single(443)).Union(PortSet::Range(8000, 8080));
  CHECK(PortRanges(web) == std::vector<std::string>{"80", "443", "8000-8080"});
  CHECK(PortSetToString(web) == "80,443,8000-8080");
  CHECK(PortSetToString(PortSet()) == "(none)");
  CHECK(PortRanges(PortSet()).empty());
  CHECK(PortSetToString(PortSet::All()) == "0-65535");
  CHECK(PortSetToString(PortSet::Single(65535)) == "65535");
  CHECK(PortSetToString(PortSet::Range(0, 1)) == "0-1");
  CHECK(PortSetToString(PortSet::Single(53).Union(PortSet::Single(54))) == "53-54");
  CHECK(PortSetToString(PortSet::All().Subtract(PortSet::Single(22))) == "0-21,23-65535");
  CHECK(EphemeralPorts() == PortSet::Range(1024, 65535));
  CHECK(PortSetToString(EphemeralPorts()) == "1024-65535");
}

TEST_CASE("PortSet: every printed range parses back (property)", "[net][property]") {
  std::mt19937_64 rng(5);
  for (int iteration = 0; iteration < 2000; ++iteration) {
    PortSet ports;
    for (int i = 0; i < 4; ++i) {
      auto a = static_cast<std::uint16_t>(rng()), b = static_cast<std::uint16_t>(rng());
      if (rng() % 2 == 0) b = static_cast<std::uint16_t>(a + rng() % 4);
      ports = ports.Union(PortSet::Range(std::min(a, b), std::max(a, b)));
    }
    PortSet rebuilt;
    for (const std::string& range : PortRanges(ports)) {
      std::optional<PortSet> parsed = ParsePortRange(range);
      REQUIRE(parsed.has_value());
      rebuilt = rebuilt.Union(*parsed);
    }
    if (rebuilt != ports) CHECK(PortSetToString(rebuilt) == PortSetToString(ports));
  }
}

}  // namespace
}  // namespace reachcheck::net
