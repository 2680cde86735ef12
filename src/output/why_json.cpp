// SPDX-License-Identifier: Apache-2.0
// `why --format json`: the contract's shape, plus the extra fields listed in why_json.h.
#include "reachcheck/output/why_json.h"

#include "output/json_util.h"
#include "reachcheck/output/text_util.h"

namespace reachcheck::output {
namespace {

const char* VerdictText(analysis::Verdict verdict) {
  switch (verdict) {
    case analysis::Verdict::kReachable:
      return "reachable";
    case analysis::Verdict::kUnreachable:
      return "unreachable";
    case analysis::Verdict::kPartial:
      return "partial";
  }
  return "unreachable";
}

Json ClassJson(const analysis::PacketClass& c) {
  Json json;
  json["verdict"] = c.reachable ? "reachable" : "unreachable";
  json["source"] = c.source;
  json["source_addresses"] = CidrArray(c.source_addresses);
  json["source_ports"] = PortArray(c.source_ports);
  json["destination"] = CidrArray(c.destination);
  json["protocol"] = ProtocolList(c.protocols);
  json["ports"] = PortArray(c.ports);
  if (!c.ports.IsAll()) {
    if (c.protocols.Contains(net::kIcmp)) json["icmp"] = net::IcmpSetToString(c.ports, false);
    if (c.protocols.Contains(net::kIcmpv6)) json["icmpv6"] = net::IcmpSetToString(c.ports, true);
  }
  json["delivered_to"] = c.delivered_to;
  json["forward"] = HopArray(c.forward);
  json["return"] = HopArray(c.reply);
  Json blockers = Json::array();
  for (const analysis::Blocker& b : c.blocked_by) blockers.push_back(BlockerJson(b));
  json["blocked_by"] = blockers;
  json["suggestion"] = c.suggestion;
  return json;
}

}  // namespace

std::string FormatWhyJson(const analysis::QueryResult& result, const WhyRequest& request) {
  Json json;
  json["query"] = {{"source", request.source},
                   {"destination", request.destination},
                   {"protocol", request.protocol},
                   {"ports", request.ports},
                   {"source_ports", request.source_ports}};
  json["verdict"] = VerdictText(result.verdict);
  Json classes = Json::array();
  for (const analysis::PacketClass& c : result.classes) classes.push_back(ClassJson(c));
  json["classes"] = classes;
  Json notes = Json::array();
  for (const std::string& note : result.notes) notes.push_back(note);
  json["notes"] = notes;
  return Dump(json);
}

}  // namespace reachcheck::output
