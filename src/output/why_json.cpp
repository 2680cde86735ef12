// SPDX-License-Identifier: Apache-2.0
// `why --format json`: the contract's shape, plus the extra fields listed in why_json.h.
#include "reachcheck/output/why_json.h"

#include <ostream>
#include <sstream>
#include <string_view>

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

// The members' values are dumped one by one, each indented to its depth: the bytes are
// those of dumping the whole document at once, without holding all of it in memory.
void WriteIndented(std::ostream& out, const std::string& dumped, std::string_view indent) {
  std::size_t start = 0;
  for (std::size_t end = dumped.find('\n'); end != std::string::npos; end = dumped.find('\n', start)) {
    out.write(dumped.data() + start, static_cast<std::streamsize>(end + 1 - start));
    out << indent;
    start = end + 1;
  }
  out.write(dumped.data() + start, static_cast<std::streamsize>(dumped.size() - start));
}

std::string DumpValue(const Json& json) { return json.dump(2, ' ', false, Json::error_handler_t::replace); }

}  // namespace

void WriteWhyJson(std::ostream& out, const analysis::QueryResult& result, const WhyRequest& request) {
  Json query = {{"source", request.source},
                {"destination", request.destination},
                {"protocol", request.protocol},
                {"ports", request.ports},
                {"source_ports", request.source_ports}};
  out << "{\n  \"query\": ";
  WriteIndented(out, DumpValue(query), "  ");
  out << ",\n  \"verdict\": " << DumpValue(VerdictText(result.verdict)) << ",\n  \"classes\": ";
  if (result.classes.empty()) {
    out << "[]";
  } else {
    out << "[";
    for (std::size_t i = 0; i < result.classes.size(); ++i) {
      out << (i == 0 ? "\n    " : ",\n    ");
      WriteIndented(out, DumpValue(ClassJson(result.classes[i])), "    ");
    }
    out << "\n  ]";
  }
  Json notes = Json::array();
  for (const std::string& note : result.notes) notes.push_back(note);
  out << ",\n  \"notes\": ";
  WriteIndented(out, DumpValue(notes), "  ");
  out << "\n}\n";
}

std::string FormatWhyJson(const analysis::QueryResult& result, const WhyRequest& request) {
  std::ostringstream out;
  WriteWhyJson(out, result, request);
  return std::move(out).str();
}

}  // namespace reachcheck::output
