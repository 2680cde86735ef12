// SPDX-License-Identifier: Apache-2.0
// private-subnet-no-egress: a subnet without a route to an internet gateway whose hosts have
// no working path to the internet at all, decided by the engine (a host of the subnet asks
// for the service ports at every internet address), with the AWS services it then misses.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "lint/checks/builtin_checks.h"
#include "lint/checks/check_util.h"
#include "lint/lint_util.h"

namespace reachcheck::lint::checks {
namespace private_subnet_no_egress {

// Whether the subnet's default IPv4 route goes to a public NAT gateway that sits in a subnet
// without an internet-gateway route: nat-in-private-subnet reports that root cause.
bool DefaultRouteToMisplacedNat(const model::Network& network, const model::RouteTable& table) {
  for (const model::Route& route : table.routes) {
    if (!route.destination || route.destination->length != 0 || !route.destination->base.is_v4()) continue;
    if (route.target_kind != model::TargetKind::kNatGateway || route.state != model::RouteState::kActive)
      continue;
    model::Handle h = network.FindNatGateway(route.target_id, table.scope);
    if (h == model::kNone) return false;
    const model::NatGateway& nat = network.nat_gateways[h];
    if (!nat.IsPublic() || nat.subnet == model::kNone || nat.subnet >= network.subnets.size()) return false;
    const model::Subnet& nat_subnet = network.subnets[nat.subnet];
    return !HasIgwRoute(network, RouteTableOf(network, nat_subnet), true, nat_subnet.vpc);
  }
  return false;
}

// Services (by endpoint service name suffix) the subnet can still reach through an endpoint.
std::set<std::string> ServicesWithEndpoint(const model::Network& network, const model::Subnet& subnet,
                                           const model::RouteTable* table) {
  std::set<std::string> reachable;
  for (const model::VpcEndpoint& endpoint : network.endpoints) {
    if (endpoint.vpc != subnet.vpc) continue;
    if (!endpoint.state.empty() && endpoint.state != "available" && endpoint.state != "Available") continue;
    const std::string_view service_name = endpoint.service_name;
    std::size_t dot =
        service_name.starts_with("com.amazonaws.") ? service_name.find('.', 14) : std::string_view::npos;
    std::string service(dot == std::string_view::npos ? service_name : service_name.substr(dot + 1));
    bool usable = false;
    if (endpoint.type == "Gateway") {
      usable = table != nullptr && std::find(endpoint.route_table_ids.begin(), endpoint.route_table_ids.end(),
                                             table->id) != endpoint.route_table_ids.end();
    } else {
      usable = true;  // an interface endpoint serves the whole VPC (private DNS)
    }
    if (usable) reachable.insert(service);
  }
  return reachable;
}

class Check : public NativeCheck {
 public:
  const char* Name() const override { return "private-subnet-no-egress"; }
  const char* Summary() const override {
    return "subnets whose hosts have no working path to the internet (engine-computed)";
  }
  std::vector<ParamSpec> Parameters() const override {
    return {{"ports", ParamType::kPortList, "[443]", "tcp ports asked for at every internet address"},
            {"services", ParamType::kStringList, R"(["ecr.api", "ecr.dkr", "s3", "sts", "logs"])",
             "AWS services (endpoint service names) to list as unreachable without a VPC endpoint"},
            {"require_interfaces", ParamType::kBool, "true",
             "only report subnets that hold at least one network interface"}};
  }
  void Run(const CheckContext& context, std::vector<Finding>& out) const override {
    const model::Network& network = context.network();
    net::PortSet ports = context.Ports("ports");
    bool require_interfaces = context.Flag("require_interfaces");
    std::vector<std::string> services = context.Strings("services");
    analysis::EndpointResolution internet = analysis::ResolveEndpoint(network, "internet");
    if (!internet.ok) return;
    analysis::Query query;  // one question per subnet; only the source changes
    query.destination = std::move(internet.endpoint);
    query.protocols = net::ProtocolSet::Single(net::kTcp);
    query.exact_internet_addresses = false;  // only verdicts, paths and blockers are read
    query.ports = ports;
    std::vector<std::vector<std::string>> hosts_of(network.subnets.size());
    for (const model::NetworkInterface& eni : network.interfaces) {
      if (eni.subnet != model::kNone && eni.subnet < hosts_of.size()) hosts_of[eni.subnet].push_back(eni.id);
    }
    for (model::Handle s = 0; s < network.subnets.size(); ++s) {
      const model::Subnet& subnet = network.subnets[s];
      if (subnet.vpc == model::kNone) continue;
      const model::RouteTable* table = RouteTableOf(network, subnet);
      if (HasIgwRoute(network, table, false, subnet.vpc)) continue;  // meant to be public
      const std::vector<std::string>& hosts = hosts_of[s];
      if (require_interfaces && hosts.empty()) continue;
      if (table != nullptr && DefaultRouteToMisplacedNat(network, *table)) continue;
      query.source.kind = analysis::EndpointKind::kSubnet;
      query.source.text = subnet.id;
      query.source.subnet = s;
      analysis::QueryResult result = context.engine().Analyze(query);
      // A class that the subnet's own ACL denies on the way out is the subnet's policy (a
      // database subnet that may not start connections), not a missing path, whatever else
      // the walk found after it.
      std::string own_acl =
          subnet.network_acl != model::kNone && subnet.network_acl < network.network_acls.size()
              ? network.network_acls[subnet.network_acl].id
              : "";
      bool only_own_acl = true;
      bool any_reachable = false;
      bool unknown = false;  // a path reaches a component the engine does not analyse
      std::vector<std::string> reasons;
      std::set<std::string> seen;
      for (const analysis::PacketClass& c : result.classes) {
        if (c.reachable) any_reachable = true;
        bool to_endpoint = false;
        bool own_policy = false;
        for (const analysis::Blocker& b : c.blocked_by) {
          if (b.code == "COMPONENT_NOT_ANALYSED") {
            // A VPC endpoint serves one AWS service (listed below), not the internet; any
            // other unanalysed component (transit gateway, VPN...) may well lead out.
            if (b.component.rfind("vpce-", 0) == 0)
              to_endpoint = true;
            else
              unknown = true;
          }
          if (b.component == own_acl && b.direction == "egress" && !b.return_path) own_policy = true;
        }
        if (c.reachable || to_endpoint) continue;
        if (!own_policy) only_own_acl = false;
        for (const analysis::Blocker& b : c.blocked_by) {
          std::string reason = b.component + " (" + b.code + (b.detail.empty() ? "" : ": " + b.detail) + ")";
          if (seen.insert(reason).second && reasons.size() < 3) reasons.push_back(reason);
        }
      }
      if (any_reachable || unknown || only_own_acl) continue;
      std::set<std::string> served = ServicesWithEndpoint(network, subnet, table);
      std::vector<std::string> missing, present;
      for (const std::string& service : services)
        (served.count(service) ? present : missing).push_back(service);
      std::string message = "hosts in " + Label(subnet) + " have no working path to the internet: tcp/" +
                            net::PortSetToString(ports) + " to every internet address is blocked";
      message += reasons.empty() ? "" : " by " + JoinComma(reasons);
      if (!missing.empty()) {
        message += "; without a VPC endpoint they cannot reach " + JoinComma(missing);
        if (!present.empty()) message += " (" + JoinComma(present) + " reachable through an endpoint)";
      }
      std::vector<std::string> resources = {subnet.id};
      if (table != nullptr) resources.push_back(table->id);
      resources.insert(resources.end(), hosts.begin(), hosts.end());
      out.push_back(context.Make(resources, message, subnet.origin));
    }
  }
};

}  // namespace private_subnet_no_egress

const NativeCheck& PrivateSubnetNoEgress() {
  static const private_subnet_no_egress::Check kCheck;
  return kCheck;
}

}  // namespace reachcheck::lint::checks
