// SPDX-License-Identifier: Apache-2.0
// `why` text: verdict line first, unreachable classes first, every blocker, summarising.
#include <catch2/catch.hpp>

#include "reachcheck/output/why_text.h"
#include "sample_results.h"

namespace reachcheck::output {
namespace {

WhyRequest Request(std::string protocol = "all", std::string ports = "0-65535") {
  WhyRequest request;
  request.source = "i-0a";
  request.destination = "0.0.0.0/0";
  request.protocol = std::move(protocol);
  request.ports = std::move(ports);
  return request;
}

std::size_t Occurrences(const std::string& text, const std::string& word) {
  std::size_t n = 0;
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++n;
  return n;
}

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

TEST_CASE("why text starts with the verdict line", "[why][text]") {
  std::string text = FormatWhyText(samples::Mixed(), Request());
  CHECK(FirstLine(text) ==
        "PARTIAL  i-0a -> 0.0.0.0/0 (all protocols, all ports): 1 class reachable, 1 unreachable");
  CHECK(text.find("note: subnet-9 has no network ACL in the snapshot\n") != std::string::npos);

  analysis::QueryResult blocked;
  blocked.verdict = analysis::Verdict::kUnreachable;
  blocked.classes = {samples::SshBlocked()};
  CHECK(FirstLine(FormatWhyText(blocked, Request("tcp", "22"))) ==
        "UNREACHABLE  i-0a -> 0.0.0.0/0 (tcp, port 22): 1 class unreachable");

  analysis::QueryResult open;
  open.verdict = analysis::Verdict::kReachable;
  open.classes = {samples::HttpsOut(), samples::HttpsOut()};
  CHECK(FirstLine(FormatWhyText(open, Request("tcp", "443-444"))) ==
        "REACHABLE  i-0a -> 0.0.0.0/0 (tcp, ports 443-444): 2 classes reachable");

  CHECK(FirstLine(FormatWhyText(analysis::QueryResult{}, Request())) ==
        "UNREACHABLE  i-0a -> 0.0.0.0/0 (all protocols, all ports): no packet matches the question");
}

TEST_CASE("why text shows unreachable classes first, with every blocker", "[why][text]") {
  std::string text = FormatWhyText(samples::Mixed(), Request());
  std::size_t blocked_at = text.find("[1] UNREACHABLE  tcp/22");
  std::size_t open_at = text.find("[2] REACHABLE  tcp/443");
  REQUIRE(blocked_at != std::string::npos);
  REQUIRE(open_at != std::string::npos);
  CHECK(blocked_at < open_at);
  CHECK(text.find("sg-0b   ENI_SG_RULES_MISMATCH   ingress\n") != std::string::npos);
  CHECK(text.find("acl-0a  SUBNET_ACL_RESTRICTION  ingress (return path)\n") != std::string::npos);
  CHECK(text.find("at net/NetworkAcls.json#/NetworkAcls/0/Entries/0\n") != std::string::npos);
  CHECK(text.find("suggested fix: add an ingress rule tcp/22") != std::string::npos);
  CHECK(text.find("would reach eni-0b without the blockers below") != std::string::npos);

  analysis::QueryResult reply_only;
  reply_only.verdict = analysis::Verdict::kUnreachable;
  reply_only.classes = {samples::SshBlocked()};
  reply_only.classes[0].blocked_by.erase(reply_only.classes[0].blocked_by.begin());
  CHECK(FormatWhyText(reply_only, Request()).find("delivered to eni-0b, but the reply does not get back") !=
        std::string::npos);
  CHECK(text.find("forward path: eni-0a -> rtb-1 -> eni-0b\n") != std::string::npos);
}

TEST_CASE("why text lists reachable classes hop by hop with their rule's place", "[why][text]") {
  std::string text = FormatWhyText(samples::Mixed(), Request());
  CHECK(text.find("    forward:\n"
                  "      1. eni-0a    network-interface  sends from 10.0.1.5\n"
                  "      2. sg-0a     security-group     egress allowed by rule all to 0.0.0.0/0\n"
                  "                                      at net/SecurityGroups.json#/SecurityGroups/0/"
                  "IpPermissionsEgress/0/IpRanges/0\n") != std::string::npos);
  CHECK(text.find("    return:\n      1. internet  internet") != std::string::npos);
  CHECK(text.find("    from  eni-0a 10.0.1.5/32, source ports 1024-65535\n") != std::string::npos);
}

TEST_CASE("why text shortens long CIDR lists unless --all", "[why][text]") {
  std::string text = FormatWhyText(samples::Mixed(), Request());
  CHECK(text.find("    to    1.0.0.0/8, 2.0.0.0/7, 4.0.0.0/6, 9.0.0.0/8\n") != std::string::npos);

  analysis::QueryResult result;
  result.verdict = analysis::Verdict::kReachable;
  analysis::PacketClass c = samples::HttpsOut();
  c.destination = samples::Cidrs({"1.0.0.0/8", "3.0.0.0/8", "5.0.0.0/8", "7.0.0.0/8", "9.0.0.0/8",
                                  "11.0.0.0/8", "13.0.0.0/8", "15.0.0.0/8"});
  result.classes = {c};
  std::string short_text = FormatWhyText(result, Request());
  CHECK(short_text.find("11.0.0.0/8, ... (2 more)\n") != std::string::npos);
  CHECK(short_text.find("13.0.0.0/8") == std::string::npos);
  WhyDisplayOptions all;
  all.all = true;
  std::string long_text = FormatWhyText(result, Request(), all);
  CHECK(long_text.find("13.0.0.0/8, 15.0.0.0/8\n") != std::string::npos);
  CHECK(long_text.find("more)") == std::string::npos);
}

TEST_CASE("why text summarises after five classes unless --all", "[why][text]") {
  analysis::QueryResult result;
  result.verdict = analysis::Verdict::kPartial;
  for (int i = 0; i < 4; ++i) result.classes.push_back(samples::HttpsOut());
  for (int i = 0; i < 3; ++i) result.classes.push_back(samples::SshBlocked());
  std::string text = FormatWhyText(result, Request());
  CHECK(FirstLine(text).find("4 classes reachable, 3 unreachable") != std::string::npos);
  CHECK(text.find("[5] ") != std::string::npos);
  CHECK(text.find("[6] ") == std::string::npos);
  CHECK(Occurrences(text, "UNREACHABLE  tcp/22") == 3);  // every unreachable class is shown
  CHECK(Occurrences(text, "] REACHABLE  tcp/443") == 2);
  CHECK(text.find("\n2 more classes (2 reachable); use --all to list them\n") != std::string::npos);

  WhyDisplayOptions all;
  all.all = true;
  std::string full = FormatWhyText(result, Request(), all);
  CHECK(full.find("[7] REACHABLE  tcp/443") != std::string::npos);
  CHECK(full.find("use --all") == std::string::npos);

  WhyDisplayOptions two;
  two.max_classes = 2;
  CHECK(
      FormatWhyText(result, Request(), two).find("5 more classes (1 unreachable, 4 reachable); use --all") !=
      std::string::npos);
}

TEST_CASE("why text names bare protocol numbers as protocols", "[why][text]") {
  analysis::QueryResult result;
  result.verdict = analysis::Verdict::kReachable;
  analysis::PacketClass c = samples::HttpsOut();
  c.protocols = net::ProtocolSet::Range(0, 5);
  c.ports = net::PortSet::All();
  result.classes = {c};
  CHECK(FormatWhyText(result, Request()).find("[1] REACHABLE  protocols 0-5\n") != std::string::npos);
}

TEST_CASE("why text is deterministic", "[why][text]") {
  CHECK(FormatWhyText(samples::Mixed(), Request()) == FormatWhyText(samples::Mixed(), Request()));
}

}  // namespace
}  // namespace reachcheck::output
