// SPDX-License-Identifier: Apache-2.0
// `why --format json`: the contract's shape, plus the extra fields listed in why_json.h.
#include "reachcheck/output/why_json.h"

#include <ostream>
#include <sstream>
#include <string_view>
#include <unordered_map>

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

// The class's fields up to `delivered_to`; the paths, blockers and suggestion follow.
Json ClassHeadJson(const analysis::PacketClass& c) {
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
  return json;
}

/// `text` with `indent` after each of its line breaks.
void AppendIndented(std::string& out, std::string_view text, std::string_view indent) {
  std::size_t start = 0;
  for (std::size_t end = text.find('\n'); end != std::string_view::npos; end = text.find('\n', start)) {
    out.append(text.substr(start, end + 1 - start));
    out.append(indent);
    start = end + 1;
  }
  out.append(text.substr(start));
}

// The members' values are dumped one by one, each indented to its depth: the bytes are
// those of dumping the whole document at once, without holding all of it in memory. A hop
// is shared by the classes on its path: its text is made once.
class ClassWriter {
 public:
  /// One class as a pretty-printed object, at depth 0.
  const std::string& Text(const analysis::PacketClass& c) {
    text_ = DumpValue(ClassHeadJson(c));
    text_.resize(text_.size() - 2);  // the object goes on: drop its "\n}"
    text_ += ",\n  \"forward\": ";
    AppendPath(c.forward);
    text_ += ",\n  \"return\": ";
    AppendPath(c.reply);
    Json blockers = Json::array();
    for (const analysis::Blocker& b : c.blocked_by) blockers.push_back(BlockerJson(b));
    text_ += ",\n  \"blocked_by\": ";
    AppendIndented(text_, DumpValue(blockers), "  ");
    text_ += ",\n  \"suggestion\": ";
    text_ += DumpValue(c.suggestion);
    text_ += "\n}";
    return text_;
  }

 private:
  void AppendPath(const analysis::Path& path) {
    if (path.empty()) {
      text_ += "[]";
      return;
    }
    text_ += "[";
    for (std::size_t i = 0; i < path.size(); ++i) {
      text_ += i == 0 ? "\n    " : ",\n    ";
      auto [at, added] = hops_.try_emplace(path[i].get());
      if (added) AppendIndented(at->second, DumpValue(HopJson(*path[i])), "    ");
      text_ += at->second;
    }
    text_ += "\n  ]";
  }

  std::string text_;
  std::unordered_map<const analysis::Hop*, std::string> hops_;  ///< each hop's text, at depth 2
};

}  // namespace

void WriteWhyJson(std::ostream& out, const analysis::QueryResult& result, const WhyRequest& request) {
  Json query = {{"source", request.source},
                {"destination", request.destination},
                {"protocol", request.protocol},
                {"ports", request.ports},
                {"source_ports", request.source_ports}};
  std::string text = "{\n  \"query\": ";
  AppendIndented(text, DumpValue(query), "  ");
  out << text << ",\n  \"verdict\": " << DumpValue(VerdictText(result.verdict)) << ",\n  \"classes\": ";
  if (result.classes.empty()) {
    out << "[]";
  } else {
    out << "[";
    ClassWriter classes;
    std::string indented;  // one write per class
    for (std::size_t i = 0; i < result.classes.size(); ++i) {
      indented = i == 0 ? "\n    " : ",\n    ";
      AppendIndented(indented, classes.Text(result.classes[i]), "    ");
      out.write(indented.data(), static_cast<std::streamsize>(indented.size()));
    }
    out << "\n  ]";
  }
  Json notes = Json::array();
  for (const std::string& note : result.notes) notes.push_back(note);
  text = ",\n  \"notes\": ";
  AppendIndented(text, DumpValue(notes), "  ");
  out << text << "\n}\n";
}

std::string FormatWhyJson(const analysis::QueryResult& result, const WhyRequest& request) {
  std::ostringstream out;
  WriteWhyJson(out, result, request);
  return std::move(out).str();
}

}  // namespace reachcheck::output
