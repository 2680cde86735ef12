// SPDX-License-Identifier: Apache-2.0
// Model helpers the native checks share.
#include "lint/checks/check_util.h"

#include <algorithm>

namespace reachcheck::lint {

const model::RouteTable* RouteTableOf(const model::Network& network, const model::Subnet& subnet) {
  if (subnet.route_table == model::kNone || subnet.route_table >= network.route_tables.size()) return nullptr;
  return &network.route_tables[subnet.route_table];
}

bool AttachedTo(const model::InternetGateway& gateway, model::Handle vpc) {
  return std::any_of(gateway.attachments.begin(), gateway.attachments.end(),
                     [&](const model::GatewayAttachment& a) { return a.Attached() && a.vpc == vpc; });
}

const model::InternetGateway* RouteGateway(const model::Network& network, const model::RouteTable& table,
                                           const model::Route& route) {
  if (route.target_kind != model::TargetKind::kInternetGateway) return nullptr;
  model::Handle h = network.FindInternetGateway(route.target_id, table.scope);
  if (h == model::kNone) return nullptr;
  return &network.internet_gateways[h];
}

bool HasIgwRoute(const model::Network& network, const model::RouteTable* table, bool attached,
                 model::Handle vpc) {
  if (table == nullptr) return false;
  for (const model::Route& route : table->routes) {
    if (route.target_kind != model::TargetKind::kInternetGateway) continue;
    if (route.state != model::RouteState::kActive) continue;
    if (!attached) return true;
    const model::InternetGateway* gateway = RouteGateway(network, *table, route);
    if (gateway != nullptr && !gateway->egress_only && AttachedTo(*gateway, vpc)) return true;
  }
  return false;
}

const std::vector<std::string>& SubnetsByTable::Of(const model::RouteTable& table) {
  if (!indexed_) {
    for (const model::Subnet& subnet : network_.subnets) {
      if (const model::RouteTable* used = RouteTableOf(network_, subnet))
        by_table_[used].push_back(subnet.id);
    }
    for (auto& [used, ids] : by_table_) std::sort(ids.begin(), ids.end());
    indexed_ = true;
  }
  static const std::vector<std::string> kNone;
  auto found = by_table_.find(&table);
  return found == by_table_.end() ? kNone : found->second;
}

std::string TableText(const model::Subnet& subnet, const model::RouteTable& table) {
  return table.id + (subnet.route_table_is_main ? " (the VPC's main table)" : "");
}

}  // namespace reachcheck::lint
