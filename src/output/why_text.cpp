// SPDX-License-Identifier: Apache-2.0
// `why` as text, written for an engineer in an incident: the verdict first, then what blocks.
#include "reachcheck/output/why_text.h"

#include <algorithm>

#include "reachcheck/output/text_util.h"

namespace reachcheck::output {
namespace {

std::string UpperVerdict(analysis::Verdict verdict) {
  switch (verdict) {
    case analysis::Verdict::kReachable:
      return "REACHABLE";
    case analysis::Verdict::kUnreachable:
      return "UNREACHABLE";
    case analysis::Verdict::kPartial:
      return "PARTIAL";
  }
  return "UNREACHABLE";
}

std::string VerdictLine(const analysis::QueryResult& result, const WhyRequest& request) {
  std::size_t reachable = 0, unreachable = 0;
  for (const analysis::PacketClass& c : result.classes) (c.reachable ? reachable : unreachable)++;
  std::string line = UpperVerdict(result.verdict) + "  " + request.source + " -> " + request.destination +
                     " (" + QueryServiceText(request.protocol, request.ports) + "): ";
  if (result.classes.empty()) return line + "no packet matches the question\n";
  if (reachable > 0 && unreachable > 0) {
    line +=
        Count(reachable, "class", "classes") + " reachable, " + std::to_string(unreachable) + " unreachable";
  } else if (reachable > 0) {
    line += Count(reachable, "class", "classes") + " reachable";
  } else {
    line += Count(unreachable, "class", "classes") + " unreachable";
  }
  return line + "\n";
}

// Whether any protocol of the class has source ports (tcp, udp).
bool UsesSourcePorts(const net::ProtocolSet& protocols) {
  return protocols.Contains(net::kTcp) || protocols.Contains(net::kUdp);
}

std::string BlockerListText(const std::vector<analysis::Blocker>& blockers, const std::string& indent) {
  std::size_t component_width = 0, code_width = 0;
  for (const analysis::Blocker& b : blockers) {
    component_width = std::max(component_width, b.component.size());
    code_width = std::max(code_width, b.code.size());
  }
  std::size_t number_width = std::to_string(blockers.size()).size();
  std::string text;
  for (std::size_t i = 0; i < blockers.size(); ++i) {
    const analysis::Blocker& b = blockers[i];
    std::string number = std::to_string(i + 1);
    std::string head = indent + std::string(number_width - number.size(), ' ') + number + ". ";
    std::string sub_indent(head.size() + 2, ' ');
    head += b.component + std::string(component_width - b.component.size() + 2, ' ') + b.code;
    if (!b.direction.empty() || b.return_path) {
      head += std::string(code_width - b.code.size() + 2, ' ') + b.direction;
      if (b.return_path) head += b.direction.empty() ? "(return path)" : " (return path)";
    }
    text += head + "\n";
    if (!b.detail.empty()) text += sub_indent + b.detail + "\n";
    std::string where = WhereText(b.where);
    if (!where.empty()) text += sub_indent + "at " + where + "\n";
  }
  return text;
}

std::string ClassText(const analysis::PacketClass& c, std::size_t number, const WhyDisplayOptions& options) {
  std::size_t limit = options.all ? 0 : options.max_cidrs;
  std::string service = ServiceText(c.protocols, c.ports);
  // Protocol numbers alone ("0,2-5,7-57") read better with a word in front.
  if (!service.empty() && service[0] >= '0' && service[0] <= '9') service = "protocols " + service;
  std::string text =
      "[" + std::to_string(number) + "] " + (c.reachable ? "REACHABLE  " : "UNREACHABLE  ") + service + "\n";
  std::string from = c.source;
  if (!c.source_addresses.IsEmpty()) {
    from += (from.empty() ? "" : " ") + AddressListText(c.source_addresses, limit);
  }
  if (UsesSourcePorts(c.protocols) && !c.source_ports.IsEmpty()) {
    from += ", source ports " + net::PortSetToString(c.source_ports);
  }
  text += "    from  " + from + "\n";
  text += "    to    " + AddressListText(c.destination, limit) + "\n";
  if (c.reachable) {
    if (!c.delivered_to.empty()) text += "    delivered to " + c.delivered_to + "\n";
    text += "    forward:\n" + HopListText(c.forward, "      ");
    if (!c.reply.empty()) text += "    return:\n" + HopListText(c.reply, "      ");
    return text;
  }
  if (!c.delivered_to.empty()) {
    bool only_return = std::all_of(c.blocked_by.begin(), c.blocked_by.end(),
                                   [](const analysis::Blocker& b) { return b.return_path; });
    text += "    " +
            (only_return ? "delivered to " + c.delivered_to + ", but the reply does not get back"
                         : "would reach " + c.delivered_to + " without the blockers below") +
            "\n";
  }
  text += "    blocked by " + Count(c.blocked_by.size(), "component", "components") + ":\n";
  text += BlockerListText(c.blocked_by, "      ");
  if (!c.suggestion.empty()) text += "    suggested fix: " + c.suggestion + "\n";
  if (!c.forward.empty()) text += "    forward path: " + PathSummaryText(c.forward) + "\n";
  if (!c.reply.empty()) text += "    return path:  " + PathSummaryText(c.reply) + "\n";
  return text;
}

}  // namespace

std::vector<const analysis::PacketClass*> DisplayOrder(const analysis::QueryResult& result) {
  std::vector<const analysis::PacketClass*> order;
  for (const analysis::PacketClass& c : result.classes) {
    if (!c.reachable) order.push_back(&c);
  }
  for (const analysis::PacketClass& c : result.classes) {
    if (c.reachable) order.push_back(&c);
  }
  return order;
}

std::string FormatWhyText(const analysis::QueryResult& result, const WhyRequest& request,
                          const WhyDisplayOptions& options) {
  std::string text = VerdictLine(result, request);
  for (const std::string& note : result.notes) text += "note: " + note + "\n";
  std::vector<const analysis::PacketClass*> order = DisplayOrder(result);
  std::size_t shown = order.size();
  if (!options.all && shown > options.max_classes) shown = options.max_classes;
  for (std::size_t i = 0; i < shown; ++i) text += "\n" + ClassText(*order[i], i + 1, options);
  if (shown < order.size()) {
    std::size_t reachable = 0, unreachable = 0;
    for (std::size_t i = shown; i < order.size(); ++i) (order[i]->reachable ? reachable : unreachable)++;
    std::string rest;
    if (unreachable > 0) rest += std::to_string(unreachable) + " unreachable";
    if (reachable > 0) rest += (rest.empty() ? "" : ", ") + std::to_string(reachable) + " reachable";
    text += "\n" + Count(order.size() - shown, "more class", "more classes") + " (" + rest +
            "); use --all to list them\n";
  }
  return text;
}

}  // namespace reachcheck::output
