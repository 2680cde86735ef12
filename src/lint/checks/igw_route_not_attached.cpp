// SPDX-License-Identifier: Apache-2.0
// igw-route-not-attached: a route to an internet gateway (or egress-only gateway) that is
// detached, or attached to another VPC than the route table's (AWS then shows the route as a
// blackhole; this rule reports it instead of route-blackhole, as the more specific cause).
#include <string>
#include <vector>

#include "lint/checks/builtin_checks.h"
#include "lint/checks/check_util.h"
#include "lint/lint_util.h"

namespace reachcheck::lint::checks {
namespace igw_route_not_attached {

class Check : public NativeCheck {
 public:
  const char* Name() const override { return "igw-route-not-attached"; }
  const char* Summary() const override {
    return "routes to an internet gateway that is not attached to the route table's VPC";
  }
  void Run(const CheckContext& context, std::vector<Finding>& out) const override {
    const model::Network& network = context.network();
    SubnetsByTable users_of(network);
    for (const model::RouteTable& table : network.route_tables) {
      if (table.vpc == model::kNone) continue;
      for (const model::Route& route : table.routes) {
        if (route.target_kind != model::TargetKind::kInternetGateway &&
            route.target_kind != model::TargetKind::kEgressOnlyInternetGateway) {
          continue;
        }
        model::Handle h = network.FindInternetGateway(route.target_id, table.scope);
        if (h == model::kNone) continue;  // missing target: route-blackhole's case
        const model::InternetGateway& gateway = network.internet_gateways[h];
        if (AttachedTo(gateway, table.vpc)) continue;
        std::vector<std::string> elsewhere;
        for (const model::GatewayAttachment& a : gateway.attachments) {
          if (a.Attached()) elsewhere.push_back(a.vpc_id);
        }
        std::string state = elsewhere.empty()
                                ? "is not attached to any VPC"
                                : "is attached to " + JoinComma(elsewhere) + ", not to " + table.vpc_id;
        const std::vector<std::string>& subnets = users_of.Of(table);
        std::string users = subnets.empty() ? "no subnet uses this table"
                                            : "traffic from " + JoinComma(subnets) + " to " +
                                                  route.DestinationText() + " is dropped";
        out.push_back(context.Make({table.id, gateway.id},
                                   "route " + route.DestinationText() + " -> " + gateway.id + " in " +
                                       table.id + ": the gateway " + state + " (BAD_STATE_ATTACHMENT); " +
                                       users,
                                   route.origin));
      }
    }
  }
};

}  // namespace igw_route_not_attached

const NativeCheck& IgwRouteNotAttached() {
  static const igw_route_not_attached::Check kCheck;
  return kCheck;
}

}  // namespace reachcheck::lint::checks
