// SPDX-License-Identifier: Apache-2.0
// peering-route-missing: an active peering that no route table uses on one or both sides;
// traffic (or its replies) then never crosses it.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "lint/checks/builtin_checks.h"
#include "lint/lint_util.h"

namespace reachcheck::lint::checks {
namespace peering_route_missing {

// Route tables with a route to a peering, by (VPC, peering id): one pass over every route.
std::map<std::pair<model::Handle, std::string>, std::vector<std::string>> TablesByPeering(
    const model::Network& network) {
  std::map<std::pair<model::Handle, std::string>, std::vector<std::string>> out;
  for (const model::RouteTable& table : network.route_tables) {
    for (const model::Route& route : table.routes) {
      if (route.target_kind != model::TargetKind::kPeering) continue;
      std::vector<std::string>& tables = out[{table.vpc, route.target_id}];
      if (tables.empty() || tables.back() != table.id) tables.push_back(table.id);
    }
  }
  return out;
}

class Check : public NativeCheck {
 public:
  const char* Name() const override { return "peering-route-missing"; }
  const char* Summary() const override {
    return "active peering connections without routes on one or both sides";
  }
  void Run(const CheckContext& context, std::vector<Finding>& out) const override {
    const model::Network& network = context.network();
    const auto routed = TablesByPeering(network);
    for (const model::VpcPeering& pcx : network.peerings) {
      if (!pcx.Active()) continue;
      const model::PeeringSide* sides[2] = {&pcx.requester, &pcx.accepter};
      bool known[2];
      std::vector<std::string> tables[2];
      for (int i = 0; i < 2; ++i) {
        known[i] = sides[i]->vpc != model::kNone && sides[i]->vpc < network.vpcs.size();
        if (!known[i]) continue;
        auto found = routed.find({sides[i]->vpc, pcx.id});
        if (found != routed.end()) tables[i] = found->second;
      }
      if (!known[0] && !known[1]) continue;
      std::vector<std::string> resources = {pcx.id, pcx.requester.vpc_id, pcx.accepter.vpc_id};
      std::string message;
      if (known[0] && known[1]) {
        if (tables[0].empty() && tables[1].empty()) {
          message = pcx.id + " is active but no route table of " + pcx.requester.vpc_id + " or " +
                    pcx.accepter.vpc_id + " routes to it: nothing crosses the peering";
        } else if (tables[0].empty() || tables[1].empty()) {
          int with = tables[0].empty() ? 1 : 0;
          int without = 1 - with;
          message = pcx.id + " is routed only from " + sides[with]->vpc_id + " (" + JoinComma(tables[with]) +
                    "); no route table of " + sides[without]->vpc_id +
                    " routes to it, so replies to traffic from " + sides[with]->vpc_id +
                    " cannot return and " + sides[without]->vpc_id + " cannot start connections";
        }
      } else {
        int seen = known[0] ? 0 : 1;
        if (tables[seen].empty()) {
          message = pcx.id + " is active but no route table of " + sides[seen]->vpc_id +
                    " routes to it (the other side, " + sides[1 - seen]->vpc_id + ", is not in the snapshot)";
        }
      }
      if (message.empty()) continue;
      out.push_back(context.Make(resources, message, pcx.origin));
    }
  }
};

}  // namespace peering_route_missing

const NativeCheck& PeeringRouteMissing() {
  static const peering_route_missing::Check kCheck;
  return kCheck;
}

}  // namespace reachcheck::lint::checks
