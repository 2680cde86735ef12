// SPDX-License-Identifier: Apache-2.0
// Wording of hops and blockers, and the special IPv4 ranges.
#include "analysis/describe.h"

#include <utility>
#include <vector>

#include "reachcheck/net/cidr.h"
#include "reachcheck/net/protocol.h"

namespace reachcheck::analysis::detail {
namespace {

net::AddressSet RangesOf(std::initializer_list<const char*> texts) {
  net::AddressSet out;
  for (const char* text : texts) {
    net::CidrParse parse = net::ParseCidr(text);
    if (parse.cidr) out = out.Union(net::AddressSet::Of(*parse.cidr));
  }
  return out;
}

}  // namespace

Hop MakeHop(std::string component, std::string type, std::string detail, base::SourceRef where) {
  return Hop{std::move(component), std::move(type), std::move(detail), std::move(where)};
}

BlockerNote MakeBlocker(std::string component, const char* code, bool ingress, std::string detail,
                        base::SourceRef where) {
  BlockerNote note;
  note.blocker = Blocker{std::move(component), code, ingress ? "ingress" : "egress", false, std::move(detail),
                         std::move(where)};
  note.ingress = ingress;
  return note;
}

std::string AddressText(const net::AddressSet& set, std::size_t limit) {
  const std::vector<net::Cidr> cidrs = set.ToCidrs();
  if (cidrs.empty()) return "(none)";
  std::string out;
  for (std::size_t i = 0; i < cidrs.size() && i < limit; ++i) {
    if (i > 0) out += ", ";
    out += cidrs[i].ToString();
  }
  if (cidrs.size() > limit) out += " and " + std::to_string(cidrs.size() - limit) + " more";
  return out;
}

std::string TrafficText(const Box& box) {
  net::ServiceMatch service{box.proto, box.dport};
  return service.ToString();
}

const net::AddressSet& Rfc1918() {
  static const net::AddressSet set = RangesOf({"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"});
  return set;
}

const net::AddressSet& Rfc6598() {
  static const net::AddressSet set = RangesOf({"100.64.0.0/10"});
  return set;
}

}  // namespace reachcheck::analysis::detail
