// SPDX-License-Identifier: Apache-2.0
// Shared text helpers of the output stage.
#include "reachcheck/output/text_util.h"

#include <algorithm>

namespace reachcheck::output {

std::string ServiceText(const net::ProtocolSet& protocols, const net::PortSet& ports) {
  return net::ServiceMatch{protocols, ports}.ToString();
}

std::string WhereText(const base::SourceRef& where) {
  if (where.file.empty() && where.pointer.empty()) return "";
  return where.ToString();
}

std::string AddressListText(const net::AddressSet& addresses, std::size_t limit) {
  std::vector<net::Cidr> cidrs = addresses.ToCidrs();
  if (cidrs.empty()) return "(none)";
  std::string text;
  std::size_t shown = (limit > 0 && cidrs.size() > limit) ? limit : cidrs.size();
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) text += ", ";
    text += cidrs[i].ToString();
  }
  if (shown < cidrs.size()) text += ", ... (" + std::to_string(cidrs.size() - shown) + " more)";
  return text;
}

std::string Count(std::size_t n, const std::string& singular, const std::string& plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

std::string QueryServiceText(const std::string& protocol, const std::string& ports) {
  std::string proto = protocol == "all" ? "all protocols" : protocol;
  bool icmp = protocol == "icmp" || protocol == "icmpv6" || protocol == "1" || protocol == "58";
  std::string port_text;
  if (ports == "0-65535") {
    port_text = icmp ? "all types" : "all ports";
  } else if (icmp) {
    port_text = "type/code " + ports;
  } else {
    port_text = (ports.find('-') == std::string::npos ? "port " : "ports ") + ports;
  }
  return proto + ", " + port_text;
}

std::vector<std::string> ProtocolList(const net::ProtocolSet& protocols) {
  if (protocols.IsAll()) return {"all"};
  std::vector<std::string> list;
  for (const auto& interval : protocols.Intervals()) {
    if (interval.lo == interval.hi) {
      list.push_back(net::ProtocolName(interval.lo));
    } else {
      list.push_back(std::to_string(interval.lo) + "-" + std::to_string(interval.hi));
    }
  }
  return list;
}

std::string HopListText(const analysis::Path& hops, const std::string& indent) {
  std::size_t number_width = std::to_string(hops.size()).size();
  std::size_t component_width = 0, type_width = 0;
  for (const analysis::Hop& hop : hops) {
    component_width = std::max(component_width, hop.component.size());
    type_width = std::max(type_width, hop.type.size());
  }
  std::string text;
  for (std::size_t i = 0; i < hops.size(); ++i) {
    const analysis::Hop& hop = hops[i];
    std::string number = std::to_string(i + 1);
    std::string line = indent + std::string(number_width - number.size(), ' ') + number + ". ";
    std::size_t detail_column = line.size() + component_width + 2 + type_width + 2;
    line += hop.component + std::string(component_width - hop.component.size() + 2, ' ');
    line += hop.type;
    if (!hop.detail.empty()) line += std::string(type_width - hop.type.size() + 2, ' ') + hop.detail;
    text += line + "\n";
    std::string where = WhereText(hop.where);
    if (!where.empty()) text += std::string(detail_column, ' ') + "at " + where + "\n";
  }
  return text;
}

std::string PathSummaryText(const analysis::Path& hops) {
  std::string text;
  std::string previous;
  for (const analysis::Hop& hop : hops) {
    if (hop.component == previous) continue;
    if (!text.empty()) text += " -> ";
    text += hop.component;
    previous = hop.component;
  }
  return text;
}

}  // namespace reachcheck::output
