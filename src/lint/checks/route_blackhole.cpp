// SPDX-License-Identifier: Apache-2.0
// route-blackhole: a route in blackhole state, or whose target is not in the snapshot
// although the snapshot lists resources of that kind.
#include <string>
#include <vector>

#include "lint/checks/builtin_checks.h"
#include "lint/checks/check_util.h"
#include "lint/lint_util.h"

namespace reachcheck::lint::checks {
namespace route_blackhole {

// Whether the route's target exists; also false when the snapshot cannot tell (then `known`
// is false: the snapshot has no resource of that kind at all).
bool TargetExists(const model::Network& network, const model::RouteTable& table, const model::Route& route,
                  bool* known) {
  *known = true;
  const base::Text& id = route.target_id;
  switch (route.target_kind) {
    case model::TargetKind::kInternetGateway:
    case model::TargetKind::kEgressOnlyInternetGateway:
      *known = !network.internet_gateways.empty();
      return network.FindInternetGateway(id, table.scope) != model::kNone;
    case model::TargetKind::kNatGateway:
      *known = !network.nat_gateways.empty();
      return network.FindNatGateway(id, table.scope) != model::kNone;
    case model::TargetKind::kPeering:
      *known = !network.peerings.empty();
      return network.FindPeering(id, table.scope) != model::kNone;
    case model::TargetKind::kNetworkInterface:
      *known = !network.interfaces.empty();
      return network.FindInterface(id, table.scope) != model::kNone;
    case model::TargetKind::kInstance:
      *known = !network.instances.empty();
      return network.FindInstance(id, table.scope) != model::kNone;
    default:
      *known = false;
      return true;
  }
}

// A route to an existing internet gateway that is not attached to the table's VPC is
// igw-route-not-attached's finding, whatever state AWS shows for it.
bool IgwRouteNotAttachedReports(const model::Network& network, const model::RouteTable& table,
                                const model::Route& route) {
  if (route.target_kind != model::TargetKind::kInternetGateway &&
      route.target_kind != model::TargetKind::kEgressOnlyInternetGateway) {
    return false;
  }
  model::Handle h = network.FindInternetGateway(route.target_id, table.scope);
  return h != model::kNone && table.vpc != model::kNone &&
         !AttachedTo(network.internet_gateways[h], table.vpc);
}

class Check : public NativeCheck {
 public:
  const char* Name() const override { return "route-blackhole"; }
  const char* Summary() const override {
    return "routes in blackhole state, or whose target is not in the snapshot";
  }
  void Run(const CheckContext& context, std::vector<Finding>& out) const override {
    const model::Network& network = context.network();
    SubnetsByTable users_of(network);
    for (const model::RouteTable& table : network.route_tables) {
      for (const model::Route& route : table.routes) {
        if (IgwRouteNotAttachedReports(network, table, route)) continue;  // the more specific rule
        bool known = true;
        bool exists = TargetExists(network, table, route, &known);
        std::string problem;
        if (route.state == model::RouteState::kBlackhole) {
          problem = "is a blackhole (AWS reports its target " + route.target_id + " as gone)";
        } else if (known && !exists) {
          problem = std::string("targets ") + model::TargetKindName(route.target_kind) + " " +
                    route.target_id + ", which is not in the snapshot";
        } else {
          continue;
        }
        const std::vector<std::string>& subnets = users_of.Of(table);
        std::string users = subnets.empty() ? "no subnet uses this table"
                                            : "traffic from " + JoinComma(subnets) + " to " +
                                                  route.DestinationText() + " is dropped";
        std::vector<std::string> resources = {table.id};
        if (!route.target_id.empty()) resources.push_back(route.target_id);
        out.push_back(context.Make(resources,
                                   "route " + route.DestinationText() + " -> " + route.target_id + " in " +
                                       table.id + " " + problem + ": " + users,
                                   route.origin));
      }
    }
  }
};

}  // namespace route_blackhole

const NativeCheck& RouteBlackhole() {
  static const route_blackhole::Check kCheck;
  return kCheck;
}

}  // namespace reachcheck::lint::checks
