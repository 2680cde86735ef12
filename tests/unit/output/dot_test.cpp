// SPDX-License-Identifier: Apache-2.0
// DOT output of `graph` and `why --format dot`: quoting, clusters, highlighting, and that
// Graphviz renders it (and every DOT golden file) without a warning.
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

#include "reachcheck/output/graph_format.h"
#include "reachcheck/output/why_dot.h"
#include "sample_results.h"
#include "support/support_paths.h"

namespace reachcheck::output {
namespace {

namespace fs = std::filesystem;

analysis::Topology Sample() {
  analysis::Topology t;
  t.nodes = {{"vpc-1", "vpc", "vpc-1\n10.0.0.0/16", ""},
             {"subnet-1", "subnet", "subnet-1\n10.0.1.0/24 us-east-1a", "vpc-1"},
             {"eni-0a", "network-interface", "eni-0a\n10.0.1.5", "subnet-1"},
             {"igw-1", "internet-gateway", "igw-1", ""},
             {"weird\"id\\", "instance", "say \"hi\" \\ back\\", "subnet-1"}};
  t.edges = {{"igw-1", "vpc-1", "attached"}, {"eni-0a", "subnet-1", ""}};
  return t;
}

bool HaveDot() { return std::system("dot -V > /dev/null 2>&1") == 0; }

// Runs `dot -Tsvg` on the text; returns its exit status and everything it printed.
std::pair<int, std::string> RunDot(const std::string& text) {
  char path[] = "/tmp/reachcheck-dot-XXXXXX";
  int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  close(fd);
  std::ofstream(path, std::ios::binary) << text;
  std::string command = std::string("dot -Tsvg -o /dev/null ") + path + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
  int status = pclose(pipe);
  std::remove(path);
  return {status, output};
}

TEST_CASE("graph dot quotes and escapes every id and label", "[graph][dot]") {
  std::string dot = FormatGraphDot(Sample());
  CHECK(dot.find("\"weird\\\"id\\\\\" [label=\"say \\\"hi\\\" \\\\ back\\\\\"") != std::string::npos);
  CHECK(dot.find("\"vpc-1\" [label=\"vpc-1\\n10.0.0.0/16\"") != std::string::npos);
  CHECK(dot.find("\"igw-1\" -> \"vpc-1\" [label=\"attached\"];") != std::string::npos);
  CHECK(dot.find('\t') == std::string::npos);
}

TEST_CASE("graph dot clusters by VPC and subnet", "[graph][dot]") {
  std::string dot = FormatGraphDot(Sample());
  std::size_t vpc = dot.find("subgraph \"cluster_vpc-1\" {");
  std::size_t subnet = dot.find("subgraph \"cluster_subnet-1\" {");
  std::size_t eni = dot.find("\"eni-0a\" [");
  REQUIRE(vpc != std::string::npos);
  REQUIRE(subnet != std::string::npos);
  CHECK(vpc < subnet);
  CHECK(subnet < eni);
  CHECK(dot.find("subgraph \"cluster_igw-1\"") == std::string::npos);  // no members: plain node
  CHECK(FormatGraphDot(Sample()) == dot);
}

TEST_CASE("graph dot survives parent cycles and duplicate ids", "[graph][dot]") {
  analysis::Topology t;
  t.nodes = {{"a", "vpc", "a", "b"}, {"b", "subnet", "b", "a"}, {"a", "vpc", "dup", ""}};
  std::string dot = FormatGraphDot(t);
  CHECK(dot.find("\"a\" [") != std::string::npos);
  CHECK(dot.find("\"b\" [") != std::string::npos);
  CHECK(dot.find("dup") == std::string::npos);
  if (HaveDot()) CHECK(RunDot(dot) == std::make_pair(0, std::string()));
}

TEST_CASE("graph json lists nodes and edges sorted", "[graph][json]") {
  nlohmann::json doc = nlohmann::json::parse(FormatGraphJson(Sample()));
  REQUIRE(doc.at("nodes").size() == 5);
  CHECK(doc.at("nodes").at(0).at("id") == "eni-0a");
  CHECK(doc.at("nodes").at(0).at("parent") == "subnet-1");
  CHECK(doc.at("nodes").at(4).at("id") == "weird\"id\\");
  REQUIRE(doc.at("edges").size() == 2);
  CHECK(doc.at("edges").at(0) == nlohmann::json({{"from", "eni-0a"}, {"to", "subnet-1"}, {"label", ""}}));
}

TEST_CASE("why dot highlights paths and blockers", "[why][dot]") {
  WhyRequest request;
  request.source = "i-0a";
  request.destination = "0.0.0.0/0";
  std::string dot = FormatWhyDot(Sample(), samples::Mixed(), request);
  CHECK(dot.find("label=\"why i-0a -> 0.0.0.0/0 (all protocols, all ports)\"") != std::string::npos);
  // Blockers absent from the topology are added and filled.
  CHECK(dot.find("\"sg-0b\" [label=\"sg-0b\", shape=\"box\", style=\"filled\", fillcolor=\"#f4cccc\"") !=
        std::string::npos);
  // Forward path of the unreachable class [1] in red, return path of class [2] dashed green.
  CHECK(dot.find("\"eni-0a\" -> \"rtb-1\" [color=\"red3\", fontcolor=\"red3\", style=\"solid\"") !=
        std::string::npos);
  CHECK(dot.find("\"internet\" -> \"igw-1\" [color=\"darkgreen\", fontcolor=\"darkgreen\", "
                 "style=\"dashed\", penwidth=\"2\", label=\"2\"") != std::string::npos);
}

TEST_CASE("dot output renders without warnings", "[dot][graphviz]") {
  if (!HaveDot()) {
    WARN("SKIPPED: graphviz 'dot' not found");
    return;
  }
  WhyRequest request;
  request.source = "tag:Name=\"web\\\"";
  request.destination = "internet";
  CHECK(RunDot(FormatGraphDot(Sample())) == std::make_pair(0, std::string()));
  CHECK(RunDot(FormatWhyDot(Sample(), samples::Mixed(), request)) == std::make_pair(0, std::string()));
  CHECK(RunDot(FormatGraphDot(analysis::Topology{})) == std::make_pair(0, std::string()));
}

// Every DOT golden file: fixtures/golden/graph/* (default format dot) and why cases with
// "--format dot".
TEST_CASE("every dot golden renders without warnings", "[dot][graphviz][golden]") {
  if (!HaveDot()) {
    WARN("SKIPPED: graphviz 'dot' not found");
    return;
  }
  fs::path golden = fs::path(testing::SourceDir()) / "fixtures" / "golden";
  int checked = 0;
  for (const char* command : {"graph", "why"}) {
    if (!fs::exists(golden / command)) continue;
    for (const auto& entry : fs::directory_iterator(golden / command)) {
      std::ifstream case_file(entry.path() / "case.json");
      if (!case_file) continue;
      nlohmann::json spec = nlohmann::json::parse(case_file);
      std::vector<std::string> args = spec.at("args").get<std::vector<std::string>>();
      bool dot = std::string(command) == "graph";
      for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == "--format") dot = args[i + 1] == "dot";
      }
      if (!dot || spec.at("exit").get<int>() == 2) continue;
      std::stringstream expected;
      expected << std::ifstream(entry.path() / "expected.stdout").rdbuf();
      INFO(entry.path().string());
      CHECK(RunDot(expected.str()) == std::make_pair(0, std::string()));
      ++checked;
    }
  }
  INFO("DOT golden files checked: " << checked);
  CHECK(checked > 0);  // the goldens are part of the repository
}

}  // namespace
}  // namespace reachcheck::output
