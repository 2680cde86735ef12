// SPDX-License-Identifier: Apache-2.0
// Model helpers the native checks share: a subnet's route table, internet-gateway routes,
// which subnets use a table.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "reachcheck/model/network.h"

namespace reachcheck::lint {

/// The subnet's effective route table (explicit association, else main), or nullptr.
const model::RouteTable* RouteTableOf(const model::Network& network, const model::Subnet& subnet);

/// Whether the gateway is attached ("available"/"attached") to `vpc`.
bool AttachedTo(const model::InternetGateway& gateway, model::Handle vpc);

/// The internet gateway (not egress-only) a route targets, looked up by id, or nullptr.
const model::InternetGateway* RouteGateway(const model::Network& network, const model::RouteTable& table,
                                           const model::Route& route);

/// Whether `table` has an active route to an internet gateway (not egress-only); with
/// `attached`, only one attached to `vpc` counts.
bool HasIgwRoute(const model::Network& network, const model::RouteTable* table, bool attached,
                 model::Handle vpc);

/// Ids of the subnets whose effective route table is each table, sorted; indexed on first
/// use (one pass over the subnets), so that a check asks per route without rescanning.
class SubnetsByTable {
 public:
  explicit SubnetsByTable(const model::Network& network) : network_(network) {}
  const std::vector<std::string>& Of(const model::RouteTable& table);

 private:
  const model::Network& network_;
  std::unordered_map<const model::RouteTable*, std::vector<std::string>> by_table_;
  bool indexed_ = false;
};

/// "rtb-1" and " (main)" when the subnet uses its VPC's main table.
std::string TableText(const model::Subnet& subnet, const model::RouteTable& table);

}  // namespace reachcheck::lint
