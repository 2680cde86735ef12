// SPDX-License-Identifier: Apache-2.0
// nat-in-private-subnet: a public NAT gateway whose own subnet has no route to an attached
// internet gateway, so nothing that routes through it reaches the internet.
#include <string>
#include <vector>

#include "lint/checks/builtin_checks.h"
#include "lint/checks/check_util.h"
#include "lint/lint_util.h"

namespace reachcheck::lint::checks {
namespace nat_in_private_subnet {

class Check : public NativeCheck {
 public:
  const char* Name() const override { return "nat-in-private-subnet"; }
  const char* Summary() const override {
    return "public NAT gateways placed in a subnet without a route to an attached internet gateway";
  }
  void Run(const CheckContext& context, std::vector<Finding>& out) const override {
    const model::Network& network = context.network();
    for (const model::NatGateway& nat : network.nat_gateways) {
      if (!nat.IsPublic()) continue;
      if (nat.state == "deleted" || nat.state == "deleting" || nat.state == "failed") continue;
      if (nat.subnet == model::kNone || nat.subnet >= network.subnets.size()) continue;
      const model::Subnet& subnet = network.subnets[nat.subnet];
      const model::RouteTable* table = RouteTableOf(network, subnet);
      if (HasIgwRoute(network, table, true, subnet.vpc)) continue;
      std::vector<std::string> resources = {nat.id, subnet.id};
      std::string why;
      if (table == nullptr) {
        why = "which has no route table in the snapshot";
      } else {
        resources.push_back(table->id);
        why = "whose route table " + TableText(subnet, *table) +
              " has no route to an attached internet gateway";
        if (HasIgwRoute(network, table, false, subnet.vpc)) {
          why +=
              " (its internet-gateway route targets a gateway that is missing, detached or attached to "
              "another VPC)";
        }
      }
      out.push_back(context.Make(resources,
                                 nat.id + " is in " + Label(subnet) + ", " + why +
                                     ": traffic sent to the NAT gateway cannot leave for the internet",
                                 nat.origin));
    }
  }
};

}  // namespace nat_in_private_subnet

const NativeCheck& NatInPrivateSubnet() {
  static const nat_in_private_subnet::Check kCheck;
  return kCheck;
}

}  // namespace reachcheck::lint::checks
