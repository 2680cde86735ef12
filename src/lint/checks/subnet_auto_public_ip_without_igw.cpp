// SPDX-License-Identifier: Apache-2.0
// subnet-auto-public-ip-without-igw: a subnet that gives instances a public IPv4 address at
// launch but has no route to an attached internet gateway, so the addresses are unusable.
#include <string>
#include <vector>

#include "lint/checks/builtin_checks.h"
#include "lint/checks/check_util.h"
#include "lint/lint_util.h"

namespace reachcheck::lint::checks {
namespace subnet_auto_public_ip_without_igw {

class Check : public NativeCheck {
 public:
  const char* Name() const override { return "subnet-auto-public-ip-without-igw"; }
  const char* Summary() const override {
    return "subnets that auto-assign public IPv4 addresses but do not route to an internet gateway";
  }
  void Run(const CheckContext& context, std::vector<Finding>& out) const override {
    const model::Network& network = context.network();
    for (const model::Subnet& subnet : network.subnets) {
      if (!subnet.map_public_ip_on_launch) continue;
      const model::RouteTable* table = RouteTableOf(network, subnet);
      if (HasIgwRoute(network, table, true, subnet.vpc)) continue;
      std::vector<std::string> resources = {subnet.id};
      if (table != nullptr) resources.push_back(table->id);
      std::string where = table == nullptr ? "it has no route table in the snapshot"
                                           : "its route table " + TableText(subnet, *table) +
                                                 " has no route to an attached internet gateway";
      out.push_back(context.Make(
          resources,
          Label(subnet) +
              " assigns a public IPv4 address to every instance launched in it (MapPublicIpOnLaunch), but " +
              where +
              ": the addresses cannot be used, and the subnet becomes exposed as soon as such a route is "
              "added",
          subnet.origin));
    }
  }
};

}  // namespace subnet_auto_public_ip_without_igw

const NativeCheck& SubnetAutoPublicIpWithoutIgw() {
  static const subnet_auto_public_ip_without_igw::Check kCheck;
  return kCheck;
}

}  // namespace reachcheck::lint::checks
