// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the checks and the intent evaluator.
#include "lint/lint_util.h"

namespace reachcheck::lint {

base::SourceRef OriginOf(const model::Network& network, const std::string& id) {
  using model::kNone;
  model::Handle h = kNone;
  if ((h = network.FindInstance(id, kNone)) != kNone) return network.instances[h].origin;
  if ((h = network.FindInterface(id, kNone)) != kNone) return network.interfaces[h].origin;
  if ((h = network.FindSubnet(id, kNone)) != kNone) return network.subnets[h].origin;
  if ((h = network.FindVpc(id, kNone)) != kNone) return network.vpcs[h].origin;
  if ((h = network.FindInternetGateway(id, kNone)) != kNone) return network.internet_gateways[h].origin;
  if ((h = network.FindNatGateway(id, kNone)) != kNone) return network.nat_gateways[h].origin;
  if ((h = network.FindPeering(id, kNone)) != kNone) return network.peerings[h].origin;
  if ((h = network.FindSecurityGroup(id, kNone)) != kNone) return network.security_groups[h].origin;
  if ((h = network.FindNetworkAcl(id, kNone)) != kNone) return network.network_acls[h].origin;
  if ((h = network.FindRouteTable(id, kNone)) != kNone) return network.route_tables[h].origin;
  return {};
}

std::string PathSummary(const analysis::Path& hops) {
  std::string out;
  std::string last;
  for (const analysis::Hop& hop : hops) {
    if (hop.component == last) continue;
    last = hop.component;
    out += (out.empty() ? "" : " -> ") + hop.component;
  }
  return out;
}

std::string ServiceText(const net::ProtocolSet& protocols, const net::PortSet& ports) {
  net::ServiceMatch service{protocols, ports};
  return service.ToString();
}

std::string Label(const model::Element& element) {
  std::string name = element.Name();
  return name.empty() ? element.id.str() : element.id + " (" + name + ")";
}

std::string AddressText(const net::AddressSet& addresses, std::size_t limit) {
  std::vector<net::Cidr> cidrs = addresses.ToCidrs();
  if (cidrs.empty()) return "(none)";
  std::string out;
  for (std::size_t i = 0; i < cidrs.size() && i < limit; ++i)
    out += (i == 0 ? "" : ", ") + cidrs[i].ToString();
  if (cidrs.size() > limit) out += " and " + std::to_string(cidrs.size() - limit) + " more";
  return out;
}

std::string JoinComma(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace reachcheck::lint
